package org.openaims.compliance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.catalog.CatalogService;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.compliance.EntryChange;
import org.openaims.compliance.EntryChanges;
import org.openaims.compliance.ImplementationStatus;
import org.openaims.compliance.SoaEntryView;
import org.openaims.compliance.SoaService;
import org.openaims.compliance.SoaViews;
import org.openaims.compliance.SoaSummary;
import org.openaims.compliance.SoaView;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Statement of Applicability pages: the list with "start one for a framework", the editor grid
 * (filters, bulk edit, a line's form), submission, versions and their differences, exports.
 */
@Controller
@RequestMapping("/soa")
class SoaController {

	private final SoaService soa;

	private final CatalogService catalog;

	private final jakarta.validation.Validator validator;

	private final SoaViews views;

	SoaController(SoaService soa, SoaViews views, CatalogService catalog, jakarta.validation.Validator validator) {
		this.soa = soa;
		this.views = views;
		this.catalog = catalog;
		this.validator = validator;
	}

	@GetMapping
	String list(Model model) {
		List<SoaSummary> list = views.list();
		Set<UUID> covered = list.stream().map(SoaSummary::frameworkId).collect(Collectors.toSet());
		model.addAttribute("statements", list);
		model.addAttribute("frameworks", catalog.frameworks().stream().filter(f -> !covered.contains(f.id()) && f.controlCount() > 0).toList());
		return "compliance/list";
	}

	@PostMapping
	String create(@RequestParam(required = false) UUID frameworkId, RedirectAttributes redirect) {
		try {
			SoaView created = soa.create(frameworkId);
			redirect.addFlashAttribute("flash", "Statement of Applicability started with " + created.entries().size() + " controls.");
			return "redirect:/soa/" + created.id();
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
			return "redirect:/soa";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String applicable, @RequestParam(required = false) ImplementationStatus status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String group, Model model) {
		SoaView whole = version == null ? views.latest(id) : views.version(id, version);
		SoaView view = whole.inGroup(group);
		model.addAttribute("groups", whole.implementationGroups());
		model.addAttribute("group", group);
		List<SoaEntryView> entries = view.entries().stream()
			.filter(e -> applicable == null || applicable.isBlank() || matches(e.applicable(), applicable))
			.filter(e -> status == null || status == e.status())
			.filter(e -> q == null || q.isBlank() || contains(e, q))
			.toList();
		boolean latest = view.versionNo() == view.versions().get(0).versionNo();
		model.addAttribute("soa", view);
		model.addAttribute("entries", entries);
		model.addAttribute("applicable", applicable);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("statuses", ImplementationStatus.values());
		model.addAttribute("editable", latest && CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER));
		model.addAttribute("history", views.history(id));
		return "compliance/soa";
	}

	/** Applies one set of values to the selected lines (bulk edit). */
	@PostMapping("/{id}/bulk")
	String bulk(@PathVariable UUID id, @RequestParam(name = "selected", required = false) List<UUID> selected,
			@RequestParam(required = false) String applicable, @RequestParam(required = false) ImplementationStatus status,
			@RequestParam(required = false) String justification, @RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastReviewed,
			RedirectAttributes redirect) {
		if (selected == null || selected.isEmpty()) {
			redirect.addFlashAttribute("flashError", "Select the controls to change first.");
			return "redirect:/soa/" + id;
		}
		List<EntryChange> changes = new ArrayList<>();
		for (UUID requirementId : selected) {
			changes.add(new EntryChange(requirementId, bool(applicable), blankToNull(justification), status, blankToNull(owner),
					lastReviewed));
		}
		return apply(id, new EntryChanges(changes, null), changes.size() + " controls changed.", redirect);
	}

	@GetMapping("/{id}/entries/{requirementId}")
	String entryForm(@PathVariable UUID id, @PathVariable UUID requirementId, Model model) {
		SoaView view = views.latest(id);
		SoaEntryView entry = view.entries().stream().filter(e -> e.requirementId().equals(requirementId)).findFirst()
			.orElseThrow(() -> new org.openaims.common.NotFoundException("control in the Statement of Applicability", requirementId));
		model.addAttribute("soa", view);
		model.addAttribute("entry", entry);
		model.addAttribute("statuses", ImplementationStatus.values());
		return "compliance/entry";
	}

	@PostMapping("/{id}/entries/{requirementId}")
	String saveEntry(@PathVariable UUID id, @PathVariable UUID requirementId, @RequestParam(required = false) String applicable,
			@RequestParam(required = false) ImplementationStatus status, @RequestParam(required = false) String justification,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastReviewed,
			RedirectAttributes redirect) {
		EntryChange change = new EntryChange(requirementId, bool(applicable), justification == null ? "" : justification, status,
				owner == null ? "" : owner, lastReviewed);
		return apply(id, new EntryChanges(List.of(change), null), "Control saved.", redirect);
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			soa.submit(id);
			redirect.addFlashAttribute("flash", "Submitted for approval.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/soa/" + id;
	}

	@GetMapping("/{id}/diff")
	String diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to, Model model) {
		model.addAttribute("soa", views.latest(id));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("lines", views.diff(id, from, to));
		return "compliance/diff";
	}

	@GetMapping("/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(defaultValue = "csv") String format) {
		return SoaDownloads.download(views, id, version, format);
	}

	private String apply(UUID id, EntryChanges changes, String done, RedirectAttributes redirect) {
		var violations = validator.validate(changes);
		if (!violations.isEmpty()) {
			redirect.addFlashAttribute("flashError", violations.stream()
				.map(v -> v.getPropertyPath().toString().replaceFirst("^entries\\[\\d+]\\.", "") + " " + v.getMessage())
				.distinct().sorted().collect(Collectors.joining("; ")));
			return "redirect:/soa/" + id;
		}
		try {
			SoaView after = soa.edit(id, changes);
			redirect.addFlashAttribute("flash", done + (after.versionNo() > 1 && after.versions().size() > 1
					&& after.versions().get(1).status() == org.openaims.compliance.SoaStatus.APPROVED
					&& after.status() == org.openaims.compliance.SoaStatus.DRAFT ? " (in draft version " + after.versionNo() + ")" : ""));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.problems().stream().map(p -> p.message()).distinct().limit(8)
				.collect(Collectors.joining("; ")));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/soa/" + id;
	}

	private static boolean matches(Boolean value, String wanted) {
		return switch (wanted) {
			case "yes" -> Boolean.TRUE.equals(value);
			case "no" -> Boolean.FALSE.equals(value);
			case "undecided" -> value == null;
			default -> true;
		};
	}

	private static boolean contains(SoaEntryView e, String q) {
		String needle = q.strip().toLowerCase(Locale.ROOT);
		return (e.refId() != null && e.refId().toLowerCase(Locale.ROOT).contains(needle))
				|| (e.name() != null && e.name().toLowerCase(Locale.ROOT).contains(needle))
				|| (e.justification() != null && e.justification().toLowerCase(Locale.ROOT).contains(needle));
	}

	private static Boolean bool(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw new InvalidInputException("applicable", "must be yes or no");
		};
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
