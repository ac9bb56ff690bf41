package org.openaims.web;

import org.openaims.inventory.InventoryOverview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: what is in the register and what needs attention. */
@Controller
class HomeController {

	private final InventoryOverview inventory;

	HomeController(InventoryOverview inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("overview", inventory.summary());
		return "home";
	}
}
