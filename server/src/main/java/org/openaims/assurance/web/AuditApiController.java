package org.openaims.assurance.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.assurance.AuditDetails;
import org.openaims.assurance.AuditItemView;
import org.openaims.assurance.AuditService;
import org.openaims.assurance.AuditStatus;
import org.openaims.assurance.AuditView;
import org.openaims.assurance.ItemUpdate;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.reporting.Exports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * Internal audits (9.2) over REST: plan, start (the checklist is generated), record results per item
 * ({@code items/{no}}, numbered from 1), ask for an independence exception, issue the report, download
 * it as PDF.
 */
@RestController
@RequestMapping("/api/v1/audits")
class AuditApiController {

	private final AuditService audits;

	private final Exports exports;

	AuditApiController(AuditService audits, Exports exports) {
		this.audits = audits;
		this.exports = exports;
	}

	/** Lists audits, latest planned first. Filters: {@code programme}, {@code status}, {@code auditor}, {@code q}. Sort: {@code planned}, {@code title}. */
	@GetMapping
	Page<AuditView> list(@RequestParam(required = false) UUID programme, @RequestParam(required = false) AuditStatus status,
			@RequestParam(required = false) String auditor, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return audits.list(programme, status, auditor, q, new PageRequest(limit, after, sort));
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format, @RequestParam(required = false) UUID programme,
			@RequestParam(required = false) AuditStatus status, @RequestParam(required = false) String auditor,
			@RequestParam(required = false) String q) {
		return AssuranceApis.export(exports, audits.exportTable(programme, status, auditor, q, exports.batchRows()), format);
	}

	@PostMapping
	ResponseEntity<AuditView> plan(@Valid @RequestBody AuditDetails details) {
		AuditView planned = audits.plan(details);
		return ResponseEntity.created(URI.create("/api/v1/audits/" + planned.id())).body(planned);
	}

	/** The audit with its checklist; {@code links=true} adds each item's linked records. */
	@GetMapping("/{id}")
	AuditView get(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean links) {
		return audits.get(id, links);
	}

	@PutMapping("/{id}")
	AuditView change(@PathVariable UUID id, @Valid @RequestBody AuditDetails details) {
		return audits.change(id, details);
	}

	/** Starts the audit: its checklist is generated from the scope (the programme must be approved). */
	@PostMapping("/{id}/start")
	AuditView start(@PathVariable UUID id) {
		return audits.start(id);
	}

	/** Records on checklist item {@code no} (1-based): auditor, result, notes, records sampled, evidence. */
	@PutMapping("/{id}/items/{no}")
	AuditItemView record(@PathVariable UUID id, @PathVariable int no, @Valid @RequestBody ItemUpdate update) {
		return audits.record(id, no - 1, update);
	}

	/** Asks for an independence exception: {@code item} (1-based), {@code auditor}, {@code justification}. */
	@PostMapping("/{id}/exceptions")
	ResponseEntity<AuditView.ExceptionView> exception(@PathVariable UUID id, @RequestBody ExceptionRequest request) {
		if (request.item() == null) {
			throw new org.openaims.common.InvalidInputException("item", "name the checklist item (numbered from 1)");
		}
		AuditView.ExceptionView requested = audits.requestException(id, request.item() - 1, request.auditor(), request.justification());
		return ResponseEntity.status(201).body(requested);
	}

	record ExceptionRequest(Integer item, String auditor, String justification) {
	}

	/** Issues the report: every item has a result. */
	@PostMapping("/{id}/report")
	AuditView issue(@PathVariable UUID id) {
		return audits.issueReport(id);
	}

	/** The audit report as a PDF download (a draft until issued). */
	@GetMapping("/{id}/report")
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		audits.report(id, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-report-" + id + ".pdf").build().toString())
			.body(out.toByteArray());
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return audits.history(id);
	}
}
