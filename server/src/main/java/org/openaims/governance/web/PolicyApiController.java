package org.openaims.governance.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.common.web.FileDownloads;
import org.openaims.governance.AcknowledgementCoverage;
import org.openaims.common.DiffLine;
import org.openaims.governance.NewPolicy;
import org.openaims.governance.PolicyDetails;
import org.openaims.governance.PolicyDraft;
import org.openaims.governance.PolicyRename;
import org.openaims.governance.PolicyService;
import org.openaims.governance.PolicyViews;
import org.openaims.governance.PolicyVersionView;
import org.openaims.governance.PolicyView;
import org.openaims.ledger.HistoryEntry;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.core.io.Resource;
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
 * Policies over REST: the register, versions with their life cycle (edit, attach, submit for
 * approval, publish), differences between versions, acknowledgements, history and CSV export.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyApiController {

	private final PolicyService policies;

	private final PolicyViews views;

	PolicyApiController(PolicyService policies, PolicyViews views) {
		this.policies = policies;
		this.views = views;
	}

	/**
	 * Lists policies. Filters: {@code q} (title, owner, aligned policies), {@code reviewOverdue}. Sort:
	 * {@code title}, {@code updated} (prefix {@code -} for descending). Pages: {@code limit}, {@code after}.
	 */
	@GetMapping
	Page<PolicyView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean reviewOverdue,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return views.list(q, reviewOverdue, new PageRequest(limit, after, sort));
	}

	/** Policies in force whose review date has passed (A.2.4). */
	@GetMapping("/overdue-reviews")
	List<PolicyView> overdueReviews() {
		return views.overdueReviews();
	}

	@GetMapping(value = "/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export() {
		return CsvResponses.attachment("policies", views::exportCsv);
	}

	@PostMapping
	ResponseEntity<PolicyView> create(@Valid @RequestBody NewPolicy policy) {
		PolicyView created = policies.create(policy);
		return ResponseEntity.created(URI.create("/api/v1/policies/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	PolicyView get(@PathVariable UUID id) {
		return views.get(id);
	}

	@PutMapping("/{id}")
	PolicyView change(@PathVariable UUID id, @Valid @RequestBody PolicyDetails details) {
		return policies.change(id, details);
	}

	record Retirement(@Size(max = 2000) String reason) {
	}

	/**
	 * Renames the policy: at once while it was never published; once in force, the new title waits
	 * for approval by someone other than the proposer ({@code pendingChange} in the answer).
	 */
	@PostMapping("/{id}/rename")
	PolicyView rename(@PathVariable UUID id, @Valid @RequestBody PolicyRename rename) {
		return policies.rename(id, rename);
	}

	/** Retires the policy: at once while it was never published; once in force, after approval. */
	@PostMapping("/{id}/retire")
	PolicyView retire(@PathVariable UUID id, @Valid @RequestBody(required = false) Retirement retirement) {
		return policies.retire(id, retirement == null ? null : retirement.reason());
	}

	/** Changes of the policy and its versions, approval requests and decisions included. */
	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return views.history(id);
	}

	/** Starts a new draft from the published text. */
	@PostMapping("/{id}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	PolicyVersionView newDraft(@PathVariable UUID id) {
		return policies.newDraft(id);
	}

	@GetMapping("/{id}/versions/{no}")
	PolicyVersionView version(@PathVariable UUID id, @PathVariable int no) {
		return views.version(id, no);
	}

	/** Edits a version that is not published. */
	@PutMapping("/{id}/versions/{no}")
	PolicyVersionView edit(@PathVariable UUID id, @PathVariable int no, @Valid @RequestBody PolicyDraft draft) {
		return policies.edit(id, no, draft);
	}

	/** Attaches a document (multipart part {@code file}) to a version that is not published. */
	@PostMapping(value = "/{id}/versions/{no}/file", consumes = "multipart/form-data")
	PolicyVersionView attach(@PathVariable UUID id, @PathVariable int no, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			return policies.attach(id, no, file.getOriginalFilename(), in);
		}
	}

	@GetMapping("/{id}/versions/{no}/file")
	ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable int no) {
		PolicyViews.Attachment attachment = views.file(id, no);
		return FileDownloads.attachment(attachment.path(), attachment.name(), attachment.mediaType());
	}

	/** Submits the version for approval by someone who did not write it. */
	@PostMapping("/{id}/versions/{no}/submit")
	PolicyVersionView submit(@PathVariable UUID id, @PathVariable int no) {
		return policies.submit(id, no);
	}

	/** Publishes an approved version whose text is still what was approved. */
	@PostMapping("/{id}/versions/{no}/publish")
	PolicyVersionView publish(@PathVariable UUID id, @PathVariable int no) {
		return policies.publish(id, no);
	}

	/** Line by line differences of the texts of versions {@code from} and {@code to}. */
	@GetMapping("/{id}/diff")
	List<DiffLine> diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
		return views.diff(id, from, to);
	}

	/** The signed-in user confirms having read the published version. */
	@PostMapping("/{id}/acknowledgements")
	AcknowledgementCoverage acknowledge(@PathVariable UUID id) {
		return policies.acknowledge(id);
	}

	/** Who has acknowledged the published version and who has not. */
	@GetMapping("/{id}/acknowledgements")
	AcknowledgementCoverage coverage(@PathVariable UUID id) {
		return views.coverage(id);
	}
}
