package org.openaims.approvals;

import java.util.Objects;

import org.openaims.common.RecordId;

/**
 * A type of reviewable record: its key (the approval requests' item type, e.g. {@code policy-version}),
 * the prefix of its review events' names ({@code PolicyVersion} → {@code PolicyVersionApproved}), the
 * id type its module exports, and the ledger subject type of the review events the record registers
 * (the key, unless the record's history is kept under another, as a risk's acceptance is under the risk).
 */
public record ReviewType<ID extends RecordId>(String key, String eventPrefix, Class<ID> idType, String subjectType) {

	public ReviewType {
		Objects.requireNonNull(key);
		Objects.requireNonNull(eventPrefix);
		Objects.requireNonNull(idType);
		Objects.requireNonNull(subjectType);
	}

	public static <ID extends RecordId> ReviewType<ID> of(String key, String eventPrefix, Class<ID> idType) {
		return new ReviewType<>(key, eventPrefix, idType, key);
	}

	/** The same type, its review events recorded under {@code subjectType} (with the item's id). */
	public ReviewType<ID> recordedAs(String subjectType) {
		return new ReviewType<>(key, eventPrefix, idType, subjectType);
	}

	/** The reference to one record of this type. */
	public ItemRef<ID> ref(ID id) {
		return new ItemRef<>(this, id);
	}

	/** An id of this type as the approval requests store it (a UUID string). */
	public ID id(String stored) {
		return RecordId.parse(idType, stored);
	}
}
