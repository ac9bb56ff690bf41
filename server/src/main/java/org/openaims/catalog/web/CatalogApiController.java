package org.openaims.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.openaims.catalog.CatalogService;
import org.openaims.catalog.FrameworkView;
import org.openaims.catalog.ImportReport;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.catalog.MappedRequirement;
import org.openaims.catalog.MappingSetView;
import org.openaims.catalog.NodeKind;
import org.openaims.catalog.RequirementView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog over REST: frameworks and their requirements, imports of CISO Assistant libraries
 * (YAML) and OSCAL catalogs (JSON), and the mappings between frameworks.
 */
@RestController
class CatalogApiController {


	private final CatalogService catalog;

	CatalogApiController(CatalogService catalog) {
		this.catalog = catalog;
	}

	/** The catalog's frameworks by name, in keyset pages ({@code limit}, {@code after}). */
	@GetMapping("/api/v1/frameworks")
	Page<FrameworkView> frameworks(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		return catalog.frameworks(new PageRequest(limit, after, null));
	}

	/**
	 * Imports a framework or mapping library sent as the body; {@code dryRun=true} answers what it would
	 * import (200) and stores nothing.
	 */
	@PostMapping(value = "/api/v1/frameworks", consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
			"application/json", "text/plain", "application/octet-stream" })
	ResponseEntity<ImportReport> importBody(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun) {
		return answer(catalog.importLibrary(body, dryRun, false));
	}

	/** Imports a framework or mapping library uploaded as the multipart part {@code file}; {@code dryRun} as above. */
	@PostMapping(value = "/api/v1/frameworks", consumes = "multipart/form-data")
	ResponseEntity<ImportReport> importUpload(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			return answer(catalog.importLibrary(in, dryRun, false));
		}
	}

	/** Imports a mapping library (all its sets, or none) sent as the body; a framework library is refused. */
	@PostMapping(value = "/api/v1/mappings", consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
			"application/json", "text/plain", "application/octet-stream" })
	ResponseEntity<ImportReport> importMappingBody(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun) {
		return answer(catalog.importLibrary(body, dryRun, true));
	}

	/** Imports a mapping library uploaded as the multipart part {@code file}. */
	@PostMapping(value = "/api/v1/mappings", consumes = "multipart/form-data")
	ResponseEntity<ImportReport> importMappingUpload(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return answer(catalog.importLibrary(in, dryRun, true));
		}
	}

	private static ResponseEntity<ImportReport> answer(ImportReport report) {
		return ResponseEntity.status(report.dryRun() ? HttpStatus.OK : HttpStatus.CREATED).body(report);
	}

	/**
	 * Removes a framework version that nothing uses (no SoA, risk, evidence or mapping set), e.g. one
	 * imported from a file cut short; {@code reason} is recorded with it in the ledger.
	 */
	@org.springframework.web.bind.annotation.DeleteMapping("/api/v1/frameworks/{id}")
	FrameworkView remove(@PathVariable UUID id, @RequestParam(required = false) String reason) {
		return catalog.remove(id, reason);
	}

	@GetMapping("/api/v1/frameworks/{id}")
	FrameworkView framework(@PathVariable UUID id) {
		return catalog.framework(id);
	}

	/**
	 * The framework's nodes in document order, each with its parent URN and depth (the tree), in keyset
	 * pages ({@code limit} up to 500, {@code after}). Filters: {@code q} (reference, name, description),
	 * {@code kind}, {@code assessable=true}.
	 */
	@GetMapping("/api/v1/frameworks/{id}/requirements")
	Page<RequirementView> requirements(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) NodeKind kind, @RequestParam(defaultValue = "false") boolean assessable,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		return catalog.requirements(id, q, kind, assessable, new PageRequest(limit, after, null));
	}

	/** One requirement by its reference (e.g. {@code A.6.2.4}) with what it maps to in other frameworks. */
	@GetMapping("/api/v1/frameworks/{id}/requirements/{ref}")
	RequirementWithMappings requirement(@PathVariable UUID id, @PathVariable String ref) {
		RequirementView requirement = catalog.requirementByRef(id, ref);
		return new RequirementWithMappings(requirement, catalog.mappings(requirement.id()));
	}

	record RequirementWithMappings(RequirementView requirement, List<MappedRequirement> mappings) {
	}

	/**
	 * What a requirement relates to in other frameworks: by {@code requirement} (id), or by
	 * {@code framework} (key, e.g. {@code iso27001-2022}) and {@code ref} (e.g. {@code A.5.1}).
	 */
	@GetMapping("/api/v1/mappings")
	List<MappedRequirement> mappings(@RequestParam(required = false) UUID requirement,
			@RequestParam(required = false) String framework, @RequestParam(required = false) String ref) {
		return requirement != null ? catalog.mappings(requirement) : catalog.mappings(framework, ref);
	}

	@GetMapping("/api/v1/mappings/sets")
	List<MappingSetView> mappingSets() {
		return catalog.mappingSets();
	}
}
