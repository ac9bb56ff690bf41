package org.openaims.compliance.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openaims.catalog.RequirementUsage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A framework with a Statement of Applicability is in use. */
@Component
class SoaRequirementUsage implements RequirementUsage {

	private final JdbcClient jdbc;

	SoaRequirementUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> uses(UUID frameworkId, Collection<UUID> requirementIds) {
		return jdbc.sql("SELECT title FROM soa_documents WHERE framework_id = :f").param("f", frameworkId).query(String.class).list()
			.stream()
			.map(title -> "the Statement of Applicability '" + title + "' (and its control implementations)")
			.toList();
	}
}
