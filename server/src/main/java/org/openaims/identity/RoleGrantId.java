package org.openaims.identity;

import java.util.UUID;

import org.openaims.common.RecordId;

/** The id of a grant of an approving role that waits for a second administrator. */
public record RoleGrantId(UUID value) implements RecordId {
}
