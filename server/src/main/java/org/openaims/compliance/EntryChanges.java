package org.openaims.compliance;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Changes to several lines at once (bulk edit), with a note for the version's history. */
public record EntryChanges(@NotEmpty(message = "name at least one control to change") @Size(max = 1000) List<@Valid EntryChange> entries,
		@Size(max = 2000) String note) {
}
