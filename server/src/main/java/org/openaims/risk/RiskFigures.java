package org.openaims.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register and impact assessments in figures, for a management review's input on risks and
 * opportunities (9.3.2 e): what was identified in a period and where the register stands now.
 */
@Service
@Transactional(readOnly = true)
public class RiskFigures {

	private final JdbcClient jdbc;

	RiskFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts from {@code from} (inclusive) to {@code to} (exclusive), and the register as it stands. */
	@PreAuthorize("isAuthenticated()")
	public Figures between(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		long identified = jdbc.sql("SELECT COUNT(*) FROM risks WHERE created_at >= :f AND created_at < :t").param("f", f).param("t", t)
			.query(Long.class).single();
		Map<String, Long> byLevel = new TreeMap<>();
		jdbc.sql("SELECT COALESCE(residual_level, inherent_level), COUNT(*) FROM risks WHERE status <> 'CLOSED' "
				+ "GROUP BY COALESCE(residual_level, inherent_level)")
			.query((rs, n) -> byLevel.put(rs.getString(1), rs.getLong(2))).list();
		long approved = jdbc.sql("SELECT COUNT(*) FROM impact_assessments WHERE approved_at >= :f AND approved_at < :t").param("f", f)
			.param("t", t).query(Long.class).single();
		long stale = jdbc.sql("SELECT COUNT(*) FROM impact_assessments WHERE stale").query(Long.class).single();
		return new Figures(identified, byLevel, approved, stale);
	}

	/** Risks identified in the period, open risks by (residual, else inherent) level, impact assessments approved in it and stale now. */
	public record Figures(long risksIdentified, Map<String, Long> openRisksByLevel, long impactAssessmentsApproved,
			long impactAssessmentsStale) {
	}
}
