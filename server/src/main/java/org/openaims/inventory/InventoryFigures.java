package org.openaims.inventory;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes of the AIMS's scope in a period, for a management review's inputs (9.3.2 b): systems registered and retired. */
@Service
@Transactional(readOnly = true)
public class InventoryFigures {

	private final JdbcClient jdbc;

	InventoryFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@PreAuthorize("isAuthenticated()")
	public Figures between(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM ai_systems WHERE created_at >= :f AND created_at < :t), "
				+ "(SELECT COUNT(*) FROM ai_systems WHERE retired_at >= :f AND retired_at < :t), "
				+ "(SELECT COUNT(*) FROM ai_systems WHERE retired_at IS NULL)")
			.param("f", f).param("t", t)
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	public record Figures(long systemsRegistered, long systemsRetired, long systemsActive) {
	}
}
