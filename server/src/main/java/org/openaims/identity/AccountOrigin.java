package org.openaims.identity;

import java.util.Map;

/**
 * Who made an account what it is: who created it and who granted each of its roles (null where the
 * system did, e.g. the bootstrap administrator, or where it was not recorded). Segregation of duties
 * reads it: an account may not approve the items of the person who created it or granted its role.
 */
public record AccountOrigin(String username, String createdBy, Map<Role, String> grantedBy) {

	public AccountOrigin {
		grantedBy = Map.copyOf(grantedBy);
	}

	/** Who granted {@code role} to the account, or null. */
	public String grantorOf(Role role) {
		return grantedBy.get(role);
	}
}
