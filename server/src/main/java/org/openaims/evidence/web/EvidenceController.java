package org.openaims.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.ExportFormat;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.FileDownloads;
import org.openaims.common.web.FormErrors;
import org.openaims.common.web.ListUrls;
import org.openaims.evidence.EvidenceDetails;
import org.openaims.evidence.EvidenceFilter;
import org.openaims.evidence.EvidenceKind;
import org.openaims.evidence.EvidenceService;
import org.openaims.evidence.EvidenceView;
import org.openaims.evidence.Validity;
import org.openaims.identity.CurrentUser;
import org.openaims.inventory.AiSystemService;
import org.openaims.reporting.ExportResponses;
import org.openaims.reporting.Exports;

import org.springframework.core.io.Resource;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The evidence pages: the list with its expiry filters, adding (file, link, record, note), an item with its versions and history. */
@Controller
@RequestMapping("/evidence")
class EvidenceController {

	private static final String FORM = "evidence/form";

	private final EvidenceService evidence;

	private final AiSystemService systems;

	private final Exports exports;

	EvidenceController(EvidenceService evidence, AiSystemService systems, Exports exports) {
		this.evidence = evidence;
		this.systems = systems;
		this.exports = exports;
	}

	@ModelAttribute("kinds")
	EvidenceKind[] kinds() {
		return EvidenceKind.values();
	}

	@ModelAttribute("validities")
	Validity[] validities() {
		return Validity.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) EvidenceKind kind, @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) Integer expiringWithin, @RequestParam(required = false) String requirement,
			@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) String q,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		EvidenceFilter filter = new EvidenceFilter(kind, null, requirement, aiSystem, null, validity, expiringWithin, q);
		Page<EvidenceView> page = evidence.list(filter, new PageRequest(25, after, sort));
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("kind", kind);
		query.put("validity", validity);
		query.put("expiringWithin", expiringWithin);
		query.put("requirement", requirement);
		query.put("aiSystem", aiSystem);
		query.put("q", q);
		model.addAttribute("filter", filter);
		model.addAttribute("sort", sort);
		model.addAttribute("page", page);
		model.addAttribute("mayAdd", evidence.mayAdd());
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/evidence", query, sort, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/evidence", query, sort, null));
		model.addAttribute("exportUrl", ListUrls.url("/evidence/export", query, null, null));
		return htmx != null ? "evidence/list :: table" : "evidence/list";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) EvidenceKind kind, @RequestParam(required = false) Validity validity,
			@RequestParam(required = false) Integer expiringWithin, @RequestParam(required = false) String requirement,
			@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) String q) {
		ExportFormat chosen = ExportFormat.parse(format == null ? "csv" : format);
		EvidenceFilter filter = new EvidenceFilter(kind, null, requirement, aiSystem, null, validity, expiringWithin, q);
		return ExportResponses.page(exports, evidence.exportTable(filter, chosen, exports.batchRows()), chosen);
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) String requirement, @RequestParam(required = false) UUID aiSystem,
			Model model) {
		model.addAttribute("evidence", new EvidenceForm(EvidenceKind.FILE, null, null, CurrentUser.username(), null, null, null, null,
				LocalDate.now(), null, requirement, aiSystem == null ? List.of() : List.of(aiSystem), null, null, null));
		model.addAttribute("systems", systems.inScope());
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("evidence") EvidenceForm form, BindingResult result,
			@RequestParam(value = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		model.addAttribute("systems", systems.inScope());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			EvidenceDetails details = details(form);
			EvidenceView created;
			if (form.kind() == EvidenceKind.FILE) {
				if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
					result.reject("file", "choose the file to upload");
					return FORM;
				}
				try (InputStream in = file.getInputStream()) {
					created = evidence.upload(details, file.getOriginalFilename(), file.getContentType(), in, form.note());
				}
			}
			else {
				created = evidence.add(details);
			}
			redirect.addFlashAttribute("flash", added(created));
			return "redirect:/evidence/" + created.id();
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
		catch (ConstraintViolationException e) {
			FormErrors.reject(result, e.getConstraintViolations());
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		EvidenceView item = evidence.get(id);
		model.addAttribute("item", item);
		model.addAttribute("mayChange", evidence.mayChange(item));
		model.addAttribute("history", evidence.history(id));
		return "evidence/detail";
	}

	@PostMapping("/{id}/versions")
	String addVersion(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String note, @RequestParam(required = false) LocalDate validUntil,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			redirect.addFlashAttribute("flashError", "Choose the file to upload.");
			return "redirect:/evidence/" + id;
		}
		try (InputStream in = file.getInputStream()) {
			EvidenceView item = evidence.addVersion(id, file.getOriginalFilename(), file.getContentType(), in, note, validUntil);
			EvidenceView.FileVersion latest = item.latestFile();
			redirect.addFlashAttribute("flash", "Version " + latest.no() + " uploaded: " + latest.fileName() + " (" + latest.mediaType()
					+ ", " + latest.size() + " bytes, SHA-256 " + latest.sha256().substring(0, 12) + "…); version " + (latest.no() - 1)
					+ " stays readable.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", "The file was not accepted: " + e.problems().stream()
				.map(p -> p.message()).collect(Collectors.joining("; ")));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/evidence/" + id;
	}

	/** A version's file, always as a download. */
	@GetMapping("/{id}/versions/{no}/file")
	ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable int no) {
		EvidenceService.StoredFile stored = evidence.file(id, no);
		return FileDownloads.attachment(stored.resource(), stored.name(), stored.mediaType());
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		EvidenceView e = evidence.get(id);
		model.addAttribute("evidence", new EvidenceForm(e.kind(), e.title(), e.description(), e.owner(), e.url(),
				e.record() == null ? null : e.record().toString(), e.effectiveFrom(), e.effectiveTo(), e.receivedOn(), e.validUntil(),
				e.requirements().stream().map(r -> r.framework() == null ? r.id().toString() : r.framework() + ":" + r.refId())
					.collect(Collectors.joining("\n")),
				e.aiSystems().stream().map(EvidenceView.SystemRef::id).toList(),
				e.records().stream().map(Object::toString).collect(Collectors.joining("\n")), null, e.version()));
		model.addAttribute("evidenceId", id);
		model.addAttribute("systems", systems.inScope());
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("evidence") EvidenceForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("evidenceId", id);
		model.addAttribute("systems", systems.inScope());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			EvidenceView before = evidence.get(id);
			EvidenceView after = evidence.change(id, details(form));
			redirect.addFlashAttribute("flash", after.version() == before.version() ? "Nothing changed."
					: "Evidence saved; " + (after.validity() == Validity.NO_EXPIRY ? "it has no expiry date."
							: "it is " + after.validity().name().toLowerCase() + " (valid until " + after.validUntil() + ")."));
			return "redirect:/evidence/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
		catch (ConstraintViolationException e) {
			FormErrors.reject(result, e.getConstraintViolations());
			return FORM;
		}
		catch (ConflictException e) {
			result.reject("conflict", e.getMessage());
			return FORM;
		}
	}

	private static EvidenceDetails details(EvidenceForm f) {
		return EvidenceForms.details(f.kind(), f.title(), f.description(), f.owner(), f.url(), f.record(), f.effectiveFrom(),
				f.effectiveTo(), f.receivedOn(), f.validUntil(), f.requirements() == null ? null : List.of(f.requirements()),
				f.aiSystemIds(), f.records() == null ? null : List.of(f.records()), f.version());
	}

	private static String added(EvidenceView e) {
		String validity = e.validity() == Validity.NO_EXPIRY ? "no expiry date" : "valid until " + e.validUntil();
		EvidenceView.FileVersion file = e.latestFile();
		String what = file == null ? e.kind().name().toLowerCase() : file.fileName() + " (" + file.mediaType() + ", SHA-256 "
				+ file.sha256().substring(0, 12) + "…)";
		return "Evidence added: " + what + ", " + validity + ", linked to " + e.requirements().size() + " requirements and "
				+ e.aiSystems().size() + " AI systems.";
	}
}
