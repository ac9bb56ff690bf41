package org.openaims.monitoring.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lease in the database ({@code scheduler_locks}) that one node at a time holds: taking it is one
 * conditional UPDATE, which only one of several nodes can win while the lease runs. Timed work (absence
 * rules, closing rate windows, purges, partitions) runs only on the node that took it, so two nodes
 * never both raise an incident or purge.
 */
@Component
public class SchedulerLock {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + java.util.UUID.randomUUID();

	SchedulerLock(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/** Takes lease {@code name} for {@code lease} if it is free (or already this node's); true when taken. */
	public boolean take(String name, Duration lease, Instant now) {
		Integer updated = tx.execute(s -> jdbc.sql("UPDATE scheduler_locks SET locked_until = :until, locked_by = :node, runs = runs + 1 "
				+ "WHERE name = :name AND (locked_until < :now OR locked_by = :node)")
			.param("until", Timestamp.from(now.plus(lease))).param("node", node).param("name", name).param("now", Timestamp.from(now)).update());
		return updated != null && updated == 1;
	}

	/** Gives the lease back early. */
	public void release(String name) {
		tx.executeWithoutResult(s -> jdbc.sql("UPDATE scheduler_locks SET locked_until = :past WHERE name = :name AND locked_by = :node")
			.param("past", Timestamp.from(Instant.EPOCH)).param("name", name).param("node", node).update());
	}

	public String node() {
		return node;
	}
}
