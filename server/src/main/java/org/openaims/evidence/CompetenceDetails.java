package org.openaims.evidence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A competence record (7.2): the person, the role or AIMS responsibility it is for (and, optionally,
 * which: "accountable for the credit model"), the competence required, the evidence of it (an evidence
 * item: certificate, training record) and until when it holds.
 */
public record CompetenceDetails(@NotBlank @Size(max = 64) String person, @NotNull CompetenceArea area,
		@Size(max = 300) String roleDetail, @NotBlank @Size(max = 2000) String competence, UUID evidenceId, LocalDate validUntil,
		Long version) {
}
