package org.openaims.evidence.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openaims.catalog.RequirementUsage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A requirement that evidence is linked to is in use. */
@Component
class EvidenceRequirementUsage implements RequirementUsage {

	private final JdbcClient jdbc;

	EvidenceRequirementUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> uses(UUID frameworkId, Collection<UUID> requirementIds) {
		List<String> ids = requirementIds.stream().map(UUID::toString).toList();
		long items = 0;
		for (int from = 0; from < ids.size(); from += 1000) {
			items += jdbc.sql("SELECT COUNT(DISTINCT evidence_id) FROM evidence_links WHERE target_type = 'REQUIREMENT' AND target_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(Long.class)
				.single();
		}
		List<String> uses = new ArrayList<>();
		if (items > 0) {
			uses.add(items + " evidence " + (items == 1 ? "item" : "items") + " linked to its requirements");
		}
		return uses;
	}
}
