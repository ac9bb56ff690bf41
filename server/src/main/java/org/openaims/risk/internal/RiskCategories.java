package org.openaims.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.risk.RiskCategory;
import org.openaims.risk.RiskCategoryAdded;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The hazard taxonomy: the built-in categories and those the organization added. */
@Component
public class RiskCategories {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	RiskCategories(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public List<RiskCategory> all() {
		return jdbc.sql("SELECT category_key, name, description, built_in FROM risk_categories ORDER BY built_in DESC, name")
			.query((rs, n) -> new RiskCategory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.list();
	}

	public Optional<RiskCategory> find(String key) {
		return jdbc.sql("SELECT category_key, name, description, built_in FROM risk_categories WHERE category_key = :key")
			.param("key", key)
			.query((rs, n) -> new RiskCategory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.optional();
	}

	/** Adds a category, recorded in the ledger as the actor's change. */
	public void add(RiskCategory category, Actor by) {
		jdbc.sql("INSERT INTO risk_categories (category_key, name, description, built_in, created_at, created_by)"
				+ " VALUES (:key, :name, :description, FALSE, :at, :by)")
			.param("key", category.key())
			.param("name", category.name().strip())
			.param("description", category.description() == null || category.description().isBlank() ? null : category.description().strip())
			.param("at", java.sql.Timestamp.from(Instant.now()))
			.param("by", by.username())
			.update();
		events.publishEvent(new RiskCategoryAdded(category.key(), category.name().strip(), category.description(), Stamp.of(by)));
	}
}
