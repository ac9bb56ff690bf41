package org.openaims.assurance.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.assurance.AuditService;
import org.openaims.assurance.ProgrammeDetails;
import org.openaims.assurance.ProgrammeView;
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

/** Audit programmes (9.2.2) over REST: plan, edit, submit for approval. */
@RestController
@RequestMapping("/api/v1/audit-programmes")
class AuditProgrammeApiController {

	private final AuditService audits;

	private final Exports exports;

	AuditProgrammeApiController(AuditService audits, Exports exports) {
		this.audits = audits;
		this.exports = exports;
	}

	/** Lists programmes, latest period first. Filter: {@code q}. Sort: {@code period}, {@code title}. */
	@GetMapping
	Page<ProgrammeView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return audits.programmes(q, new PageRequest(limit, after, sort));
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format, @RequestParam(required = false) String q) {
		return AssuranceApis.export(exports, audits.programmesTable(q, exports.batchRows()), format);
	}

	@PostMapping
	ResponseEntity<ProgrammeView> plan(@Valid @RequestBody ProgrammeDetails details) {
		ProgrammeView planned = audits.planProgramme(details);
		return ResponseEntity.created(URI.create("/api/v1/audit-programmes/" + planned.id())).body(planned);
	}

	@GetMapping("/{id}")
	ProgrammeView get(@PathVariable UUID id) {
		return audits.getProgramme(id);
	}

	@PutMapping("/{id}")
	ProgrammeView change(@PathVariable UUID id, @Valid @RequestBody ProgrammeDetails details) {
		return audits.changeProgramme(id, details);
	}

	/** Submits the programme for approval (optional {@code dueDate}). */
	@PostMapping("/{id}/submit")
	ProgrammeView submit(@PathVariable UUID id, @RequestBody(required = false) DueRequest request) {
		return audits.submitProgramme(id, request == null ? null : request.dueDate());
	}

	record DueRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return audits.programmeHistory(id);
	}
}
