package org.openaims.risk.web;

import java.util.List;
import java.util.UUID;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.risk.NewCriteria;
import org.openaims.risk.RiskCriteriaService;
import org.openaims.risk.RiskCriteriaView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The risk criteria pages: the versions, one version with its matrix, drafting and submitting. */
@Controller
@RequestMapping("/risk-criteria")
class RiskCriteriaController {

	private static final String FORM = "risk/criteria/form";

	private final RiskCriteriaService criteria;

	RiskCriteriaController(RiskCriteriaService criteria) {
		this.criteria = criteria;
	}

	@GetMapping
	String list(Model model) {
		List<RiskCriteriaView> versions = criteria.list();
		model.addAttribute("versions", versions);
		RiskCriteriaView shown = versions.stream().filter(v -> v.status().name().equals("APPROVED")).findFirst()
			.orElse(versions.isEmpty() ? null : versions.get(0));
		return show(shown, versions, model);
	}

	@GetMapping("/{id}")
	String version(@PathVariable UUID id, Model model) {
		return show(criteria.get(id), criteria.list(), model);
	}

	private String show(RiskCriteriaView shown, List<RiskCriteriaView> versions, Model model) {
		model.addAttribute("versions", versions);
		model.addAttribute("shown", shown);
		if (shown != null) {
			model.addAttribute("levelClasses", RiskForms.levelClasses(shown.definition()));
			model.addAttribute("history", criteria.history(shown.id()));
		}
		return "risk/criteria/show";
	}

	@GetMapping("/new")
	String initDraftForm(Model model) {
		List<RiskCriteriaView> versions = criteria.list();
		if (!versions.isEmpty()) {
			RiskCriteriaView latest = versions.get(0);
			model.addAttribute("form", RiskForms.CriteriaForm.of(latest.definition(), null));
			if (latest.status().name().equals("DRAFT") || latest.status().name().equals("IN_REVIEW")) {
				model.addAttribute("draftId", latest.id());
			}
		}
		else {
			model.addAttribute("form", new RiskForms.CriteriaForm("Rare | Not expected in the next 3 years\nUnlikely\nPossible\nLikely\nAlmost certain",
					"Negligible\nMinor\nModerate\nMajor\nSevere", "low | Low | RISK_OWNER, AIMS_MANAGER, ADMIN\nmedium | Medium | RISK_OWNER, AIMS_MANAGER, ADMIN\n"
							+ "high | High | AIMS_MANAGER, ADMIN\ncritical | Critical | ADMIN",
					"low low low medium medium\nlow low medium medium high\nlow medium medium high high\nmedium medium high high critical\n"
							+ "medium high high critical critical", null));
		}
		return FORM;
	}

	@PostMapping("/new")
	String processDraftForm(@ModelAttribute("form") RiskForms.CriteriaForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		List<RiskCriteriaView> versions = criteria.list();
		UUID draftId = !versions.isEmpty() && (versions.get(0).status().name().equals("DRAFT") || versions.get(0).status().name().equals("IN_REVIEW"))
				? versions.get(0).id() : null;
		model.addAttribute("draftId", draftId);
		try {
			NewCriteria content = new NewCriteria(form.definition(), form.changeNote());
			RiskCriteriaView saved = draftId == null ? criteria.draft(content) : criteria.edit(draftId, content);
			redirect.addFlashAttribute("flash", "Risk criteria version " + saved.versionNo() + " saved as a draft.");
			return "redirect:/risk-criteria/" + saved.id();
		}
		catch (InvalidInputException e) {
			e.problems().forEach(p -> result.reject("invalid", p.field() + ": " + p.message()));
		}
		catch (ConflictException e) {
			result.reject("conflict", e.getMessage());
		}
		return FORM;
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			criteria.submit(id);
			redirect.addFlashAttribute("flash", "Submitted for approval by someone who did not edit it.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/risk-criteria/" + id;
	}
}
