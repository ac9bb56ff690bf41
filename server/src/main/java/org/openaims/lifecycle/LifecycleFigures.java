package org.openaims.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the lifecycle measured in a period, for a management review's monitoring and measurement
 * input (9.3.2 d): test runs, gate decisions and deployments, counted in one statement each.
 */
@Service
@Transactional(readOnly = true)
public class LifecycleFigures {

	private final JdbcClient jdbc;

	LifecycleFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts from {@code from} (inclusive) to {@code to} (exclusive). */
	@PreAuthorize("isAuthenticated()")
	public Figures between(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		long[] runs = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN passing THEN 1 ELSE 0 END), 0) FROM test_runs "
				+ "WHERE created_at >= :f AND created_at < :t").param("f", f).param("t", t)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long[] gate = jdbc.sql("SELECT COALESCE(SUM(CASE WHEN verdict = 'ALLOW' THEN 1 ELSE 0 END), 0), "
				+ "COALESCE(SUM(CASE WHEN verdict = 'ALLOW' THEN 0 ELSE 1 END), 0) FROM gate_decisions WHERE decided_at >= :f AND decided_at < :t")
			.param("f", f).param("t", t).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long[] deployed = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN kind = 'DEPLOYMENT' AND (gate_verdict IS NULL OR gate_verdict <> 'ALLOW') "
				+ "THEN 1 ELSE 0 END), 0) FROM deployments WHERE deployed_at >= :f AND deployed_at < :t")
			.param("f", f).param("t", t).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		return new Figures(runs[0], runs[1], gate[0], gate[1], deployed[0], deployed[1]);
	}

	/** What the lifecycle measured in a period. */
	public record Figures(long testRuns, long passingTestRuns, long gateAllowed, long gateDenied, long deployments,
			long deploymentsWithoutAllow) {
	}
}
