package org.openaims.risk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openaims.catalog.RequirementUsage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A requirement that a risk's treatment action selects as a control (open or closed risk) is in use. */
@Component
class RiskRequirementUsage implements RequirementUsage {

	private final JdbcClient jdbc;

	RiskRequirementUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> uses(UUID frameworkId, Collection<UUID> requirementIds) {
		List<UUID> ids = List.copyOf(requirementIds);
		long risks = 0;
		for (int from = 0; from < ids.size(); from += 1000) {
			risks += jdbc.sql("SELECT COUNT(DISTINCT risk_id) FROM risk_action_controls WHERE requirement_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(Long.class)
				.single();
		}
		List<String> uses = new ArrayList<>();
		if (risks > 0) {
			uses.add(risks + (risks == 1 ? " risk's" : " risks'") + " treatment actions, which select its controls");
		}
		return uses;
	}
}
