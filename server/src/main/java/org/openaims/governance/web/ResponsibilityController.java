package org.openaims.governance.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;

import org.openaims.governance.RaciGap;
import org.openaims.common.PageRequest;
import org.openaims.common.Page;
import org.openaims.common.InvalidInputException;
import org.openaims.common.web.CsvResponses;
import org.openaims.governance.Assignment;
import org.openaims.governance.RaciSubjectType;
import org.openaims.governance.RaciView;
import org.openaims.governance.ResponsibilityService;
import org.openaims.inventory.AiSystemService;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The RACI matrix with its gaps report, and the form that sets one subject's RACI. */
@Controller
@RequestMapping("/responsibilities")
class ResponsibilityController {

	private static final String FORM = "governance/responsibilities/form";

	private final ResponsibilityService responsibilities;

	private final AiSystemService systems;

	private final Validator validator;

	ResponsibilityController(ResponsibilityService responsibilities, AiSystemService systems, Validator validator) {
		this.responsibilities = responsibilities;
		this.systems = systems;
		this.validator = validator;
	}

	@GetMapping
	String matrix(@RequestParam(required = false) String gapsAfter, Model model) {
		model.addAttribute("matrix", responsibilities.matrix());
		Page<RaciGap> gaps = responsibilities.gaps(new PageRequest(PageRequest.MAX_LIMIT, gapsAfter, null));
		model.addAttribute("gaps", gaps.items());
		model.addAttribute("gapsNextUrl", gaps.next() == null ? null
				: org.springframework.web.util.UriComponentsBuilder.fromPath("/responsibilities").queryParam("gapsAfter", gaps.next()).encode()
					.build().toUriString());
		model.addAttribute("systems", systems.inScope());
		return "governance/responsibilities/matrix";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export() {
		return CsvResponses.attachment("responsibilities", responsibilities::exportCsv);
	}

	@GetMapping("/edit")
	String initForm(@RequestParam RaciSubjectType type, @RequestParam String ref, Model model) {
		RaciView view = responsibilities.of(type, ref);
		model.addAttribute("subject", view);
		model.addAttribute("raci", RaciForm.of(view));
		model.addAttribute("history", responsibilities.history(type, ref));
		return FORM;
	}

	@PostMapping("/edit")
	String processForm(@RequestParam RaciSubjectType type, @RequestParam String ref, @ModelAttribute("raci") RaciForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		List<Assignment> assignments = form.assignments(problems);
		problems.forEach(p -> result.reject("invalid", p));
		assignments.forEach(a -> validator.validate(a).forEach(v -> result.reject("invalid", a.assignee() + ": " + v.getMessage())));
		if (!result.hasErrors()) {
			try {
				responsibilities.assign(type, ref, assignments);
				redirect.addFlashAttribute("flash", "RACI saved.");
				return "redirect:/responsibilities";
			}
			catch (InvalidInputException e) {
				e.problems().forEach(p -> result.reject("invalid", p.message()));
			}
		}
		model.addAttribute("subject", responsibilities.of(type, ref));
		model.addAttribute("history", responsibilities.history(type, ref));
		return FORM;
	}
}
