package org.openaims.common;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The old and new value of one field in a change; events carry these so history can show them. */
public record FieldChange(Object from, Object to) {

	/** The fields whose values differ between two snapshots of a record, by field name. */
	public static Map<String, FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
		Map<String, FieldChange> changes = new TreeMap<>();
		after.forEach((field, value) -> {
			Object old = before.get(field);
			if (!Objects.equals(old, value)) {
				changes.put(field, new FieldChange(old, value));
			}
		});
		before.forEach((field, old) -> {
			if (!after.containsKey(field) && old != null) {
				changes.put(field, new FieldChange(old, null));
			}
		});
		return changes;
	}
}
