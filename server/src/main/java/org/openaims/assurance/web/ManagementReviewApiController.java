package org.openaims.assurance.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.assurance.ActionUpdate;
import org.openaims.assurance.InputPack;
import org.openaims.assurance.ManagementReviewService;
import org.openaims.assurance.ManagementReviewView;
import org.openaims.assurance.ReviewDetails;
import org.openaims.assurance.ReviewMeetingStatus;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.reporting.Exports;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Management reviews (9.3) over REST: schedule, the input pack, hold, write the output, submit it to top management, track actions, PDF. */
@RestController
@RequestMapping("/api/v1/management-reviews")
class ManagementReviewApiController {

	private final ManagementReviewService reviews;

	private final Exports exports;

	ManagementReviewApiController(ManagementReviewService reviews, Exports exports) {
		this.reviews = reviews;
		this.exports = exports;
	}

	/** Lists reviews, latest first. Filters: {@code status}, {@code q}. Sort: {@code scheduled}, {@code title}. */
	@GetMapping
	Page<ManagementReviewView> list(@RequestParam(required = false) ReviewMeetingStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return reviews.list(status, q, new PageRequest(limit, after, sort));
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) ReviewMeetingStatus status, @RequestParam(required = false) String q) {
		return AssuranceApis.export(exports, reviews.exportTable(status, q, exports.batchRows()), format);
	}

	@PostMapping
	ResponseEntity<ManagementReviewView> schedule(@Valid @RequestBody ReviewDetails details) {
		ManagementReviewView scheduled = reviews.schedule(details);
		return ResponseEntity.created(URI.create("/api/v1/management-reviews/" + scheduled.id())).body(scheduled);
	}

	@GetMapping("/{id}")
	ManagementReviewView get(@PathVariable UUID id) {
		return reviews.get(id);
	}

	@PutMapping("/{id}")
	ManagementReviewView change(@PathVariable UUID id, @Valid @RequestBody ReviewDetails details) {
		return reviews.change(id, details);
	}

	/** The input pack (9.3.2): assembled now, or as frozen when the review was held. */
	@GetMapping("/{id}/inputs")
	InputPack inputs(@PathVariable UUID id) {
		return reviews.inputs(id);
	}

	/** The review was held: its inputs are frozen as presented. */
	@PostMapping("/{id}/hold")
	ManagementReviewView hold(@PathVariable UUID id) {
		return reviews.hold(id);
	}

	/** Submits the output for top management's approval (optional {@code dueDate}). */
	@PostMapping("/{id}/submit")
	ManagementReviewView submit(@PathVariable UUID id, @RequestBody(required = false) DueRequest request) {
		return reviews.submit(id, request == null ? null : request.dueDate());
	}

	record DueRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
	}

	@PutMapping("/{id}/actions/{actionId}")
	ManagementReviewView updateAction(@PathVariable UUID id, @PathVariable UUID actionId, @Valid @RequestBody ActionUpdate update) {
		return reviews.updateAction(id, actionId, update);
	}

	/** The review's record (inputs, minutes, decisions, actions) as a PDF download. */
	@GetMapping("/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		reviews.pdf(id, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("management-review-" + id + ".pdf").build().toString())
			.body(out.toByteArray());
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return reviews.history(id);
	}
}
