package org.openaims.assurance.web;

import static org.openaims.common.web.RedirectForms.act;
import static org.openaims.common.web.RedirectForms.done;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.assurance.ActionDetails;
import org.openaims.assurance.ActionStatus;
import org.openaims.assurance.ActionUpdate;
import org.openaims.assurance.AuditDetails;
import org.openaims.assurance.AuditItemView;
import org.openaims.assurance.AuditResult;
import org.openaims.assurance.AuditService;
import org.openaims.assurance.AuditView;
import org.openaims.assurance.ContextDetails;
import org.openaims.assurance.ContextKind;
import org.openaims.assurance.ContextService;
import org.openaims.assurance.ItemUpdate;
import org.openaims.assurance.ManagementReviewService;
import org.openaims.assurance.ManagementReviewView;
import org.openaims.assurance.NonconformityDetails;
import org.openaims.assurance.NonconformityFilter;
import org.openaims.assurance.NonconformityService;
import org.openaims.assurance.NonconformitySource;
import org.openaims.assurance.NonconformityStatus;
import org.openaims.assurance.NonconformityView;
import org.openaims.assurance.ProgrammeDetails;
import org.openaims.assurance.ReviewDetails;
import org.openaims.assurance.RootCauseMethod;
import org.openaims.assurance.Severity;
import org.openaims.common.InvalidInputException;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.inventory.AiSystemService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assurance pages: the overview (programmes, audits, nonconformities, overdue actions, reviews),
 * a programme, the auditor's working page for an audit's checklist (keyboard-friendly: j/k move between
 * items, 1–5 choose a result, Ctrl+Enter saves), a nonconformity with its analysis, actions,
 * effectiveness review and closure, a management review with its input pack and output, and the
 * context register. Every form redirects back saying what changed.
 */
@Controller
@RequestMapping("/assurance")
class AssuranceController {

	private final AuditService audits;

	private final NonconformityService nonconformities;

	private final ManagementReviewService reviews;

	private final ContextService context;

	private final AiSystemService systems;

	AssuranceController(AuditService audits, NonconformityService nonconformities, ManagementReviewService reviews, ContextService context,
			AiSystemService systems) {
		this.audits = audits;
		this.nonconformities = nonconformities;
		this.reviews = reviews;
		this.context = context;
		this.systems = systems;
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("programmes", audits.programmes(null, PageRequest.first(20)).items());
		model.addAttribute("audits", audits.list(null, null, null, null, PageRequest.first(20)).items());
		model.addAttribute("open", nonconformities.list(new NonconformityFilter(NonconformityStatus.OPEN, null, null, null, null, null, null),
				PageRequest.first(50)).items());
		model.addAttribute("candidates", nonconformities.list(new NonconformityFilter(NonconformityStatus.CANDIDATE, null, null, null, null, null,
				null), PageRequest.first(20)).items());
		model.addAttribute("overdue", nonconformities.overdueActions(null, PageRequest.first(20)).items());
		model.addAttribute("reviews", reviews.list(null, null, PageRequest.first(20)).items());
		model.addAttribute("mayPlan", audits.mayPlan());
		model.addAttribute("mayRaise", nonconformities.mayRaise());
		model.addAttribute("mayOrganize", reviews.mayOrganize());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("me", CurrentUser.username());
		return "assurance/overview";
	}

	// -- programmes and audits -------------------------------------------------------------------

	record ProgrammeForm(String title, LocalDate periodStart, LocalDate periodEnd, String objectives, String criteria, String method) {
	}

	@PostMapping("/programmes")
	String planProgramme(ProgrammeForm form, RedirectAttributes redirect) {
		return act(redirect, "/assurance", () -> {
			var p = audits.planProgramme(new ProgrammeDetails(form.title(), form.periodStart(), form.periodEnd(), form.objectives(),
					form.criteria(), form.method(), null));
			return done("/assurance/programmes/" + p.id(), redirect, "Programme '" + p.title() + "' planned as a draft. Plan its audits, then submit it for approval: audits start once it is approved.");
		});
	}

	@GetMapping("/programmes/{id}")
	String programme(@PathVariable UUID id, Model model) {
		model.addAttribute("programme", audits.getProgramme(id));
		model.addAttribute("audits", audits.list(id, null, null, null, PageRequest.first(100)).items());
		model.addAttribute("history", audits.programmeHistory(id));
		model.addAttribute("mayPlan", audits.mayPlan());
		model.addAttribute("systems", systems.inScope());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("me", CurrentUser.username());
		return "assurance/programme";
	}

	@PostMapping("/programmes/{id}")
	String changeProgramme(@PathVariable UUID id, ProgrammeForm form, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		String back = "/assurance/programmes/" + id;
		return act(redirect, back, () -> {
			var before = audits.getProgramme(id);
			var saved = audits.changeProgramme(id, new ProgrammeDetails(form.title(), form.periodStart(), form.periodEnd(), form.objectives(),
					form.criteria(), form.method(), version));
			return done(back, redirect, "Programme saved" + (before.reviewStatus() != saved.reviewStatus()
					? "; its " + before.reviewStatus().name().toLowerCase() + " approval is void — submit it again" : "") + ".");
		});
	}

	@PostMapping("/programmes/{id}/submit")
	String submitProgramme(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "/assurance/programmes/" + id, () -> {
			audits.submitProgramme(id, null);
			return done("/assurance/programmes/" + id, redirect, "Submitted for approval: an approver who did not write it decides.");
		});
	}

	record AuditForm(UUID programmeId, String title, LocalDate plannedStart, LocalDate plannedEnd, LocalDate auditedFrom, LocalDate auditedTo,
			String clauses, String controls, List<UUID> aiSystemIds, String processes, String criteria, String method, String leadAuditor,
			String team) {
	}

	@PostMapping("/audits")
	String planAudit(AuditForm form, RedirectAttributes redirect) {
		String back = form.programmeId() == null ? "/assurance" : "/assurance/programmes/" + form.programmeId();
		return act(redirect, back, () -> {
			AuditView a = audits.plan(new AuditDetails(form.programmeId(), form.title(), form.plannedStart(), form.plannedEnd(), form.auditedFrom(),
					form.auditedTo(), words(form.clauses()), words(form.controls()), form.aiSystemIds() == null ? List.of() : form.aiSystemIds(),
					lines(form.processes()), form.criteria(), form.method(), form.leadAuditor(), words(form.team()), null));
			return done("/assurance/audits/" + a.id(), redirect, "Audit '" + a.title() + "' planned, led by " + a.leadAuditor()
					+ ". Start it to generate its checklist.");
		});
	}

	@GetMapping("/audits/{id}")
	String audit(@PathVariable UUID id, @RequestParam(required = false) Integer focus, Model model) {
		AuditView audit = audits.get(id, true);
		model.addAttribute("audit", audit);
		model.addAttribute("results", AuditResult.values());
		model.addAttribute("mayWork", audits.mayWork(audit));
		model.addAttribute("mayLead", audits.mayLead(audit));
		model.addAttribute("me", CurrentUser.username());
		model.addAttribute("focus", focus == null ? firstOpen(audit) : focus);
		model.addAttribute("history", audits.history(id));
		return "assurance/audit";
	}

	private static int firstOpen(AuditView audit) {
		return audit.items().stream().filter(i -> i.result() == null).map(i -> i.index() + 1).findFirst().orElse(1);
	}

	@PostMapping("/audits/{id}/start")
	String start(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "/assurance/audits/" + id, () -> {
			AuditView a = audits.start(id);
			return done("/assurance/audits/" + id, redirect, "Audit started: its checklist has " + a.items().size()
					+ " items. Each auditor is checked for independence when they take an item.");
		});
	}

	record ItemForm(String auditor, AuditResult result, String notes, String sampled, String nonconformityTitle, String nonconformityOwner) {
	}

	@PostMapping("/audits/{id}/items/{no}")
	String record(@PathVariable UUID id, @PathVariable int no, ItemForm form, RedirectAttributes redirect) {
		// No fragment in the address: a browser does not autofocus a page opened at a fragment.
		return act(redirect, "/assurance/audits/" + id + "?focus=" + no, () -> {
			AuditItemView item = audits.record(id, no - 1, new ItemUpdate(blank(form.auditor()), form.result(), form.notes(), form.sampled(), null,
					blank(form.nonconformityTitle()), blank(form.nonconformityOwner())));
			String what = "Item " + no + " (" + item.title() + "): " + (item.result() == null ? "assigned to " + item.auditor()
					: item.result().name().toLowerCase().replace('_', ' ') + ", by " + item.auditor());
			if (item.nonconformityId() != null && form.result() != null && form.result().nonconformity()) {
				what += ". Nonconformity raised: /assurance/nonconformities/" + item.nonconformityId();
			}
			return done("/assurance/audits/" + id + "?focus=" + (no + 1), redirect, what + ".");
		});
	}

	@PostMapping("/audits/{id}/exceptions")
	String exception(@PathVariable UUID id, @RequestParam(required = false) Integer item, @RequestParam(required = false) String auditor,
			@RequestParam(required = false) String justification, RedirectAttributes redirect) {
		String back = "/assurance/audits/" + id;
		return act(redirect, back, () -> {
			if (item == null) {
				throw new InvalidInputException("item", "name the checklist item by its number");
			}
			AuditView.ExceptionView e = audits.requestException(id, item - 1, auditor, justification);
			return done(back, redirect, "Exception asked for " + e.auditor() + " on item " + item + " (" + e.conflict()
					+ "); once someone else approves it, " + e.auditor() + " may take the item. The report lists it either way.");
		});
	}

	@PostMapping("/audits/{id}/report")
	String issue(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "/assurance/audits/" + id, () -> {
			audits.issueReport(id);
			return done("/assurance/audits/" + id, redirect, "Report issued; download it as PDF. Its results are among the next management review's inputs.");
		});
	}

	// -- nonconformities -------------------------------------------------------------------------

	@GetMapping("/nonconformities")
	String nonconformities(@RequestParam(required = false) NonconformityStatus status, @RequestParam(required = false) NonconformitySource source,
			@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
		var page = nonconformities.list(new NonconformityFilter(status, source, null, null, null, null, q), new PageRequest(50, after, null));
		model.addAttribute("page", page);
		model.addAttribute("status", status);
		model.addAttribute("source", source);
		model.addAttribute("q", q);
		model.addAttribute("statuses", NonconformityStatus.values());
		model.addAttribute("sources", NonconformitySource.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("mayRaise", nonconformities.mayRaise());
		model.addAttribute("systems", systems.inScope());
		model.addAttribute("trends", nonconformities.trends(null, null));
		model.addAttribute("me", CurrentUser.username());
		return "assurance/nonconformities";
	}

	record RaiseForm(String title, String description, NonconformitySource source, String requirementRef, UUID aiSystemId, Severity severity,
			String owner) {
	}

	@PostMapping("/nonconformities")
	String raise(RaiseForm form, RedirectAttributes redirect) {
		return act(redirect, "/assurance/nonconformities", () -> {
			NonconformityView n = nonconformities.raise(new NonconformityDetails(form.title(), form.description(), form.source(), null, null,
					blank(form.requirementRef()), form.aiSystemId(), form.severity(), form.owner(), null, null, null, null, null));
			return done("/assurance/nonconformities/" + n.id(), redirect, "Nonconformity raised, owned by " + n.owner()
					+ ". Next: correction, containment and the root cause.");
		});
	}

	@GetMapping("/nonconformities/{id}")
	String nonconformity(@PathVariable UUID id, Model model) {
		NonconformityView n = nonconformities.get(id);
		model.addAttribute("nc", n);
		model.addAttribute("mayWork", nonconformities.mayWork(n));
		model.addAttribute("mayReview", nonconformities.mayReviewEffectiveness(n));
		model.addAttribute("mayDecide", CurrentUser.hasAnyRole(org.openaims.identity.Role.ADMIN, org.openaims.identity.Role.AIMS_MANAGER));
		model.addAttribute("methods", RootCauseMethod.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("me", CurrentUser.username());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("history", nonconformities.history(id));
		return "assurance/nonconformity";
	}

	record AnalysisForm(String title, String description, String requirementRef, Severity severity, String owner, String correction,
			String containment, RootCauseMethod rootCauseMethod, String rootCause, Long version) {
	}

	@PostMapping("/nonconformities/{id}/analysis")
	String analysis(@PathVariable UUID id, AnalysisForm form, RedirectAttributes redirect) {
		String back = "/assurance/nonconformities/" + id;
		return act(redirect, back, () -> {
			NonconformityView current = nonconformities.get(id);
			NonconformityView saved = nonconformities.change(id, new NonconformityDetails(form.title(), form.description(), current.source(),
					current.sourceRef(), null, blank(form.requirementRef()), current.aiSystemId(), form.severity(), form.owner(), form.correction(),
					form.containment(), form.rootCauseMethod(), blank(form.rootCause()), form.version()));
			return done(back, redirect, "Saved" + (current.effectivenessReviewedBy() != null && saved.effectivenessReviewedBy() == null
					? "; the effectiveness review is void and must be done again" : "") + ". Now: " + saved.stage() + ".");
		});
	}

	record ActionForm(String description, String owner, LocalDate dueDate) {
	}

	@PostMapping("/nonconformities/{id}/actions")
	String addAction(@PathVariable UUID id, ActionForm form, RedirectAttributes redirect) {
		String back = "/assurance/nonconformities/" + id;
		return act(redirect, back, () -> {
			NonconformityView n = nonconformities.addAction(id, new ActionDetails(null, form.description(), form.owner(), form.dueDate()));
			return done(back, redirect, "Corrective action added for " + form.owner() + ", due " + form.dueDate() + ". Now: " + n.stage() + ".");
		});
	}

	record ActionProgressForm(ActionStatus status, String note) {
	}

	@PostMapping("/nonconformities/{id}/actions/{actionId}")
	String updateAction(@PathVariable UUID id, @PathVariable UUID actionId, ActionProgressForm form, RedirectAttributes redirect) {
		String back = "/assurance/nonconformities/" + id;
		return act(redirect, back, () -> {
			NonconformityView n = nonconformities.updateAction(id, actionId, new ActionUpdate(form.status(), null, form.note()));
			return done(back, redirect, "Action marked " + form.status().name().toLowerCase() + ". Now: " + n.stage() + ".");
		});
	}

	@PostMapping("/nonconformities/{id}/effectiveness")
	String effectiveness(@PathVariable UUID id, @RequestParam(required = false) Boolean effective, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		String back = "/assurance/nonconformities/" + id;
		return act(redirect, back, () -> {
			if (effective == null) {
				throw new InvalidInputException("effective", "say whether the actions were effective");
			}
			NonconformityView n = nonconformities.reviewEffectiveness(id, effective, note);
			return done(back, redirect, "Effectiveness reviewed: " + (effective ? "effective" : "not effective") + ". Now: " + n.stage() + ".");
		});
	}

	@PostMapping("/nonconformities/{id}/submit")
	String submitClosure(@PathVariable UUID id, RedirectAttributes redirect) {
		String back = "/assurance/nonconformities/" + id;
		return act(redirect, back, () -> {
			nonconformities.submit(id, null);
			return done(back, redirect, "Closure submitted for approval: someone who did not write the record decides.");
		});
	}

	@PostMapping("/nonconformities/{id}/accept")
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		String back = "/assurance/nonconformities/" + id;
		return act(redirect, back, () -> {
			nonconformities.decideCandidate(id, true, null);
			return done(back, redirect, "Accepted: the candidate is now an open nonconformity.");
		});
	}

	@PostMapping("/nonconformities/{id}/dismiss")
	String dismiss(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String back = "/assurance/nonconformities/" + id;
		return act(redirect, back, () -> {
			nonconformities.decideCandidate(id, false, reason);
			return done(back, redirect, "Dismissed: the candidate is kept with the reason, and closed to further work.");
		});
	}

	// -- management reviews ----------------------------------------------------------------------

	record ReviewForm(String title, LocalDate scheduledFor, LocalDate periodStart, LocalDate periodEnd, String chair, String attendees) {
	}

	@PostMapping("/reviews")
	String schedule(ReviewForm form, RedirectAttributes redirect) {
		return act(redirect, "/assurance", () -> {
			ManagementReviewView r = reviews.schedule(new ReviewDetails(form.title(), form.scheduledFor(), form.periodStart(), form.periodEnd(),
					form.chair(), words(form.attendees()), null, null, List.of(), null));
			return done("/assurance/reviews/" + r.id(), redirect, "Management review scheduled for " + r.scheduledFor()
					+ "; its inputs below are assembled for " + r.periodStart() + " to " + r.periodEnd() + ".");
		});
	}

	@GetMapping("/reviews/{id}")
	String review(@PathVariable UUID id, Model model) {
		ManagementReviewView r = reviews.get(id);
		model.addAttribute("review", r);
		model.addAttribute("pack", reviews.inputs(id));
		model.addAttribute("mayOrganize", reviews.mayOrganize());
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("me", CurrentUser.username());
		model.addAttribute("actionLines", r.actions().stream().map(a -> a.owner() + " | " + a.dueDate() + " | " + a.description())
			.collect(Collectors.joining("\n")));
		model.addAttribute("history", reviews.history(id));
		return "assurance/review";
	}

	@PostMapping("/reviews/{id}/hold")
	String hold(@PathVariable UUID id, RedirectAttributes redirect) {
		String back = "/assurance/reviews/" + id;
		return act(redirect, back, () -> {
			reviews.hold(id);
			return done(back, redirect, "Recorded as held: its inputs are frozen as presented. Write the minutes, decisions and actions.");
		});
	}

	@PostMapping("/reviews/{id}/output")
	String output(@PathVariable UUID id, @RequestParam(required = false) String minutes, @RequestParam(required = false) String decisions,
			@RequestParam(required = false) String actions, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		String back = "/assurance/reviews/" + id;
		return act(redirect, back, () -> {
			ManagementReviewView r = reviews.get(id);
			List<ActionDetails> parsed = ReviewActionLines.parse(actions, r.actions());
			ManagementReviewView saved = reviews.change(id, new ReviewDetails(r.title(), r.scheduledFor(), r.periodStart(), r.periodEnd(), r.chair(),
					r.attendees(), minutes, decisions, parsed, version));
			return done(back, redirect, "Output saved: " + saved.actions().size() + " action(s)" + (r.reviewStatus() != saved.reviewStatus()
					? "; its " + r.reviewStatus().name().toLowerCase() + " approval is void — submit it again" : "") + ".");
		});
	}

	@PostMapping("/reviews/{id}/actions/{actionId}")
	String reviewAction(@PathVariable UUID id, @PathVariable UUID actionId, ActionProgressForm form, RedirectAttributes redirect) {
		String back = "/assurance/reviews/" + id;
		return act(redirect, back, () -> {
			if (form.status() == null) {
				throw new InvalidInputException("status", "choose the action's status");
			}
			ManagementReviewView r = reviews.updateAction(id, actionId, new ActionUpdate(form.status(), null, form.note()));
			long open = r.actions().stream().filter(a -> a.status() == ActionStatus.OPEN).count();
			return done(back, redirect, "Action marked " + form.status().name().toLowerCase() + "; " + open + " of " + r.actions().size()
					+ " still open. The next review's inputs show it.");
		});
	}

	@PostMapping("/reviews/{id}/submit")
	String submitReview(@PathVariable UUID id, RedirectAttributes redirect) {
		String back = "/assurance/reviews/" + id;
		return act(redirect, back, () -> {
			reviews.submit(id, null);
			return done(back, redirect, "Output submitted to top management for approval.");
		});
	}

	// -- context ---------------------------------------------------------------------------------

	@GetMapping("/context")
	String context(@RequestParam(required = false) ContextKind kind, @RequestParam(required = false) String q,
			@RequestParam(required = false) String after, Model model) {
		model.addAttribute("page", context.list(kind, null, q, new PageRequest(50, after, null)));
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("kinds", ContextKind.values());
		model.addAttribute("mayKeep", context.mayKeep());
		model.addAttribute("me", CurrentUser.username());
		return "assurance/context";
	}

	record ContextForm(ContextKind kind, String title, String description, String aiRoles, String applicableLaws, String requirements,
			Boolean addressed, String howAddressed, String owner) {
	}

	@PostMapping("/context")
	String addContext(ContextForm form, RedirectAttributes redirect) {
		return act(redirect, "/assurance/context", () -> {
			var e = context.add(new ContextDetails(form.kind(), form.title(), form.description(), form.aiRoles(), form.applicableLaws(),
					form.requirements(), form.addressed(), form.howAddressed(), form.owner(), null));
			return done("/assurance/context", redirect, "Added '" + e.title() + "' (version 1); it is among the next management review's inputs.");
		});
	}

	@PostMapping("/context/{id}")
	String changeContext(@PathVariable UUID id, ContextForm form, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(redirect, "/assurance/context", () -> {
			var e = context.change(id, new ContextDetails(form.kind(), form.title(), form.description(), form.aiRoles(), form.applicableLaws(),
					form.requirements(), form.addressed(), form.howAddressed(), form.owner(), version));
			return done("/assurance/context", redirect, "'" + e.title() + "' saved as version " + e.versionNo() + ".");
		});
	}

	@PostMapping("/context/{id}/review")
	String reviewContext(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "/assurance/context", () -> {
			var e = context.review(id, null);
			return done("/assurance/context", redirect, "'" + e.title() + "' confirmed as still holding on " + e.reviewedOn() + ".");
		});
	}

	// -- helpers ---------------------------------------------------------------------------------

	/** Runs a form's work; a refusal goes back to {@code back} with what was wrong. */
	private static List<String> words(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
