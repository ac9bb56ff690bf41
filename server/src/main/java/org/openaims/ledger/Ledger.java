package org.openaims.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SqlWhere;
import org.openaims.ledger.format.Checkpoint;
import org.openaims.ledger.format.Frontier;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.LedgerEntry;
import org.openaims.ledger.format.LedgerExport;
import org.openaims.ledger.format.LedgerKeys;
import org.openaims.ledger.format.LedgerVerifier;
import org.openaims.ledger.format.MerkleProofs;
import org.openaims.ledger.format.Verification;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerKeyStore;
import org.openaims.ledger.internal.LedgerStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the ledger: the history of a record (for anyone who may read the record), and for AIMS
 * managers, auditors and administrators the entries, checkpoints, inclusion and consistency proofs, a
 * full re-verification and the self-verifying export.
 */
@Service
@Transactional(readOnly = true)
public class Ledger {

	static final String READERS = "hasAnyRole('ADMIN', 'AIMS_MANAGER', 'AUDITOR')";

	/** Proofs are computed from the leaf hashes; past this size they need stored subtrees (not built yet). */
	static final long MAX_PROOF_TREE = 2_000_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LedgerStore store;

	private final LedgerKeyStore keys;

	private final JdbcClient jdbc;

	private final Checkpointer checkpointer;

	private final org.openaims.ledger.internal.LedgerAppender appender;

	Ledger(LedgerStore store, LedgerKeyStore keys, JdbcClient jdbc, Checkpointer checkpointer,
			org.openaims.ledger.internal.LedgerAppender appender) {
		this.store = store;
		this.keys = keys;
		this.jdbc = jdbc;
		this.checkpointer = checkpointer;
		this.appender = appender;
	}

	/**
	 * Every recorded change of one record, oldest first (by the time it happened: with several nodes,
	 * entries of unrelated changes may be appended in another order).
	 */
	@PreAuthorize("isAuthenticated()")
	public List<HistoryEntry> history(String subjectType, String subjectId) {
		return jdbc.sql("SELECT " + LedgerStore.COLUMNS + " FROM ledger_entries WHERE subject_type = :type AND subject_id = :id "
				+ "ORDER BY recorded_at, seq")
			.param("type", subjectType)
			.param("id", subjectId)
			.query((rs, n) -> HistoryEntries.of(LedgerStore.entry(rs)))
			.list();
	}

	/** The entries of several subjects of one type, oldest first, in one statement. */
	public List<HistoryEntry> history(String subjectType, java.util.Collection<String> subjectIds) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + LedgerStore.COLUMNS + " FROM ledger_entries WHERE subject_type = :type AND subject_id IN (:ids) "
				+ "ORDER BY recorded_at, seq")
			.param("type", subjectType)
			.param("ids", List.copyOf(subjectIds))
			.query((rs, n) -> HistoryEntries.of(LedgerStore.entry(rs)))
			.list();
	}

	/**
	 * Who recorded changes of these subjects between {@code from} (inclusive) and {@code to}
	 * (exclusive): for each subject id, the actors' usernames (e.g. an auditor's independence: did they
	 * write the records they would audit?). One statement.
	 */
	public java.util.Map<String, java.util.Set<String>> authors(String subjectType, java.util.Collection<String> subjectIds,
			java.time.Instant from, java.time.Instant to) {
		java.util.Map<String, java.util.Set<String>> result = new java.util.HashMap<>();
		if (subjectIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT DISTINCT subject_id, actor FROM ledger_entries WHERE subject_type = :type AND subject_id IN (:ids) "
				+ "AND recorded_at >= :from AND recorded_at < :to")
			.param("type", subjectType)
			.param("ids", List.copyOf(subjectIds))
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2)))
			.list();
		return result;
	}

	/**
	 * Entries in sequence order, optionally of one subject type and id; {@code after} is the
	 * {@code next} of the previous page (a sequence number).
	 */
	@PreAuthorize(READERS)
	public Page<EntryView> entries(String subjectType, String subjectId, Integer limit, String after) {
		int size = new PageRequest(limit, null, null).effectiveLimit();
		long afterSeq;
		try {
			afterSeq = after == null || after.isBlank() ? 0 : Long.parseLong(after);
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("after", "is not a cursor returned by this list");
		}
		SqlWhere where = new SqlWhere().and("e.seq > :after", "after", afterSeq)
			.and("e.subject_type = :type", "type", blankToNull(subjectType))
			.and("e.subject_id = :id", "id", blankToNull(subjectId));
		List<EntryView> rows = jdbc.sql("SELECT " + LedgerStore.COLUMNS + " FROM ledger_entries e" + where.sql()
				+ " ORDER BY e.seq LIMIT " + (size + 1))
			.params(where.params())
			.query((rs, n) -> view(LedgerStore.entry(rs)))
			.list();
		return Page.cut(rows, size, last -> String.valueOf(last.seq()));
	}

	@PreAuthorize(READERS)
	public EntryView entry(long seq) {
		return store.entry(seq).map(Ledger::view).orElseThrow(() -> new NotFoundException("ledger entry", seq));
	}

	/** Checkpoints, newest first. */
	@PreAuthorize(READERS)
	public Page<CheckpointView> checkpoints(Integer limit, Long before) {
		int size = new PageRequest(limit, null, null).effectiveLimit();
		List<CheckpointView> rows = jdbc.sql("SELECT tree_size, root_hash, signed_at, key_id, signature FROM ledger_checkpoints "
				+ (before == null ? "" : "WHERE tree_size < :before ") + "ORDER BY tree_size DESC LIMIT " + (size + 1))
			.params(before == null ? Map.of() : Map.of("before", before))
			.query((rs, n) -> new CheckpointView(rs.getLong("tree_size"), rs.getString("root_hash"),
					rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"), rs.getString("signature")))
			.list();
		return Page.cut(rows, size, last -> String.valueOf(last.treeSize()));
	}

	@PreAuthorize(READERS)
	public CheckpointView latestCheckpoint() {
		return store.latestCheckpoint()
			.map(s -> view(s.checkpoint()))
			.orElseThrow(() -> new NotFoundException("checkpoint", "(none signed yet)"));
	}

	@PreAuthorize("isAuthenticated()")
	public PublicKeyView publicKey() {
		return new PublicKeyView(LedgerKeys.ALGORITHM, keys.keyId(), LedgerKeys.encode(keys.publicKey()));
	}

	/** Inclusion proof of entry {@code seq} in the tree of {@code treeSize} entries (default: the latest checkpoint). */
	@PreAuthorize(READERS)
	public InclusionProof inclusion(long seq, Long treeSize) {
		long size = treeSize != null ? treeSize
				: store.latestCheckpoint().map(c -> c.checkpoint().treeSize())
					.orElseThrow(() -> new NotFoundException("checkpoint", "(none signed yet)"));
		requireTree("treeSize", size);
		if (seq < 1 || seq > size) {
			throw new InvalidInputException("seq", "must be between 1 and the tree size " + size);
		}
		List<byte[]> leaves = store.leaves(size);
		int index = (int) (seq - 1);
		return new InclusionProof(seq, index, size, Hashes.hex(leaves.get(index)),
				hex(MerkleProofs.inclusion(leaves, index, (int) size)), Hashes.hex(MerkleProofs.root(leaves, 0, (int) size)),
				store.checkpoint(size).map(Ledger::view).orElse(null));
	}

	/** Consistency proof between the trees of {@code first} and {@code second} entries. */
	@PreAuthorize(READERS)
	public ConsistencyProof consistency(long first, long second) {
		requireTree("second", second);
		if (first < 1 || first > second) {
			throw new InvalidInputException("first", "must be between 1 and second (" + second + ")");
		}
		List<byte[]> leaves = store.leaves(second);
		return new ConsistencyProof(first, second, Hashes.hex(MerkleProofs.root(leaves, 0, (int) first)),
				Hashes.hex(MerkleProofs.root(leaves, 0, (int) second)),
				hex(MerkleProofs.consistency(leaves, (int) first, (int) second)),
				store.checkpoint(first).map(Ledger::view).orElse(null), store.checkpoint(second).map(Ledger::view).orElse(null));
	}

	/**
	 * Re-verifies the whole ledger: every entry, link, payload digest, checkpoint root and signature.
	 * Reading rows and hashing them overlap: this thread reads, a second one verifies.
	 */
	@PreAuthorize(READERS)
	public Verification verify() {
		long headBefore = store.maxSeq();
		LedgerVerifier verifier = LedgerVerifier.fromStart(startingKey());
		Checkpoints checkpoints = new Checkpoints(0, Long.MAX_VALUE);
		long[] lastRead = { 0 };
		try (VerificationPipeline pipeline = new VerificationPipeline(verifier)) {
			store.entries(1, Long.MAX_VALUE, entry -> {
				lastRead[0] = entry.seq();
				pipeline.entry(entry);
				while (checkpoints.hasNext() && checkpoints.peek().treeSize() <= entry.seq()) {
					pipeline.checkpoint(checkpoints.next());
				}
			});
			while (checkpoints.hasNext()) {
				pipeline.checkpoint(checkpoints.next());
			}
		}
		// Entries appended while this ran are legitimate; entries there when this started and gone now
		// are missing. Entries gone from the end before that show in the checkpoint that covered them.
		return verifier.finish(Math.max(lastRead[0], headBefore));
	}

	/**
	 * The key the ledger started with: the one that signed the first checkpoint (later keys come in
	 * through rotations the verifier follows). A key the ledger no longer knows leaves this node's
	 * own, so the first checkpoint fails to verify and the change is reported.
	 */
	private java.security.PublicKey startingKey() {
		Map<String, java.security.PublicKey> known = keys.knownKeys();
		return store.checkpointsAfter(0, Long.MAX_VALUE, 1).stream()
			.findFirst()
			.map(c -> known.getOrDefault(c.keyId(), keys.publicKey()))
			.orElse(keys.publicKey());
	}

	/**
	 * Hands checkpoint signing over to a new Ed25519 key (A.6.2.8: the record stays verifiable across
	 * key changes): records the rotation in the ledger and signs a checkpoint over it with the current
	 * key, which so vouches for the new one. Nodes then restart with the new key; a node with the old
	 * key signs nothing more.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	// The rotation entry is committed first, so that the checkpoint made next covers it.
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public KeyRotationView rotateKey(String newPublicKey, org.openaims.common.Actor actor) {
		java.security.PublicKey next;
		try {
			next = LedgerKeys.publicKey(newPublicKey == null ? "" : newPublicKey.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("publicKey", "is not a Base64 X.509 Ed25519 public key: " + e.getMessage());
		}
		String nextId = LedgerKeys.keyId(next);
		String current = keys.keyInForce() == null ? keys.keyId() : keys.keyInForce();
		if (nextId.equalsIgnoreCase(current)) {
			throw new InvalidInputException("publicKey", "is the key in force already");
		}
		if (!current.equalsIgnoreCase(keys.keyId())) {
			throw new org.openaims.common.ConflictException("this node does not hold the key in force (" + current
					+ "); rotate on a node that does");
		}
		keys.registerKey(nextId, next);
		LedgerKeyRotated rotated = new LedgerKeyRotated(current, nextId, LedgerKeys.encode(next),
				org.openaims.common.Stamp.of(actor));
		appender.append(List.of(rotated));
		return new KeyRotationView(current, nextId, checkpointer.checkpoint().map(Checkpoint::treeSize).orElse(0L));
	}

	/** An export's range, checked against the ledger. */
	public record ExportRange(long from, long to) {
	}

	/**
	 * Checks an export range. {@code from} defaults to 1; {@code to} to the last stored entry or the
	 * newest checkpoint's tree size, whichever is larger (rows added or deleted behind the ledger's back
	 * are then in the export, to be found).
	 */
	@PreAuthorize(READERS)
	public ExportRange exportRange(Long from, Long to) {
		long head = store.maxSeq();
		long first = from == null ? 1 : from;
		// The whole ledger reaches as far as its newest checkpoint: entries deleted from its end are then
		// absent from the export rather than a shorter ledger that verifies.
		long last = to == null ? Math.max(head, store.latestCheckpoint().map(c -> c.checkpoint().treeSize()).orElse(0L)) : to;
		if (first < 1) {
			throw new InvalidInputException("from", "must be at least 1");
		}
		if (to != null && last > head) {
			throw new InvalidInputException("to", "the ledger has " + head + " entries");
		}
		if (last < first - 1) {
			throw new InvalidInputException("to", "must not be before from");
		}
		// Refused here, before streaming starts, when the range begins inside a key rotation.
		keyAt(first);
		return new ExportRange(first, last);
	}

	/**
	 * Writes the entries of {@code range} with their checkpoints and the public key as a JSON Lines
	 * file that {@code aims verify} checks offline; entries are streamed, not held in memory. Every
	 * exported entry is attested: a checkpoint is made first if the newest entries have none, and an
	 * export ending between checkpoints ends with a consistency proof to the next one.
	 */
	@PreAuthorize(READERS)
	public void export(ExportRange range, Writer out) {
		long first = range.from();
		long last = range.to();
		checkpointer.checkpoint();
		Frontier start = new Frontier();
		store.hashes(1, first - 1, start::append);
		String startPrev = first == 1 ? Hashes.GENESIS : store.entry(first - 1).map(LedgerEntry::entryHash).orElseThrow();
		try {
			LedgerExport.Output output = new LedgerExport.Output(out);
			java.security.PublicKey startKey = keyAt(first);
			output.header(new LedgerExport.Header(first, last, startPrev, start.hexHashes(), LedgerKeys.encode(startKey),
					LedgerKeys.keyId(startKey), Instant.now()));
			Checkpoints checkpoints = new Checkpoints(first - 2, last);
			while (checkpoints.hasNext() && checkpoints.peek().treeSize() <= first - 1) {
				output.checkpoint(checkpoints.next());
			}
			store.entries(first, last, entry -> {
				try {
					output.entry(entry);
					while (checkpoints.hasNext() && checkpoints.peek().treeSize() <= entry.seq()) {
						output.checkpoint(checkpoints.next());
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			while (checkpoints.hasNext()) {
				output.checkpoint(checkpoints.next());
			}
			if (last >= first && store.checkpoint(last).isEmpty()) {
				attestTail(last, output);
			}
			output.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The key that signs the first checkpoint an export from {@code first} carries (the one of tree
	 * size {@code first - 1} or the next), which the verifier starts from; rotations inside the range
	 * it follows. A rotation just before the range but attested inside it could not be followed from
	 * the file alone, so such a range is refused.
	 */
	private java.security.PublicKey keyAt(long first) {
		Map<String, java.security.PublicKey> known = keys.knownKeys();
		List<Checkpoint> next = store.checkpointsAfter(Math.max(0, first - 2), Long.MAX_VALUE, 1);
		if (next.isEmpty()) {
			return keys.publicKey();
		}
		Checkpoint opening = next.get(0);
		long previous = store.checkpointsAfter(0, opening.treeSize() - 1, Integer.MAX_VALUE).stream()
			.mapToLong(Checkpoint::treeSize).max().orElse(0);
		Long pending = jdbc.sql("SELECT MIN(seq) FROM ledger_entries WHERE event_type = :type AND seq > :previous AND seq < :first")
			.param("type", org.openaims.ledger.format.KeyRotation.TYPE).param("previous", previous).param("first", first)
			.query(Long.class).optional().orElse(null);
		if (pending != null) {
			throw new InvalidInputException("from", "entry " + pending + " rotates the signing key and is attested inside the "
					+ "range; start the export at or before " + pending);
		}
		return known.getOrDefault(opening.keyId(), keys.publicKey());
	}

	/**
	 * Ends an export that stops between checkpoints: the next checkpoint and the proof that the
	 * exported entries are a prefix of its tree; just the checkpoint if its entries are not all there
	 * (the verifier then reports them absent).
	 */
	private void attestTail(long last, LedgerExport.Output output) throws IOException {
		List<Checkpoint> next = store.checkpointsAfter(last, Long.MAX_VALUE, 1);
		if (next.isEmpty()) {
			return;
		}
		Checkpoint later = next.get(0);
		if (later.treeSize() > MAX_PROOF_TREE || store.maxSeq() < later.treeSize()) {
			output.checkpoint(later);
			return;
		}
		List<byte[]> leaves = store.leaves(later.treeSize());
		if (leaves.size() != later.treeSize()) {
			output.checkpoint(later);
			return;
		}
		output.consistency(later, hex(MerkleProofs.consistency(leaves, (int) last, (int) later.treeSize())));
	}

	/** Checkpoints with tree size in (after, upTo], ascending, read a page at a time. */
	private final class Checkpoints implements Iterator<Checkpoint> {

		private final long upTo;

		private long after;

		private final List<Checkpoint> buffer = new ArrayList<>();

		private int position;

		private boolean exhausted;

		Checkpoints(long after, long upTo) {
			this.after = after;
			this.upTo = upTo;
		}

		@Override
		public boolean hasNext() {
			if (position < buffer.size()) {
				return true;
			}
			if (exhausted) {
				return false;
			}
			buffer.clear();
			position = 0;
			buffer.addAll(store.checkpointsAfter(after, upTo, 1000));
			if (buffer.size() < 1000) {
				exhausted = true;
			}
			if (!buffer.isEmpty()) {
				after = buffer.get(buffer.size() - 1).treeSize();
			}
			return !buffer.isEmpty();
		}

		Checkpoint peek() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return buffer.get(position);
		}

		@Override
		public Checkpoint next() {
			Checkpoint next = peek();
			position++;
			return next;
		}
	}

	private void requireTree(String field, long size) {
		long head = store.maxSeq();
		if (size < 1 || size > head) {
			throw new InvalidInputException(field, "must be between 1 and the ledger's size " + head);
		}
		if (size > MAX_PROOF_TREE) {
			throw new InvalidInputException(field, "proofs are computed for trees of up to " + MAX_PROOF_TREE + " entries");
		}
	}

	static EntryView view(LedgerEntry e) {
		return new EntryView(e.seq(), e.time(), e.eventId(), e.actor(), e.actorToken(), e.type(), e.subjectType(),
				e.subjectId(), e.payloadDigest(), parse(e.payload()), e.prevHash(), e.entryHash());
	}

	static CheckpointView view(Checkpoint c) {
		return new CheckpointView(c.treeSize(), c.rootHash(), c.time(), c.keyId(), c.signature());
	}

	static JsonNode parse(String payload) {
		if (payload == null) {
			return null;
		}
		try {
			return JSON.readTree(payload);
		}
		catch (JacksonException e) {
			// A payload that is no longer JSON was altered; the verification reports it.
			return JSON.getNodeFactory().stringNode(payload);
		}
	}

	private static List<String> hex(List<byte[]> hashes) {
		return hashes.stream().map(Hashes::hex).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
