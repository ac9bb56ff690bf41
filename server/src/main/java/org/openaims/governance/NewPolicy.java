package org.openaims.governance;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new policy with its first draft. {@code addresses} lists the ISO/IEC 42001 clauses and controls it
 * addresses (e.g. {@code 5.2}, {@code A.2.2}); {@code alignedWith} names other organizational
 * policies it aligns with (A.2.3). {@code approvalsRequired} is 1, or 2 for a second approver.
 */
public record NewPolicy(
		@NotBlank @Size(max = 200) String title,
		@NotBlank @Size(max = 64) String owner,
		@NotNull @Min(value = 1, message = "must be at least 1 month") @Max(value = 60, message = "must be at most 60 months") Integer reviewIntervalMonths,
		@NotNull @Min(1) @Max(2) Integer approvalsRequired,
		@Size(max = 50) List<@Pattern(regexp = "(A\\.)?[0-9]+(\\.[0-9]+)*", message = "is not a clause or control id like 5.2 or A.2.2") String> addresses,
		@Size(max = 2000) String alignedWith,
		@Size(max = 200000) String body) {
}
