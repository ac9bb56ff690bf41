package org.openaims.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A concern reported without signing in (A.3.3): nothing about the reporter is asked or kept. The AI
 * system is named in words, if at all (the register is not shown to people who are not signed in).
 */
public record PublicConcern(@Size(max = 200) String aiSystem, @NotBlank @Size(max = 300) String summary,
		@NotBlank @Size(max = 10000) String description) {
}
