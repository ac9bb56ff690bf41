package org.openaims.evidence.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ExportFormat;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.evidence.CompetenceArea;
import org.openaims.evidence.CompetenceDetails;
import org.openaims.evidence.CompetenceFilter;
import org.openaims.evidence.CompetenceGap;
import org.openaims.evidence.CompetenceService;
import org.openaims.evidence.CompetenceView;
import org.openaims.evidence.Validity;
import org.openaims.ledger.HistoryEntry;
import org.openaims.reporting.ExportResponses;
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

/** Competence records over REST: list, record, change, history, exports and the gap list. */
@RestController
@RequestMapping("/api/v1/competences")
class CompetenceApiController {

	private final CompetenceService competences;

	private final Exports exports;

	CompetenceApiController(CompetenceService competences, Exports exports) {
		this.competences = competences;
		this.exports = exports;
	}

	/**
	 * Lists competence records. Filters: {@code person}, {@code area}, {@code validity}, {@code q}. Sort:
	 * {@code person} (default), {@code updated}; prefix {@code -} for descending. Pages: {@code limit},
	 * {@code after}.
	 */
	@GetMapping
	Page<CompetenceView> list(@RequestParam(required = false) String person, @RequestParam(required = false) CompetenceArea area,
			@RequestParam(required = false) Validity validity, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return competences.list(new CompetenceFilter(person, area, validity, q), new PageRequest(limit, after, sort));
	}

	/** Role holders (RACI accountable and responsible users, approvers, auditors) without a current record. */
	@GetMapping("/gaps")
	List<CompetenceGap> gaps() {
		return competences.gaps();
	}

	/** The list (same filters) as {@code csv} (default), {@code xlsx} or {@code pdf}. */
	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) String person, @RequestParam(required = false) CompetenceArea area,
			@RequestParam(required = false) Validity validity, @RequestParam(required = false) String q) {
		ExportFormat chosen = ExportFormat.parse(format == null ? "csv" : format);
		return ExportResponses.api(exports, competences.exportTable(new CompetenceFilter(person, area, validity, q), chosen,
				exports.batchRows()), chosen);
	}

	@GetMapping("/{id}")
	CompetenceView get(@PathVariable UUID id) {
		return competences.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return competences.history(id);
	}

	@PostMapping
	ResponseEntity<CompetenceView> record(@Valid @RequestBody CompetenceDetails details) {
		CompetenceView created = competences.record(details);
		return ResponseEntity.created(URI.create("/api/v1/competences/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	CompetenceView change(@PathVariable UUID id, @Valid @RequestBody CompetenceDetails details) {
		return competences.change(id, details);
	}
}
