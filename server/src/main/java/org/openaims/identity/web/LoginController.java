package org.openaims.identity.web;

import java.time.Instant;

import org.openaims.identity.SignInThrottled;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security processes the POST); after too many failures it says when to try again. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, Model model) {
		if (locked != null) {
			Instant until;
			try {
				until = Instant.ofEpochSecond(Long.parseLong(locked));
			}
			catch (RuntimeException e) {
				until = Instant.now();
			}
			model.addAttribute("lockedMessage", until.isAfter(Instant.now()) ? SignInThrottled.message(until)
					: "too many failed sign-ins; try again now");
		}
		return "identity/login";
	}
}
