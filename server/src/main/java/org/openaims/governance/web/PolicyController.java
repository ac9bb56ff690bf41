package org.openaims.governance.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.web.CsvResponses;
import org.openaims.common.web.FileDownloads;
import org.openaims.common.web.FormErrors;
import org.openaims.common.web.ListUrls;
import org.openaims.governance.PolicyDraft;
import org.openaims.governance.PolicyRename;
import org.openaims.governance.PolicyService;
import org.openaims.governance.PolicyViews;
import org.openaims.governance.PolicyStatus;
import org.openaims.governance.PolicyVersionView;
import org.openaims.governance.PolicyView;
import org.openaims.identity.CurrentUser;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy pages: register, a policy with its published text and acknowledgements, versions
 * (edit, attach, submit for approval, publish), differences between versions.
 */
@Controller
@RequestMapping("/policies")
class PolicyController {

	private static final String FORM = "governance/policies/form";

	private static final String VERSION = "governance/policies/version";

	private final PolicyService policies;

	private final Validator validator;

	private final PolicyViews views;

	PolicyController(PolicyService policies, PolicyViews views, Validator validator) {
		this.policies = policies;
		this.views = views;
		this.validator = validator;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String after, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		Page<PolicyView> page = views.list(q, overdue, new PageRequest(25, after, "title"));
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("q", q);
		query.put("overdue", overdue);
		model.addAttribute("q", q);
		model.addAttribute("overdue", overdue);
		model.addAttribute("page", page);
		model.addAttribute("nextUrl", page.next() == null ? null : ListUrls.url("/policies", query, null, page.next()));
		model.addAttribute("firstUrl", after == null ? null : ListUrls.url("/policies", query, null, null));
		model.addAttribute("exportUrl", "/policies/export");
		return htmx != null ? "governance/policies/list :: table" : "governance/policies/list";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export() {
		return CsvResponses.attachment("policies", views::exportCsv);
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("policy", PolicyForm.blank(CurrentUser.username()));
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("policy") PolicyForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors() || FormErrors.reject(result, validator.validate(form.toNew()))) {
			return FORM;
		}
		try {
			PolicyView created = policies.create(form.toNew());
			redirect.addFlashAttribute("flash", "Policy '" + created.title() + "' created with a first draft.");
			return "redirect:/policies/" + created.id();
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		PolicyView policy = views.get(id);
		model.addAttribute("policy", policy);
		model.addAttribute("mayWrite", views.mayWrite(policy));
		if (policy.publishedVersion() != null) {
			model.addAttribute("published", views.version(id, policy.publishedVersion()));
			model.addAttribute("coverage", views.coverage(id));
			model.addAttribute("acknowledged", views.acknowledgedByMe(id));
		}
		model.addAttribute("history", views.history(id));
		return "governance/policies/detail";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		model.addAttribute("policy", PolicyForm.of(views.get(id)));
		model.addAttribute("policyId", id);
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @ModelAttribute("policy") PolicyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("policyId", id);
		if (result.hasErrors() || FormErrors.reject(result, validator.validate(form.toDetails()))) {
			return FORM;
		}
		try {
			policies.change(id, form.toDetails());
			redirect.addFlashAttribute("flash", "Policy saved.");
			return "redirect:/policies/" + id;
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
			PolicyView after = policies.retire(id, reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000));
			redirect.addFlashAttribute("flash", after.retiredAt() != null ? "Policy retired."
					: "Retirement proposed; the policy stays in force until someone else approves it.");
		}
		catch (ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/policies/" + id;
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable UUID id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			PolicyView after = policies.rename(id, new PolicyRename(title == null ? "" : title, reason));
			redirect.addFlashAttribute("flash", after.pendingChange() == null ? "Policy renamed."
					: "Rename proposed; the policy keeps its title until someone else approves the new one.");
		}
		catch (ConflictException | InvalidInputException | jakarta.validation.ConstraintViolationException e) {
			redirect.addFlashAttribute("flashError", e instanceof jakarta.validation.ConstraintViolationException v
					? "Title: " + v.getConstraintViolations().iterator().next().getMessage() : e.getMessage());
		}
		return "redirect:/policies/" + id;
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		return attempt(redirect, "Thank you: your acknowledgement is recorded.", "/policies/" + id, () -> policies.acknowledge(id));
	}

	@PostMapping("/{id}/versions")
	String newDraft(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			PolicyVersionView draft = policies.newDraft(id);
			redirect.addFlashAttribute("flash", "Draft version " + draft.versionNo() + " started from the published text.");
			return "redirect:/policies/" + id + "/versions/" + draft.versionNo();
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
			return "redirect:/policies/" + id;
		}
	}

	@GetMapping("/{id}/versions/{no}")
	String version(@PathVariable UUID id, @PathVariable int no, Model model) {
		PolicyVersionView version = views.version(id, no);
		versionModel(id, version, model);
		model.addAttribute("draft", new PolicyDraft(version.body(), version.changeSummary()));
		return VERSION;
	}

	@PostMapping("/{id}/versions/{no}")
	String saveDraft(@PathVariable UUID id, @PathVariable int no, @Valid @ModelAttribute("draft") PolicyDraft draft,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				policies.edit(id, no, draft);
				redirect.addFlashAttribute("flash", "Draft saved.");
				return "redirect:/policies/" + id + "/versions/" + no;
			}
			catch (InvalidInputException e) {
				FormErrors.reject(result, e);
			}
			catch (ConflictException e) {
				result.reject("conflict", e.getMessage());
			}
		}
		versionModel(id, views.version(id, no), model);
		return VERSION;
	}

	@PostMapping("/{id}/versions/{no}/file")
	String attach(@PathVariable UUID id, @PathVariable int no, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try (InputStream in = file.getInputStream()) {
			policies.attach(id, no, file.getOriginalFilename(), in);
			redirect.addFlashAttribute("flash", "Document attached.");
		}
		catch (ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/policies/" + id + "/versions/" + no;
	}

	@GetMapping("/{id}/versions/{no}/file")
	ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable int no) {
		PolicyViews.Attachment attachment = views.file(id, no);
		return FileDownloads.attachment(attachment.path(), attachment.name(), attachment.mediaType());
	}

	@PostMapping("/{id}/versions/{no}/submit")
	String submit(@PathVariable UUID id, @PathVariable int no, RedirectAttributes redirect) {
		return attempt(redirect, "Submitted for approval.", "/policies/" + id + "/versions/" + no, () -> policies.submit(id, no));
	}

	@PostMapping("/{id}/versions/{no}/publish")
	String publish(@PathVariable UUID id, @PathVariable int no, RedirectAttributes redirect) {
		return attempt(redirect, "Version " + no + " published.", "/policies/" + id + "/versions/" + no, () -> policies.publish(id, no));
	}

	@GetMapping("/{id}/diff")
	String diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to, Model model) {
		model.addAttribute("policy", views.get(id));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("lines", views.diff(id, from, to));
		return "governance/policies/diff";
	}

	private void versionModel(UUID id, PolicyVersionView version, Model model) {
		PolicyView policy = views.get(id);
		boolean mayWrite = views.mayWrite(policy) && policy.retiredAt() == null;
		model.addAttribute("policy", policy);
		model.addAttribute("version", version);
		model.addAttribute("editable", mayWrite && version.status() != PolicyStatus.PUBLISHED && version.status() != PolicyStatus.RETIRED);
		model.addAttribute("maySubmit", mayWrite && version.status() == PolicyStatus.DRAFT);
		model.addAttribute("mayPublish", mayWrite && version.status() == PolicyStatus.APPROVED);
		List<Integer> others = policy.versions().stream().map(PolicyView.VersionSummary::versionNo)
			.filter(n -> n != version.versionNo()).toList();
		model.addAttribute("otherVersions", others);
	}

	private static String attempt(RedirectAttributes redirect, String done, String target, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (ConflictException | InvalidInputException | NotFoundException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:" + target;
	}
}
