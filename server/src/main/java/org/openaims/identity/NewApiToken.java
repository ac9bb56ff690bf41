package org.openaims.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request for a new API token: a name to recognize it by and how many days it lives (1–365, default 90). */
public record NewApiToken(@NotBlank @Size(max = 100) String name,
		@Min(value = 1, message = "must be at least 1 day") @Max(value = 365, message = "must be at most 365 days") Integer expiresInDays) {

	public int days() {
		return expiresInDays == null ? 90 : expiresInDays;
	}
}
