package org.openaims.ledger;

import java.time.Instant;
import java.util.List;

/**
 * One change in the history of a record, read from the ledger: when, who (and whether through an API
 * token), what happened, which fields changed from what to what, and other details of the event.
 */
public record HistoryEntry(long seq, Instant time, String actor, boolean viaToken, String event,
		List<FieldDiff> fields, List<Detail> details) {

	/** A field's value before and after (before is null for a newly created record). */
	public record FieldDiff(String field, String from, String to) {
	}

	/** Another value the event carries, e.g. a reason or a version label. */
	public record Detail(String name, String value) {
	}
}
