package org.openaims.approvals.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.approvals.ApprovalFilter;
import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalStatus;
import org.openaims.approvals.ApprovalView;
import org.openaims.approvals.DecisionRequest;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approval requests over REST: list and inbox, one request with what is under review, decide,
 * withdraw, CSV export. Requests are made by the item's own module (submitting a policy version, an
 * SoA version …), which also decides who may approve; there is no way to ask for an approval here.
 */
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalApiController {

	private final ApprovalService approvals;

	ApprovalApiController(ApprovalService approvals) {
		this.approvals = approvals;
	}

	/**
	 * Lists requests, newest first. Filters: {@code status}, {@code itemType}, {@code itemId},
	 * {@code requestedBy}. Sort: {@code created} or {@code -created}. Pages: {@code limit}, {@code after}.
	 */
	@GetMapping
	Page<ApprovalView> list(@RequestParam(required = false) ApprovalStatus status,
			@RequestParam(required = false) String itemType, @RequestParam(required = false) String itemId,
			@RequestParam(required = false) String requestedBy, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return approvals.list(new ApprovalFilter(status, itemType, itemId, requestedBy), new PageRequest(limit, after, sort));
	}

	/** The pending requests the signed-in user may decide, oldest first, in keyset pages. */
	@GetMapping("/inbox")
	Page<ApprovalView> inbox(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		return approvals.inbox(new PageRequest(limit, after, null));
	}

	@GetMapping("/{id}")
	ApprovalView get(@PathVariable UUID id) {
		return approvals.get(id);
	}

	/** Approves or rejects; refused (403) for the requester and the item's authors. */
	@PostMapping("/{id}/decisions")
	ApprovalView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest decision) {
		return approvals.decide(id, decision);
	}

	record Withdrawal(@Size(max = 500) String reason) {
	}

	@PostMapping("/{id}/withdraw")
	ApprovalView withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) Withdrawal withdrawal) {
		return approvals.withdraw(id, withdrawal == null ? null : withdrawal.reason());
	}

	@GetMapping(value = "/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) ApprovalStatus status,
			@RequestParam(required = false) String itemType, @RequestParam(required = false) String itemId,
			@RequestParam(required = false) String requestedBy) {
		ApprovalFilter filter = new ApprovalFilter(status, itemType, itemId, requestedBy);
		return CsvResponses.attachment("approvals", out -> approvals.exportCsv(filter, out));
	}
}
