package org.openaims.compliance;

import java.util.Map;

import org.openaims.common.FieldChange;

/** What changed for one control between two versions of a Statement of Applicability. */
public record SoaDiffLine(String refId, String name, Map<String, FieldChange> changes) {
}
