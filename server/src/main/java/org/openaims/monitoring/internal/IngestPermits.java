package org.openaims.monitoring.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.openaims.common.TooBusyException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Back-pressure for ingest: at most {@code aims.monitoring.ingest-permits} batches are parsed and
 * stored at once on a node; a batch that finds none free within {@code aims.monitoring.ingest-wait} is
 * refused with 429 and {@code Retry-After}, so no queue grows without bound.
 */
@Component
public class IngestPermits {

	private final Semaphore permits;

	private final int size;

	private final Duration wait;

	IngestPermits(@Value("${aims.monitoring.ingest-permits:4}") int size, @Value("${aims.monitoring.ingest-wait:PT0.1S}") Duration wait) {
		this.size = Math.max(1, size);
		this.permits = new Semaphore(this.size, true);
		this.wait = wait;
	}

	/** Runs {@code work} holding a permit, or throws {@link TooBusyException}. */
	public <T> T with(java.util.function.Supplier<T> work) {
		boolean held;
		try {
			held = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			held = false;
		}
		if (!held) {
			throw new TooBusyException("event ingest is saturated (" + size + " batches in progress); retry after the time given",
					Duration.ofSeconds(1));
		}
		try {
			admitted();
			return work.get();
		}
		finally {
			permits.release();
		}
	}

	/** Called with a permit held, before the batch is read (a seam for tests that hold permits). */
	public void admitted() {
	}

	public int size() {
		return size;
	}

	public int available() {
		return permits.availablePermits();
	}
}
