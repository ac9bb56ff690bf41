package org.openaims.risk.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.ledger.HistoryEntry;
import org.openaims.risk.NewCriteria;
import org.openaims.risk.RiskCriteriaService;
import org.openaims.risk.RiskCriteriaView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Risk criteria over REST: versions, the one in force, drafting, editing, submitting, history. */
@RestController
@RequestMapping("/api/v1/risk-criteria")
class RiskCriteriaApiController {

	private final RiskCriteriaService criteria;

	RiskCriteriaApiController(RiskCriteriaService criteria) {
		this.criteria = criteria;
	}

	/** Every version, newest first. */
	@GetMapping
	List<RiskCriteriaView> list() {
		return criteria.list();
	}

	/** The version in force (409 when none is approved yet). */
	@GetMapping("/current")
	RiskCriteriaView current() {
		return criteria.current();
	}

	@GetMapping("/{id}")
	RiskCriteriaView get(@PathVariable UUID id) {
		return criteria.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return criteria.history(id);
	}

	@PostMapping
	ResponseEntity<RiskCriteriaView> draft(@Valid @RequestBody NewCriteria body) {
		RiskCriteriaView created = criteria.draft(body);
		return ResponseEntity.created(URI.create("/api/v1/risk-criteria/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	RiskCriteriaView edit(@PathVariable UUID id, @Valid @RequestBody NewCriteria body) {
		return criteria.edit(id, body);
	}

	@PostMapping("/{id}/submit")
	RiskCriteriaView submit(@PathVariable UUID id) {
		return criteria.submit(id);
	}
}
