package org.openaims.inventory;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a user enters to register or change a vendor or other third party (A.10.3). */
public record VendorDetails(
		@NotBlank @Size(max = 200) String name,
		@Size(max = 4000) String services,
		@Size(max = 200) String contractReference,
		@NotNull DueDiligenceStatus dueDiligenceStatus,
		LocalDate nextReviewDate,
		Long version) {
}
