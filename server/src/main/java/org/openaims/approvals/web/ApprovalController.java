package org.openaims.approvals.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.common.web.ListUrls;
import org.openaims.approvals.ApprovalFilter;
import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalStatus;
import org.openaims.approvals.ApprovalView;
import org.openaims.approvals.Decision;
import org.openaims.approvals.DecisionRequest;
import org.openaims.identity.CurrentUser;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approvals pages: the signed-in user's inbox, all requests, one request with its decisions. */
@Controller
@RequestMapping("/approvals")
class ApprovalController {

	private final ApprovalService approvals;

	ApprovalController(ApprovalService approvals) {
		this.approvals = approvals;
	}

	@GetMapping
	String list(@RequestParam(required = false) ApprovalStatus status, @RequestParam(required = false) String after,
			@RequestParam(required = false) String inboxAfter, Model model) {
		Page<ApprovalView> page = approvals.list(new ApprovalFilter(status, null, null, null), new PageRequest(25, after, null));
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("status", status);
		Page<ApprovalView> inbox = approvals.inbox(new PageRequest(25, inboxAfter, null));
		model.addAttribute("inbox", inbox.items());
		model.addAttribute("inboxNextUrl", inbox.next() == null ? null
				: org.springframework.web.util.UriComponentsBuilder.fromPath("/approvals").queryParam("inboxAfter", inbox.next()).encode().build()
					.toUriString());
		model.addAttribute("status", status);
		model.addAttribute("statuses", ApprovalStatus.values());
		model.addAttribute("page", page);
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/approvals", query, null, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/approvals", query, null, null));
		model.addAttribute("exportUrl", ListUrls.url("/approvals/export", query, null, null));
		return "approvals/list";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) ApprovalStatus status) {
		ApprovalFilter filter = new ApprovalFilter(status, null, null, null);
		return CsvResponses.attachment("approvals", out -> approvals.exportCsv(filter, out));
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		ApprovalView approval = approvals.get(id);
		model.addAttribute("approval", approval);
		model.addAttribute("mayDecide", approvals.mayDecide(id));
		model.addAttribute("mayWithdraw", approval.status() == ApprovalStatus.PENDING
				&& (approval.requestedBy().equals(CurrentUser.username())
						|| CurrentUser.hasAnyRole(org.openaims.identity.Role.ADMIN, org.openaims.identity.Role.AIMS_MANAGER)));
		return "approvals/detail";
	}

	@PostMapping("/{id}/decide")
	String decide(@PathVariable UUID id, @RequestParam Decision decision, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		try {
			ApprovalView decided = approvals.decide(id,
					new DecisionRequest(decision, comment == null || comment.length() <= 2000 ? comment : comment.substring(0, 2000)));
			redirect.addFlashAttribute("flash", decision == Decision.APPROVE ? "Approved. The request is now "
					+ decided.status().name().toLowerCase() + "." : "Rejected.");
		}
		catch (ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/approvals/" + id;
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			approvals.withdraw(id, reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500));
			redirect.addFlashAttribute("flash", "Request withdrawn.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/approvals/" + id;
	}
}
