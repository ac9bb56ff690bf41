package org.openaims.monitoring;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.monitoring.internal.EventParser;
import org.openaims.monitoring.internal.IncidentRecords;
import org.openaims.monitoring.internal.IngestPermits;
import org.openaims.monitoring.internal.RuleEngine;
import org.openaims.monitoring.internal.RuleRows;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one port through which operational events come in, whatever carries them (the HTTP API, the
 * RabbitMQ adapter): a batch is read and checked whole, stored once per client batch id, recorded in
 * the ledger as one entry carrying the Merkle root of its events, and its events are evaluated by the
 * systems' monitoring rules in the same transaction. At most {@link IngestPermits#size()} batches are
 * worked on at once; more are refused with 429 (never queued without bound).
 */
@Service
public class EventIngest {

	/** The ledger's subject type for event batches. */
	public static final String SUBJECT = "event-batch";

	static final Role[] PUSHERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.CONTRIBUTOR };

	private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,200}");

	private final IngestPermits permits;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final AiSystemService systems;

	private final IncidentRecords incidents;

	private final ApplicationEventPublisher events;

	private final Duration lateness;

	private final String jurisdiction;

	private final org.openaims.common.DatabaseVendor vendor;

	private final javax.sql.DataSource dataSource;

	EventIngest(IngestPermits permits, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, AiSystemService systems,
			org.openaims.common.DatabaseVendor vendor, javax.sql.DataSource dataSource,
			IncidentRecords incidents, ApplicationEventPublisher events, @Value("${aims.monitoring.allowed-lateness:PT5M}") Duration lateness,
			@Value("${aims.monitoring.jurisdiction:EU}") String jurisdiction) {
		this.permits = permits;
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.systems = systems;
		this.incidents = incidents;
		this.events = events;
		this.lateness = lateness;
		this.jurisdiction = jurisdiction;
		this.vendor = vendor;
		this.dataSource = dataSource;
	}

	/**
	 * Accepts a batch ({@code body}: a JSON array of events or NDJSON). {@code clientBatchId} makes it
	 * idempotent (absent: the SHA-256 of the body); a batch id seen before with the same body returns the
	 * first receipt marked {@code duplicate}, with another body 409.
	 */
	@PreAuthorize("isAuthenticated()")
	public BatchReceipt ingest(byte[] body, String clientBatchId, String channel) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers, system owners and contributors push operational events", PUSHERS);
		String digest = Digests.sha256Hex(body == null ? new byte[0] : body);
		String batchId = clientBatchId == null || clientBatchId.isBlank() ? "sha256:" + digest : clientBatchId.strip();
		if (!BATCH_ID.matcher(batchId).matches()) {
			throw new InvalidInputException("batchId", "a batch id is 1-200 letters, digits or . _ : -");
		}
		return permits.with(() -> {
			Optional<BatchReceipt> seen = find(batchId, digest);
			if (seen.isPresent()) {
				return seen.get();
			}
			Instant now = Instant.now();
			List<EventParser.Event> parsed = EventParser.parse(body, now);
			checkSystems(parsed);
			for (int attempt = 0;; attempt++) {
				try {
					return tx.execute(s -> store(batchId, digest, parsed, channel, now));
				}
				catch (DuplicateKeyException e) {
					// Another node or request stored the same batch id (or first saw the same system) meanwhile.
					Optional<BatchReceipt> stored = find(batchId, digest);
					if (stored.isPresent()) {
						return stored.get();
					}
					if (attempt > 0) {
						throw e;
					}
				}
			}
		});
	}

	private Optional<BatchReceipt> find(String batchId, String digest) {
		Optional<Map.Entry<String, BatchReceipt>> stored = jdbc.sql("SELECT " + EventQueries.BATCH_COLUMNS + ", b.content_digest FROM event_batches b "
				+ "WHERE b.client_batch_id = :id").param("id", batchId)
			.query((rs, n) -> Map.entry(rs.getString(14), EventQueries.batch(rs))).optional();
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		if (!stored.get().getKey().equals(digest)) {
			throw new ConflictException("batch id " + batchId + " was accepted before with other events (SHA-256 " + stored.get().getKey()
					+ "); a batch id names one batch");
		}
		return Optional.of(stored.get().getValue().asDuplicate());
	}

	private void checkSystems(List<EventParser.Event> parsed) {
		Set<UUID> ids = new LinkedHashSet<>();
		parsed.forEach(e -> ids.add(e.aiSystemId()));
		Map<UUID, String> known = systems.names(ids);
		if (known.size() == ids.size()) {
			return;
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < parsed.size() && problems.size() < 100; i++) {
			if (!known.containsKey(parsed.get(i).aiSystemId())) {
				problems.add(new FieldProblem("events[" + i + "].aiSystemId", "event " + i + ": no AI system has id " + parsed.get(i).aiSystemId()));
			}
		}
		throw new InvalidInputException(problems);
	}

	private BatchReceipt store(String clientBatchId, String digest, List<EventParser.Event> parsed, String channel, Instant now) {
		UUID id = UUID.randomUUID();
		Stamp stamp = Stamp.of(CurrentUser.actor());
		List<byte[]> leaves = new ArrayList<>(parsed.size());
		ByteBuffer packed = ByteBuffer.allocate(parsed.size() * 32);
		Instant first = null;
		Instant last = null;
		Set<UUID> systemIds = new LinkedHashSet<>();
		for (EventParser.Event e : parsed) {
			leaves.add(e.leaf());
			packed.put(e.leaf());
			first = first == null || e.time().isBefore(first) ? e.time() : first;
			last = last == null || e.time().isAfter(last) ? e.time() : last;
			systemIds.add(e.aiSystemId());
		}
		String root = org.openaims.ledger.EventLeaves.root(leaves);
		List<UUID> sortedSystems = systemIds.stream().sorted().toList();
		// The systems' watermarks, locked in one order: events later than the allowed lateness are flagged.
		for (UUID s : sortedSystems) {
			jdbc.sql("INSERT INTO monitoring_systems (ai_system_id, retention_days) VALUES (:s, 365) ON CONFLICT DO NOTHING").param("s", s).update();
		}
		Map<UUID, Instant> watermarks = new HashMap<>();
		jdbc.sql("SELECT ai_system_id, max_event_at FROM monitoring_systems WHERE ai_system_id IN (:ids) ORDER BY ai_system_id FOR UPDATE")
			.param("ids", sortedSystems).query((rs, n) -> {
				Timestamp t = rs.getTimestamp(2);
				if (t != null) {
					watermarks.put(rs.getObject(1, UUID.class), t.toInstant());
				}
				return null;
			}).list();
		boolean[] late = new boolean[parsed.size()];
		int lateCount = 0;
		Map<UUID, Instant> newest = new HashMap<>();
		for (int i = 0; i < parsed.size(); i++) {
			EventParser.Event e = parsed.get(i);
			Instant mark = watermarks.get(e.aiSystemId());
			late[i] = mark != null && e.time().isBefore(mark.minus(lateness));
			lateCount += late[i] ? 1 : 0;
			newest.merge(e.aiSystemId(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
		}
		newest.forEach((s, t) -> jdbc.sql("UPDATE monitoring_systems SET max_event_at = :t WHERE ai_system_id = :s AND (max_event_at IS NULL OR max_event_at < :t)")
			.param("t", Timestamp.from(t)).param("s", s).update());
		jdbc.sql("INSERT INTO event_batches (id, client_batch_id, content_digest, events, late_events, merkle_root, leaves, first_event_at, "
				+ "last_event_at, systems, channel, received_at, received_by, ledger_event_id) VALUES (:id, :client, :digest, :events, :late, :root, "
				+ ":leaves, :first, :last, :systems, :channel, :now, :by, :ledger)")
			.param("id", id).param("client", clientBatchId).param("digest", digest).param("events", parsed.size()).param("late", lateCount)
			.param("root", root).param("leaves", packed.array()).param("first", Timestamp.from(first)).param("last", Timestamp.from(last))
			.param("systems", cut(String.join(",", sortedSystems.stream().map(UUID::toString).toList()), 4000)).param("channel", channel)
			.param("now", Timestamp.from(now)).param("by", CurrentUser.username()).param("ledger", stamp.eventId()).update();
		writeEvents(id, parsed, late);
		List<String> raised = new ArrayList<>();
		List<String> cleared = new ArrayList<>();
		evaluate(parsed, late, sortedSystems, now, raised, cleared);
		events.publishEvent(new EventBatchAccepted(id, clientBatchId, parsed.size(), lateCount, root, digest, first, last, sortedSystems, channel,
				stamp));
		return new BatchReceipt(id, clientBatchId, parsed.size(), lateCount, root, first, last, sortedSystems, channel, now, CurrentUser.username(),
				stamp.eventId(), raised, cleared, false);
	}

	/**
	 * Writes a batch's events: on PostgreSQL with COPY (one round trip, no statement per row), elsewhere
	 * with a batched INSERT.
	 */
	private void writeEvents(UUID id, List<EventParser.Event> parsed, boolean[] late) {
		if (vendor.postgres()) {
			StringBuilder csv = new StringBuilder(parsed.size() * 320);
			for (int i = 0; i < parsed.size(); i++) {
				EventParser.Event e = parsed.get(i);
				csv.append(id).append(',').append(i).append(',').append(e.aiSystemId()).append(',');
				quoted(csv, e.systemVersion()).append(',').append(e.time()).append(',').append(e.type().wire()).append(',');
				quoted(csv, e.name()).append(',');
				if (e.value() != null) {
					csv.append(e.value());
				}
				csv.append(',').append(e.severity().name()).append(',').append(late[i]).append(',');
				quoted(csv, e.canonical()).append('\n');
			}
			java.sql.Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
			try {
				connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY monitoring_events (batch_id, idx, ai_system_id, "
						+ "system_version, event_time, type, name, metric_value, severity, late, body) FROM STDIN WITH (FORMAT csv)",
						new java.io.StringReader(csv.toString()));
			}
			catch (SQLException | java.io.IOException e) {
				throw new org.springframework.dao.DataAccessResourceFailureException("cannot write the batch's events: " + e.getMessage(), e);
			}
			finally {
				org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
			}
			return;
		}
		template.batchUpdate("INSERT INTO monitoring_events (batch_id, idx, ai_system_id, system_version, event_time, type, name, metric_value, "
				+ "severity, late, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						EventParser.Event e = parsed.get(i);
						ps.setObject(1, id);
						ps.setInt(2, i);
						ps.setObject(3, e.aiSystemId());
						ps.setString(4, e.systemVersion());
						ps.setTimestamp(5, Timestamp.from(e.time()));
						ps.setString(6, e.type().wire());
						ps.setString(7, e.name());
						if (e.value() == null) {
							ps.setNull(8, Types.DOUBLE);
						}
						else {
							ps.setDouble(8, e.value());
						}
						ps.setString(9, e.severity().name());
						ps.setBoolean(10, late[i]);
						ps.setString(11, e.canonical());
					}

					@Override
					public int getBatchSize() {
						return parsed.size();
					}
				});
	}

	/** A CSV field: absent as nothing (NULL), else quoted with quotes doubled. */
	private static StringBuilder quoted(StringBuilder csv, String value) {
		if (value == null) {
			return csv;
		}
		csv.append('"');
		for (int k = 0; k < value.length(); k++) {
			char c = value.charAt(k);
			if (c == '"') {
				csv.append('"');
			}
			csv.append(c);
		}
		return csv.append('"');
	}

	/** Each enabled rule of the batch's systems observes the matching events that are not late, in time order. */
	private void evaluate(List<EventParser.Event> parsed, boolean[] late, List<UUID> systemIds, Instant now, List<String> raised, List<String> cleared) {
		List<RuleRows.Loaded> rules = RuleRows.forUpdate(jdbc, systemIds);
		if (rules.isEmpty()) {
			return;
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < parsed.size(); i++) {
			if (!late[i]) {
				order.add(i);
			}
		}
		order.sort(Comparator.comparing(i -> parsed.get(i).time()));
		for (RuleRows.Loaded rule : rules) {
			List<Instant> times = new ArrayList<>();
			List<Double> values = new ArrayList<>();
			for (int i : order) {
				EventParser.Event e = parsed.get(i);
				if (rule.matches(e.aiSystemId(), e.type(), e.name()) && (rule.kind() != RuleKind.THRESHOLD || e.value() != null)) {
					times.add(e.time());
					values.add(e.value());
				}
			}
			if (times.isEmpty()) {
				continue;
			}
			List<RuleEngine.Effect> effects = switch (rule.kind()) {
				case THRESHOLD -> RuleEngine.values(rule.engine(), rule.state(), times, values);
				case RATE -> RuleEngine.events(rule.engine(), rule.state(), times);
				case ABSENCE -> RuleEngine.seen(rule.state(), times.get(times.size() - 1));
			};
			apply(rule, effects, now, raised, cleared, incidents, jurisdiction);
			if (rule.state().changed) {
				RuleRows.saveState(jdbc, rule);
			}
		}
	}

	/** Turns a rule's effects into incidents: raise one per breach, update it while the breach lasts, resolve it when it clears. */
	static void apply(RuleRows.Loaded rule, List<RuleEngine.Effect> effects, Instant now, List<String> raised, List<String> cleared,
			IncidentRecords incidents, String jurisdiction) {
		for (RuleEngine.Effect effect : effects) {
			switch (effect.kind()) {
				case RAISE -> {
					org.openaims.inventory.AiSystemView system = incidents.system(rule.aiSystemId());
					Map.Entry<UUID, String> made = incidents.raise(new IncidentRecords.NewIncident(cut(rule.name() + " — " + system.name(), 300),
							rule.describe(effect), rule.severity(), "RULE", rule.id(), system.owner(), jurisdiction, Set.of(),
							effect.since() == null ? effect.at() : effect.since(), now, effect.value(), List.of(rule.aiSystemId()),
							"Raised by rule " + rule.name() + ": " + rule.describe(effect)));
					rule.state().incidentId = made.getKey();
					rule.state().changed = true;
					raised.add(made.getValue());
				}
				case UPDATE -> {
					if (rule.state().incidentId != null) {
						incidents.breached(rule.state().incidentId, effect.at(), effect.value(), rule.engine().direction() == Direction.BELOW);
					}
				}
				case CLEAR -> {
					if (rule.state().incidentId != null) {
						String ref = incidents.cleared(rule.state().incidentId, effect.at(), "Cleared: " + rule.describe(effect));
						if (ref != null) {
							cleared.add(ref);
						}
					}
					rule.state().incidentId = null;
					rule.state().changed = true;
				}
			}
		}
	}

	static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max - 1) + "…" : s;
	}
}
