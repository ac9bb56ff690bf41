package org.openaims.governance;

import jakarta.validation.constraints.Size;

/** The text of a draft version (Markdown) and what changed, for the history. */
public record PolicyDraft(@Size(max = 200000) String body, @Size(max = 2000) String changeSummary) {
}
