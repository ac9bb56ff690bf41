package org.openaims.governance.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.common.web.FormErrors;
import org.openaims.common.web.ListUrls;
import org.openaims.governance.ObjectiveDetails;
import org.openaims.governance.ObjectiveFilter;
import org.openaims.governance.ObjectiveService;
import org.openaims.governance.ObjectiveStatus;
import org.openaims.governance.ObjectiveView;
import org.openaims.governance.ProgressUpdate;
import org.openaims.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The AI objectives pages: list, set and change, progress and history. */
@Controller
@RequestMapping("/objectives")
class ObjectiveController {

	private static final String FORM = "governance/objectives/form";

	private final ObjectiveService objectives;

	private final AiSystemService systems;

	ObjectiveController(ObjectiveService objectives, AiSystemService systems) {
		this.objectives = objectives;
		this.systems = systems;
	}

	@ModelAttribute("statuses")
	ObjectiveStatus[] statuses() {
		return ObjectiveStatus.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) ObjectiveStatus status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String q, @RequestParam(required = false) String after,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		ObjectiveFilter filter = new ObjectiveFilter(status, null, null, overdue, q);
		Page<ObjectiveView> page = objectives.list(filter, new PageRequest(25, after, null));
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("status", status);
		query.put("overdue", overdue);
		query.put("q", q);
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/objectives", query, null, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/objectives", query, null, null));
		model.addAttribute("exportUrl", ListUrls.url("/objectives/export", query, null, null));
		return htmx != null ? "governance/objectives/list :: table" : "governance/objectives/list";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) ObjectiveStatus status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q) {
		ObjectiveFilter filter = new ObjectiveFilter(status, null, null, overdue, q);
		return CsvResponses.attachment("objectives", out -> objectives.exportCsv(filter, out));
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("objective", new ObjectiveDetails(null, null, null, CurrentUser.username(), LocalDate.now().plusMonths(6),
				ObjectiveStatus.NOT_STARTED, Set.of(), null));
		model.addAttribute("systems", systems.inScope());
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("objective") ObjectiveDetails details, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("systems", systems.inScope());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			ObjectiveView created = objectives.set(details);
			redirect.addFlashAttribute("flash", "Objective set.");
			return "redirect:/objectives/" + created.id();
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		ObjectiveView objective = objectives.get(id);
		model.addAttribute("objective", objective);
		model.addAttribute("mayChange", objectives.mayChange(objective));
		model.addAttribute("progress", new ProgressUpdate(LocalDate.now(), null, null, null));
		model.addAttribute("history", objectives.history(id));
		return "governance/objectives/detail";
	}

	@PostMapping("/{id}/progress")
	String record(@PathVariable UUID id, @Valid @ModelAttribute("progress") ProgressUpdate update, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				objectives.record(id, update);
				redirect.addFlashAttribute("flash", "Progress recorded.");
				return "redirect:/objectives/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.reject(result, e);
			}
			catch (ConflictException e) {
				result.reject("conflict", e.getMessage());
			}
		}
		ObjectiveView objective = objectives.get(id);
		model.addAttribute("objective", objective);
		model.addAttribute("mayChange", objectives.mayChange(objective));
		model.addAttribute("history", objectives.history(id));
		return "governance/objectives/detail";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		ObjectiveView o = objectives.get(id);
		model.addAttribute("objective", new ObjectiveDetails(o.title(), o.measure(), o.target(), o.owner(), o.dueDate(), o.status(),
				o.aiSystems().stream().map(ObjectiveView.SystemRef::id).collect(java.util.stream.Collectors.toSet()), o.version()));
		model.addAttribute("objectiveId", id);
		model.addAttribute("systems", systems.inScope());
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("objective") ObjectiveDetails details,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("objectiveId", id);
		model.addAttribute("systems", systems.inScope());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			objectives.change(id, details);
			redirect.addFlashAttribute("flash", "Objective saved.");
			return "redirect:/objectives/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
		catch (ConflictException e) {
			result.reject("conflict", e.getMessage());
			return FORM;
		}
	}
}
