package org.openaims.common;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Compares two objects field by field (the application's own types recursively, collections element by
 * element, sets in any order), for {@link AggregateBatch}'s cross-check of its row reader against the
 * converter. Answers the first difference as "path: expected vs actual", or null when there is none.
 */
final class SameFields {

	private SameFields() {
	}

	static String difference(Object expected, Object actual, String path) {
		if (expected == actual) {
			return null;
		}
		if (expected == null || actual == null) {
			return path + ": " + expected + " vs " + actual;
		}
		if (expected instanceof Collection<?> e && actual instanceof Collection<?> a) {
			return collections(e, a, path);
		}
		if (expected.getClass() != actual.getClass()) {
			return path + ": " + expected.getClass().getName() + " vs " + actual.getClass().getName();
		}
		if (expected instanceof BigDecimal e) {
			return e.compareTo((BigDecimal) actual) == 0 ? null : path + ": " + expected + " vs " + actual;
		}
		Class<?> type = expected.getClass();
		if (type.getName().startsWith("org.openaims.") && !type.isEnum()) {
			for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
				for (Field field : k.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic() || !field.trySetAccessible()) {
						continue;
					}
					try {
						String d = difference(field.get(expected), field.get(actual), path + "." + field.getName());
						if (d != null) {
							return d;
						}
					}
					catch (IllegalAccessException e) {
						return path + "." + field.getName() + ": not readable";
					}
				}
			}
			return null;
		}
		return Objects.deepEquals(expected, actual) ? null : path + ": " + expected + " vs " + actual;
	}

	private static String collections(Collection<?> expected, Collection<?> actual, String path) {
		if (expected.size() != actual.size()) {
			return path + ": " + expected.size() + " vs " + actual.size() + " elements";
		}
		if (expected instanceof List<?> e && actual instanceof List<?> a) {
			for (int i = 0; i < e.size(); i++) {
				String d = difference(e.get(i), a.get(i), path + "[" + i + "]");
				if (d != null) {
					return d;
				}
			}
			return null;
		}
		List<Object> unmatched = new ArrayList<>(actual);
		for (Object x : expected) {
			Iterator<Object> candidates = unmatched.iterator();
			boolean found = false;
			while (candidates.hasNext()) {
				if (difference(x, candidates.next(), path) == null) {
					candidates.remove();
					found = true;
					break;
				}
			}
			if (!found) {
				return path + ": no element like " + x;
			}
		}
		return null;
	}
}
