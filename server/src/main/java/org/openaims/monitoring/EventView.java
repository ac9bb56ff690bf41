package org.openaims.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored operational event: its place in its batch (batch id and index, what a proof names), its
 * columns, whether it came later than the allowed lateness, and its canonical JSON as received.
 */
public record EventView(UUID batchId, int index, UUID aiSystemId, String systemVersion, Instant time, String type, String name, Double value,
		EventSeverity severity, boolean late, String canonical) {
}
