package org.openaims.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Monitoring rules per AI system (9.1, A.6.2.6). Everyone reads them; administrators, AIMS managers
 * and the system's owner write them. A changed rule keeps its state (an open breach stays open and is
 * judged by the new bounds from the next observation); a disabled rule observes nothing.
 */
@Service
@Validated
@Transactional
public class RuleService {

	public static final String SUBJECT = "monitoring-rule";

	private static final SortOptions<RuleView> SORTS = SortOptions.<RuleView>by("r.id", RuleView::id, "name").text("name", "r.name", RuleView::name);

	private final JdbcClient jdbc;

	private final AiSystemService systems;

	private final ApplicationEventPublisher events;

	private final Ledger ledger;

	RuleService(JdbcClient jdbc, AiSystemService systems, ApplicationEventPublisher events, Ledger ledger) {
		this.jdbc = jdbc;
		this.systems = systems;
		this.events = events;
		this.ledger = ledger;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<RuleView> list(UUID aiSystemId, PageRequest request) {
		SqlWhere where = new SqlWhere().and("r.ai_system_id = :system", "system", aiSystemId);
		SortOptions<RuleView>.Sorting sorting = SORTS.apply(request, where);
		Page<RuleView> page = sorting.page(jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_rules r LEFT JOIN incidents i ON i.id = r.incident_id"
				+ where.sql() + sorting.orderByAndLimit()).params(where.params()).query((rs, n) -> row(rs, null)).list());
		return new Page<>(named(page.items()), page.next());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RuleView get(UUID id) {
		return named(List.of(load(id))).get(0);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(SUBJECT, id.toString());
	}

	@PreAuthorize("isAuthenticated()")
	public RuleView create(@Valid RuleDetails d) {
		AiSystemView system = mayWrite(d.aiSystemId());
		Checked c = check(d);
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO monitoring_rules (id, ai_system_id, name, kind, event_type, event_name, direction, raise_value, clear_value, "
				+ "window_seconds, for_seconds, severity, enabled, created_by, created_at, updated_at, version, state, window_count) VALUES (:id, :system, "
				+ ":name, :kind, :type, :eventName, :direction, :raise, :clear, :window, :for, :severity, :enabled, :by, :now, :now, 0, 'OK', 0)")
			.param("id", id).param("system", system.id()).param("name", d.name().strip()).param("kind", d.kind().name()).param("type", c.type().name())
			.param("eventName", blank(d.eventName())).param("direction", c.direction().name()).param("raise", d.raiseValue())
			.param("clear", d.clearValue()).param("window", d.windowSeconds()).param("for", c.forSeconds()).param("severity", c.severity().name())
			.param("enabled", d.enabled() == null || d.enabled()).param("by", CurrentUser.username()).param("now", now).update();
		publish("MonitoringRuleCreated", id, d);
		return get(id);
	}

	@PreAuthorize("isAuthenticated()")
	public RuleView update(UUID id, @Valid RuleDetails d) {
		RuleView before = load(id);
		mayWrite(before.aiSystemId());
		if (!before.aiSystemId().equals(d.aiSystemId())) {
			throw new InvalidInputException("aiSystemId", "a rule stays with its system; make a new rule for another");
		}
		if (d.version() != null && d.version() != before.version()) {
			throw new ConflictException("the rule was changed meanwhile (version " + before.version() + ", you edited " + d.version() + ")");
		}
		Checked c = check(d);
		jdbc.sql("UPDATE monitoring_rules SET name = :name, kind = :kind, event_type = :type, event_name = :eventName, direction = :direction, "
				+ "raise_value = :raise, clear_value = :clear, window_seconds = :window, for_seconds = :for, severity = :severity, enabled = :enabled, "
				+ "updated_at = :now, version = version + 1 WHERE id = :id")
			.param("name", d.name().strip()).param("kind", d.kind().name()).param("type", c.type().name()).param("eventName", blank(d.eventName()))
			.param("direction", c.direction().name()).param("raise", d.raiseValue()).param("clear", d.clearValue()).param("window", d.windowSeconds())
			.param("for", c.forSeconds()).param("severity", c.severity().name()).param("enabled", d.enabled() == null || d.enabled())
			.param("now", Timestamp.from(Instant.now())).param("id", id).update();
		publish("MonitoringRuleChanged", id, d);
		return get(id);
	}

	/** Whether the current user may write rules of this system (for pages). */
	@Transactional(readOnly = true)
	public boolean mayWrite(AiSystemView system) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER)
				|| (CurrentUser.hasAnyRole(Role.SYSTEM_OWNER) && CurrentUser.username().equals(system.owner()));
	}

	private AiSystemView mayWrite(UUID aiSystemId) {
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER)) {
			throw new AccessDeniedException("only administrators, AIMS managers and the system's owner write its monitoring rules");
		}
		if (systems.names(List.of(aiSystemId)).isEmpty()) {
			throw new InvalidInputException("aiSystemId", "no AI system has id " + aiSystemId);
		}
		AiSystemView system = systems.get(aiSystemId);
		if (!mayWrite(system)) {
			throw new AccessDeniedException("only administrators, AIMS managers and the system's owner write its monitoring rules");
		}
		return system;
	}

	private record Checked(EventType type, Direction direction, long forSeconds, IncidentSeverity severity) {
	}

	private static Checked check(RuleDetails d) {
		List<FieldProblem> problems = new ArrayList<>();
		EventType type = EventType.read(d.eventType()).orElse(null);
		if (type == null) {
			problems.add(new FieldProblem("eventType", "must be one of " + EventType.names()));
		}
		long forSeconds = d.forSeconds() == null ? 0 : d.forSeconds();
		if (forSeconds < 0 || forSeconds > 7 * 86400) {
			problems.add(new FieldProblem("forSeconds", "between 0 and 604800 (7 days)"));
		}
		Direction direction = d.direction() == null ? Direction.ABOVE : d.direction();
		switch (d.kind()) {
			case THRESHOLD -> {
				if (type != null && type != EventType.METRIC && type != EventType.EVALUATION && type != EventType.CUSTOM) {
					problems.add(new FieldProblem("eventType", "a threshold reads values: metric, evaluation or custom events"));
				}
				if (blank(d.eventName()) == null) {
					problems.add(new FieldProblem("eventName", "name the metric or evaluation the threshold reads"));
				}
				if (d.direction() == null) {
					problems.add(new FieldProblem("direction", "say which side of the raise bound breaches: ABOVE or BELOW"));
				}
				bounds(d, direction, problems);
				if (d.windowSeconds() != null) {
					problems.add(new FieldProblem("windowSeconds", "a threshold has no window (use forSeconds for how long a breach must last)"));
				}
			}
			case RATE -> {
				bounds(d, direction, problems);
				if (d.raiseValue() != null && d.raiseValue() < 0) {
					problems.add(new FieldProblem("raiseValue", "a count of events is not negative"));
				}
				window(d, problems);
			}
			case ABSENCE -> {
				window(d, problems);
				if (d.raiseValue() != null || d.clearValue() != null) {
					problems.add(new FieldProblem("raiseValue", "an absence rule has no bounds: it raises after windowSeconds without a matching event"));
				}
			}
		}
		InvalidInputException.throwIfAny(problems);
		return new Checked(type, direction, forSeconds, d.severity() == null ? IncidentSeverity.MEDIUM : d.severity());
	}

	private static void bounds(RuleDetails d, Direction direction, List<FieldProblem> problems) {
		if (d.raiseValue() == null || !Double.isFinite(d.raiseValue())) {
			problems.add(new FieldProblem("raiseValue", "give the bound beyond which the rule raises"));
		}
		if (d.clearValue() == null || !Double.isFinite(d.clearValue())) {
			problems.add(new FieldProblem("clearValue", "give the bound at which a raised breach clears (the same as raiseValue for no hysteresis)"));
		}
		if (d.raiseValue() != null && d.clearValue() != null) {
			if (direction == Direction.BELOW && d.clearValue() < d.raiseValue()) {
				problems.add(new FieldProblem("clearValue", "for BELOW the clear bound is at or above the raise bound (" + d.raiseValue() + ")"));
			}
			if (direction == Direction.ABOVE && d.clearValue() > d.raiseValue()) {
				problems.add(new FieldProblem("clearValue", "for ABOVE the clear bound is at or below the raise bound (" + d.raiseValue() + ")"));
			}
		}
	}

	private static void window(RuleDetails d, List<FieldProblem> problems) {
		if (d.windowSeconds() == null || d.windowSeconds() < 60 || d.windowSeconds() > 30 * 86400) {
			problems.add(new FieldProblem("windowSeconds", "between 60 and 2592000 seconds (30 days)"));
		}
	}

	private void publish(String name, UUID id, RuleDetails d) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("aiSystemId", d.aiSystemId());
		values.put("name", d.name().strip());
		values.put("kind", d.kind().name());
		values.put("eventType", d.eventType());
		values.put("eventName", blank(d.eventName()));
		values.put("direction", d.direction() == null ? null : d.direction().name());
		values.put("raiseValue", d.raiseValue());
		values.put("clearValue", d.clearValue());
		values.put("windowSeconds", d.windowSeconds());
		values.put("forSeconds", d.forSeconds());
		values.put("severity", d.severity() == null ? null : d.severity().name());
		values.put("enabled", d.enabled() == null || d.enabled());
		events.publishEvent(new MonitoringEvent(name, Subject.of(SUBJECT, id), values, Stamp.of(CurrentUser.actor())));
	}

	static final String COLUMNS = "r.id, r.ai_system_id, r.name, r.kind, r.event_type, r.event_name, r.direction, r.raise_value, r.clear_value, "
			+ "r.window_seconds, r.for_seconds, r.severity, r.enabled, r.state, r.pending_since, r.last_event_at, r.incident_id, i.ref, r.created_by, "
			+ "r.created_at, r.updated_at, r.version";

	private RuleView load(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_rules r LEFT JOIN incidents i ON i.id = r.incident_id WHERE r.id = :id")
			.param("id", id).query((rs, n) -> row(rs, null)).optional().orElseThrow(() -> new NotFoundException("monitoring rule", id));
	}

	private List<RuleView> named(List<RuleView> rules) {
		Map<UUID, String> names = systems.names(rules.stream().map(RuleView::aiSystemId).distinct().toList());
		return rules.stream().map(r -> new RuleView(r.id(), r.aiSystemId(), names.get(r.aiSystemId()), r.name(), r.kind(), r.eventType(),
				r.eventName(), r.direction(), r.raiseValue(), r.clearValue(), r.windowSeconds(), r.forSeconds(), r.severity(), r.enabled(), r.state(),
				r.pendingSince(), r.lastEventAt(), r.incidentId(), r.incidentRef(), r.createdBy(), r.createdAt(), r.updatedAt(), r.version())).toList();
	}

	static RuleView row(ResultSet rs, String name) throws SQLException {
		return new RuleView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), name, rs.getString(3), RuleKind.valueOf(rs.getString(4)),
				EventType.valueOf(rs.getString(5)).wire(), rs.getString(6), Direction.valueOf(rs.getString(7)), (Double) rs.getObject(8),
				(Double) rs.getObject(9), (Long) rs.getObject(10, Long.class), rs.getLong(11), IncidentSeverity.valueOf(rs.getString(12)),
				rs.getBoolean(13), rs.getString(14), ts(rs.getTimestamp(15)), ts(rs.getTimestamp(16)), rs.getObject(17, UUID.class), rs.getString(18),
				rs.getString(19), ts(rs.getTimestamp(20)), ts(rs.getTimestamp(21)), rs.getLong(22));
	}

	private static Instant ts(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
