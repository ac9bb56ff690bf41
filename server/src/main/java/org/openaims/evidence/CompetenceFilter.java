package org.openaims.evidence;

/** Which competence records a list shows; every part optional. {@code q} searches the competence and role. */
public record CompetenceFilter(String person, CompetenceArea area, Validity validity, String q) {

	public static CompetenceFilter none() {
		return new CompetenceFilter(null, null, null, null);
	}
}
