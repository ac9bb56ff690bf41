package org.openaims.inventory.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.web.FormErrors;
import org.openaims.inventory.ScopeService;
import org.openaims.inventory.ScopeStatementDetails;
import org.openaims.inventory.ScopeStatementDetails.Exclusion;
import org.openaims.inventory.ScopeStatementView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scope statement pages: the current version with the systems in and out of scope, its versions, and editing. */
@Controller
@RequestMapping("/scope")
class ScopeController {

	private static final String FORM = "inventory/scope/form";

	private static final int EMPTY_ROWS = 3;

	private final ScopeService scope;

	ScopeController(ScopeService scope) {
		this.scope = scope;
	}

	@GetMapping
	String current(Model model) {
		if (!scope.exists()) {
			return "inventory/scope/empty";
		}
		return show(scope.latest(), model);
	}

	private String show(ScopeStatementView shown, Model model) {
		model.addAttribute("scope", shown);
		List<ScopeStatementView> versions = scope.versions();
		model.addAttribute("versions", versions);
		model.addAttribute("latestNo", versions.isEmpty() ? 0 : versions.get(0).versionNo());
		model.addAttribute("inForce", versions.stream().filter(v -> Boolean.TRUE.equals(v.current())).findFirst().orElse(null));
		model.addAttribute("history", scope.history());
		return "inventory/scope/view";
	}

	@PostMapping("/versions/{versionNo}/submit")
	String submit(@PathVariable int versionNo, RedirectAttributes redirect) {
		try {
			scope.submit(versionNo);
			redirect.addFlashAttribute("flash", "Version " + versionNo + " submitted for approval.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/scope/versions/" + versionNo;
	}

	@GetMapping("/versions/{versionNo}")
	String version(@PathVariable int versionNo, Model model) {
		return show(scope.version(versionNo), model);
	}

	@GetMapping("/edit")
	String initUpdateForm(Model model) {
		ScopeStatementDetails details;
		if (scope.exists()) {
			ScopeStatementView current = scope.latest();
			details = new ScopeStatementDetails(current.boundaries(), current.inclusionCriteria(),
					withEmptyRows(current.exclusions()), null, current.versionNo());
		}
		else {
			details = new ScopeStatementDetails(null, null, withEmptyRows(List.of()), null, 0);
		}
		model.addAttribute("scope", details);
		return FORM;
	}

	@PostMapping("/edit")
	String processUpdateForm(@ModelAttribute("scope") ScopeStatementDetails submitted, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		// Rows left empty in the form are not exclusions.
		List<Exclusion> exclusions = submitted.exclusionList()
			.stream()
			.filter(e -> e != null && !(isBlank(e.subject()) && isBlank(e.justification())))
			.toList();
		ScopeStatementDetails details = new ScopeStatementDetails(submitted.boundaries(), submitted.inclusionCriteria(),
				exclusions, submitted.changeNote(), submitted.basedOnVersion());
		try {
			ScopeStatementView saved = scope.revise(details);
			redirect.addFlashAttribute("flash", "Scope statement saved as version " + saved.versionNo()
					+ ", a draft: submit it for approval to put it in force.");
			return "redirect:/scope";
		}
		catch (jakarta.validation.ConstraintViolationException e) {
			ScopeStatementDetails again = new ScopeStatementDetails(details.boundaries(), details.inclusionCriteria(),
					withEmptyRows(exclusions), details.changeNote(), details.basedOnVersion());
			model.addAttribute("scope", again);
			model.addAttribute("errors", e.getConstraintViolations()
				.stream()
				.map(v -> describe(v.getPropertyPath().toString()) + " " + v.getMessage())
				.sorted()
				.toList());
			return FORM;
		}
		catch (InvalidInputException e) {
			FormErrors.reject(binding, e);
			return FORM;
		}
		catch (ConflictException e) {
			model.addAttribute("errors", List.of(e.getMessage()));
			return FORM;
		}
	}

	private static String describe(String path) {
		// "revise.details.exclusions[1].justification" -> "exclusions[1].justification"
		int dot = path.indexOf("details.");
		return dot < 0 ? path : path.substring(dot + "details.".length());
	}

	private static List<Exclusion> withEmptyRows(List<Exclusion> exclusions) {
		List<Exclusion> rows = new ArrayList<>(exclusions);
		for (int i = 0; i < EMPTY_ROWS; i++) {
			rows.add(new Exclusion(null, null));
		}
		return rows;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}
}
