package org.openaims.lifecycle.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.lifecycle.ChangeDetails;
import org.openaims.lifecycle.ChangeFilter;
import org.openaims.lifecycle.ChangeService;
import org.openaims.lifecycle.ChangeStatus;
import org.openaims.lifecycle.ChangeType;
import org.openaims.lifecycle.ChangeView;
import org.openaims.lifecycle.GateDecisionView;
import org.openaims.lifecycle.GateService;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Change tickets over REST: open, edit, submit for approval, cancel; the release gate's answer
 * ({@code GET …/gate} evaluates, {@code POST …/gate} decides and records).
 */
@RestController
@RequestMapping("/api/v1/changes")
class ChangeApiController {

	private final ChangeService changes;

	private final GateService gate;

	private final org.openaims.reporting.Exports exports;

	ChangeApiController(ChangeService changes, GateService gate, org.openaims.reporting.Exports exports) {
		this.changes = changes;
		this.gate = gate;
		this.exports = exports;
	}

	/** Lists changes, newest first. Filters: {@code aiSystem}, {@code status}, {@code type}, {@code q}. Sort: {@code opened}, {@code title}. */
	@GetMapping
	Page<ChangeView> list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) ChangeStatus status,
			@RequestParam(required = false) ChangeType type, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return changes.list(new ChangeFilter(aiSystem, status, type, q), new PageRequest(limit, after, sort));
	}

	/** The list (same filters) as {@code csv} (default), {@code xlsx} or {@code pdf}. */
	@GetMapping("/export")
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(
			@RequestParam(required = false) String format, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) ChangeStatus status, @RequestParam(required = false) ChangeType type,
			@RequestParam(required = false) String q) {
		org.openaims.common.ExportFormat chosen = org.openaims.common.ExportFormat.parse(format == null ? "csv" : format);
		return org.openaims.reporting.ExportResponses.api(exports, changes.exportTable(new ChangeFilter(aiSystem, status, type, q),
				exports.batchRows()), chosen);
	}

	@PostMapping
	ResponseEntity<ChangeView> open(@Valid @RequestBody ChangeDetails details) {
		ChangeView created = changes.open(details);
		return ResponseEntity.created(URI.create("/api/v1/changes/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	ChangeView get(@PathVariable UUID id) {
		return changes.get(id);
	}

	@PutMapping("/{id}")
	ChangeView change(@PathVariable UUID id, @Valid @RequestBody ChangeDetails details) {
		return changes.change(id, details);
	}

	/** Submits the change for approval (optional {@code dueDate}, {@code note}). */
	@PostMapping("/{id}/submit")
	ChangeView submit(@PathVariable UUID id, @RequestBody(required = false) SubmitRequest request) {
		return changes.submit(id, request == null ? null : request.dueDate(), request == null ? null : request.note());
	}

	record SubmitRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, String note) {
	}

	@PostMapping("/{id}/cancel")
	ChangeView cancel(@PathVariable UUID id, @RequestBody CancelRequest request) {
		return changes.cancel(id, request.reason());
	}

	record CancelRequest(String reason) {
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return changes.history(id);
	}

	/** The gate's answer as the records stand now, not recorded. */
	@GetMapping("/{id}/gate")
	GateDecisionView evaluate(@PathVariable UUID id) {
		return gate.evaluate(id);
	}

	/** Decides: the answer is recorded, written to the ledger and signed (its statement at {@code /api/v1/gate-decisions/{id}/statement}). */
	@PostMapping("/{id}/gate")
	ResponseEntity<GateDecisionView> decide(@PathVariable UUID id) {
		GateDecisionView decision = gate.decide(id);
		return ResponseEntity.created(URI.create("/api/v1/gate-decisions/" + decision.id())).body(decision);
	}
}
