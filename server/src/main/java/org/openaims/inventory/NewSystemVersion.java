package org.openaims.inventory;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new version of an AI system: its label (e.g. "2.3.0"), release date and notes, and how significant
 * the change it brings is (significant unless said otherwise).
 */
public record NewSystemVersion(
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\s].*", message = "must not start with a space") String label,
		LocalDate releasedOn,
		@Size(max = 4000) String notes, ChangeSignificance significance) {

	public NewSystemVersion(String label, LocalDate releasedOn, String notes) {
		this(label, releasedOn, notes, null);
	}

	/** The significance, significant when none was given. */
	public ChangeSignificance effectiveSignificance() {
		return significance == null ? ChangeSignificance.SIGNIFICANT : significance;
	}
}
