package org.openaims.compliance.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.compliance.ControlImplementation;
import org.openaims.compliance.EntryChanges;
import org.openaims.compliance.SoaDiffLine;
import org.openaims.compliance.SoaService;
import org.openaims.compliance.SoaViews;
import org.openaims.compliance.SoaSummary;
import org.openaims.compliance.SoaView;
import org.openaims.ledger.HistoryEntry;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statements of Applicability over REST: start one for a framework, read a version, change lines
 * (bulk), submit for approval, compare versions, export as CSV, XLSX or PDF; and the implementation of
 * controls with what they support in other frameworks.
 */
@RestController
class SoaApiController {

	private final SoaService soa;

	private final SoaViews views;

	SoaApiController(SoaService soa, SoaViews views) {
		this.soa = soa;
		this.views = views;
	}

	@GetMapping("/api/v1/soa")
	List<SoaSummary> list() {
		return views.list();
	}

	record NewSoa(UUID frameworkId) {
	}

	@PostMapping("/api/v1/soa")
	ResponseEntity<SoaView> create(@RequestBody NewSoa request) {
		SoaView created = soa.create(request.frameworkId());
		return ResponseEntity.created(URI.create("/api/v1/soa/" + created.id())).body(created);
	}

	/** The latest version, or {@code version} = n. */
	@GetMapping("/api/v1/soa/{id}")
	SoaView get(@PathVariable UUID id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String group) {
		return (version == null ? views.latest(id) : views.version(id, version)).inGroup(group);
	}

	/** Changes lines; an approved latest version is kept and a new draft receives the changes. */
	@PatchMapping("/api/v1/soa/{id}/entries")
	SoaView edit(@PathVariable UUID id, @Valid @RequestBody EntryChanges changes) {
		return soa.edit(id, changes);
	}

	@PostMapping("/api/v1/soa/{id}/submit")
	SoaView submit(@PathVariable UUID id) {
		return soa.submit(id);
	}

	@GetMapping("/api/v1/soa/{id}/diff")
	List<SoaDiffLine> diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
		return views.diff(id, from, to);
	}

	@GetMapping("/api/v1/soa/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return views.history(id);
	}

	/** Version {@code version} (default: latest) as {@code format} = csv, xlsx or pdf. */
	@GetMapping("/api/v1/soa/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(defaultValue = "csv") String format) {
		return SoaDownloads.download(views, id, version, format);
	}

	/** Every control of a framework as implemented, with the requirements of other frameworks it supports. */
	@GetMapping("/api/v1/control-implementations")
	List<ControlImplementation> implementations(@RequestParam UUID framework) {
		return views.implementations(framework);
	}

	@GetMapping("/api/v1/control-implementations/{requirementId}")
	ControlImplementation implementation(@PathVariable UUID requirementId) {
		return views.implementation(requirementId);
	}
}
