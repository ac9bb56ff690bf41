package org.openaims.risk;

import java.util.UUID;

/** A control a treatment action implements: the requirement, its framework and reference. */
public record ControlRef(UUID requirementId, String frameworkKey, String refId, String name) {
}
