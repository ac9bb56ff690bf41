package org.openaims.lifecycle.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.lifecycle.DeploymentDetails;
import org.openaims.lifecycle.DeploymentKind;
import org.openaims.lifecycle.DeploymentService;
import org.openaims.lifecycle.DeploymentTimeline;
import org.openaims.lifecycle.DeploymentView;
import org.openaims.lifecycle.RollbackDetails;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deployments and rollbacks over REST, and the "which version ran where when" timeline. */
@RestController
@RequestMapping("/api/v1/deployments")
class DeploymentApiController {

	private final DeploymentService deployments;

	private final org.openaims.reporting.Exports exports;

	DeploymentApiController(DeploymentService deployments, org.openaims.reporting.Exports exports) {
		this.deployments = deployments;
		this.exports = exports;
	}

	/** Lists deployments, newest first. Filters: {@code aiSystem}, {@code environment}, {@code kind}, {@code withoutAllow}. */
	@GetMapping
	Page<DeploymentView> list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) String environment,
			@RequestParam(required = false) DeploymentKind kind, @RequestParam(required = false) Boolean withoutAllow,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return deployments.list(aiSystem, environment, kind, withoutAllow, new PageRequest(limit, after, sort));
	}

	/** The list (same filters) as {@code csv} (default), {@code xlsx} or {@code pdf}. */
	@GetMapping("/export")
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(
			@RequestParam(required = false) String format, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) String environment, @RequestParam(required = false) DeploymentKind kind,
			@RequestParam(required = false) Boolean withoutAllow) {
		org.openaims.common.ExportFormat chosen = org.openaims.common.ExportFormat.parse(format == null ? "csv" : format);
		return org.openaims.reporting.ExportResponses.api(exports, deployments.exportTable(aiSystem, environment, kind, withoutAllow,
				exports.batchRows()), chosen);
	}

	@PostMapping
	ResponseEntity<DeploymentView> record(@Valid @RequestBody DeploymentDetails details) {
		DeploymentView created = deployments.record(details);
		return ResponseEntity.created(URI.create("/api/v1/deployments/" + created.id())).body(created);
	}

	@PostMapping("/rollbacks")
	ResponseEntity<DeploymentView> rollback(@Valid @RequestBody RollbackDetails details) {
		DeploymentView created = deployments.rollback(details);
		return ResponseEntity.created(URI.create("/api/v1/deployments/" + created.id())).body(created);
	}

	/** Which version of {@code aiSystem} ran in each environment (or {@code environment}) when. */
	@GetMapping("/timeline")
	DeploymentTimeline timeline(@RequestParam UUID aiSystem, @RequestParam(required = false) String environment) {
		return deployments.timeline(aiSystem, environment);
	}

	@GetMapping("/{id}")
	DeploymentView get(@PathVariable UUID id) {
		return deployments.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return deployments.history(id);
	}
}
