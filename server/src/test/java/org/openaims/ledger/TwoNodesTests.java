package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.openaims.TestDatabase;
import org.openaims.TestNodes;
import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.ledger.LedgerTestSupport.Something;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.Verification;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerAppender;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database (each with its own connection pool, sequencer and
 * checkpointer) appending concurrently produce one linear chain: every event once, no gap, no fork,
 * and it verifies. The database itself refuses a forked or gapped row.
 */
class TwoNodesTests {

	@Test
	void concurrentAppendsFromTwoNodesFormOneChain() throws Exception {
		try (TestNodes nodes = new TestNodes();
				ConfigurableApplicationContext first = nodes.start(true);
				ConfigurableApplicationContext second = nodes.start(false)) {
			List<LedgerAppender> appenders = List.of(first.getBean(LedgerAppender.class), second.getBean(LedgerAppender.class));
			ExecutorService pool = Executors.newFixedThreadPool(8);
			List<Future<Set<UUID>>> sent = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				LedgerAppender appender = appenders.get(thread % 2);
				int t = thread;
				sent.add(pool.submit(() -> {
					Set<UUID> ids = new HashSet<>();
					for (int i = 0; i < 100; i++) {
						// Some single events, some batches; a few sent twice (redelivery).
						List<Something> events = new ArrayList<>();
						for (int j = 0; j < 1 + i % 4; j++) {
							Something e = new Something("n" + t + "-" + i + "-" + j, i, Map.of("thread", t), "thing",
									new Stamp(UUID.randomUUID(), Instant.now(), Actor.SYSTEM));
							events.add(e);
							ids.add(e.stamp().eventId());
						}
						appender.append(events);
						if (i % 10 == 0) {
							appender.append(events);
						}
					}
					return ids;
				}));
			}
			Set<UUID> all = new HashSet<>();
			for (Future<Set<UUID>> f : sent) {
				all.addAll(f.get());
			}
			pool.shutdown();
			first.getBean(Checkpointer.class).checkpoint();
			second.getBean(Checkpointer.class).checkpoint();

			JdbcClient jdbc = first.getBean(JdbcClient.class);
			List<Long> seqs = jdbc.sql("SELECT seq FROM ledger_entries ORDER BY seq").query(Long.class).list();
			long bootstrapEntries = seqs.size() - all.size();
			assertThat(bootstrapEntries).as("only the two nodes' own start-up events besides ours").isBetween(0L, 10L);
			for (int i = 0; i < seqs.size(); i++) {
				assertThat(seqs.get(i)).isEqualTo(i + 1L);
			}
			assertThat(jdbc.sql("SELECT COUNT(DISTINCT event_id) FROM ledger_entries WHERE event_type = 'Something'")
				.query(Long.class).single()).isEqualTo(all.size());
			assertThat(jdbc.sql("SELECT COUNT(DISTINCT prev_hash) FROM ledger_entries").query(Long.class).single())
				.isEqualTo(seqs.size());
			Verification fromFirst = CurrentUser.runAsSystem(() -> first.getBean(Ledger.class).verify());
			Verification fromSecond = CurrentUser.runAsSystem(() -> second.getBean(Ledger.class).verify());
			assertThat(fromFirst.intact()).as(fromFirst.toString()).isTrue();
			assertThat(fromFirst.entriesChecked()).isEqualTo(seqs.size());
			assertThat(fromFirst.checkpointsChecked()).isGreaterThanOrEqualTo(1);
			assertThat(fromSecond).isEqualTo(fromFirst);

			// The database refuses a fork (a second entry after the same predecessor, by position or by
			// hash) and a gap (an entry after one that does not exist).
			long last = seqs.get(seqs.size() - 1);
			String lastHash = jdbc.sql("SELECT entry_hash FROM ledger_entries WHERE seq = :s").param("s", last).query(String.class).single();
			String previousOfLast = jdbc.sql("SELECT prev_hash FROM ledger_entries WHERE seq = :s").param("s", last).query(String.class).single();
			assertThatThrownBy(() -> insert(jdbc, last, last - 1, Hashes.sha256Hex("another branch")))
				.isInstanceOf(DataIntegrityViolationException.class);
			assertThatThrownBy(() -> insert(jdbc, last + 1, last, previousOfLast)).isInstanceOf(DataIntegrityViolationException.class);
			assertThatThrownBy(() -> insert(jdbc, last + 2, last + 1, lastHash)).isInstanceOf(DataIntegrityViolationException.class);
			assertThatThrownBy(() -> insert(jdbc, last + 1, last - 1, lastHash)).isInstanceOf(DataIntegrityViolationException.class);
			if (TestDatabase.postgres()) {
				// PostgreSQL refuses changes to the ledger: the application's role has no right to make
				// them, and triggers refuse them even to the tables' owner (H2 relies on the code having no
				// such path, LedgerInsertOnlyTests; LedgerPrivilegeTests has the full set).
				JdbcClient owner = TestNodes.owner(first);
				for (String change : List.of("UPDATE ledger_entries SET actor = 'mallory' WHERE seq = 1",
						"DELETE FROM ledger_entries WHERE seq = " + last, "TRUNCATE ledger_entries",
						"UPDATE ledger_checkpoints SET signature = 'x'", "DELETE FROM ledger_checkpoints")) {
					assertThatThrownBy(() -> jdbc.sql(change).update()).as(change)
						.isInstanceOf(org.springframework.dao.DataAccessException.class)
						.rootCause().hasMessageContaining("permission denied");
					assertThatThrownBy(() -> owner.sql(change).update()).as(change)
						.isInstanceOf(org.springframework.dao.DataAccessException.class)
						.hasMessageContaining("append-only");
				}
			}
		}
	}

	private static void insert(JdbcClient jdbc, long seq, long prevSeq, String prevHash) {
		jdbc.sql("INSERT INTO ledger_entries (seq, prev_seq, event_id, recorded_at, actor, event_type, subject_type, "
				+ "subject_id, payload_digest, prev_hash, entry_hash) VALUES (:seq, :prevSeq, :id, CURRENT_TIMESTAMP, 'x', 'X', "
				+ "'x', 'x', :digest, :prev, :hash)")
			.param("seq", seq).param("prevSeq", prevSeq).param("id", UUID.randomUUID())
			.param("digest", Hashes.sha256Hex("x")).param("prev", prevHash).param("hash", Hashes.sha256Hex(UUID.randomUUID().toString()))
			.update();
	}
}
