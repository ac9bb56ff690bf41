package org.openaims.governance.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.governance.ObjectiveDetails;
import org.openaims.governance.ObjectiveFilter;
import org.openaims.governance.ObjectiveService;
import org.openaims.governance.ObjectiveStatus;
import org.openaims.governance.ObjectiveView;
import org.openaims.governance.ProgressUpdate;
import org.openaims.ledger.HistoryEntry;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** AI objectives over REST: list, set, change, progress, history, CSV export. */
@RestController
@RequestMapping("/api/v1/objectives")
class ObjectiveApiController {

	private final ObjectiveService objectives;

	ObjectiveApiController(ObjectiveService objectives) {
		this.objectives = objectives;
	}

	/**
	 * Lists objectives. Filters: {@code status}, {@code owner}, {@code aiSystem} (id), {@code overdue},
	 * {@code q}. Sort: {@code due} (default), {@code title}, {@code updated}, prefix {@code -} for
	 * descending. Pages: {@code limit}, {@code after}.
	 */
	@GetMapping
	Page<ObjectiveView> list(@RequestParam(required = false) ObjectiveStatus status,
			@RequestParam(required = false) String owner, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return objectives.list(new ObjectiveFilter(status, owner, aiSystem, overdue, q), new PageRequest(limit, after, sort));
	}

	@GetMapping("/{id}")
	ObjectiveView get(@PathVariable UUID id) {
		return objectives.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return objectives.history(id);
	}

	@PostMapping
	ResponseEntity<ObjectiveView> set(@Valid @RequestBody ObjectiveDetails details) {
		ObjectiveView created = objectives.set(details);
		return ResponseEntity.created(URI.create("/api/v1/objectives/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	ObjectiveView change(@PathVariable UUID id, @Valid @RequestBody ObjectiveDetails details) {
		return objectives.change(id, details);
	}

	/** Records a measurement (and optionally a new status). */
	@PostMapping("/{id}/progress")
	ObjectiveView record(@PathVariable UUID id, @Valid @RequestBody ProgressUpdate update) {
		return objectives.record(id, update);
	}

	@GetMapping(value = "/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) ObjectiveStatus status,
			@RequestParam(required = false) String owner, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q) {
		ObjectiveFilter filter = new ObjectiveFilter(status, owner, aiSystem, overdue, q);
		return CsvResponses.attachment("objectives", out -> objectives.exportCsv(filter, out));
	}
}
