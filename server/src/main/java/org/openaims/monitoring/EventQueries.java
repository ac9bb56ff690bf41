package org.openaims.monitoring;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SqlWhere;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.SignedStatements;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading operational events: a batch's receipt, the events of a system (newest first, keyset pages),
 * counts per hour for the charts, and the inclusion proof of one event — which holds also after its
 * body was purged, since the batch keeps every leaf hash.
 */
@Service
@Transactional(readOnly = true)
public class EventQueries {

	static final String BATCH_COLUMNS = "b.id, b.client_batch_id, b.events, b.late_events, b.merkle_root, b.first_event_at, b.last_event_at, "
			+ "b.systems, b.channel, b.received_at, b.received_by, b.ledger_event_id, b.leaves";

	private final JdbcClient jdbc;

	private final SignedStatements statements;

	private final AiSystemService systems;

	EventQueries(JdbcClient jdbc, SignedStatements statements, AiSystemService systems) {
		this.jdbc = jdbc;
		this.statements = statements;
		this.systems = systems;
	}

	@PreAuthorize("isAuthenticated()")
	public BatchReceipt batch(UUID id) {
		return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM event_batches b WHERE b.id = :id").param("id", id).query((rs, n) -> batch(rs)).optional()
			.orElseThrow(() -> new NotFoundException("event batch", id));
	}

	private static final org.openaims.common.SortOptions<BatchReceipt> BATCH_SORTS = org.openaims.common.SortOptions
		.<BatchReceipt>by("b.id", BatchReceipt::batchId, "-receivedAt").time("receivedAt", "b.received_at", BatchReceipt::receivedAt);

	/** Batches, newest first (keyset pages on received time and id). */
	@PreAuthorize("isAuthenticated()")
	public Page<BatchReceipt> batches(PageRequest request) {
		SqlWhere where = new SqlWhere();
		org.openaims.common.SortOptions<BatchReceipt>.Sorting sorting = BATCH_SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM event_batches b" + where.sql() + sorting.orderByAndLimit())
			.params(where.params()).query((rs, n) -> batch(rs)).list());
	}

	/**
	 * Events, newest first, of one system (or all), optionally of one type, between {@code from} and
	 * {@code to} (event time); {@code lateOnly} shows the ones that came later than the allowed lateness.
	 */
	@PreAuthorize("isAuthenticated()")
	public Page<EventView> events(UUID aiSystemId, EventType type, Instant from, Instant to, Boolean lateOnly, PageRequest request) {
		int limit = request.effectiveLimit();
		SqlWhere where = new SqlWhere().and("e.ai_system_id = :system", "system", aiSystemId)
			.and("e.type = :type", "type", type == null ? null : type.wire())
			.and("e.event_time >= :from", "from", from == null ? null : Timestamp.from(from))
			.and("e.event_time < :to", "to", to == null ? null : Timestamp.from(to));
		if (Boolean.TRUE.equals(lateOnly)) {
			where.and("e.late = TRUE");
		}
		if (request.after() != null) {
			String[] c = cursor(request.after());
			if (c.length != 3) {
				throw new InvalidInputException("after", "is not a cursor this list gave");
			}
			where.and("(e.event_time, e.batch_id, e.idx) < (:at, :batch, :idx)", "at", Timestamp.from(Instant.parse(c[0])))
				.param("batch", UUID.fromString(c[1])).param("idx", Integer.parseInt(c[2]));
		}
		List<EventView> rows = jdbc.sql("SELECT e.batch_id, e.idx, e.ai_system_id, e.system_version, e.event_time, e.type, e.name, e.metric_value, "
				+ "e.severity, e.late, e.body FROM monitoring_events e" + where.sql() + " ORDER BY e.event_time DESC, e.batch_id DESC, e.idx DESC LIMIT "
				+ (limit + 1))
			.params(where.params())
			.query((rs, n) -> new EventView(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), (Double) rs.getObject(8), EventSeverity.valueOf(rs.getString(9)),
					rs.getBoolean(10), rs.getString(11)))
			.list();
		return Page.cut(rows, limit, e -> enc(e.time() + "|" + e.batchId() + "|" + e.index()));
	}

	/** Counts of a system's events per hour and type over the last {@code hours} hours (at most 30 days), oldest first. */
	public record Series(UUID aiSystemId, String aiSystemName, Instant from, Instant to, List<Instant> hours, Map<String, long[]> counts, long total,
			long late) {
	}

	@PreAuthorize("isAuthenticated()")
	public Series series(UUID aiSystemId, int hours) {
		if (hours < 1 || hours > 720) {
			throw new InvalidInputException("hours", "between 1 and 720 hours (30 days)");
		}
		String name = systems.names(List.of(aiSystemId)).get(aiSystemId);
		if (name == null) {
			throw new NotFoundException("AI system", aiSystemId);
		}
		Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		Instant from = to.minus(Duration.ofHours(hours));
		Map<String, long[]> counts = new TreeMap<>();
		long[] totals = new long[2];
		long fromHour = from.getEpochSecond() / 3600;
		jdbc.sql("SELECT FLOOR(EXTRACT(EPOCH FROM event_time) / 3600), type, COUNT(*), SUM(CASE WHEN late THEN 1 ELSE 0 END) FROM monitoring_events "
				+ "WHERE ai_system_id = :s AND event_time >= :from AND event_time < :to GROUP BY FLOOR(EXTRACT(EPOCH FROM event_time) / 3600), type")
			.param("s", aiSystemId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query((rs, n) -> {
				int slot = (int) (rs.getLong(1) - fromHour);
				if (slot >= 0 && slot < hours) {
					counts.computeIfAbsent(rs.getString(2), k -> new long[hours])[slot] += rs.getLong(3);
				}
				totals[0] += rs.getLong(3);
				totals[1] += rs.getLong(4);
				return null;
			}).list();
		List<Instant> slots = new ArrayList<>();
		for (int i = 0; i < hours; i++) {
			slots.add(from.plus(Duration.ofHours(i)));
		}
		return new Series(aiSystemId, name, from, to, slots, counts, totals[0], totals[1]);
	}

	/**
	 * The proof that event {@code index} of batch {@code batchId} is part of the batch whose Merkle root
	 * ledger entry records, as a self-contained JSON bundle that {@code aims verify} checks offline.
	 */
	@PreAuthorize("isAuthenticated()")
	public String proof(UUID batchId, int index) {
		Map<String, Object> b = jdbc.sql("SELECT events, leaves, ledger_event_id, systems FROM event_batches WHERE id = :id").param("id", batchId)
			.query((rs, n) -> Map.<String, Object>of("events", rs.getInt(1), "leaves", rs.getBytes(2), "ledger", rs.getObject(3, UUID.class), "systems",
					Arrays.stream(rs.getString(4).split(",")).filter(x -> !x.isBlank()).map(UUID::fromString).toList()))
			.optional().orElseThrow(() -> new NotFoundException("event batch", batchId));
		int size = (int) b.get("events");
		if (index < 0 || index >= size) {
			throw new NotFoundException("event of batch " + batchId + " (it has " + size + " events, numbered from 0)", index);
		}
		byte[] packed = (byte[]) b.get("leaves");
		List<byte[]> leaves = new ArrayList<>(size);
		ByteBuffer buffer = ByteBuffer.wrap(packed);
		for (int i = 0; i < size; i++) {
			byte[] leaf = new byte[32];
			buffer.get(leaf);
			leaves.add(leaf);
		}
		String canonical = jdbc.sql("SELECT body FROM monitoring_events WHERE batch_id = :b AND idx = :i").param("b", batchId).param("i", index)
			.query(String.class).optional().orElse(null);
		String purgedAt = null;
		if (canonical == null) {
			purgedAt = jdbc.sql("SELECT MAX(s.purged_at) FROM monitoring_systems s WHERE s.ai_system_id IN (:ids)").param("ids", b.get("systems"))
				.query((rs, n) -> rs.getTimestamp(1) == null ? "purged" : rs.getTimestamp(1).toInstant().toString()).optional().orElse("purged");
		}
		return statements.eventProof(batchId, index, canonical, purgedAt, leaves, (UUID) b.get("ledger"), Duration.ofSeconds(10));
	}

	static BatchReceipt batch(ResultSet rs) throws SQLException {
		List<UUID> systems = Arrays.stream(rs.getString(8).split(",")).filter(s -> !s.isBlank()).map(UUID::fromString).toList();
		return new BatchReceipt(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), systems, rs.getString(9), rs.getTimestamp(10).toInstant(),
				rs.getString(11), rs.getObject(12, UUID.class), List.of(), List.of(), false);
	}

	private static String enc(String cursor) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String[] cursor(String after) {
		try {
			String text = new String(java.util.Base64.getUrlDecoder().decode(after), java.nio.charset.StandardCharsets.UTF_8);
			String[] parts = text.split("\\|");
			Instant.parse(parts[0]);
			UUID.fromString(parts[1]);
			return parts;
		}
		catch (RuntimeException e) {
			throw new InvalidInputException("after", "is not a cursor this list gave");
		}
	}
}
