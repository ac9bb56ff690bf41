package org.openaims.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.openaims.common.web.CsvResponses;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.inventory.AiRole;
import org.openaims.inventory.AiSystemDetails;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.ImportResult;
import org.openaims.inventory.LifecycleStage;
import org.openaims.inventory.NewSystemVersion;
import org.openaims.inventory.RiskTier;
import org.openaims.ledger.HistoryEntry;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The AI system register over REST: keyset-paginated, filtered list; create, read, update; retire;
 * versions; CSV export and all-or-nothing CSV import.
 */
@RestController
@RequestMapping("/api/v1/ai-systems")
class AiSystemApiController {

	private final AiSystemService systems;

	AiSystemApiController(AiSystemService systems) {
		this.systems = systems;
	}

	/**
	 * Lists systems. Filters: {@code stage}, {@code role}, {@code tier}, {@code owner}, {@code vendor}
	 * (id), {@code inScope}, {@code q} (text). Sort: {@code name}, {@code updated}, {@code created},
	 * prefixed with {@code -} for descending. Pages: {@code limit} (1–500, default 50) and
	 * {@code after} (the {@code next} of the previous page).
	 */
	@GetMapping
	Page<AiSystemView> list(@RequestParam(required = false) LifecycleStage stage,
			@RequestParam(required = false) AiRole role, @RequestParam(required = false) RiskTier tier,
			@RequestParam(required = false) String owner, @RequestParam(required = false) UUID vendor,
			@RequestParam(required = false) Boolean inScope, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return systems.list(new AiSystemFilter(stage, role, tier, owner, vendor, q, inScope),
				new PageRequest(limit, after, sort));
	}

	@GetMapping("/{id}")
	AiSystemView get(@PathVariable UUID id) {
		return systems.get(id);
	}

	/** Who changed what and when, read from the ledger. */
	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return systems.history(id);
	}

	@PostMapping
	ResponseEntity<AiSystemView> register(@Valid @RequestBody AiSystemDetails details) {
		AiSystemView created = systems.register(details);
		return ResponseEntity.created(URI.create("/api/v1/ai-systems/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	AiSystemView update(@PathVariable UUID id, @Valid @RequestBody AiSystemDetails details) {
		return systems.update(id, details);
	}

	record Retirement(@Size(max = 2000) String reason) {
	}

	@PostMapping("/{id}/retire")
	AiSystemView retire(@PathVariable UUID id, @Valid @RequestBody(required = false) Retirement retirement) {
		return systems.retire(id, retirement == null ? null : retirement.reason());
	}

	@PostMapping("/{id}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	AiSystemView addVersion(@PathVariable UUID id, @Valid @RequestBody NewSystemVersion version) {
		return systems.addVersion(id, version);
	}

	/** The systems matching the same filters as the list, as CSV. */
	@GetMapping(value = "/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) LifecycleStage stage,
			@RequestParam(required = false) AiRole role, @RequestParam(required = false) RiskTier tier,
			@RequestParam(required = false) String owner, @RequestParam(required = false) UUID vendor,
			@RequestParam(required = false) Boolean inScope, @RequestParam(required = false) String q) {
		AiSystemFilter filter = new AiSystemFilter(stage, role, tier, owner, vendor, q, inScope);
		return CsvResponses.attachment("ai-systems", out -> systems.exportCsv(filter, out));
	}

	/** Imports a CSV file sent as the body ({@code text/csv}). */
	@PostMapping(value = "/import", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	ImportResult importCsv(InputStream body) {
		return systems.importCsv(body);
	}

	/** Imports a CSV file uploaded as the multipart part {@code file}. */
	@PostMapping(value = "/import", consumes = "multipart/form-data")
	ImportResult importCsvUpload(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return systems.importCsv(in);
		}
	}
}
