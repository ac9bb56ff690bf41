package org.openaims.evidence.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.ExportFormat;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.FormErrors;
import org.openaims.common.web.ListUrls;
import org.openaims.evidence.CompetenceArea;
import org.openaims.evidence.CompetenceDetails;
import org.openaims.evidence.CompetenceFilter;
import org.openaims.evidence.CompetenceService;
import org.openaims.evidence.CompetenceView;
import org.openaims.evidence.EvidenceFilter;
import org.openaims.evidence.EvidenceService;
import org.openaims.evidence.EvidenceView;
import org.openaims.evidence.Validity;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.reporting.ExportResponses;
import org.openaims.reporting.Exports;

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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The competence pages: records with their evidence and validity, the gap list, recording and changing records. */
@Controller
@RequestMapping("/competences")
class CompetenceController {

	private static final String FORM = "evidence/competence-form";

	private final CompetenceService competences;

	private final EvidenceService evidence;

	private final Exports exports;

	CompetenceController(CompetenceService competences, EvidenceService evidence, Exports exports) {
		this.competences = competences;
		this.evidence = evidence;
		this.exports = exports;
	}

	@ModelAttribute("areas")
	CompetenceArea[] areas() {
		return CompetenceArea.values();
	}

	@ModelAttribute("validities")
	Validity[] validities() {
		return Validity.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) CompetenceArea area, @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
		CompetenceFilter filter = new CompetenceFilter(null, area, validity, q);
		Page<CompetenceView> page = competences.list(filter, new PageRequest(25, after, null));
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("area", area);
		query.put("validity", validity);
		query.put("q", q);
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("gaps", competences.gaps());
		model.addAttribute("mayRecord", CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER));
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/competences", query, null, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/competences", query, null, null));
		model.addAttribute("exportUrl", ListUrls.url("/competences/export", query, null, null));
		return "evidence/competences";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) CompetenceArea area, @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) String q) {
		ExportFormat chosen = ExportFormat.parse(format == null ? "csv" : format);
		return ExportResponses.page(exports, competences.exportTable(new CompetenceFilter(null, area, validity, q), chosen,
				exports.batchRows()), chosen);
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) String person, @RequestParam(required = false) CompetenceArea area,
			Model model) {
		model.addAttribute("competence", new CompetenceDetails(person, area, null, null, null, null, null));
		model.addAttribute("evidenceItems", recentEvidence());
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("competence") CompetenceDetails details, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("evidenceItems", recentEvidence());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			CompetenceView created = competences.record(details);
			redirect.addFlashAttribute("flash", "Competence recorded: " + created.person() + " — "
					+ (created.current() ? "current, so this role no longer shows as a gap." : "not current yet: " + created.problem() + "."));
			return "redirect:/competences/" + created.id();
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("competence", competences.get(id));
		model.addAttribute("mayRecord", CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER));
		model.addAttribute("history", competences.history(id));
		return "evidence/competence";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		CompetenceView c = competences.get(id);
		model.addAttribute("competence", new CompetenceDetails(c.person(), c.area(), c.roleDetail(), c.competence(),
				c.evidence() == null ? null : c.evidence().id(), c.validUntil(), c.version()));
		model.addAttribute("competenceId", id);
		model.addAttribute("evidenceItems", recentEvidence(c.evidence() == null ? null : c.evidence().id()));
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("competence") CompetenceDetails details,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("competenceId", id);
		model.addAttribute("evidenceItems", recentEvidence());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			CompetenceView saved = competences.change(id, details);
			redirect.addFlashAttribute("flash", "Competence record saved: " + (saved.current() ? "current." : "not current: "
					+ saved.problem() + "."));
			return "redirect:/competences/" + id;
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

	/** The newest evidence items to choose from (the evidence page finds older ones). */
	private List<EvidenceView> recentEvidence() {
		return recentEvidence(null);
	}

	/** The newest evidence items, and the one the record has now even when it is older. */
	private List<EvidenceView> recentEvidence(UUID current) {
		List<EvidenceView> items = new java.util.ArrayList<>(evidence.list(EvidenceFilter.none(), new PageRequest(100, null, "-updated"))
			.items());
		if (current != null && items.stream().noneMatch(e -> e.id().equals(current))) {
			items.add(0, evidence.get(current));
		}
		return items;
	}
}
