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

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The ledger's one sequencer. An append locks the sequencer row, reads the chain head from the last
 * entry, numbers and chains the new entries after it and inserts them in one batch, all in one
 * transaction, so appends from any number of nodes on one database form a single chain. Nothing is
 * ever updated. Events already recorded (same event id) are skipped, which makes redelivery harmless.
 */
@Component
public class LedgerAppender {

	private static final String INSERT = "INSERT INTO ledger_entries (seq, prev_seq, event_id, recorded_at, actor, "
			+ "actor_token, event_type, subject_type, subject_id, payload_digest, payload, prev_hash, entry_hash) VALUES ";

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** Rows per INSERT statement (13 parameters each, well below the drivers' limits). */
	private static final int ROWS_PER_STATEMENT = 250;

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
		jdbc.queryForObject("SELECT id FROM ledger_sequencer WHERE id = 1 FOR UPDATE", Integer.class);
		// Read after the lock is held: the statement sees every append committed before it.
		List<Map<String, Object>> head = jdbc.queryForList("SELECT seq, entry_hash FROM ledger_entries ORDER BY seq DESC LIMIT 1");
		long seq = head.isEmpty() ? 0 : ((Number) head.get(0).get("seq")).longValue();
		String prev = head.isEmpty() ? org.openaims.ledger.format.Hashes.GENESIS : (String) head.get(0).get("entry_hash");
		// Events are almost always new: insert optimistically under a savepoint, and only when the unique
		// event id refuses one (a redelivery after a crash) go back and leave out those recorded already.
		TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
		Object savepoint = transaction.createSavepoint();
		List<LedgerEntry> entries = chain(events, Set.of(), seq, prev);
		try {
			insert(entries);
		}
		catch (DuplicateKeyException redelivered) {
			transaction.rollbackToSavepoint(savepoint);
			entries = chain(events, recorded(events), seq, prev);
			insert(entries);
		}
		transaction.releaseSavepoint(savepoint);
		return entries;
	}

	/** Numbers and chains the events after {@code seq}, leaving out {@code skip} and repeats. */
	private List<LedgerEntry> chain(List<? extends Audited> events, Set<UUID> skip, long seq, String prev) {
		Set<UUID> seen = new HashSet<>(skip);
		List<LedgerEntry> entries = new ArrayList<>(events.size());
		for (Audited event : events) {
			if (!seen.add(event.stamp().eventId())) {
				continue;
			}
			String payload = Payloads.of(event);
			LedgerEntry entry = LedgerEntry.create(++seq, event.stamp().at(), event.stamp().eventId(),
					event.stamp().actor().username(), event.stamp().actor().tokenId(), event.eventType(),
					event.subject().type(), event.subject().id(), payload, payload.length() <= properties.maxInlinePayload(),
					prev);
			entries.add(entry);
			prev = entry.entryHash();
		}
		return entries;
	}

	private void insert(List<LedgerEntry> entries) {
		// One multi-row INSERT per chunk: database constraints and triggers then check a chunk as a
		// statement rather than row by row.
		for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
			List<LedgerEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
			String sql = INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(), ROW));
			jdbc.update(connection -> {
				PreparedStatement ps = connection.prepareStatement(sql);
				int offset = 0;
				for (LedgerEntry entry : chunk) {
					bind(ps, offset, entry);
					offset += 13;
				}
				return ps;
			});
		}
	}

	static void bind(PreparedStatement ps, int offset, LedgerEntry e) throws SQLException {
		ps.setLong(offset + 1, e.seq());
		if (e.seq() == 1) {
			ps.setNull(offset + 2, java.sql.Types.BIGINT);
		}
		else {
			ps.setLong(offset + 2, e.seq() - 1);
		}
		ps.setObject(offset + 3, e.eventId());
		ps.setObject(offset + 4, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
		ps.setString(offset + 5, e.actor());
		ps.setObject(offset + 6, e.actorToken());
		ps.setString(offset + 7, e.type());
		ps.setString(offset + 8, e.subjectType());
		ps.setString(offset + 9, e.subjectId());
		ps.setString(offset + 10, e.payloadDigest());
		ps.setString(offset + 11, e.payload());
		ps.setString(offset + 12, e.prevHash());
		ps.setString(offset + 13, e.entryHash());
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
