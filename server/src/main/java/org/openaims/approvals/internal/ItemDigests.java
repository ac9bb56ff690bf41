package org.openaims.approvals.internal;

import org.openaims.approvals.ReviewableRecord;

import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps beside every approval request the current digest of its item: whenever a reviewable record
 * is saved, in the same transaction. A list of requests then tells which items changed since they
 * were submitted from the requests' own rows.
 */
@Component
@SuppressWarnings("rawtypes")
class ItemDigests implements AfterSaveCallback<ReviewableRecord> {

	private final JdbcClient jdbc;

	ItemDigests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ReviewableRecord onAfterSave(ReviewableRecord record) {
		String digest = record.reviewDigest();
		if (digest != null) {
			jdbc.sql("UPDATE approval_requests SET item_digest = :digest WHERE item_type = :type AND item_id = :id "
					+ "AND (item_digest IS NULL OR item_digest <> :digest)")
				.param("digest", digest)
				.param("type", record.reviewRef().type().key())
				.param("id", record.reviewRef().itemId())
				.update();
		}
		return record;
	}
}
