package org.openaims.monitoring.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.monitoring.IncidentDetails;
import org.openaims.monitoring.IncidentService;
import org.openaims.monitoring.IncidentSeverity;
import org.openaims.monitoring.IncidentStatus;
import org.openaims.monitoring.IncidentView;
import org.openaims.monitoring.ReportView;
import org.openaims.monitoring.ReportingRuleView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents, their reports and the reporting clocks and rules over REST. */
@RestController
class IncidentApiController {

	private final IncidentService incidents;

	IncidentApiController(IncidentService incidents) {
		this.incidents = incidents;
	}

	/** Incidents, newest awareness first. Filters: {@code status}, {@code aiSystem}, {@code severity}. */
	@GetMapping("/api/v1/incidents")
	Page<IncidentView> list(@RequestParam(required = false) IncidentStatus status, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) IncidentSeverity severity, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return incidents.list(status, aiSystem, severity, new PageRequest(limit, after, sort));
	}

	@PostMapping("/api/v1/incidents")
	ResponseEntity<IncidentView> report(@Valid @RequestBody IncidentDetails details) {
		IncidentView made = incidents.report(details);
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/incidents/{id}")
	IncidentView get(@PathVariable UUID id) {
		return incidents.get(id);
	}

	@PutMapping("/api/v1/incidents/{id}")
	IncidentView change(@PathVariable UUID id, @Valid @RequestBody IncidentDetails details) {
		return incidents.change(id, details);
	}

	@GetMapping("/api/v1/incidents/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return incidents.history(id);
	}

	record Note(String note) {
	}

	@PostMapping("/api/v1/incidents/{id}/notes")
	IncidentView note(@PathVariable UUID id, @RequestBody Note body) {
		return incidents.note(id, body == null ? null : body.note());
	}

	record Submission(String reference, String note, Instant submittedAt) {
	}

	@PostMapping("/api/v1/incidents/{id}/reports/{reportId}/submission")
	IncidentView submit(@PathVariable UUID id, @PathVariable UUID reportId, @RequestBody Submission body) {
		return incidents.submitReport(id, reportId, body == null ? null : body.reference(), body == null ? null : body.note(),
				body == null ? null : body.submittedAt());
	}

	record FollowUp(Instant dueAt, String note) {
	}

	@PostMapping("/api/v1/incidents/{id}/reports/{reportId}/follow-ups")
	IncidentView followUp(@PathVariable UUID id, @PathVariable UUID reportId, @RequestBody FollowUp body) {
		return incidents.followUp(id, reportId, body == null ? null : body.dueAt(), body == null ? null : body.note());
	}

	@PostMapping("/api/v1/incidents/{id}/nonconformity")
	IncidentView nonconformity(@PathVariable UUID id) {
		return incidents.raiseNonconformity(id);
	}

	@PostMapping("/api/v1/incidents/{id}/resolution")
	IncidentView resolve(@PathVariable UUID id, @RequestBody(required = false) Note body) {
		return incidents.resolve(id, body == null ? null : body.note());
	}

	@PostMapping("/api/v1/incidents/{id}/closure")
	IncidentView close(@PathVariable UUID id, @RequestBody(required = false) Note body) {
		return incidents.close(id, body == null ? null : body.note());
	}

	/** Reports still to make, soonest due first ({@code overdue=true}: only those past their deadline). */
	@GetMapping("/api/v1/reporting-clocks")
	Page<ReportView> clocks(@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return incidents.clocks(overdue, new PageRequest(limit, after, null));
	}

	@GetMapping("/api/v1/reporting-rules")
	List<ReportingRuleView> rules(@RequestParam(required = false) String jurisdiction) {
		return incidents.reportingRules(jurisdiction);
	}

	@PutMapping("/api/v1/reporting-rules/{jurisdiction}")
	List<ReportingRuleView> replace(@PathVariable String jurisdiction, @RequestBody List<IncidentService.ReportingRuleDetails> rules) {
		return incidents.replaceReportingRules(jurisdiction, rules);
	}
}
