package org.openaims.assurance.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.assurance.ContextDetails;
import org.openaims.assurance.ContextEntryView;
import org.openaims.assurance.ContextKind;
import org.openaims.assurance.ContextService;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.reporting.Exports;

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

/** The context register (4.1, 4.2) over REST. */
@RestController
@RequestMapping("/api/v1/context-entries")
class ContextApiController {

	private final ContextService context;

	private final Exports exports;

	ContextApiController(ContextService context, Exports exports) {
		this.context = context;
		this.exports = exports;
	}

	/** Lists entries by title. Filters: {@code kind}, {@code addressed}, {@code q}. Sort: {@code title}, {@code created}. */
	@GetMapping
	Page<ContextEntryView> list(@RequestParam(required = false) ContextKind kind, @RequestParam(required = false) Boolean addressed,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return context.list(kind, addressed, q, new PageRequest(limit, after, sort));
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format, @RequestParam(required = false) ContextKind kind,
			@RequestParam(required = false) Boolean addressed, @RequestParam(required = false) String q) {
		return AssuranceApis.export(exports, context.exportTable(kind, addressed, q, exports.batchRows()), format);
	}

	@PostMapping
	ResponseEntity<ContextEntryView> add(@Valid @RequestBody ContextDetails details) {
		ContextEntryView added = context.add(details);
		return ResponseEntity.created(URI.create("/api/v1/context-entries/" + added.id())).body(added);
	}

	@GetMapping("/{id}")
	ContextEntryView get(@PathVariable UUID id) {
		return context.get(id);
	}

	@PutMapping("/{id}")
	ContextEntryView change(@PathVariable UUID id, @Valid @RequestBody ContextDetails details) {
		return context.change(id, details);
	}

	/** Confirms the entry still holds (optional {@code note}). */
	@PostMapping("/{id}/review")
	ContextEntryView review(@PathVariable UUID id, @RequestBody(required = false) NoteRequest request) {
		return context.review(id, request == null ? null : request.note());
	}

	record NoteRequest(String note) {
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return context.history(id);
	}
}
