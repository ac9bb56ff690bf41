package org.openaims.risk.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openaims.compliance.ControlSelections;

import org.springframework.stereotype.Component;

/** Tells the Statement of Applicability which risks' treatment actions selected each control (6.1.3). */
@Component
class RiskControlSelections implements ControlSelections {

	private final RiskQueries queries;

	RiskControlSelections(RiskQueries queries) {
		this.queries = queries;
	}

	@Override
	public Map<UUID, Selection> selections(Collection<UUID> requirementIds, int newest) {
		Map<UUID, Selection> result = new HashMap<>();
		queries.selections(requirementIds, newest).forEach((id, s) -> result.put(id, new Selection(s.count(), s.newest(),
				"/risks?control=" + id)));
		return result;
	}
}
