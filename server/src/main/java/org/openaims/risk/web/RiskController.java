package org.openaims.risk.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import org.openaims.reporting.Exports;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.FormErrors;
import org.openaims.common.web.ListUrls;
import org.openaims.identity.CurrentUser;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.risk.AcceptanceRequest;
import org.openaims.risk.ActionStatus;
import org.openaims.risk.HeatMap;
import org.openaims.risk.RiskCriteriaService;
import org.openaims.risk.RiskCriteriaView;
import org.openaims.risk.RiskDetails;
import org.openaims.risk.RiskFilter;
import org.openaims.risk.RiskService;
import org.openaims.risk.RiskViews;
import org.openaims.risk.RiskStatus;
import org.openaims.risk.RiskView;
import org.openaims.risk.ScoreKind;
import org.openaims.risk.Scores;
import org.openaims.risk.TreatmentOption;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The risk register pages: list with filters, heat map, risk form, risk detail with assessment, treatment plan and acceptance. */
@Controller
@RequestMapping("/risks")
class RiskController {

	private static final String FORM = "risk/form";

	private static final String TREATMENT = "risk/treatment";

	private final RiskService risks;

	private final RiskCriteriaService criteria;

	private final AiSystemService systems;

	private final RiskViews views;

	private final Exports exports;

	RiskController(RiskService risks, RiskViews views, RiskCriteriaService criteria, AiSystemService systems, Exports exports) {
		this.exports = exports;
		this.risks = risks;
		this.views = views;
		this.criteria = criteria;
		this.systems = systems;
	}

	@ModelAttribute("statuses")
	RiskStatus[] statuses() {
		return RiskStatus.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Boolean organization,
			@RequestParam(required = false) String category, @RequestParam(required = false) RiskStatus status,
			@RequestParam(required = false) String level, @RequestParam(required = false) String residualLevel,
			@RequestParam(required = false) Boolean reassessment, @RequestParam(required = false) String q,
			@RequestParam(required = false) ScoreKind scores, @RequestParam(required = false) Integer likelihood,
			@RequestParam(required = false) Integer impact, @RequestParam(required = false) String after,
			@RequestParam(required = false) UUID control,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		RiskFilter filter = new RiskFilter(aiSystem, organization, category, null, status, level, residualLevel, reassessment, q, scores,
				likelihood, impact, control);
		Page<RiskView> page = views.list(filter, new PageRequest(25, after, null));
		Map<String, Object> query = query(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("total", views.count(filter));
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/risks", query, null, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/risks", query, null, null));
		query.remove("scores");
		query.remove("likelihood");
		query.remove("impact");
		model.addAttribute("heatMapUrl", ListUrls.url("/risks/heatmap", query, null, null));
		Map<String, Object> export = query(filter);
		for (String format : List.of("csv", "xlsx", "pdf")) {
			export.put("format", format);
			model.addAttribute(format + "Url", ListUrls.url("/risks/export", export, null, null));
		}
		addChoices(model);
		return htmx != null ? "risk/list :: table" : "risk/list";
	}

	@GetMapping("/heatmap")
	String heatMap(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Boolean organization,
			@RequestParam(required = false) String category, @RequestParam(required = false) RiskStatus status,
			@RequestParam(required = false) Boolean reassessment, @RequestParam(required = false) String q, Model model) {
		RiskFilter filter = new RiskFilter(aiSystem, organization, category, null, status, null, null, reassessment, q, null, null, null);
		HeatMap inherent;
		try {
			inherent = views.heatMap(filter, ScoreKind.INHERENT);
		}
		catch (ConflictException e) {
			model.addAttribute("noCriteria", e.getMessage());
			addChoices(model);
			model.addAttribute("filter", filter);
			return "risk/heatmap";
		}
		model.addAttribute("filter", filter);
		List<HeatMap> maps = List.of(inherent, views.heatMap(filter, ScoreKind.RESIDUAL));
		Map<String, String> cellUrls = new LinkedHashMap<>();
		for (HeatMap map : maps) {
			for (HeatMap.Cell cell : map.cells()) {
				cellUrls.put(map.kind() + "-" + cell.likelihood() + "-" + cell.impact(), ListUrls.url("/risks",
						query(filter.withCell(map.kind(), cell.likelihood(), cell.impact())), null, null));
			}
		}
		model.addAttribute("maps", maps);
		model.addAttribute("cellUrls", cellUrls);
		model.addAttribute("registerUrl", ListUrls.url("/risks", query(filter), null, null));
		addChoices(model);
		return "risk/heatmap";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) Boolean organization, @RequestParam(required = false) String category,
			@RequestParam(required = false) RiskStatus status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String residualLevel, @RequestParam(required = false) Boolean reassessment,
			@RequestParam(required = false) String q, @RequestParam(required = false) ScoreKind scores,
			@RequestParam(required = false) Integer likelihood, @RequestParam(required = false) Integer impact) {
		return RiskDownloads.page(views, exports, new RiskFilter(aiSystem, organization, category, null, status, level, residualLevel,
				reassessment, q, scores, likelihood, impact), format);
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) UUID aiSystem, Model model) {
		model.addAttribute("risk", new RiskDetails(null, null, aiSystem, null, null, null, null, null, null, null, null, null,
				CurrentUser.username(), LocalDate.now().plusMonths(6), null));
		return form(model);
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("risk") RiskDetails details, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			RiskView created = risks.identify(details);
			redirect.addFlashAttribute("flash", created.ref() + " entered in the register.");
			return "redirect:/risks/" + created.id();
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
		}
		catch (ConflictException e) {
			result.reject("conflict", e.getMessage());
		}
		return form(model);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		RiskView r = views.get(id);
		model.addAttribute("risk", new RiskDetails(r.title(), r.about().description(), r.about().aiSystemId(), r.about().category(), r.about().cause(), r.about().source(),
				r.about().consequenceOrganization(), r.about().consequenceIndividuals(), r.about().consequenceSociety(), r.assessment().inherent().likelihood(),
				r.assessment().inherent().impact(), r.about().existingControls(), r.about().owner(), r.schedule().reviewDate(), r.recorded().version()));
		model.addAttribute("riskId", id);
		model.addAttribute("ref", r.ref());
		return form(model);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("risk") RiskDetails details, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("riskId", id);
		if (!result.hasErrors()) {
			try {
				RiskView saved = risks.change(id, details);
				redirect.addFlashAttribute("flash", saved.ref() + " saved.");
				return "redirect:/risks/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.reject(result, e);
			}
			catch (ConflictException e) {
				result.reject("conflict", e.getMessage());
			}
		}
		return form(model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		RiskView risk = views.get(id);
		model.addAttribute("risk", risk);
		model.addAttribute("mayChange", views.mayChange(risk));
		model.addAttribute("me", org.openaims.identity.CurrentUser.username());
		model.addAttribute("history", views.history(id));
		model.addAttribute("scores", new Scores(risk.assessment().inherent().likelihood(), risk.assessment().inherent().impact(), null));
		addScales(model);
		return "risk/detail";
	}

	/** Reassesses the inherent scores. */
	@PostMapping("/{id}/assessments")
	String assess(@PathVariable UUID id, @ModelAttribute Scores scores, RedirectAttributes redirect) {
		return act(id, redirect, "Inherent risk reassessed.", () -> risks.assess(id, scores));
	}

	/** Records the residual scores. */
	@PostMapping("/{id}/residual")
	String residual(@PathVariable UUID id, @ModelAttribute Scores scores, RedirectAttributes redirect) {
		return act(id, redirect, "Residual risk recorded.", () -> risks.assessResidual(id, scores));
	}

	/** Marks a treatment action done (its owner may, as may whoever may change the risk). */
	@PostMapping("/{id}/actions/{actionId}/done")
	String actionDone(@PathVariable UUID id, @PathVariable UUID actionId, RedirectAttributes redirect) {
		return act(id, redirect, "Action marked done.", () -> risks.markActionDone(new org.openaims.risk.RiskId(id), actionId, null));
	}

	@PostMapping("/{id}/acceptance")
	String requestAcceptance(@PathVariable UUID id, @RequestParam(required = false) String rationale, RedirectAttributes redirect) {
		return act(id, redirect, "Acceptance requested; an approver with the role the level needs decides it.",
				() -> risks.requestAcceptance(id, new AcceptanceRequest(rationale)));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, "Risk closed.", () -> risks.close(id, reason));
	}

	@GetMapping("/{id}/treatment")
	String initTreatmentForm(@PathVariable UUID id, Model model) {
		RiskView risk = views.get(id);
		model.addAttribute("treatment", RiskForms.TreatmentForm.of(risk, 2));
		return treatmentForm(risk, model);
	}

	@PostMapping("/{id}/treatment")
	String processTreatmentForm(@PathVariable UUID id, @ModelAttribute("treatment") RiskForms.TreatmentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		RiskView risk = views.get(id);
		if (!result.hasErrors()) {
			try {
				risks.plan(id, form.treatment());
				redirect.addFlashAttribute("flash", "Treatment plan of " + risk.ref() + " saved.");
				return "redirect:/risks/" + id;
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
		return treatmentForm(risk, model);
	}

	private String treatmentForm(RiskView risk, Model model) {
		model.addAttribute("risk", risk);
		model.addAttribute("options", TreatmentOption.values());
		model.addAttribute("actionStatuses", ActionStatus.values());
		addScales(model);
		return TREATMENT;
	}

	private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", String.join("; ", e.problems().stream().map(p -> p.field() + " " + p.message()).toList()));
		}
		catch (ConstraintViolationException e) {
			redirect.addFlashAttribute("flashError", String.join("; ", e.getConstraintViolations().stream()
				.map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage()).toList()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/risks/" + id;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	private String form(Model model) {
		addChoices(model);
		return FORM;
	}

	/** Systems, categories and the criteria in force (for filters and forms). */
	private void addChoices(Model model) {
		List<AiSystemView> all = systems.list(AiSystemFilter.none(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
		model.addAttribute("systems", all);
		model.addAttribute("categories", views.categories());
		RiskCriteriaView current = addScales(model);
		model.addAttribute("levels", current == null ? List.of() : current.definition().levels());
	}

	/** The criteria in force and the colours of their levels; null (with a message) when none are approved. */
	private RiskCriteriaView addScales(Model model) {
		try {
			RiskCriteriaView current = criteria.current();
			model.addAttribute("criteria", current);
			model.addAttribute("levelClasses", RiskForms.levelClasses(current.definition()));
			return current;
		}
		catch (ConflictException e) {
			model.addAttribute("noCriteria", e.getMessage());
			model.addAttribute("levelClasses", Map.of());
			return null;
		}
	}

	private static Map<String, Object> query(RiskFilter f) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("aiSystem", f.aiSystemId());
		query.put("organization", f.organizationOnly());
		query.put("category", f.category());
		query.put("status", f.status());
		query.put("level", f.inherentLevel());
		query.put("residualLevel", f.residualLevel());
		query.put("reassessment", f.reassessmentDue());
		query.put("q", f.q());
		query.put("scores", f.scores());
		query.put("likelihood", f.likelihood());
		query.put("impact", f.impact());
		query.put("control", f.control());
		return query;
	}
}
