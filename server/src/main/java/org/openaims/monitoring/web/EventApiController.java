package org.openaims.monitoring.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.monitoring.BatchReceipt;
import org.openaims.monitoring.EventIngest;
import org.openaims.monitoring.EventQueries;
import org.openaims.monitoring.EventType;
import org.openaims.monitoring.EventView;
import org.openaims.monitoring.MonitoringJobs;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operational events over REST: the HTTP adapter of ingest ({@code POST /api/v1/events}, a JSON array or
 * NDJSON), the events and batches, an event's inclusion proof (a JSON file {@code aims verify} checks
 * offline), a system's counts per hour and its retention.
 */
@RestController
class EventApiController {

	private final EventIngest ingest;

	private final EventQueries queries;

	private final MonitoringJobs jobs;

	EventApiController(EventIngest ingest, EventQueries queries, MonitoringJobs jobs) {
		this.ingest = ingest;
		this.queries = queries;
		this.jobs = jobs;
	}

	/**
	 * Accepts a batch of events: 201 with its receipt; 200 with the first receipt ({@code duplicate}) when
	 * the batch id was accepted before; 400 naming each bad event; 429 with {@code Retry-After} when ingest
	 * is saturated. The batch id is {@code batchId} or the {@code Idempotency-Key} header (absent: the
	 * body's SHA-256).
	 */
	@PostMapping(path = "/api/v1/events", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<BatchReceipt> push(@RequestBody byte[] body, @RequestParam(required = false) String batchId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		BatchReceipt receipt = ingest.ingest(body, batchId != null ? batchId : idempotencyKey, "HTTP");
		return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/event-batches/" + receipt.batchId())).body(receipt);
	}

	/** A system's events, newest first ({@code aiSystem} is required). Filters: {@code type}, {@code from}, {@code to} (event time), {@code late}. */
	@GetMapping("/api/v1/events")
	Page<EventView> events(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) String type,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to, @RequestParam(required = false) Boolean late,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		if (aiSystem == null) {
			// read per system: the table is indexed (and grows) by system and time
			throw new org.openaims.common.InvalidInputException("aiSystem", "name the AI system whose events to list");
		}
		EventType t = type == null ? null : EventType.read(type)
			.orElseThrow(() -> new org.openaims.common.InvalidInputException("type", "must be one of " + EventType.names()));
		return queries.events(aiSystem, t, from, to, late, new PageRequest(limit, after, null));
	}

	@GetMapping("/api/v1/event-batches")
	Page<BatchReceipt> batches(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		return queries.batches(new PageRequest(limit, after, null));
	}

	@GetMapping("/api/v1/event-batches/{id}")
	BatchReceipt batch(@PathVariable UUID id) {
		return queries.batch(id);
	}

	/** The inclusion proof of event {@code index} (from 0) of a batch, as a download. */
	@GetMapping("/api/v1/event-batches/{id}/events/{index}/proof")
	ResponseEntity<byte[]> proof(@PathVariable UUID id, @PathVariable int index) {
		byte[] bundle = queries.proof(id, index).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("event-" + id + "-" + index + ".proof.json").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bundle);
	}

	/** A system's events per hour and type over the last {@code hours} (default 24). */
	@GetMapping("/api/v1/monitoring/systems/{id}/series")
	EventQueries.Series series(@PathVariable UUID id, @RequestParam(required = false) Integer hours) {
		return queries.series(id, hours == null ? 24 : hours);
	}

	@GetMapping("/api/v1/monitoring/systems/{id}/retention")
	MonitoringJobs.Retention retention(@PathVariable UUID id) {
		return jobs.retention(id);
	}

	@PutMapping("/api/v1/monitoring/systems/{id}/retention")
	MonitoringJobs.Retention setRetention(@PathVariable UUID id, @RequestBody Map<String, Integer> body) {
		return jobs.setRetention(id, body == null ? null : body.get("retentionDays"));
	}
}
