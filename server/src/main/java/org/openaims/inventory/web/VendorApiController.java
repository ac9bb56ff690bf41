package org.openaims.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.openaims.common.web.CsvResponses;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.inventory.DueDiligenceStatus;
import org.openaims.inventory.ImportResult;
import org.openaims.inventory.VendorDetails;
import org.openaims.inventory.VendorFilter;
import org.openaims.inventory.VendorService;
import org.openaims.inventory.VendorView;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The vendor register over REST: list, create, read, update, retire, CSV export and import. */
@RestController
@RequestMapping("/api/v1/vendors")
class VendorApiController {

	private final VendorService vendors;

	VendorApiController(VendorService vendors) {
		this.vendors = vendors;
	}

	/**
	 * Lists vendors. Filters: {@code q}, {@code status}, {@code reviewDueBy} (date), {@code active}.
	 * Sort: {@code name}, {@code updated}, {@code created} ({@code -} for descending).
	 */
	@GetMapping
	Page<VendorView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) DueDiligenceStatus status,
			@RequestParam(required = false) LocalDate reviewDueBy, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return vendors.list(new VendorFilter(q, status, reviewDueBy, active), new PageRequest(limit, after, sort));
	}

	@GetMapping("/{id}")
	VendorView get(@PathVariable UUID id) {
		return vendors.get(id);
	}

	/** Who changed what and when, read from the ledger. */
	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return vendors.history(id);
	}

	@PostMapping
	ResponseEntity<VendorView> register(@Valid @RequestBody VendorDetails details) {
		VendorView created = vendors.register(details);
		return ResponseEntity.created(URI.create("/api/v1/vendors/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	VendorView update(@PathVariable UUID id, @Valid @RequestBody VendorDetails details) {
		return vendors.update(id, details);
	}

	record Retirement(@Size(max = 2000) String reason) {
	}

	@PostMapping("/{id}/retire")
	VendorView retire(@PathVariable UUID id, @Valid @RequestBody(required = false) Retirement retirement) {
		return vendors.retire(id, retirement == null ? null : retirement.reason());
	}

	@GetMapping(value = "/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String q,
			@RequestParam(required = false) DueDiligenceStatus status,
			@RequestParam(required = false) LocalDate reviewDueBy, @RequestParam(required = false) Boolean active) {
		VendorFilter filter = new VendorFilter(q, status, reviewDueBy, active);
		return CsvResponses.attachment("vendors", out -> vendors.exportCsv(filter, out));
	}

	@PostMapping(value = "/import", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	ImportResult importCsv(InputStream body) {
		return vendors.importCsv(body);
	}

	@PostMapping(value = "/import", consumes = "multipart/form-data")
	ImportResult importCsvUpload(@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return vendors.importCsv(in);
		}
	}
}
