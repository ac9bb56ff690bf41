package org.openaims.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.UUID;

/**
 * The id of a record, typed by what it identifies so that a risk's id cannot be passed where a
 * policy's is meant. Each module exports the ids others refer to as records of one UUID, e.g.
 * {@code record RiskId(UUID value) implements RecordId}; controllers take them as path variables
 * and request parameters (one converter binds them all).
 */
public interface RecordId {

	UUID value();

	/** The id of type {@code type} written as {@code text}; {@link IllegalArgumentException} when it is no UUID. */
	static <T extends RecordId> T parse(Class<T> type, String text) {
		if (text == null) {
			throw new IllegalArgumentException("no id given");
		}
		UUID uuid = UUID.fromString(text.strip());
		return of(type, uuid);
	}

	/** The id of type {@code type} with the value {@code uuid}. */
	static <T extends RecordId> T of(Class<T> type, UUID uuid) {
		try {
			Constructor<T> constructor = type.getDeclaredConstructor(UUID.class);
			return constructor.newInstance(uuid);
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
			throw new IllegalStateException(type.getName() + " is no record of one UUID", e);
		}
		catch (InvocationTargetException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	/** The id's UUID, or empty when {@code text} is no UUID (ids of records that come as strings). */
	static java.util.Optional<UUID> uuid(String text) {
		try {
			return text == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}
}
