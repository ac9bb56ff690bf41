package org.openaims.governance.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.openaims.common.PageRequest;
import org.openaims.common.Page;
import org.openaims.common.web.CsvResponses;
import org.openaims.governance.Assignment;
import org.openaims.governance.RaciGap;
import org.openaims.governance.RaciSubjectType;
import org.openaims.governance.RaciView;
import org.openaims.governance.ResponsibilityService;
import org.openaims.ledger.HistoryEntry;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * RACI over REST: the matrix, one subject's RACI ({@code AI_SYSTEM} by id, {@code CONTROL} by clause
 * or control id, {@code PROCESS} by name), setting it, the gaps report and CSV export.
 */
@RestController
@RequestMapping("/api/v1/responsibilities")
class ResponsibilityApiController {

	private final ResponsibilityService responsibilities;

	ResponsibilityApiController(ResponsibilityService responsibilities) {
		this.responsibilities = responsibilities;
	}

	@GetMapping
	List<RaciView> matrix() {
		return responsibilities.matrix();
	}

	/** In-scope AI systems without an accountable person or without human oversight. */
	@GetMapping("/gaps")
	Page<RaciGap> gaps(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		return responsibilities.gaps(new PageRequest(limit, after, null));
	}

	@GetMapping("/{type}/{ref}")
	RaciView of(@PathVariable RaciSubjectType type, @PathVariable String ref) {
		return responsibilities.of(type, ref);
	}

	@GetMapping("/{type}/{ref}/history")
	List<HistoryEntry> history(@PathVariable RaciSubjectType type, @PathVariable String ref) {
		return responsibilities.history(type, ref);
	}

	record Raci(@NotNull(message = "list the assignments") @Size(max = 100) List<@NotNull @Valid Assignment> assignments) {
	}

	/** Replaces the subject's RACI; it needs exactly one Accountable. */
	@PutMapping("/{type}/{ref}")
	RaciView assign(@PathVariable RaciSubjectType type, @PathVariable String ref, @Valid @RequestBody Raci raci) {
		return responsibilities.assign(type, ref, raci.assignments());
	}

	@GetMapping(value = "/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export() {
		return CsvResponses.attachment("responsibilities", responsibilities::exportCsv);
	}
}
