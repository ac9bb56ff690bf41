package org.openaims.ledger;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.ledger.LedgerTestSupport.Something;
import org.openaims.ledger.format.Frontier;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.LedgerEntry;
import org.openaims.ledger.format.Verification;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerAppender;
import org.openaims.ledger.internal.LedgerStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ledger throughput, printed as medians of five runs beside raw baselines measured in the same run:
 * appends (single events, and batches of 1,000) against a plain batched JDBC insert of the same rows
 * into a table without the ledger's constraints; full verification against an in-memory SHA-256
 * chain over the same entries. Not part of the normal build:
 * {@code ./mvnw -pl server -am verify -Ppostgres,benchmark} (see docs/BENCHMARKS.md).
 */
@SpringBootTest(properties = { "aims.ledger.auto-checkpoint=false", "aims.test.context=benchmark" })
class LedgerBenchmarks {

	static final int RUNS = 5;

	static final int SINGLE = 1_000;

	static final int BATCHED = 20_000;

	static final int BATCH = 1_000;

	@Autowired
	LedgerAppender appender;

	@Autowired
	Checkpointer checkpointer;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void appendAndVerificationThroughput() {
		String database = org.openaims.TestDatabase.postgres() ? "PostgreSQL" : "H2 (in memory)";
		jdbc.execute("CREATE TABLE bench_rows (seq BIGINT NOT NULL PRIMARY KEY, prev_seq BIGINT, event_id UUID NOT NULL, "
				+ "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, actor VARCHAR(64) NOT NULL, actor_token UUID, "
				+ "event_type VARCHAR(100) NOT NULL, subject_type VARCHAR(50) NOT NULL, subject_id VARCHAR(100) NOT NULL, "
				+ "payload_digest VARCHAR(64) NOT NULL, payload VARCHAR(65536), prev_hash VARCHAR(64) NOT NULL, "
				+ "entry_hash VARCHAR(64) NOT NULL)");
		jdbc.execute("CREATE TABLE bench_schema (seq BIGINT NOT NULL PRIMARY KEY, prev_seq BIGINT, event_id UUID NOT NULL, "
				+ "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, actor VARCHAR(64) NOT NULL, actor_token UUID, "
				+ "event_type VARCHAR(100) NOT NULL, subject_type VARCHAR(50) NOT NULL, subject_id VARCHAR(100) NOT NULL, "
				+ "payload_digest VARCHAR(64) NOT NULL, payload VARCHAR(65536), prev_hash VARCHAR(64) NOT NULL, "
				+ "entry_hash VARCHAR(64) NOT NULL, CONSTRAINT bench_event_uq UNIQUE (event_id), "
				+ "CONSTRAINT bench_prev_hash_uq UNIQUE (prev_hash), "
				+ "CONSTRAINT bench_chain_ck CHECK ((seq = 1 AND prev_seq IS NULL) OR (seq > 1 AND prev_seq = seq - 1)), "
				+ "CONSTRAINT bench_prev_fk FOREIGN KEY (prev_seq) REFERENCES bench_schema (seq))");
		jdbc.execute("CREATE INDEX bench_subject_idx ON bench_schema (subject_type, subject_id, seq)");
		// Warm-up: JIT and connection pool.
		appender.append(events(2_000));
		List<LedgerEntry> warmUp = chain(events(2_000));
		rawInsert("bench_rows", warmUp);
		rawInsert("bench_schema", warmUp);

		double[] jdbcRaw = new double[RUNS];
		double[] jdbcSchema = new double[RUNS];
		double[] batched = new double[RUNS];
		double[] single = new double[RUNS];
		double[] memoryChain = new double[RUNS];
		double[] verification = new double[RUNS];
		long entries = 0;
		for (int run = 0; run < RUNS; run++) {
			List<Something> rawEvents = events(BATCHED);
			List<LedgerEntry> rows = chain(rawEvents);
			jdbcRaw[run] = rate(BATCHED, () -> rawInsert("bench_rows", rows));
			jdbcSchema[run] = rate(BATCHED, () -> rawInsert("bench_schema", rows));

			List<Something> batchEvents = events(BATCHED);
			batched[run] = rate(BATCHED, () -> {
				for (int i = 0; i < BATCHED; i += BATCH) {
					appender.append(batchEvents.subList(i, i + BATCH));
				}
				return 0;
			});

			List<Something> singleEvents = events(SINGLE);
			single[run] = rate(SINGLE, () -> {
				for (Something event : singleEvents) {
					appender.append(List.of(event));
				}
				return 0;
			});

			checkpointer.checkpoint();
			entries = store.maxSeq();
			List<LedgerEntry> stored = new ArrayList<>();
			transactions.executeWithoutResult(s -> store.entries(1, Long.MAX_VALUE, stored::add));
			memoryChain[run] = rate(stored.size(), () -> inMemoryChain(stored));
			Verification[] result = new Verification[1];
			verification[run] = rate(entries, () -> {
				result[0] = CurrentUser.runAsSystem(() -> ledger.verify());
				return 0;
			});
			if (!result[0].intact()) {
				throw new AssertionError("the benchmark ledger does not verify: " + result[0]);
			}
		}
		System.out.println();
		System.out.println("[benchmark] ledger on " + database + ", " + Runtime.getRuntime().availableProcessors()
				+ " CPUs, medians of " + RUNS + " runs");
		System.out.printf("[benchmark] raw batched JDBC insert of the same rows    %,10.0f rows/s%n", median(jdbcRaw));
		System.out.printf("[benchmark] raw batched JDBC insert, ledger's constraints %,10.0f rows/s%n", median(jdbcSchema));
		System.out.printf("[benchmark] ledger append, batches of %,d            %,10.0f entries/s  (%.0f%% of raw JDBC)%n", BATCH,
				median(batched), 100 * median(batched) / median(jdbcRaw));
		System.out.printf("[benchmark] ledger append, one event per transaction %,10.0f entries/s  (%.0f%% of raw JDBC)%n",
				median(single), 100 * median(single) / median(jdbcRaw));
		System.out.printf("[benchmark] in-memory SHA-256 chain over the entries  %,10.0f entries/s%n", median(memoryChain));
		System.out.printf("[benchmark] full verification (%,d entries, from the database) %,10.0f entries/s  (%.0f%% of in-memory chain)%n",
				entries, median(verification), 100 * median(verification) / median(memoryChain));
	}

	private static List<Something> events(int n) {
		List<Something> events = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			events.add(new Something("system-" + (i % 50), i, Map.of("field", "value " + i, "changes",
					Map.of("riskTier", Map.of("from", "LOW", "to", "HIGH"))), "ai-system",
					Stamp.of(Actor.user("benchmark"))));
		}
		return events;
	}

	/** The rows the ledger would write for {@code events}, chained in memory (for the raw insert). */
	private static List<LedgerEntry> chain(List<Something> events) {
		List<LedgerEntry> rows = new ArrayList<>(events.size());
		String prev = chainHead;
		long seq = BENCH_SEQ.getAndAdd(events.size());
		for (Something e : events) {
			LedgerEntry entry = LedgerEntry.create(++seq, e.stamp().at(), e.stamp().eventId(), "benchmark", null, "Something",
					"ai-system", e.name(), org.openaims.ledger.internal.Payloads.of(e), true, prev);
			rows.add(entry);
			prev = entry.entryHash();
		}
		chainHead = prev;
		return rows;
	}

	private static final java.util.concurrent.atomic.AtomicLong BENCH_SEQ = new java.util.concurrent.atomic.AtomicLong();

	/** The raw tables hold one continuous chain, like the ledger. */
	private static String chainHead = Hashes.GENESIS;

	private long rawInsert(String table, List<LedgerEntry> rows) {
		for (int i = 0; i < rows.size(); i += BATCH) {
			List<LedgerEntry> chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
			transactions.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO " + table + " (seq, prev_seq, event_id, "
					+ "recorded_at, actor, actor_token, event_type, subject_type, subject_id, payload_digest, payload, prev_hash, "
					+ "entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
						@Override
						public void setValues(PreparedStatement ps, int j) throws java.sql.SQLException {
							LedgerEntry e = chunk.get(j);
							ps.setLong(1, e.seq());
							if (e.seq() == 1) {
								ps.setNull(2, java.sql.Types.BIGINT);
							}
							else {
								ps.setLong(2, e.seq() - 1);
							}
							ps.setObject(3, e.eventId());
							ps.setObject(4, java.time.OffsetDateTime.ofInstant(e.time(), java.time.ZoneOffset.UTC));
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

						@Override
						public int getBatchSize() {
							return chunk.size();
						}
					}));
		}
		return rows.size();
	}

	/** The baseline: recompute every leaf hash, check every link, build the tree, all in memory. */
	private static long inMemoryChain(List<LedgerEntry> entries) {
		Frontier tree = new Frontier();
		String prev = Hashes.GENESIS;
		for (LedgerEntry e : entries) {
			byte[] leaf = e.leafHash();
			if (!prev.equals(e.prevHash()) || !Arrays.equals(leaf, Hashes.unhex(e.entryHash()))) {
				throw new AssertionError("broken chain at " + e.seq());
			}
			tree.append(leaf);
			prev = e.entryHash();
		}
		return tree.size();
	}

	private static double rate(long count, LongSupplier work) {
		long started = System.nanoTime();
		work.getAsLong();
		return count / ((System.nanoTime() - started) / 1e9);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
