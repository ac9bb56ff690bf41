package org.openaims.governance;

import java.util.Set;

/**
 * An item as approvals see it: a title, the SHA-256 of its canonical content (so an approval can
 * tell when the content changed) and the users who wrote it (who may not approve it).
 */
public record ApprovableItem(String title, String snapshot, Set<String> authors) {
}
