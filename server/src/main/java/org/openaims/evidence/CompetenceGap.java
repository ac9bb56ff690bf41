package org.openaims.evidence;

/** A person who holds an AIMS responsibility without a current competence record for it, and why. */
public record CompetenceGap(String person, CompetenceArea area, String holds, String reason) {
}
