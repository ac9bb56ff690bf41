package org.openaims.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.openaims.common.InvalidInputException;
import org.openaims.common.web.FormErrors;
import org.openaims.identity.UserAdministration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: change password. */
@Controller
@RequestMapping("/account")
class AccountController {

	private static final String PAGE = "identity/account";

	private final UserAdministration administration;

	AccountController(UserAdministration administration) {
		this.administration = administration;
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("password", new PasswordChange(null, null));
		return PAGE;
	}

	@PostMapping("/password")
	String changePassword(@Valid @ModelAttribute("password") PasswordChange change, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return PAGE;
		}
		try {
			administration.changeOwnPassword(change.currentPassword(), change.newPassword());
		}
		catch (InvalidInputException e) {
			FormErrors.reject(result, e);
			return PAGE;
		}
		redirect.addFlashAttribute("flash", "Password changed.");
		return "redirect:/account";
	}
}
