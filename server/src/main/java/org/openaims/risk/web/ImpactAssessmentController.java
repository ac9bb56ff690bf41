package org.openaims.risk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import org.openaims.common.Page;
import org.openaims.common.web.ListUrls;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.PageRequest;
import org.openaims.common.web.FormErrors;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.risk.AssessmentStatus;
import org.openaims.risk.ImpactArea;
import org.openaims.risk.ImpactAssessmentDetails;
import org.openaims.risk.ImpactAssessmentService;
import org.openaims.risk.ImpactAssessmentView;
import org.openaims.risk.ImpactInput;
import org.openaims.risk.RiskCriteriaService;
import org.openaims.risk.RiskViews;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The impact assessment pages: list with the stale ones marked, start, the form, submit and history. */
@Controller
@RequestMapping("/impact-assessments")
class ImpactAssessmentController {

	private static final String DETAIL = "risk/assessments/detail";

	private final ImpactAssessmentService assessments;

	private final RiskCriteriaService criteria;

	private final RiskViews views;

	private final AiSystemService systems;

	ImpactAssessmentController(ImpactAssessmentService assessments, RiskCriteriaService criteria, RiskViews views,
			AiSystemService systems) {
		this.assessments = assessments;
		this.criteria = criteria;
		this.views = views;
		this.systems = systems;
	}

	/** The form: the content with impact rows (existing ones plus empty rows; rows without a description are dropped). */
	record AssessmentForm(String intendedUse, String foreseeableMisuse, String affectedGroups, String vulnerableGroups, String reviewers,
			List<ImpactRow> impacts, Long version) {

		static AssessmentForm of(ImpactAssessmentView a, int emptyRows) {
			List<ImpactRow> rows = new ArrayList<>();
			a.impacts().forEach(i -> rows.add(new ImpactRow(i.area(), i.description(), i.severity(), i.likelihood(), i.mitigation())));
			for (int n = 0; n < emptyRows; n++) {
				rows.add(new ImpactRow(null, null, null, null, null));
			}
			return new AssessmentForm(a.intendedUse(), a.foreseeableMisuse(), a.affectedGroups(), a.vulnerableGroups(),
					String.join(", ", a.reviewers()), rows, a.version());
		}

		ImpactAssessmentDetails details() {
			List<ImpactInput> inputs = new ArrayList<>();
			if (impacts != null) {
				for (ImpactRow row : impacts) {
					if (row != null && row.description() != null && !row.description().isBlank()) {
						inputs.add(new ImpactInput(row.area(), row.description(), row.severity(), row.likelihood(), row.mitigation()));
					}
				}
			}
			List<String> names = reviewers == null || reviewers.isBlank() ? List.of()
					: Arrays.stream(reviewers.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
			return new ImpactAssessmentDetails(intendedUse, foreseeableMisuse, affectedGroups, vulnerableGroups, names, inputs, version);
		}
	}

	/** One impact row of the form. */
	record ImpactRow(ImpactArea area, String description, Integer severity, Integer likelihood, String mitigation) {
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Boolean stale,
			@RequestParam(required = false) AssessmentStatus status, @RequestParam(required = false) String after, Model model) {
		Page<ImpactAssessmentView> page = assessments.list(aiSystem, stale, status, new PageRequest(25, after, null));
		model.addAttribute("assessments", page.items());
		Map<String, Object> query = new java.util.LinkedHashMap<>();
		query.put("aiSystem", aiSystem);
		query.put("stale", stale);
		query.put("status", status);
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/impact-assessments", query, null, page.next()));
		model.addAttribute("systems", systems.list(AiSystemFilter.none(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
		model.addAttribute("aiSystem", aiSystem);
		model.addAttribute("stale", stale);
		model.addAttribute("status", status);
		model.addAttribute("statuses", AssessmentStatus.values());
		return "risk/assessments/list";
	}

	@PostMapping
	String start(@RequestParam(required = false) UUID aiSystemId, RedirectAttributes redirect) {
		try {
			ImpactAssessmentView started = assessments.start(aiSystemId);
			redirect.addFlashAttribute("flash", "Impact assessment started.");
			return "redirect:/impact-assessments/" + started.id();
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", String.join("; ", e.problems().stream().map(p -> p.message()).toList()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/impact-assessments";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		ImpactAssessmentView a = assessments.get(id);
		model.addAttribute("form", AssessmentForm.of(a, 3));
		return detail(a, model);
	}

	@PostMapping("/{id}")
	String save(@PathVariable UUID id, @ModelAttribute("form") AssessmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				assessments.edit(id, form.details());
				redirect.addFlashAttribute("flash", "Impact assessment saved.");
				return "redirect:/impact-assessments/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.reject(result, e);
			}
			catch (ConstraintViolationException e) {
				FormErrors.reject(result, e.getConstraintViolations());
			}
			catch (ConflictException e) {
				result.reject("conflict", e.getMessage());
			}
		}
		return detail(assessments.get(id), model);
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			assessments.submit(id);
			redirect.addFlashAttribute("flash", "Submitted for approval by someone who did not write it.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/impact-assessments/" + id;
	}

	private String detail(ImpactAssessmentView a, Model model) {
		model.addAttribute("assessment", a);
		model.addAttribute("mayWrite", assessments.mayWrite(a.aiSystemId()));
		model.addAttribute("areas", ImpactArea.values());
		model.addAttribute("others", assessments.forSystem(a.aiSystemId()));
		model.addAttribute("risks", views.forSystem(a.aiSystemId()));
		model.addAttribute("history", assessments.history(a.id()));
		try {
			var current = criteria.current();
			model.addAttribute("criteria", current);
			model.addAttribute("levelClasses", RiskForms.levelClasses(current.definition()));
		}
		catch (ConflictException e) {
			model.addAttribute("levelClasses", java.util.Map.of());
		}
		return DETAIL;
	}
}
