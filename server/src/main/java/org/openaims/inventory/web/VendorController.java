package org.openaims.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.web.CsvResponses;
import org.openaims.common.web.ListUrls;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.csv.CsvImportException;
import org.openaims.common.web.FormErrors;
import org.openaims.inventory.DueDiligenceStatus;
import org.openaims.inventory.ImportResult;
import org.openaims.inventory.VendorDetails;
import org.openaims.inventory.VendorFilter;
import org.openaims.inventory.VendorService;
import org.openaims.inventory.VendorView;

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

/** The vendor register pages: list (filter, paginate, export), detail, create, edit, retire, import. */
@Controller
@RequestMapping("/vendors")
class VendorController {

	private static final String FORM = "inventory/vendors/form";

	private final VendorService vendors;

	VendorController(VendorService vendors) {
		this.vendors = vendors;
	}

	@ModelAttribute("statuses")
	DueDiligenceStatus[] statuses() {
		return DueDiligenceStatus.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) DueDiligenceStatus status,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String after,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		VendorFilter filter = new VendorFilter(q, status, null, active);
		String order = sort == null || sort.isBlank() ? "name" : sort;
		Page<VendorView> page = vendors.list(filter, new PageRequest(25, after, order));
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("q", q);
		query.put("status", status);
		query.put("active", active);
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/vendors", query, order, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/vendors", query, order, null));
		model.addAttribute("exportUrl", ListUrls.url("/vendors/export", query, null, null));
		return htmx != null ? "inventory/vendors/list :: table" : "inventory/vendors/list";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String q,
			@RequestParam(required = false) DueDiligenceStatus status, @RequestParam(required = false) Boolean active) {
		VendorFilter filter = new VendorFilter(q, status, null, active);
		return CsvResponses.attachment("vendors", out -> vendors.exportCsv(filter, out));
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("vendor", new VendorDetails(null, null, null, DueDiligenceStatus.NOT_STARTED, null, null));
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("vendor") VendorDetails details, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			VendorView created = vendors.register(details);
			redirect.addFlashAttribute("flash", "Vendor '" + created.name() + "' registered.");
			return "redirect:/vendors/" + created.id();
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("vendor", vendors.get(id));
		model.addAttribute("history", vendors.history(id));
		return "inventory/vendors/detail";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		VendorView vendor = vendors.get(id);
		model.addAttribute("vendor", vendor.details());
		model.addAttribute("vendorId", id);
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("vendor") VendorDetails details,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("vendorId", id);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			vendors.update(id, details);
			redirect.addFlashAttribute("flash", "Vendor saved.");
			return "redirect:/vendors/" + id;
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
		try {
			vendors.retire(id, reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000));
			redirect.addFlashAttribute("flash", "Vendor retired.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/vendors/" + id;
	}

	@GetMapping("/import")
	String importForm() {
		return "inventory/vendors/import";
	}

	@PostMapping("/import")
	String importCsv(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (InputStream in = file.getInputStream()) {
			ImportResult result = vendors.importCsv(in);
			model.addAttribute("result", result);
		}
		catch (CsvImportException e) {
			model.addAttribute("problems", e.problems());
		}
		return "inventory/vendors/import";
	}
}
