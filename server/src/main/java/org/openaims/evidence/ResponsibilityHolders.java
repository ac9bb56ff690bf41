package org.openaims.evidence;

import java.util.List;

/**
 * Who holds AIMS responsibilities that need competence, as another module knows them (governance: the
 * RACI's accountable and responsible users). The competence gap list asks every implementation.
 */
public interface ResponsibilityHolders {

	List<Holder> holders();

	/** A person holding a responsibility, and what it covers (e.g. "accountable for 3 AI systems"). */
	record Holder(String username, CompetenceArea area, String detail) {
	}
}
