package org.openaims.risk.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.risk.AssessmentStatus;
import org.openaims.risk.ImpactAssessmentDetails;
import org.openaims.risk.ImpactAssessmentService;
import org.openaims.risk.ImpactAssessmentView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** AI system impact assessments over REST: list, start, edit, submit, history. */
@RestController
@RequestMapping("/api/v1/impact-assessments")
class ImpactAssessmentApiController {

	private final ImpactAssessmentService assessments;

	ImpactAssessmentApiController(ImpactAssessmentService assessments) {
		this.assessments = assessments;
	}

	/** Assessments, newest first, in keyset pages. Filters: {@code aiSystem}, {@code stale}, {@code status}. */
	@GetMapping
	Page<ImpactAssessmentView> list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Boolean stale,
			@RequestParam(required = false) AssessmentStatus status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return assessments.list(aiSystem, stale, status, new PageRequest(limit, after, null));
	}

	/** Starts the assessment of a system's current version; body {@code {"aiSystemId": "…"}}. */
	@PostMapping
	ResponseEntity<ImpactAssessmentView> start(@RequestBody StartRequest request) {
		ImpactAssessmentView started = assessments.start(request.aiSystemId());
		return ResponseEntity.created(URI.create("/api/v1/impact-assessments/" + started.id())).body(started);
	}

	@GetMapping("/{id}")
	ImpactAssessmentView get(@PathVariable UUID id) {
		return assessments.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return assessments.history(id);
	}

	@PutMapping("/{id}")
	ImpactAssessmentView edit(@PathVariable UUID id, @Valid @RequestBody ImpactAssessmentDetails details) {
		return assessments.edit(id, details);
	}

	@PostMapping("/{id}/submit")
	ImpactAssessmentView submit(@PathVariable UUID id) {
		return assessments.submit(id);
	}

	/** Which system to assess. */
	record StartRequest(UUID aiSystemId) {
	}
}
