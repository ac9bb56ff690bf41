package org.openaims.identity.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.web.FormErrors;
import org.openaims.common.PageRequest;
import org.openaims.identity.NewUser;
import org.openaims.identity.Role;
import org.openaims.identity.RoleGrants;
import org.openaims.identity.UserAdministration;
import org.openaims.identity.UserChanges;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;

import org.springframework.security.access.prepost.PreAuthorize;
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

/** User administration pages (administrators). */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	private static final String FORM = "identity/users/form";

	private final UserDirectory directory;

	private final UserAdministration administration;

	private final RoleGrants grants;

	UserAdminController(UserDirectory directory, UserAdministration administration, RoleGrants grants) {
		this.directory = directory;
		this.administration = administration;
		this.grants = grants;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("page", directory.list(new PageRequest(50, after, null), q, null, null));
		return "identity/users/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("user", new NewUser(null, null, null, null, java.util.Set.of(Role.VIEWER)));
		return FORM;
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("user") NewUser user, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			UserView created = administration.create(user);
			redirect.addFlashAttribute("flash", "User " + created.username() + " created." + pending(created));
			return "redirect:/admin/users";
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return FORM;
		}
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		UserView user = directory.withPendingRoles(id).orElseThrow(() -> new NotFoundException("user", id));
		// Roles pending approval stay checked: saving the form keeps them pending.
		java.util.Set<Role> shown = java.util.EnumSet.noneOf(Role.class);
		shown.addAll(user.roles());
		shown.addAll(user.pendingRoles());
		model.addAttribute("user", new UserChanges(user.displayName(), user.email(), shown, user.enabled(), user.version()));
		model.addAttribute("userId", id);
		model.addAttribute("username", user.username());
		model.addAttribute("grants", grants.ofUser(id));
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("user") UserChanges changes,
			BindingResult result, Model model, RedirectAttributes redirect) {
		UserView user = directory.find(id).orElseThrow(() -> new NotFoundException("user", id));
		model.addAttribute("userId", id);
		model.addAttribute("username", user.username());
		model.addAttribute("grants", grants.ofUser(id));
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			UserView saved = administration.change(id, changes);
			redirect.addFlashAttribute("flash", "User " + user.username() + " saved." + pending(saved));
			return "redirect:/admin/users";
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

	/** What a save left waiting for a second administrator, for the page the administrator comes back to. */
	private String pending(UserView user) {
		if (user.pendingRoles().isEmpty()) {
			return "";
		}
		return " " + new java.util.TreeSet<>(user.pendingRoles()) + (grants.singleAdminMode() ? "" : " waits for a second administrator's approval (Approvals).");
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable UUID id, @RequestParam String password,
			@RequestParam(defaultValue = "false") boolean keepTokens, RedirectAttributes redirect) {
		try {
			administration.resetPassword(id, password, keepTokens);
			redirect.addFlashAttribute("flash", keepTokens ? "Password set; the user's sessions ended, their API tokens were kept."
					: "Password set; the user's sessions ended and their API tokens were revoked.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", "Password " + e.problems().get(0).message() + ".");
		}
		return "redirect:/admin/users/" + id + "/edit";
	}
}
