package org.openaims.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What an evidence item says about itself. {@code url} is for links, {@code record} for references to
 * a record; a file comes with its upload. {@code receivedOn} defaults to today. Links: requirements and
 * controls as ids, {@code A.6.2.4} (ISO/IEC 42001) or {@code framework-key:ref}; AI systems by id;
 * records as {@code type:id}. {@code version} guards a change against one made meanwhile.
 */
public record EvidenceDetails(@NotNull EvidenceKind kind, @NotBlank @Size(max = 300) String title,
		@Size(max = 4000) String description, @Size(max = 64) String owner, @Size(max = 2000) String url,
		@Valid RecordRef record, LocalDate effectiveFrom, LocalDate effectiveTo,
		@PastOrPresent(message = "cannot be in the future") LocalDate receivedOn, LocalDate validUntil,
		@Size(max = 200) List<@NotBlank @Size(max = 200) String> requirements, @Size(max = 200) List<@NotNull UUID> aiSystemIds,
		@Size(max = 200) List<@NotNull @Valid RecordRef> records, Long version) {

	/** A record of another module: its type as the ledger names it (e.g. {@code risk}) and its id. */
	public record RecordRef(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a record type such as risk or policy") String type,
			@NotNull UUID id) {

		@Override
		public String toString() {
			return type + ":" + id;
		}
	}
}
