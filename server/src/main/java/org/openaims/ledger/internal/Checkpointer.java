package org.openaims.ledger.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.openaims.ledger.format.Checkpoint;
import org.openaims.ledger.format.Frontier;
import org.openaims.ledger.format.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes signed checkpoints in batches: every {@code aims.ledger.checkpoint-interval-ms} (default one
 * second) when entries were added, never per event. It extends the previous checkpoint's frontier
 * with the new entries only. Several nodes may run it; the database keeps one checkpoint per size.
 */
@Component
public class Checkpointer {

	private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

	private final LedgerStore store;

	private final LedgerKeyStore keys;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final LedgerProperties properties;

	private volatile boolean rotatedOutLogged;

	Checkpointer(LedgerStore store, LedgerKeyStore keys, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			LedgerProperties properties) {
		this.store = store;
		this.keys = keys;
		this.jdbc = jdbc;
		// Always transactions of its own: a checkpoint may be asked for while a read-only one is open (export).
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${aims.ledger.checkpoint-interval-ms:1000}", initialDelay = 1000)
	void scheduled() {
		if (properties.autoCheckpoint()) {
			try {
				checkpoint();
			}
			catch (RuntimeException e) {
				log.warn("Could not make a ledger checkpoint; will try again", e);
			}
		}
	}

	/** Signs a checkpoint of every entry appended so far, unless the latest one covers them already. */
	public Optional<Checkpoint> checkpoint() {
		Prepared prepared = transactions.execute(status -> prepare());
		if (prepared == null || prepared.existing() != null) {
			return prepared == null ? Optional.empty() : Optional.of(prepared.existing());
		}
		Checkpoint c = prepared.checkpoint();
		try {
			transactions.executeWithoutResult(status -> jdbc.update(
					"INSERT INTO ledger_checkpoints (tree_size, root_hash, signed_at, key_id, signature, frontier) "
							+ "VALUES (?, ?, ?, ?, ?, ?)",
					c.treeSize(), c.rootHash(), OffsetDateTime.ofInstant(c.time(), ZoneOffset.UTC), c.keyId(), c.signature(),
					String.join(",", prepared.frontier().hexHashes())));
		}
		catch (DuplicateKeyException raced) {
			// another node signed the same tree size first
			return transactions.execute(status -> store.checkpoint(c.treeSize()));
		}
		return Optional.of(c);
	}

	private record Prepared(Checkpoint existing, Checkpoint checkpoint, Frontier frontier) {
	}

	private Prepared prepare() {
		long head = store.maxSeq();
		Optional<LedgerStore.StoredCheckpoint> latest = store.latestCheckpoint();
		if (head == 0) {
			return null;
		}
		String inForce = keys.keyInForce();
		if (inForce != null && !inForce.equalsIgnoreCase(keys.keyId())) {
			// The key was rotated out: this node signs nothing until it is restarted with the new key.
			if (!rotatedOutLogged) {
				rotatedOutLogged = true;
				log.error("The ledger's signing key was rotated to {}; this node has key {} and makes no more checkpoints. "
						+ "Restart it with the new key pair.", inForce, keys.keyId());
			}
			return latest.map(l -> new Prepared(l.checkpoint(), null, null)).orElse(null);
		}
		if (latest.isPresent() && latest.get().checkpoint().treeSize() >= head) {
			return new Prepared(latest.get().checkpoint(), null, null);
		}
		Frontier frontier = latest.map(l -> Frontier.of(l.checkpoint().treeSize(), l.frontier())).orElseGet(Frontier::new);
		store.hashes(frontier.size() + 1, head, frontier::append);
		if (frontier.size() != head) {
			throw new IllegalStateException("the ledger has " + frontier.size() + " entries in sequence but its last is " + head);
		}
		String root = Hashes.hex(frontier.root());
		Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String signature = keys.sign(Checkpoint.signedContent(head, root, time, keys.keyId()));
		return new Prepared(null, new Checkpoint(head, root, time, keys.keyId(), signature), frontier);
	}
}
