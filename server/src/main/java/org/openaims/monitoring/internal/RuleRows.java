package org.openaims.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openaims.ledger.EventLeaves;
import org.openaims.monitoring.Direction;
import org.openaims.monitoring.EventType;
import org.openaims.monitoring.IncidentSeverity;
import org.openaims.monitoring.RuleKind;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Monitoring rules with their state as the engine reads and writes them, locked while a batch or the scheduler works on them. */
public final class RuleRows {

	static final String COLUMNS = "id, ai_system_id, name, kind, event_type, event_name, direction, raise_value, clear_value, window_seconds, "
			+ "for_seconds, severity, created_at, state, pending_since, last_event_at, window_start, window_count, incident_id";

	private RuleRows() {
	}

	/** A rule and its state. */
	public record Loaded(UUID id, UUID aiSystemId, String name, RuleKind kind, EventType eventType, String eventName, IncidentSeverity severity,
			Instant createdAt, RuleEngine.Rule engine, RuleEngine.State state) {

		public boolean matches(UUID system, EventType type, String name) {
			return aiSystemId.equals(system) && eventType == type && (eventName == null || eventName.equals(name));
		}

		/** What an effect means, in words. */
		public String describe(RuleEngine.Effect effect) {
			String what = eventName == null ? eventType.wire() : eventName;
			String bound = engine.direction() == Direction.BELOW ? "below " : "above ";
			return switch (kind) {
				case THRESHOLD -> what + " " + EventLeaves.number(effect.value()) + " at " + effect.at()
						+ (effect.kind() == RuleEngine.EffectKind.CLEAR ? " (clears at " + EventLeaves.number(engine.clear()) + ")"
								: " (raise " + bound + EventLeaves.number(engine.raise()) + ", clear at " + EventLeaves.number(engine.clear()) + ")")
						+ (effect.since() != null && !effect.since().equals(effect.at()) ? ", breaching since " + effect.since() : "");
				case RATE -> (long) effect.value() + " " + what + " events in the " + engine.window().toMinutes() + "-minute window ending "
						+ effect.at() + " (raise " + bound + EventLeaves.number(engine.raise()) + ", clear at " + EventLeaves.number(engine.clear()) + ")";
				case ABSENCE -> effect.kind() == RuleEngine.EffectKind.CLEAR ? what + " seen again at " + effect.at()
						: "no " + what + " event since " + effect.since() + " (" + (long) effect.value() / 60 + " minutes; allowed "
								+ engine.window().toMinutes() + ")";
			};
		}
	}

	/** The enabled rules of these systems, locked (in id order) for this transaction. */
	public static List<Loaded> forUpdate(JdbcClient jdbc, Collection<UUID> systemIds) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_rules WHERE ai_system_id IN (:ids) AND enabled = TRUE ORDER BY id FOR UPDATE")
			.param("ids", systemIds).query((rs, n) -> row(rs)).list();
	}

	/** The enabled rules of {@code kind}, locked, for the scheduler. */
	public static List<Loaded> ofKind(JdbcClient jdbc, RuleKind kind) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_rules WHERE kind = :kind AND enabled = TRUE ORDER BY id FOR UPDATE")
			.param("kind", kind.name()).query((rs, n) -> row(rs)).list();
	}

	public static void saveState(JdbcClient jdbc, Loaded rule) {
		RuleEngine.State s = rule.state();
		jdbc.sql("UPDATE monitoring_rules SET state = :state, pending_since = :pending, last_event_at = :last, window_start = :window, "
				+ "window_count = :count, incident_id = :incident, state_changed_at = :now WHERE id = :id")
			.param("state", s.phase.name()).param("pending", ts(s.pendingSince)).param("last", ts(s.lastEventAt)).param("window", ts(s.windowStart))
			.param("count", s.windowCount).param("incident", s.incidentId).param("now", ts(Instant.now())).param("id", rule.id()).update();
		s.changed = false;
	}

	static Loaded row(ResultSet rs) throws SQLException {
		RuleKind kind = RuleKind.valueOf(rs.getString(4));
		Direction direction = Direction.valueOf(rs.getString(7));
		double raise = rs.getDouble(8);
		double clear = rs.getDouble(9);
		long window = rs.getLong(10);
		RuleEngine.Rule engine = new RuleEngine.Rule(rs.getObject(1, UUID.class), kind, direction, raise, clear, Duration.ofSeconds(window),
				Duration.ofSeconds(rs.getLong(11)));
		RuleEngine.State state = new RuleEngine.State();
		state.phase = RuleEngine.Phase.valueOf(rs.getString(14));
		state.pendingSince = instant(rs.getTimestamp(15));
		state.lastEventAt = instant(rs.getTimestamp(16));
		state.windowStart = instant(rs.getTimestamp(17));
		state.windowCount = rs.getLong(18);
		state.incidentId = rs.getObject(19, UUID.class);
		return new Loaded(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), kind, EventType.valueOf(rs.getString(5)),
				rs.getString(6), IncidentSeverity.valueOf(rs.getString(12)), rs.getTimestamp(13).toInstant(), engine, state);
	}

	private static Timestamp ts(Instant t) {
		return t == null ? null : Timestamp.from(t);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
