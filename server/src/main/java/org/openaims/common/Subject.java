package org.openaims.common;

/** The record an event is about, e.g. {@code ai-system} and its id; the ledger keeps history by subject. */
public record Subject(String type, String id) {

	public static Subject of(String type, Object id) {
		return new Subject(type, String.valueOf(id));
	}
}
