package org.openaims.governance.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.common.web.FormErrors;
import org.openaims.common.web.ListUrls;
import org.openaims.governance.ConcernFilter;
import org.openaims.governance.ConcernNote;
import org.openaims.governance.ConcernService;
import org.openaims.governance.ConcernStatus;
import org.openaims.governance.ConcernTriage;
import org.openaims.governance.ConcernView;
import org.openaims.governance.NewConcern;
import org.openaims.inventory.AiSystemService;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
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

/** The concern pages: report one, follow one's own, and for handlers triage all of them. */
@Controller
@RequestMapping("/concerns")
class ConcernController {

	private static final String FORM = "governance/concerns/form";

	private static final String DETAIL = "governance/concerns/detail";

	private final ConcernService concerns;

	private final AiSystemService systems;

	ConcernController(ConcernService concerns, AiSystemService systems) {
		this.concerns = concerns;
		this.systems = systems;
	}

	@ModelAttribute("statuses")
	ConcernStatus[] statuses() {
		return ConcernStatus.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) ConcernStatus status, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
		ConcernFilter filter = new ConcernFilter(status, null, open, q);
		Page<ConcernView> page = concerns.list(filter, new PageRequest(25, after, null));
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("status", status);
		query.put("open", open);
		query.put("q", q);
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("handler", concerns.isHandler());
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/concerns", query, null, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/concerns", query, null, null));
		model.addAttribute("exportUrl", ListUrls.url("/concerns/export", query, null, null));
		return "governance/concerns/list";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) ConcernStatus status, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String q) {
		ConcernFilter filter = new ConcernFilter(status, null, open, q);
		return CsvResponses.attachment("concerns", out -> concerns.exportCsv(filter, out));
	}

	@GetMapping("/new")
	String initForm(@RequestParam(required = false) UUID aiSystem, Model model) {
		model.addAttribute("concern", new NewConcern(aiSystem, null, null, false));
		model.addAttribute("systems", systems.inScope());
		return FORM;
	}

	@PostMapping("/new")
	String processForm(@Valid @ModelAttribute("concern") NewConcern concern, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				ConcernView reported = concerns.report(concern);
				redirect.addFlashAttribute("flash", "Thank you. Your concern is recorded.");
				return "redirect:/concerns/" + reported.id();
			}
			catch (InvalidInputException e) {
				FormErrors.reject(result, e);
			}
		}
		model.addAttribute("systems", systems.inScope());
		return FORM;
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		detail(id, model);
		model.addAttribute("note", new ConcernNote(null));
		model.addAttribute("triage", new ConcernTriage(null, null, null));
		return DETAIL;
	}

	@PostMapping("/{id}/notes")
	String comment(@PathVariable UUID id, @Valid @ModelAttribute("note") ConcernNote note, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				concerns.comment(id, note);
				redirect.addFlashAttribute("flash", "Note added.");
				return "redirect:/concerns/" + id;
			}
			catch (ConflictException e) {
				result.reject("conflict", e.getMessage());
			}
		}
		detail(id, model);
		model.addAttribute("triage", new ConcernTriage(null, null, null));
		return DETAIL;
	}

	@PostMapping("/{id}/triage")
	String triage(@PathVariable UUID id, @Valid @ModelAttribute("triage") ConcernTriage triage, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				concerns.triage(id, triage);
				redirect.addFlashAttribute("flash", "Concern updated.");
				return "redirect:/concerns/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.reject(result, e);
			}
		}
		detail(id, model);
		model.addAttribute("note", new ConcernNote(null));
		return DETAIL;
	}

	private void detail(UUID id, Model model) {
		model.addAttribute("concern", concerns.get(id));
		model.addAttribute("handler", concerns.isHandler());
		model.addAttribute("history", concerns.history(id));
	}
}
