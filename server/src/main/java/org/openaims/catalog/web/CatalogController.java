package org.openaims.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.openaims.catalog.CatalogService;
import org.openaims.catalog.FrameworkView;
import org.openaims.catalog.ImportReport;
import org.openaims.catalog.NodeKind;
import org.openaims.catalog.RequirementView;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The framework browser: frameworks and mapping sets, a framework's tree with search, a requirement with its mappings, imports. */
@Controller
@RequestMapping("/frameworks")
class CatalogController {

	private final CatalogService catalog;

	CatalogController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("frameworks", catalog.frameworks());
		model.addAttribute("mappingSets", catalog.mappingSets());
		return "catalog/list";
	}

	@GetMapping("/import")
	String importForm() {
		return "catalog/import";
	}

	@PostMapping("/import")
	String importLibrary(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (InputStream in = file.getInputStream()) {
			ImportReport report = catalog.importLibrary(in);
			model.addAttribute("report", report);
		}
		catch (InvalidInputException e) {
			model.addAttribute("problems", e.problems().stream().map(p -> p.message()).toList());
		}
		catch (ConflictException e) {
			model.addAttribute("problems", java.util.List.of(e.getMessage()));
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		return "catalog/import";
	}

	/**
	 * What the file would import, nothing stored: with htmx, the preview alone (the chosen file stays in
	 * the form, so Import follows); without, the whole page.
	 */
	@PostMapping("/import/preview")
	String previewLibrary(@RequestParam("file") MultipartFile file,
			@org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false) String htmx, Model model)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("preview", catalog.importLibrary(in, true, false));
		}
		catch (InvalidInputException e) {
			model.addAttribute("previewProblems", e.problems().stream().map(p -> p.message()).toList());
		}
		catch (ConflictException e) {
			model.addAttribute("previewProblems", java.util.List.of(e.getMessage()));
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		return htmx != null ? "catalog/import :: preview" : "catalog/import";
	}

	/**
	 * The framework: its tree a level at a time (collapsed; a node expands to its children, with htmx in
	 * place, without it as a page of that level), or with a search or kind filter the matching nodes in
	 * pages of 200.
	 */
	@GetMapping("/{id}")
	String tree(@PathVariable UUID id, @RequestParam(required = false) String q, @RequestParam(required = false) NodeKind kind,
			@RequestParam(required = false) String parent, @RequestParam(required = false) String after, Model model) {
		FrameworkView framework = catalog.framework(id);
		model.addAttribute("framework", framework);
		model.addAttribute("mayRemove", framework.source() != org.openaims.catalog.FrameworkSource.BUILT_IN
				&& org.openaims.identity.CurrentUser.hasAnyRole(org.openaims.identity.Role.ADMIN, org.openaims.identity.Role.AIMS_MANAGER));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", NodeKind.values());
		boolean filtered = q != null && !q.isBlank() || kind != null;
		model.addAttribute("filtered", filtered);
		if (filtered) {
			org.openaims.common.Page<RequirementView> page = catalog.requirements(id, q, kind, false,
					new org.openaims.common.PageRequest(200, after, null));
			model.addAttribute("nodes", page.items());
			java.util.Map<String, Object> query = new java.util.LinkedHashMap<>();
			query.put("q", q);
			query.put("kind", kind);
			model.addAttribute("nextUrl", page.next() == null ? null
					: org.openaims.common.web.ListUrls.url("/frameworks/" + id, query, null, page.next()));
		}
		else {
			model.addAttribute("level", catalog.children(id, parent));
			model.addAttribute("parent", parent);
		}
		return "catalog/tree";
	}

	/** Removes a framework version that nothing uses (e.g. imported from a file cut short). */
	@PostMapping("/{id}/remove")
	String remove(@PathVariable UUID id, @RequestParam(required = false) String reason,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			FrameworkView removed = catalog.remove(id, reason);
			redirect.addFlashAttribute("flash", removed.name() + " version " + removed.version() + " (" + removed.nodeCount()
					+ " nodes) was removed from the catalog; the ledger records it. Its corrected file can be imported now.");
			return "redirect:/frameworks";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
			return "redirect:/frameworks/" + id;
		}
	}

	/** One level of the tree, for htmx to put under the node it expands. */
	@GetMapping("/{id}/children")
	String children(@PathVariable UUID id, @RequestParam(required = false) String parent, Model model) {
		model.addAttribute("framework", catalog.framework(id));
		model.addAttribute("level", catalog.children(id, parent));
		return "catalog/tree :: level";
	}

	@GetMapping("/{id}/requirements/{ref}")
	String requirement(@PathVariable UUID id, @PathVariable String ref, Model model) {
		RequirementView requirement = catalog.requirementByRef(id, ref);
		model.addAttribute("framework", catalog.framework(id));
		model.addAttribute("requirement", requirement);
		model.addAttribute("mappings", catalog.mappings(requirement.id()));
		return "catalog/requirement";
	}
}
