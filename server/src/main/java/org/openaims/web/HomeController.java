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

	private final org.openaims.monitoring.IncidentService incidents;

	HomeController(InventoryOverview inventory, ScopeService scope, RoleGrants grants, org.openaims.monitoring.IncidentService incidents) {
		this.inventory = inventory;
		this.scope = scope;
		this.grants = grants;
		this.incidents = incidents;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("overview", inventory.summary());
		model.addAttribute("singleAdminMode", grants.singleAdminMode());
		// incident reports still to make, soonest due first: the reporting clocks (EU AI Act art. 73)
		model.addAttribute("clocks", incidents.clocks(false, new org.openaims.common.PageRequest(5, null, null)).items());
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
