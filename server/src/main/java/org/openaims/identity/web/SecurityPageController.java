package org.openaims.identity.web;

import java.util.UUID;

import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.SecurityLog;
import org.openaims.identity.internal.SignInThrottle;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' security page: lockouts in force (liftable) and the security log. */
@Controller
@RequestMapping("/admin/security")
class SecurityPageController {

	private final SecurityLog log;

	private final SignInThrottle throttle;

	SecurityPageController(SecurityLog log, SignInThrottle throttle) {
		this.log = log;
		this.throttle = throttle;
	}

	@GetMapping
	String show(@RequestParam(required = false) String kind, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String after, Model model) {
		model.addAttribute("lockouts", throttle.lockouts());
		model.addAttribute("page", log.list(kind, subject, new PageRequest(50, after, null)));
		model.addAttribute("kind", kind);
		model.addAttribute("subject", subject);
		model.addAttribute("kinds", java.util.List.of(SecurityLog.SIGN_IN, SecurityLog.SIGN_IN_FAILED, SecurityLog.BAD_TOKEN,
				SecurityLog.ACCESS_REFUSED, SecurityLog.LOCKED_OUT, SecurityLog.LOCKOUT_LIFTED, SecurityLog.SESSIONS_ENDED,
				SecurityLog.RATE_LIMITED));
		return "identity/security";
	}

	@PostMapping("/lockouts/{id}/lift")
	String lift(@PathVariable UUID id, RedirectAttributes redirect) {
		if (throttle.lift(id, CurrentUser.username())) {
			redirect.addFlashAttribute("flash", "Lockout lifted; the next sign-in is allowed now.");
		}
		else {
			redirect.addFlashAttribute("flashError", "That lockout had already ended.");
		}
		return "redirect:/admin/security";
	}
}
