package org.openaims.monitoring.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.monitoring.RuleDetails;
import org.openaims.monitoring.RuleService;
import org.openaims.monitoring.RuleView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monitoring rules over REST. */
@RestController
@RequestMapping("/api/v1/monitoring-rules")
class RuleApiController {

	private final RuleService rules;

	RuleApiController(RuleService rules) {
		this.rules = rules;
	}

	@GetMapping
	Page<RuleView> list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return rules.list(aiSystem, new PageRequest(limit, after, sort));
	}

	@PostMapping
	ResponseEntity<RuleView> create(@Valid @RequestBody RuleDetails details) {
		RuleView made = rules.create(details);
		return ResponseEntity.created(URI.create("/api/v1/monitoring-rules/" + made.id())).body(made);
	}

	@GetMapping("/{id}")
	RuleView get(@PathVariable UUID id) {
		return rules.get(id);
	}

	@PutMapping("/{id}")
	RuleView update(@PathVariable UUID id, @Valid @RequestBody RuleDetails details) {
		return rules.update(id, details);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return rules.history(id);
	}
}
