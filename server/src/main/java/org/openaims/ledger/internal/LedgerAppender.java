package org.openaims.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.ledger.format.LedgerEntry;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's one sequencer. An append locks the chain head row, numbers and chains the new entries
 * after it, inserts them in one batch and moves the head, all in one transaction, so appends from any
 * number of nodes on one database form a single chain. Events already recorded (same event id) are
 * skipped, which makes redelivery harmless.
 */
@Component
public class LedgerAppender {

	private static final String INSERT = "INSERT INTO ledger_entries (seq, prev_seq, event_id, recorded_at, actor, "
			+ "actor_token, event_type, subject_type, subject_id, payload_digest, payload, prev_hash, entry_hash) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int ID_QUERY_CHUNK = 500;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final LedgerProperties properties;

	LedgerAppender(JdbcTemplate jdbc, LedgerProperties properties) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.properties = properties;
	}

	/** Appends the events not recorded yet, in the given order; returns the new entries. */
	@Transactional
	public List<LedgerEntry> append(List<? extends Audited> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		Map<String, Object> head = jdbc.queryForMap("SELECT seq, entry_hash FROM ledger_head WHERE id = 1 FOR UPDATE");
		long seq = ((Number) head.get("seq")).longValue();
		String prev = (String) head.get("entry_hash");
		Set<UUID> seen = recorded(events);
		List<LedgerEntry> entries = new ArrayList<>(events.size());
		for (Audited event : events) {
			if (!seen.add(event.stamp().eventId())) {
				continue;
			}
			String payload = Payloads.of(event);
			LedgerEntry entry = LedgerEntry.create(++seq, event.stamp().at(), event.stamp().eventId(),
					event.stamp().actor().username(), event.stamp().actor().tokenId(), event.getClass().getSimpleName(),
					event.subject().type(), event.subject().id(), payload, payload.length() <= properties.maxInlinePayload(),
					prev);
			entries.add(entry);
			prev = entry.entryHash();
		}
		if (entries.isEmpty()) {
			return entries;
		}
		jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				bind(ps, entries.get(i));
			}

			@Override
			public int getBatchSize() {
				return entries.size();
			}
		});
		jdbc.update("UPDATE ledger_head SET seq = ?, entry_hash = ? WHERE id = 1", seq, prev);
		return entries;
	}

	static void bind(PreparedStatement ps, LedgerEntry e) throws SQLException {
		ps.setLong(1, e.seq());
		if (e.seq() == 1) {
			ps.setNull(2, java.sql.Types.BIGINT);
		}
		else {
			ps.setLong(2, e.seq() - 1);
		}
		ps.setObject(3, e.eventId());
		ps.setObject(4, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
		ps.setString(5, e.actor());
		ps.setObject(6, e.actorToken());
		ps.setString(7, e.type());
		ps.setString(8, e.subjectType());
		ps.setString(9, e.subjectId());
		ps.setString(10, e.payloadDigest());
		ps.setString(11, e.payload());
		ps.setString(12, e.prevHash());
		ps.setString(13, e.entryHash());
	}

	private Set<UUID> recorded(List<? extends Audited> events) {
		Set<UUID> recorded = new HashSet<>();
		List<UUID> ids = events.stream().map(e -> e.stamp().eventId()).toList();
		for (int i = 0; i < ids.size(); i += ID_QUERY_CHUNK) {
			recorded.addAll(named.queryForList("SELECT event_id FROM ledger_entries WHERE event_id IN (:ids)",
					Map.of("ids", ids.subList(i, Math.min(ids.size(), i + ID_QUERY_CHUNK))), UUID.class));
		}
		return recorded;
	}
}
