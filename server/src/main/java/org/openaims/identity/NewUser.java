package org.openaims.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create a user. */
public record NewUser(
		@NotBlank @Size(min = 2, max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
				message = "use lower-case letters, digits, '.', '_' or '-', starting with a letter or digit") String username,
		@Size(max = 200) String displayName,
		@Email @Size(max = 320) String email,
		@NotBlank @Size(min = 12, max = 200, message = "must have 12 to 200 characters") String password,
		@NotEmpty(message = "choose at least one role") Set<Role> roles) {
}
