package org.openaims.lifecycle;

import java.util.UUID;

/** Filters of the test-run list: system, version, passing or not, commit. */
public record TestRunFilter(UUID aiSystemId, String systemVersion, Boolean passing, String commitRef) {
}
