package org.openaims.identity.web;

import java.util.List;

import org.openaims.identity.RoleGrantStatus;
import org.openaims.identity.RoleGrantView;
import org.openaims.identity.RoleGrants;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants of approving roles over REST (administrators): which wait for a second administrator and
 * how earlier ones ended. They are decided through {@code /api/v1/approvals} (item type {@code role-grant}).
 */
@RestController
@RequestMapping("/api/v1/role-grants")
class RoleGrantApiController {

	private final RoleGrants grants;

	RoleGrantApiController(RoleGrants grants) {
		this.grants = grants;
	}

	/** The grants of a status (PENDING unless given), oldest first. */
	@GetMapping
	List<RoleGrantView> list(@RequestParam(required = false) RoleGrantStatus status) {
		return grants.list(status);
	}
}
