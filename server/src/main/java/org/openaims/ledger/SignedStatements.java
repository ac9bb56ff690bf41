package org.openaims.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openaims.common.ConflictException;
import org.openaims.ledger.format.Checkpoint;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.LedgerEntry;
import org.openaims.ledger.format.LedgerKeys;
import org.openaims.ledger.format.MerkleProofs;
import org.openaims.ledger.format.SignedStatement;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerKeyStore;
import org.openaims.ledger.internal.LedgerStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signs statements with the ledger's key and proves them with the ledger (see {@link SignedStatement}):
 * a module signs its statement when it makes the record, publishes an event carrying the statement's
 * SHA-256 ({@code statementDigest}), and asks for the bundle once the ledger has the event — which waits
 * for its entry and a checkpoint that covers it.
 */
@Service
public class SignedStatements {

	private final LedgerKeyStore keys;

	private final LedgerStore store;

	private final Checkpointer checkpointer;

	private final JdbcClient jdbc;

	SignedStatements(LedgerKeyStore keys, LedgerStore store, Checkpointer checkpointer, JdbcClient jdbc) {
		this.keys = keys;
		this.store = store;
		this.checkpointer = checkpointer;
		this.jdbc = jdbc;
	}

	/** A DSSE envelope of {@code payload}, signed over DSSE's PAE with the ledger's key. */
	public Map<String, Object> envelope(String payloadType, byte[] payload) {
		Map<String, Object> signature = new LinkedHashMap<>();
		signature.put("keyid", keys.keyId());
		signature.put("sig", keys.sign(SignedStatement.pae(payloadType, payload)));
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("payloadType", payloadType);
		envelope.put("payload", Base64.getEncoder().encodeToString(payload));
		envelope.put("signatures", List.of(signature));
		return envelope;
	}

	/** The key id statements are signed with now. */
	public String keyId() {
		return keys.keyId();
	}

	/**
	 * The signed statement of {@code payload} with the proof that ledger event {@code eventId} recorded
	 * it; waits up to {@code wait} for the entry (appends follow commits by milliseconds). 409 when the
	 * ledger does not have it by then.
	 */
	public String bundle(String payloadType, String statement, UUID eventId, Duration wait) {
		EntryProof proof = prove(eventId, wait, "decision");
		return SignedStatement.write(envelope(payloadType, statement.getBytes(StandardCharsets.UTF_8)), proof.publicKey(), proof.entry(),
				proof.path(), proof.checkpoint());
	}

	/** A ledger entry with its payload, the inclusion proof of it and the signed checkpoint the proof leads to. */
	public record EntryProof(LedgerEntry entry, List<String> path, Checkpoint checkpoint, String publicKey) {
	}

	/**
	 * The proof that ledger event {@code eventId} is included in a signed checkpoint; waits up to {@code wait}
	 * for the entry and a checkpoint that covers it. 409 when the ledger does not have them by then.
	 */
	public EntryProof prove(UUID eventId, Duration wait, String what) {
		LedgerEntry entry = awaitEntry(eventId, wait)
			.orElseThrow(() -> new ConflictException("the ledger has not recorded this " + what + " yet; try again in a moment"));
		if (entry.payload() == null) {
			throw new ConflictException("the ledger keeps only the digest of event " + eventId + "; its proof cannot be bundled");
		}
		Checkpoint checkpoint = store.latestCheckpoint().map(LedgerStore.StoredCheckpoint::checkpoint)
			.filter(c -> c.treeSize() >= entry.seq())
			.or(checkpointer::checkpoint)
			.filter(c -> c.treeSize() >= entry.seq())
			.orElseThrow(() -> new ConflictException("no checkpoint covers ledger entry " + entry.seq() + " yet; try again in a moment"));
		List<byte[]> leaves = store.leaves(checkpoint.treeSize());
		List<String> path = MerkleProofs.inclusion(leaves, (int) (entry.seq() - 1), (int) checkpoint.treeSize()).stream().map(Hashes::hex).toList();
		return new EntryProof(entry, path, checkpoint, LedgerKeys.encode(keys.publicKey()));
	}

	/**
	 * The proof that event {@code index} of a batch of {@code leaves} is in the batch whose root ledger
	 * event {@code ledgerEventId} records ({@link org.openaims.ledger.format.EventProof}); {@code canonical}
	 * is null once the event's body was purged.
	 */
	public String eventProof(java.util.UUID batchId, int index, String canonical, String purgedAt, List<byte[]> leaves, UUID ledgerEventId,
			Duration wait) {
		byte[] root = MerkleProofs.root(leaves, 0, leaves.size());
		List<byte[]> path = MerkleProofs.inclusion(leaves, index, leaves.size());
		EntryProof entry = prove(ledgerEventId, wait, "batch");
		return org.openaims.ledger.format.EventProof.write(batchId.toString(), index, canonical, leaves.get(index), purgedAt, leaves.size(), root,
				path, entry.publicKey(), entry.entry(), entry.path(), entry.checkpoint());
	}

	private Optional<LedgerEntry> awaitEntry(UUID eventId, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			Optional<Long> seq = jdbc.sql("SELECT seq FROM ledger_entries WHERE event_id = :id").param("id", eventId).query(Long.class).optional();
			if (seq.isPresent()) {
				return store.entry(seq.get());
			}
			if (System.nanoTime() > deadline) {
				return Optional.empty();
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
	}
}
