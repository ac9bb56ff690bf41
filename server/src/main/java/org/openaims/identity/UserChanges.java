package org.openaims.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an administrator may change about a user. */
public record UserChanges(
		@Size(max = 200) String displayName,
		@Email @Size(max = 320) String email,
		@NotEmpty(message = "choose at least one role") Set<Role> roles,
		@NotNull Boolean enabled,
		Long version) {
}
