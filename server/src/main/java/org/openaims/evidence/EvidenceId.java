package org.openaims.evidence;

import java.util.UUID;

import org.openaims.common.RecordId;

/** The id of an evidence item. */
public record EvidenceId(UUID value) implements RecordId {

	@Override
	public String toString() {
		return value.toString();
	}
}
