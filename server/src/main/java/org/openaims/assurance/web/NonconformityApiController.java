package org.openaims.assurance.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.assurance.ActionDetails;
import org.openaims.assurance.ActionUpdate;
import org.openaims.assurance.AuditView;
import org.openaims.assurance.NonconformityDetails;
import org.openaims.assurance.NonconformityFilter;
import org.openaims.assurance.NonconformityService;
import org.openaims.assurance.NonconformitySource;
import org.openaims.assurance.NonconformityStatus;
import org.openaims.assurance.NonconformityTrends;
import org.openaims.assurance.NonconformityView;
import org.openaims.assurance.OverdueAction;
import org.openaims.assurance.Severity;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.reporting.Exports;

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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Nonconformities and corrective action (10.2) over REST: raise, edit (correction, containment, root
 * cause), accept or dismiss a candidate, add and update actions, review effectiveness, submit the
 * closure for approval, schedule a follow-up audit; overdue actions and trends.
 */
@RestController
@RequestMapping("/api/v1/nonconformities")
class NonconformityApiController {

	private final NonconformityService nonconformities;

	private final Exports exports;

	NonconformityApiController(NonconformityService nonconformities, Exports exports) {
		this.nonconformities = nonconformities;
		this.exports = exports;
	}

	/**
	 * Lists nonconformities, newest first. Filters: {@code status}, {@code source}, {@code severity},
	 * {@code owner}, {@code requirement} (e.g. A.6.2.5), {@code aiSystem}, {@code q}. Sort: {@code raised}, {@code title}.
	 */
	@GetMapping
	Page<NonconformityView> list(@RequestParam(required = false) NonconformityStatus status,
			@RequestParam(required = false) NonconformitySource source, @RequestParam(required = false) Severity severity,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String requirement,
			@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return nonconformities.list(new NonconformityFilter(status, source, severity, owner, requirement, aiSystem, q),
				new PageRequest(limit, after, sort));
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) NonconformityStatus status, @RequestParam(required = false) NonconformitySource source,
			@RequestParam(required = false) Severity severity, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String requirement, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) String q) {
		return AssuranceApis.export(exports, nonconformities.exportTable(new NonconformityFilter(status, source, severity, owner, requirement,
				aiSystem, q), exports.batchRows()), format);
	}

	/** Open corrective actions past their due date, most overdue first (optional {@code owner}). Sort: {@code due}. */
	@GetMapping("/overdue-actions")
	Page<OverdueAction> overdue(@RequestParam(required = false) String owner, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return nonconformities.overdueActions(owner, new PageRequest(limit, after, sort));
	}

	/** Raised per month by source and by requirement ({@code from}, {@code to}: dates; the last 12 months by default). */
	@GetMapping("/trends")
	NonconformityTrends trends(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return nonconformities.trends(from, to);
	}

	@PostMapping
	ResponseEntity<NonconformityView> raise(@Valid @RequestBody NonconformityDetails details) {
		NonconformityView raised = nonconformities.raise(details);
		return ResponseEntity.created(URI.create("/api/v1/nonconformities/" + raised.id())).body(raised);
	}

	@GetMapping("/{id}")
	NonconformityView get(@PathVariable UUID id) {
		return nonconformities.get(id);
	}

	@PutMapping("/{id}")
	NonconformityView change(@PathVariable UUID id, @Valid @RequestBody NonconformityDetails details) {
		return nonconformities.change(id, details);
	}

	/** Accepts a candidate: it becomes an open nonconformity. */
	@PostMapping("/{id}/accept")
	NonconformityView accept(@PathVariable UUID id) {
		return nonconformities.decideCandidate(id, true, null);
	}

	/** Dismisses a candidate, with a {@code reason}. */
	@PostMapping("/{id}/dismiss")
	NonconformityView dismiss(@PathVariable UUID id, @RequestBody ReasonRequest request) {
		return nonconformities.decideCandidate(id, false, request.reason());
	}

	record ReasonRequest(String reason) {
	}

	@PostMapping("/{id}/actions")
	ResponseEntity<NonconformityView> addAction(@PathVariable UUID id, @Valid @RequestBody ActionDetails action) {
		return ResponseEntity.status(201).body(nonconformities.addAction(id, action));
	}

	@PutMapping("/{id}/actions/{actionId}")
	NonconformityView updateAction(@PathVariable UUID id, @PathVariable UUID actionId, @Valid @RequestBody ActionUpdate update) {
		return nonconformities.updateAction(id, actionId, update);
	}

	/** The effectiveness review: {@code effective} (true/false) and a {@code note}. */
	@PostMapping("/{id}/effectiveness")
	NonconformityView effectiveness(@PathVariable UUID id, @RequestBody EffectivenessRequest request) {
		if (request.effective() == null) {
			throw new InvalidInputException("effective", "say whether the actions were effective (true or false)");
		}
		return nonconformities.reviewEffectiveness(id, request.effective(), request.note());
	}

	record EffectivenessRequest(Boolean effective, String note) {
	}

	/** Submits the closure for approval (optional {@code dueDate}). */
	@PostMapping("/{id}/submit")
	NonconformityView submit(@PathVariable UUID id, @RequestBody(required = false) DueRequest request) {
		return nonconformities.submit(id, request == null ? null : request.dueDate());
	}

	record DueRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
	}

	/** Schedules a follow-up audit of the requirement: {@code programmeId}, {@code date}, {@code leadAuditor}. */
	@PostMapping("/{id}/follow-up")
	ResponseEntity<AuditView> followUp(@PathVariable UUID id, @RequestBody FollowUpRequest request) {
		AuditView audit = nonconformities.followUp(id, request.programmeId(), request.date(), request.leadAuditor());
		return ResponseEntity.created(URI.create("/api/v1/audits/" + audit.id())).body(audit);
	}

	record FollowUpRequest(UUID programmeId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String leadAuditor) {
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return nonconformities.history(id);
	}
}
