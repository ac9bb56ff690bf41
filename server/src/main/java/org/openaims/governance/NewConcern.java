package org.openaims.governance;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A concern about an AI system (or the AIMS as a whole when no system is named). With
 * {@code anonymous}, handlers and the ledger never see who reported it; the reporter still sees it.
 */
public record NewConcern(UUID aiSystemId, @NotBlank @Size(max = 300) String summary,
		@NotBlank @Size(max = 10000) String description, Boolean anonymous) {

	public boolean isAnonymous() {
		return Boolean.TRUE.equals(anonymous);
	}
}
