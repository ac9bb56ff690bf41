package org.openaims.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Governance in figures, for a management review's inputs (9.3.2): concerns reported in a period and
 * the AI objectives with their latest measurement (6.2).
 */
@Service
@Transactional(readOnly = true)
public class GovernanceFigures {

	/** At most this many objectives are listed in a review's inputs (the rest are counted). */
	public static final int OBJECTIVES_SHOWN = 50;

	private final JdbcClient jdbc;

	GovernanceFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@PreAuthorize("isAuthenticated()")
	public Figures between(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		long concerns = jdbc.sql("SELECT COUNT(*) FROM concerns WHERE created_at >= :f AND created_at < :t").param("f", f).param("t", t)
			.query(Long.class).single();
		long objectives = jdbc.sql("SELECT COUNT(*) FROM objectives").query(Long.class).single();
		List<ObjectiveLine> lines = jdbc.sql("SELECT o.title, o.target, o.status, o.due_date, o.owner, "
				+ "(SELECT p.measured_value FROM objective_progress p WHERE p.objective_id = o.id ORDER BY p.list_index DESC LIMIT 1) "
				+ "FROM objectives o ORDER BY o.due_date, o.id LIMIT " + OBJECTIVES_SHOWN)
			.query((rs, n) -> new ObjectiveLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getString(6)))
			.list();
		return new Figures(concerns, objectives, lines);
	}

	/** Concerns reported in the period; every objective (the first {@value #OBJECTIVES_SHOWN} by due date listed). */
	public record Figures(long concernsReported, long objectives, List<ObjectiveLine> objectiveLines) {
	}

	/** An objective as a review reads it: its target, status and latest measured value. */
	public record ObjectiveLine(String title, String target, String status, LocalDate dueDate, String owner, String latestValue) {
	}
}
