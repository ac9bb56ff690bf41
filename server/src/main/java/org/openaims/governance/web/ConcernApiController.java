package org.openaims.governance.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.governance.ConcernFilter;
import org.openaims.governance.ConcernNote;
import org.openaims.governance.ConcernService;
import org.openaims.governance.ConcernStatus;
import org.openaims.governance.ConcernTriage;
import org.openaims.governance.ConcernView;
import org.openaims.governance.NewConcern;
import org.openaims.ledger.HistoryEntry;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Concerns over REST: anyone reports; reporters list their own, handlers all; handlers triage;
 * reporters and handlers add notes.
 */
@RestController
@RequestMapping("/api/v1/concerns")
class ConcernApiController {

	private final ConcernService concerns;

	ConcernApiController(ConcernService concerns) {
		this.concerns = concerns;
	}

	/**
	 * Lists the concerns the signed-in user may see. Filters: {@code status}, {@code aiSystem} (id),
	 * {@code open}, {@code q}. Sort: {@code created} ({@code -created} default), {@code updated},
	 * {@code summary}. Pages: {@code limit}, {@code after}.
	 */
	@GetMapping
	Page<ConcernView> list(@RequestParam(required = false) ConcernStatus status,
			@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return concerns.list(new ConcernFilter(status, aiSystem, open, q), new PageRequest(limit, after, sort));
	}

	@GetMapping("/{id}")
	ConcernView get(@PathVariable UUID id) {
		return concerns.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return concerns.history(id);
	}

	@PostMapping
	ResponseEntity<ConcernView> report(@Valid @RequestBody NewConcern concern) {
		ConcernView created = concerns.report(concern);
		return ResponseEntity.created(URI.create("/api/v1/concerns/" + created.id())).body(created);
	}

	/** A handler moves the concern to another state with a note (and a resolution when closing it). */
	@PostMapping("/{id}/triage")
	ConcernView triage(@PathVariable UUID id, @Valid @RequestBody ConcernTriage triage) {
		return concerns.triage(id, triage);
	}

	@PostMapping("/{id}/notes")
	ConcernView comment(@PathVariable UUID id, @Valid @RequestBody ConcernNote note) {
		return concerns.comment(id, note);
	}

	@GetMapping(value = "/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) ConcernStatus status,
			@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String q) {
		ConcernFilter filter = new ConcernFilter(status, aiSystem, open, q);
		return CsvResponses.attachment("concerns", out -> concerns.exportCsv(filter, out));
	}
}
