package org.openaims.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.openaims.ledger.format.Checkpoint;
import org.openaims.ledger.format.LedgerEntry;
import org.openaims.ledger.format.LedgerVerifier;

/**
 * Hands entries and checkpoints, in order, to a verifier running on a thread of its own, in chunks,
 * so that reading rows from the database and hashing them overlap. {@link #close()} waits until
 * everything handed over is verified (and rethrows what the verifier threw).
 */
final class VerificationPipeline implements AutoCloseable {

	private static final int CHUNK = 2048;

	private static final List<Object> END = List.of();

	private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(8);

	private final Thread worker;

	private volatile RuntimeException failure;

	private List<Object> chunk = new ArrayList<>(CHUNK);

	VerificationPipeline(LedgerVerifier verifier) {
		worker = new Thread(() -> {
			try {
				for (List<Object> items = queue.take(); items != END; items = queue.take()) {
					for (Object item : items) {
						if (item instanceof LedgerEntry entry) {
							verifier.entry(entry);
						}
						else {
							verifier.checkpoint((Checkpoint) item);
						}
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException e) {
				failure = e;
				queue.clear();
			}
		}, "ledger-verification");
		worker.setDaemon(true);
		worker.start();
	}

	void entry(LedgerEntry entry) {
		add(entry);
	}

	void checkpoint(Checkpoint checkpoint) {
		add(checkpoint);
	}

	private void add(Object item) {
		chunk.add(item);
		if (chunk.size() == CHUNK) {
			hand(chunk);
			chunk = new ArrayList<>(CHUNK);
		}
	}

	private void hand(List<Object> items) {
		if (failure != null) {
			throw failure;
		}
		try {
			queue.put(items);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("verification interrupted", e);
		}
	}

	@Override
	public void close() {
		if (!chunk.isEmpty()) {
			hand(chunk);
		}
		hand(END);
		try {
			worker.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("verification interrupted", e);
		}
		if (failure != null) {
			throw failure;
		}
	}
}
