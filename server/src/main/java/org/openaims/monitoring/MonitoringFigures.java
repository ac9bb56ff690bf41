package org.openaims.monitoring;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monitoring's figures for a period, for the management review's input pack (9.3.2 d): a few statements. */
@Service
@Transactional(readOnly = true)
public class MonitoringFigures {

	private final JdbcClient jdbc;

	MonitoringFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Incidents raised in [from, to), of them serious and raised by rules; closed in it; open now; reports due in it, late, overdue now; event batches and events received. */
	public record Figures(long incidentsRaised, long seriousIncidents, long raisedByRules, long incidentsClosed, long incidentsOpenNow,
			long reportsDue, long reportsLate, long reportsOverdueNow, long batches, long events) {
	}

	public Figures between(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		long[] incidents = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN serious THEN 1 ELSE 0 END), SUM(CASE WHEN source = 'RULE' THEN 1 ELSE 0 END) "
				+ "FROM incidents WHERE aware_at >= :f AND aware_at < :t").param("f", f).param("t", t)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		long closed = jdbc.sql("SELECT COUNT(*) FROM incidents WHERE closed_at >= :f AND closed_at < :t").param("f", f).param("t", t)
			.query(Long.class).single();
		long open = jdbc.sql("SELECT COUNT(*) FROM incidents WHERE status = 'OPEN'").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		long[] reports = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN (submitted_at IS NULL AND due_at < :now) OR submitted_at > due_at THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN submitted_at IS NULL AND due_at < :now THEN 1 ELSE 0 END) FROM incident_reports WHERE due_at >= :f AND due_at < :t")
			.param("f", f).param("t", t).param("now", now).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		long overdueNow = jdbc.sql("SELECT COUNT(*) FROM incident_reports WHERE submitted_at IS NULL AND due_at < :now").param("now", now)
			.query(Long.class).single();
		long[] batches = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(events), 0) FROM event_batches WHERE received_at >= :f AND received_at < :t")
			.param("f", f).param("t", t).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		return new Figures(incidents[0], incidents[1], incidents[2], closed, open, reports[0], reports[1], overdueNow, batches[0], batches[1]);
	}
}
