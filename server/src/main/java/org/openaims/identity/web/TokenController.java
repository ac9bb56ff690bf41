package org.openaims.identity.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.identity.ApiTokenService;
import org.openaims.identity.IssuedApiToken;
import org.openaims.identity.NewApiToken;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's API tokens: create (secret shown once), list, revoke. */
@Controller
@RequestMapping("/tokens")
class TokenController {

	private static final String PAGE = "identity/tokens";

	private final ApiTokenService tokens;

	TokenController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("newToken")) {
			model.addAttribute("newToken", new NewApiToken(null, 90));
		}
		model.addAttribute("tokens", tokens.mine());
		return PAGE;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("newToken") NewApiToken request, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("tokens", tokens.mine());
			return PAGE;
		}
		IssuedApiToken issued = tokens.issue(request);
		redirect.addFlashAttribute("issued", issued.secret());
		redirect.addFlashAttribute("flash", "Token '" + issued.token().name() + "' created.");
		return "redirect:/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(id);
		redirect.addFlashAttribute("flash", "Token revoked.");
		return "redirect:/tokens";
	}
}
