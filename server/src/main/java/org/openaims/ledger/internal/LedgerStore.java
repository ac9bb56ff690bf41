package org.openaims.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.openaims.ledger.format.Checkpoint;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.LedgerEntry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Reads the ledger tables: entries streamed in order, leaf hashes, checkpoints, keys. */
@Component
public class LedgerStore {

	public static final String COLUMNS = "seq, event_id, recorded_at, actor, actor_token, event_type, subject_type, "
			+ "subject_id, payload_digest, payload, prev_hash, entry_hash";

	private static final int FETCH = 5000;

	private final JdbcTemplate jdbc;

	LedgerStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The highest sequence number stored (0 when empty): the head of the chain. */
	public long maxSeq() {
		Long seq = jdbc.queryForObject("SELECT MAX(seq) FROM ledger_entries", Long.class);
		return seq == null ? 0 : seq;
	}

	/** Streams entries {@code from..to} (inclusive) in sequence order; call inside a transaction. */
	public void entries(long from, long to, Consumer<LedgerEntry> consumer) {
		jdbc.query(connection -> {
			PreparedStatement ps = connection.prepareStatement(
					"SELECT " + COLUMNS + " FROM ledger_entries WHERE seq >= ? AND seq <= ? ORDER BY seq");
			ps.setFetchSize(FETCH);
			ps.setLong(1, from);
			ps.setLong(2, to);
			return ps;
		}, (RowCallbackHandler) rs -> consumer.accept(entry(rs)));
	}

	public Optional<LedgerEntry> entry(long seq) {
		return jdbc.query("SELECT " + COLUMNS + " FROM ledger_entries WHERE seq = ?", (rs, n) -> entry(rs), seq)
			.stream()
			.findFirst();
	}

	/** The leaf hashes of entries {@code 1..size}, in order. */
	public List<byte[]> leaves(long size) {
		List<byte[]> leaves = new ArrayList<>((int) Math.min(size, 1 << 20));
		jdbc.query(connection -> {
			PreparedStatement ps = connection.prepareStatement("SELECT entry_hash FROM ledger_entries WHERE seq <= ? ORDER BY seq");
			ps.setFetchSize(FETCH);
			ps.setLong(1, size);
			return ps;
		}, (RowCallbackHandler) rs -> leaves.add(Hashes.unhex(rs.getString(1))));
		return leaves;
	}

	/** Streams the entry hashes of {@code from..to} in order (for extending a checkpoint's tree). */
	public void hashes(long from, long to, Consumer<byte[]> consumer) {
		jdbc.query(connection -> {
			PreparedStatement ps = connection.prepareStatement(
					"SELECT entry_hash FROM ledger_entries WHERE seq >= ? AND seq <= ? ORDER BY seq");
			ps.setFetchSize(FETCH);
			ps.setLong(1, from);
			ps.setLong(2, to);
			return ps;
		}, (RowCallbackHandler) rs -> consumer.accept(Hashes.unhex(rs.getString(1))));
	}

	/** A stored checkpoint with the frontier its tree ended with. */
	public record StoredCheckpoint(Checkpoint checkpoint, List<String> frontier) {
	}

	public Optional<StoredCheckpoint> latestCheckpoint() {
		return jdbc.query("SELECT tree_size, root_hash, signed_at, key_id, signature, frontier FROM ledger_checkpoints "
				+ "ORDER BY tree_size DESC LIMIT 1", (rs, n) -> stored(rs)).stream().findFirst();
	}

	public Optional<Checkpoint> checkpoint(long treeSize) {
		return jdbc.query("SELECT tree_size, root_hash, signed_at, key_id, signature, frontier FROM ledger_checkpoints "
				+ "WHERE tree_size = ?", (rs, n) -> stored(rs).checkpoint(), treeSize).stream().findFirst();
	}

	/** Checkpoints with tree size in {@code (after, upTo]}, ascending, at most {@code limit}. */
	public List<Checkpoint> checkpointsAfter(long after, long upTo, int limit) {
		return jdbc.query("SELECT tree_size, root_hash, signed_at, key_id, signature, frontier FROM ledger_checkpoints "
				+ "WHERE tree_size > ? AND tree_size <= ? ORDER BY tree_size LIMIT " + limit,
				(rs, n) -> stored(rs).checkpoint(), after, upTo);
	}

	/** An entry from a row of {@link #COLUMNS}, in that order (by index: verification reads millions). */
	public static LedgerEntry entry(ResultSet rs) throws SQLException {
		return new LedgerEntry(rs.getLong(1), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(2, UUID.class),
				rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
	}

	private static StoredCheckpoint stored(ResultSet rs) throws SQLException {
		String frontier = rs.getString("frontier");
		List<String> hashes = frontier.isEmpty() ? List.of() : Arrays.asList(frontier.split(","));
		return new StoredCheckpoint(new Checkpoint(rs.getLong("tree_size"), rs.getString("root_hash"),
				rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"), rs.getString("signature")),
				hashes);
	}
}
