package org.openaims.approvals;

import java.util.Objects;

import org.openaims.common.RecordId;
import org.openaims.common.Subject;

/** A typed reference to one record under review: its type and its id. */
public record ItemRef<ID extends RecordId>(ReviewType<ID> type, ID id) {

	public ItemRef {
		Objects.requireNonNull(type);
		Objects.requireNonNull(id);
	}

	/** The id as the approval requests store it. */
	public String itemId() {
		return id.value().toString();
	}

	/** The ledger subject of the review events the item registers. */
	public Subject subject() {
		return new Subject(type.subjectType(), itemId());
	}
}
