package org.openaims.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ExportFormat;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.FileDownloads;
import org.openaims.evidence.EvidenceDetails;
import org.openaims.evidence.EvidenceFilter;
import org.openaims.evidence.EvidenceKind;
import org.openaims.evidence.EvidenceService;
import org.openaims.evidence.EvidenceView;
import org.openaims.evidence.Validity;
import org.openaims.ledger.HistoryEntry;
import org.openaims.reporting.ExportResponses;
import org.openaims.reporting.Exports;

import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Evidence over REST: the list (filters, expiry), links, records and notes as JSON, files as
 * multipart uploads in versions, each version's file as a download, history and exports.
 */
@RestController
@RequestMapping("/api/v1/evidence")
class EvidenceApiController {

	private final EvidenceService evidence;

	private final Exports exports;

	EvidenceApiController(EvidenceService evidence, Exports exports) {
		this.evidence = evidence;
		this.exports = exports;
	}

	/**
	 * Lists evidence. Filters: {@code kind}, {@code owner}, {@code requirement} (id, {@code A.6.2.4} or
	 * {@code framework-key:ref}), {@code aiSystem} (id), {@code record} ({@code type:id}), {@code validity}
	 * (VALID, EXPIRING, EXPIRED, NO_EXPIRY), {@code expiringWithin} (days: 30, 7, 1 …), {@code q}. Sort:
	 * {@code updated} (default, newest first as {@code -updated}), {@code title}, {@code received},
	 * {@code expiry}; prefix {@code -} for descending. Pages: {@code limit}, {@code after}.
	 */
	@GetMapping
	Page<EvidenceView> list(@RequestParam(required = false) EvidenceKind kind, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String requirement, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) String record, @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) Integer expiringWithin, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return evidence.list(new EvidenceFilter(kind, owner, requirement, aiSystem, record, validity, expiringWithin, q),
				new PageRequest(limit, after, sort));
	}

	/** The list (same filters) as {@code csv} (default), {@code xlsx} or {@code pdf}. */
	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) EvidenceKind kind, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String requirement, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) String record, @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) Integer expiringWithin, @RequestParam(required = false) String q) {
		ExportFormat chosen = ExportFormat.parse(format == null ? "csv" : format);
		EvidenceFilter filter = new EvidenceFilter(kind, owner, requirement, aiSystem, record, validity, expiringWithin, q);
		return ExportResponses.api(exports, evidence.exportTable(filter, chosen, exports.batchRows()), chosen);
	}

	@GetMapping("/{id}")
	EvidenceView get(@PathVariable UUID id) {
		return evidence.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return evidence.history(id);
	}

	/** Adds a link ({@code url}), a reference to a record ({@code record}) or a note ({@code description}). */
	@PostMapping
	ResponseEntity<EvidenceView> add(@Valid @RequestBody EvidenceDetails details) {
		EvidenceView created = evidence.add(details);
		return ResponseEntity.created(URI.create("/api/v1/evidence/" + created.id())).body(created);
	}

	/**
	 * Uploads a file as a new item (multipart: the {@code file} part and the item's fields; lists repeat
	 * their field). Its type is detected from its content; a file whose content contradicts its name or
	 * declared type, an archive bomb, an empty file and one over 10 MB are refused.
	 */
	@PostMapping(value = "/files", consumes = "multipart/form-data")
	ResponseEntity<EvidenceView> upload(@RequestPart("file") MultipartFile file, @RequestParam String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			@RequestParam(required = false) List<String> requirements, @RequestParam(required = false) List<UUID> aiSystemIds,
			@RequestParam(required = false) List<String> records, @RequestParam(required = false) String note) throws IOException {
		EvidenceDetails details = EvidenceForms.details(EvidenceKind.FILE, title, description, owner, null, null, effectiveFrom,
				effectiveTo, receivedOn, validUntil, requirements, aiSystemIds, records, null);
		try (InputStream in = file.getInputStream()) {
			EvidenceView created = evidence.upload(details, file.getOriginalFilename(), file.getContentType(), in, note);
			return ResponseEntity.created(URI.create("/api/v1/evidence/" + created.id())).body(created);
		}
	}

	@PutMapping("/{id}")
	EvidenceView change(@PathVariable UUID id, @Valid @RequestBody EvidenceDetails details) {
		return evidence.change(id, details);
	}

	/** Uploads the next version of a file item (multipart {@code file}); {@code validUntil} renews it. */
	@PostMapping(value = "/{id}/versions", consumes = "multipart/form-data")
	ResponseEntity<EvidenceView> addVersion(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String note,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(evidence.addVersion(id, file.getOriginalFilename(), file.getContentType(), in, note, validUntil));
		}
	}

	/** A version's file, always as a download. */
	@GetMapping("/{id}/versions/{no}/file")
	ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable int no) {
		EvidenceService.StoredFile stored = evidence.file(id, no);
		return FileDownloads.attachment(stored.resource(), stored.name(), stored.mediaType());
	}
}
