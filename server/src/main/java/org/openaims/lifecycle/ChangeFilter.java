package org.openaims.lifecycle;

import java.util.UUID;

/** Filters of the change list: system, status, type, text. */
public record ChangeFilter(UUID aiSystemId, ChangeStatus status, ChangeType type, String q) {
}
