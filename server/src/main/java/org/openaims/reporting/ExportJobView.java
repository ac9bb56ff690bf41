package org.openaims.reporting;

import java.time.Instant;
import java.util.UUID;

import org.openaims.common.ExportFormat;

/**
 * A background export and how far it got: {@code rowsDone} of {@code rowsTotal} rows written; its file
 * is downloaded from {@code /api/v1/exports/{id}/file} once the status is {@code DONE}.
 */
public record ExportJobView(UUID id, String owner, String name, ExportFormat format, Status status, long rowsTotal, long rowsDone,
		Long fileSize, String error, Instant createdAt, Instant finishedAt) {

	public enum Status {
		WAITING, RUNNING, DONE, FAILED
	}

	/** How far the job got, 0 to 100. */
	@com.fasterxml.jackson.annotation.JsonProperty("percent")
	public int percent() {
		if (status == Status.DONE) {
			return 100;
		}
		return rowsTotal <= 0 ? 0 : (int) Math.min(99, rowsDone * 100 / rowsTotal);
	}
}
