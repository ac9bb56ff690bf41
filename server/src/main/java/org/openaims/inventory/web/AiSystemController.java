package org.openaims.inventory.web;

import static org.openaims.common.web.ListUrls.url;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.web.CsvResponses;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.csv.CsvImportException;
import org.openaims.common.web.FormErrors;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiRole;
import org.openaims.inventory.AiSystemDetails;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.EuAiActClass;
import org.openaims.inventory.ImportResult;
import org.openaims.inventory.LifecycleStage;
import org.openaims.inventory.NewSystemVersion;
import org.openaims.inventory.RiskTier;
import org.openaims.inventory.VendorService;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The AI system register pages: list (filter, sort, paginate, export), detail, create, edit, retire, versions, import. */
@Controller
@RequestMapping("/ai-systems")
class AiSystemController {

	private static final String FORM = "inventory/systems/form";

	private final AiSystemService systems;

	private final VendorService vendors;

	private final UserDirectory users;

	AiSystemController(AiSystemService systems, VendorService vendors, UserDirectory users) {
		this.systems = systems;
		this.vendors = vendors;
		this.users = users;
	}

	@GetMapping
	String list(@RequestParam(required = false) LifecycleStage stage, @RequestParam(required = false) AiRole role,
			@RequestParam(required = false) RiskTier tier, @RequestParam(required = false) String owner,
			@RequestParam(required = false) UUID vendor, @RequestParam(required = false) Boolean inScope,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String after,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		AiSystemFilter filter = new AiSystemFilter(stage, role, tier, owner, vendor, q, inScope);
		String order = sort == null || sort.isBlank() ? "name" : sort;
		Page<AiSystemView> page = systems.list(filter, new PageRequest(25, after, order));
		Map<String, Object> query = query(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("sort", order);
		model.addAttribute("page", page);
		model.addAttribute("firstPage", after != null && !after.isBlank());
		model.addAttribute("nextUrl", page.next() == null ? null : url("/ai-systems", query, order, page.next()));
		model.addAttribute("firstUrl", url("/ai-systems", query, order, null));
		model.addAttribute("exportUrl", url("/ai-systems/export", query, null, null));
		Map<String, String> sortUrls = new LinkedHashMap<>();
		for (String key : new String[] { "name", "updated" }) {
			sortUrls.put(key, url("/ai-systems", query, order.equals(key) ? "-" + key : key, null));
		}
		model.addAttribute("sortUrls", sortUrls);
		addChoices(model);
		return htmx != null ? "inventory/systems/list :: table" : "inventory/systems/list";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) LifecycleStage stage,
			@RequestParam(required = false) AiRole role, @RequestParam(required = false) RiskTier tier,
			@RequestParam(required = false) String owner, @RequestParam(required = false) UUID vendor,
			@RequestParam(required = false) Boolean inScope, @RequestParam(required = false) String q) {
		AiSystemFilter filter = new AiSystemFilter(stage, role, tier, owner, vendor, q, inScope);
		return CsvResponses.attachment("ai-systems", out -> systems.exportCsv(filter, out));
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("system", new AiSystemDetails(null, null, null, Set.of(AiRole.DEPLOYER),
				LifecycleStage.IDEA, RiskTier.MEDIUM, null, users.find(currentUser()).isPresent() ? currentUser() : null,
				null, null, false, null, null, null, true, null, null));
		addChoices(model);
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("system") AiSystemDetails details, BindingResult result,
			Model model, RedirectAttributes redirect) {
		addChoices(model);
		if (result.hasErrors()) {
			addRuleProblems(result, details, null);
			return FORM;
		}
		try {
			AiSystemView created = systems.register(details);
			redirect.addFlashAttribute("flash", "AI system '" + created.name() + "' registered.");
			return "redirect:/ai-systems/" + created.id();
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		AiSystemView system = systems.get(id);
		model.addAttribute("system", system);
		model.addAttribute("mayChange", systems.mayChange(system));
		model.addAttribute("history", systems.history(id));
		if (!model.containsAttribute("newVersion")) {
			model.addAttribute("newVersion", new NewSystemVersion(null, null, null));
		}
		return "inventory/systems/detail";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		AiSystemView system = systems.get(id);
		model.addAttribute("system", system.details());
		model.addAttribute("systemId", id);
		model.addAttribute("systemName", system.name());
		addChoices(model);
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("system") AiSystemDetails details,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("systemId", id);
		model.addAttribute("systemName", details.name());
		addChoices(model);
		if (result.hasErrors()) {
			addRuleProblems(result, details, id);
			return FORM;
		}
		try {
			AiSystemView updated = systems.update(id, details);
			redirect.addFlashAttribute("flash", "AI system '" + updated.name() + "' saved.");
			return "redirect:/ai-systems/" + id;
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

	@PostMapping("/{id}/retire")
	String retire(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		if (reason != null && reason.length() > 2000) {
			redirect.addFlashAttribute("flashError", "The reason may have at most 2000 characters.");
			return "redirect:/ai-systems/" + id;
		}
		AiSystemView retired = systems.retire(id, reason);
		redirect.addFlashAttribute("flash", "AI system '" + retired.name() + "' retired.");
		return "redirect:/ai-systems/" + id;
	}

	@PostMapping("/{id}/versions")
	String addVersion(@PathVariable UUID id, @Valid @ModelAttribute("newVersion") NewSystemVersion version,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				systems.addVersion(id, version);
				redirect.addFlashAttribute("flash", "Version " + version.label().strip() + " added.");
				return "redirect:/ai-systems/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.reject(result, e);
			}
		}
		AiSystemView system = systems.get(id);
		model.addAttribute("system", system);
		model.addAttribute("mayChange", systems.mayChange(system));
		model.addAttribute("history", systems.history(id));
		return "inventory/systems/detail";
	}

	@GetMapping("/import")
	String importForm() {
		return "inventory/systems/import";
	}

	@PostMapping("/import")
	String importCsv(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (InputStream in = file.getInputStream()) {
			ImportResult result = systems.importCsv(in);
			model.addAttribute("result", result);
		}
		catch (CsvImportException e) {
			model.addAttribute("problems", e.problems());
		}
		return "inventory/systems/import";
	}

	/** Adds the cross-field rule problems to a form that has other errors, so the user sees all at once. */
	private void addRuleProblems(BindingResult result, AiSystemDetails details, UUID id) {
		if (result.getTarget() == null) {
			return;
		}
		systems.ruleProblems(details, id)
			.stream()
			.filter(p -> !result.hasFieldErrors(p.field()))
			.forEach(p -> result.rejectValue(p.field(), "invalid", p.message()));
	}

	private void addChoices(Model model) {
		model.addAttribute("stages", LifecycleStage.values());
		model.addAttribute("roles", AiRole.values());
		model.addAttribute("tiers", RiskTier.values());
		model.addAttribute("euClasses", EuAiActClass.values());
		model.addAttribute("owners", users.activeUsers());
		model.addAttribute("vendorChoices", vendors.activeVendors());
	}

	private static String currentUser() {
		return org.openaims.identity.CurrentUser.username();
	}

	private static Map<String, Object> query(AiSystemFilter f) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("q", f.q());
		query.put("stage", f.stage());
		query.put("role", f.role());
		query.put("tier", f.tier());
		query.put("owner", f.owner());
		query.put("vendor", f.vendor());
		query.put("inScope", f.inScope());
		return query;
	}
}
