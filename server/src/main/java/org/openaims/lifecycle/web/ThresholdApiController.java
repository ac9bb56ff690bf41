package org.openaims.lifecycle.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.ledger.HistoryEntry;
import org.openaims.lifecycle.MetricEvaluation;
import org.openaims.lifecycle.MetricThresholdService;
import org.openaims.lifecycle.MetricTrend;
import org.openaims.lifecycle.ThresholdSetDetails;
import org.openaims.lifecycle.ThresholdSetView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metric thresholds per AI system (versions, approval), a run's evaluation against them and the metrics' trend. */
@RestController
class ThresholdApiController {

	private final MetricThresholdService thresholds;

	ThresholdApiController(MetricThresholdService thresholds) {
		this.thresholds = thresholds;
	}

	/** Every version of the system's thresholds, newest first. */
	@GetMapping("/api/v1/metric-thresholds")
	Page<ThresholdSetView> versions(@RequestParam UUID aiSystem) {
		return new Page<>(thresholds.versions(aiSystem), null);
	}

	/** Saves a new version and submits it for approval. */
	@PostMapping("/api/v1/metric-thresholds")
	ResponseEntity<ThresholdSetView> save(@Valid @RequestBody ThresholdSetDetails details) {
		ThresholdSetView saved = thresholds.save(details);
		return ResponseEntity.created(URI.create("/api/v1/metric-thresholds/" + saved.id())).body(saved);
	}

	@GetMapping("/api/v1/metric-thresholds/{id}")
	ThresholdSetView get(@PathVariable UUID id) {
		return thresholds.get(id);
	}

	@GetMapping("/api/v1/metric-thresholds/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return thresholds.history(id);
	}

	/** The run's metrics against the thresholds in force: per threshold pass / fail / missing, and overall. */
	@GetMapping("/api/v1/test-runs/{id}/evaluation")
	MetricEvaluation evaluation(@PathVariable UUID id) {
		return thresholds.evaluate(id);
	}

	/** Each metric across the system's newest {@code runs} runs (default 50), oldest first. */
	@GetMapping("/api/v1/metric-trends")
	MetricTrend trend(@RequestParam UUID aiSystem, @RequestParam(required = false) Integer runs) {
		return thresholds.trend(aiSystem, runs);
	}
}
