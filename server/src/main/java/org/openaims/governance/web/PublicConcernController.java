package org.openaims.governance.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.web.FormErrors;
import org.openaims.governance.AnonymousReceipt;
import org.openaims.governance.ConcernService;
import org.openaims.governance.PublicConcern;
import org.openaims.governance.ReceiptNote;
import org.openaims.governance.internal.PublicReportLimit;
import org.openaims.identity.SecurityLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public pages for anonymous concerns, reachable without signing in (linked from the sign-in
 * page): report, receive the receipt code once, follow the concern and add to it with the code.
 * Served without a session, so nothing links the report to a browser or an account.
 */
@Controller
@RequestMapping("/report-concern")
class PublicConcernController {

	private static final String FORM = "governance/concerns/public";

	private static final String FOLLOW = "governance/concerns/follow";

	private final ConcernService concerns;

	private final PublicReportLimit limit;

	private final SecurityLog log;

	PublicConcernController(ConcernService concerns, PublicReportLimit limit, SecurityLog log) {
		this.concerns = concerns;
		this.limit = limit;
		this.log = log;
	}

	@GetMapping
	String initForm(Model model) {
		model.addAttribute("concern", new PublicConcern(null, null, null));
		return FORM;
	}

	@PostMapping
	String processForm(@Valid @ModelAttribute("concern") PublicConcern concern, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (result.hasErrors()) {
			return FORM;
		}
		if (over(limit.refuseReport(request.getRemoteAddr()), response, model)) {
			return FORM;
		}
		try {
			AnonymousReceipt receipt = concerns.reportAnonymously(concern);
			model.addAttribute("receipt", receipt.receipt());
			model.addAttribute("followed", receipt.concern());
			model.addAttribute("note", new ReceiptNote(receipt.receipt(), null));
			return FOLLOW;
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
	}

	@GetMapping("/follow")
	String initFollow(Model model) {
		model.addAttribute("note", new ReceiptNote(null, null));
		return FOLLOW;
	}

	/** Shows the concern of a receipt code; with a note, adds it first. */
	@PostMapping("/follow")
	String follow(@Valid @ModelAttribute("note") ReceiptNote note, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (result.hasErrors() || over(limit.refuseLookup(request.getRemoteAddr()), response, model)) {
			return FOLLOW;
		}
		try {
			boolean adding = note.note() != null && !note.note().isBlank();
			model.addAttribute("followed", adding ? concerns.commentAnonymously(note) : concerns.followAnonymously(note.receipt()));
			model.addAttribute("added", adding);
			model.addAttribute("note", new ReceiptNote(note.receipt(), null));
		}
		catch (NotFoundException e) {
			result.rejectValue("receipt", "unknown", "no concern has this receipt code");
		}
		catch (org.openaims.common.ConflictException e) {
			result.reject("closed", e.getMessage());
			model.addAttribute("followed", concerns.followAnonymously(note.receipt()));
		}
		return FOLLOW;
	}

	private boolean over(Instant until, HttpServletResponse response, Model model) {
		if (until == null) {
			return false;
		}
		log.record(SecurityLog.RATE_LIMITED, null, null, "anonymous concern requests over the hourly limit of an address");
		response.setStatus(429);
		model.addAttribute("limited", "Too many reports from your address this hour. Please try again after "
				+ until.toString().substring(11, 16) + " UTC.");
		return true;
	}
}
