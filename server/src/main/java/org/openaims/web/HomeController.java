package org.openaims.web;

import org.openaims.common.NotFoundException;
import org.openaims.identity.RoleGrants;
import org.openaims.inventory.InventoryOverview;
import org.openaims.inventory.ScopeService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: what is in the register and what needs attention. */
@Controller
class HomeController {

	private final InventoryOverview inventory;

	private final ScopeService scope;

	private final RoleGrants grants;

	HomeController(InventoryOverview inventory, ScopeService scope, RoleGrants grants) {
		this.inventory = inventory;
		this.scope = scope;
		this.grants = grants;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("overview", inventory.summary());
		model.addAttribute("singleAdminMode", grants.singleAdminMode());
		if (scope.exists()) {
			try {
				model.addAttribute("scopeOutOfDate", Boolean.TRUE.equals(scope.current().outOfDate()));
			}
			catch (NotFoundException none) {
				model.addAttribute("scopeNotApproved", true);
			}
		}
		return "home";
	}
}
