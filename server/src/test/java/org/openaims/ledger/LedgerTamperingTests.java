package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport.CliResult;
import org.openaims.ledger.LedgerTestSupport.Something;
import org.openaims.ledger.format.Checkpoint;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.LedgerEntry;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerAppender;
import org.openaims.ledger.internal.LedgerKeyStore;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: for random ledgers, any single tampering of the stored rows — a changed field, a deleted,
 * reordered or inserted entry, a truncated and re-extended tail, a swapped checkpoint signature — is
 * detected by {@code GET /api/v1/ledger/verify} and by {@code aims verify} on an export, both naming
 * the same first bad sequence; untouched ledgers always verify. Seeded: the seed is printed on
 * failure ({@code -Daims.test.seed=...} reruns it).
 *
 * <p>The tampering plays an attacker with full database rights — on PostgreSQL the schema's owner,
 * not the application's role, which may not change the ledger at all: this context's database has the
 * ledger's constraints and triggers removed first, so every kind of change can be made.
 */
@SpringBootTest(properties = { "aims.ledger.auto-checkpoint=false", "aims.test.context=tampering" })
@AutoConfigureMockMvc
class LedgerTamperingTests {

	enum Tampering {
		CHANGE_FIELD, DELETE, REORDER, INSERT, TRUNCATE_AND_REEXTEND, SWAP_SIGNATURE
	}

	static final String[] FIELDS = { "actor", "event_type", "subject_type", "subject_id", "payload", "payload_digest",
			"recorded_at", "entry_hash", "prev_hash", "event_id", "actor_token" };

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** The attacker's connection: the owner of the schema. */
	JdbcClient jdbc;

	@Autowired
	LedgerAppender appender;

	@Autowired
	Checkpointer checkpointer;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerKeyStore keys;

	static TestUser auditor;

	@BeforeAll
	static void noneYet() {
		auditor = null;
	}

	@Test
	void everySingleTamperingIsDetectedAtTheFirstBadSequenceAndUntouchedLedgersVerify() throws Exception {
		jdbc = org.openaims.TestDatabase.owner(context);
		if (auditor == null) {
			auditor = users.create(Role.AUDITOR);
			LedgerTestSupport.awaitRecorded(jdbc);
			removeConstraints();
		}
		long seed = Long.getLong("aims.test.seed", System.nanoTime());
		Random random = new Random(seed);
		Map<Tampering, Integer> tried = new EnumMap<>(Tampering.class);
		int trial = 0;
		try {
			for (; trial < Integer.getInteger("aims.test.trials", 72); trial++) {
				Tampering tampering = Tampering.values()[trial % Tampering.values().length];
				List<Long> checkpoints = buildLedger(random);
				long n = head();
				assertVerdict(null, "untouched ledger of " + n + " entries, checkpoints " + checkpoints);
				long expected = tamper(tampering, random, n, checkpoints);
				assertVerdict(expected, tampering + " on a ledger of " + n + " entries, checkpoints " + checkpoints);
				tried.merge(tampering, 1, Integer::sum);
			}
		}
		catch (AssertionError | RuntimeException e) {
			throw new AssertionError("trial " + trial + " failed with seed " + seed + " (rerun: -Daims.test.seed=" + seed + ")", e);
		}
		assertThat(tried).hasSize(Tampering.values().length);
	}

	/** A fresh random ledger of 1..60 entries with checkpoints at random places and one at the end. */
	private List<Long> buildLedger(Random random) {
		jdbc.sql("DELETE FROM ledger_checkpoints").update();
		jdbc.sql("DELETE FROM ledger_entries").update();
		int total = 1 + random.nextInt(60);
		List<Long> checkpoints = new ArrayList<>();
		int appended = 0;
		while (appended < total) {
			int batch = Math.min(total - appended, 1 + random.nextInt(8));
			List<Something> events = new ArrayList<>();
			for (int i = 0; i < batch; i++) {
				events.add(randomEvent(random));
			}
			CurrentUser.runAsSystem(() -> appender.append(events));
			appended += batch;
			if (random.nextInt(3) == 0) {
				checkpointer.checkpoint().ifPresent(c -> checkpoints.add(c.treeSize()));
			}
		}
		checkpointer.checkpoint().ifPresent(c -> {
			if (!checkpoints.contains(c.treeSize())) {
				checkpoints.add(c.treeSize());
			}
		});
		return checkpoints;
	}

	private static Something randomEvent(Random random) {
		Actor actor = random.nextBoolean() ? Actor.user("user" + random.nextInt(5)) : new Actor("ci", new UUID(random.nextLong(), random.nextLong()));
		Map<String, Object> data = Map.of("text", "line\n\"quoted\" é " + random.nextInt(), "flag", random.nextBoolean(),
				"list", List.of(random.nextInt(100), "x"));
		return new Something("thing-" + random.nextInt(10), random.nextLong(), data, random.nextBoolean() ? "ai-system" : "vendor",
				new Stamp(UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z").plusMillis(random.nextInt(1_000_000_000)), actor));
	}

	/** Applies one tampering; returns the first bad sequence a verifier must name. */
	private long tamper(Tampering tampering, Random random, long n, List<Long> checkpoints) {
		switch (tampering) {
			case CHANGE_FIELD -> {
				long k = 1 + random.nextInt((int) n);
				String field = FIELDS[random.nextInt(FIELDS.length)];
				Object value = switch (field) {
					case "recorded_at" -> Timestamp.from(entry(k).time().plusSeconds(1));
					case "event_id", "actor_token" -> UUID.randomUUID();
					case "payload" -> "{\"forged\":true}";
					case "payload_digest", "entry_hash", "prev_hash" -> Hashes.sha256Hex("forged " + random.nextLong());
					default -> "forged-" + random.nextInt(1000);
				};
				jdbc.sql("UPDATE ledger_entries SET " + field + " = :value WHERE seq = :seq").param("value", value).param("seq", k).update();
				return k;
			}
			case DELETE -> {
				long k = 1 + random.nextInt((int) n);
				jdbc.sql("DELETE FROM ledger_entries WHERE seq = :seq").param("seq", k).update();
				// A gap names the missing entry; a missing last entry shows only in the checkpoint that covered
				// it, so what follows the checkpoint before it is no longer attested.
				return k < n ? k : lastCheckpointAtOrBefore(checkpoints, n - 1) + 1;
			}
			case REORDER -> {
				if (n < 2) {
					return tamper(Tampering.DELETE, random, n, checkpoints);
				}
				long k = 1 + random.nextInt((int) n - 1);
				long j = k + 1 + random.nextInt((int) (n - k));
				LedgerEntry a = entry(k);
				LedgerEntry b = entry(j);
				overwrite(k, b);
				overwrite(j, a);
				return k;
			}
			case INSERT -> {
				long k = 1 + random.nextInt((int) n);
				for (long s = n; s >= k; s--) {
					jdbc.sql("UPDATE ledger_entries SET seq = :to, prev_seq = :prev WHERE seq = :from")
						.param("to", s + 1).param("prev", s).param("from", s).update();
				}
				String prev = k == 1 ? Hashes.GENESIS : entry(k - 1).entryHash();
				insert(forged(k, prev, random));
				return k;
			}
			case TRUNCATE_AND_REEXTEND -> {
				long t = random.nextInt((int) n);
				jdbc.sql("DELETE FROM ledger_entries WHERE seq > :t").param("t", t).update();
				String prev = t == 0 ? Hashes.GENESIS : entry(t).entryHash();
				long r = 1 + random.nextInt(10);
				for (long s = t + 1; s <= t + r; s++) {
					LedgerEntry e = forged(s, prev, random);
					insert(e);
					prev = e.entryHash();
				}
				// Only the signed checkpoints tell.
				return lastCheckpointAtOrBefore(checkpoints, t) + 1;
			}
			case SWAP_SIGNATURE -> {
				List<Long> sizes = new ArrayList<>(new TreeSet<>(checkpoints));
				long first;
				if (sizes.size() >= 2) {
					int x = random.nextInt(sizes.size());
					int y = (x + 1 + random.nextInt(sizes.size() - 1)) % sizes.size();
					long s1 = sizes.get(x);
					long s2 = sizes.get(y);
					String sig1 = signature(s1);
					String sig2 = signature(s2);
					setSignature(s1, sig2);
					setSignature(s2, sig1);
					first = Math.min(s1, s2);
				}
				else {
					first = sizes.get(0);
					Checkpoint c = ledgerCheckpoint(first);
					// A genuine signature by the right key, but of other content.
					setSignature(first, keys.sign(Checkpoint.signedContent(first + 1, c.rootHash(), c.time(), c.keyId())));
				}
				return lastCheckpointAtOrBefore(checkpoints, first - 1) + 1;
			}
			default -> throw new IllegalStateException();
		}
	}

	private void assertVerdict(Long expected, String what) throws Exception {
		JsonNode verdict = api.body(api.get(auditor, "/api/v1/ledger/verify"), HttpStatus.OK);
		StringWriter export = new StringWriter();
		CurrentUser.runAsSystem(() -> ledger.export(ledger.exportRange(null, null), export));
		CliResult cli = LedgerTestSupport.aimsVerify(export.toString(), "--key-id", keys.keyId());
		if (expected == null) {
			assertThat(verdict.get("intact").asBoolean()).as(what + ": " + verdict).isTrue();
			assertThat(cli.exitCode()).as(what + ": " + cli).isZero();
			assertThat(cli.out()).startsWith("INTACT");
			return;
		}
		assertThat(verdict.get("intact").asBoolean()).as(what + ": " + verdict).isFalse();
		assertThat(verdict.get("firstBadSequence").asLong()).as(what + ": " + verdict).isEqualTo(expected);
		assertThat(cli.exitCode()).as(what + ": " + cli).isEqualTo(1);
		assertThat(cli.out()).as(what).contains("first bad sequence " + expected + " ");
	}

	private LedgerEntry forged(long seq, String prev, Random random) {
		return LedgerEntry.create(seq, Instant.parse("2026-06-01T00:00:00Z"), UUID.randomUUID(), "mallory", null, "Something",
				"ai-system", "forged-" + random.nextInt(), "{\"forged\":true}", true, prev);
	}

	private void insert(LedgerEntry e) {
		jdbc.sql("INSERT INTO ledger_entries (seq, prev_seq, event_id, recorded_at, actor, actor_token, event_type, "
				+ "subject_type, subject_id, payload_digest, payload, prev_hash, entry_hash) VALUES (:seq, :prevSeq, :eventId, "
				+ ":at, :actor, :token, :type, :subjectType, :subjectId, :digest, :payload, :prev, :hash)")
			.param("seq", e.seq()).param("prevSeq", e.seq() == 1 ? null : e.seq() - 1).param("eventId", e.eventId())
			.param("at", OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC)).param("actor", e.actor())
			.param("token", e.actorToken()).param("type", e.type()).param("subjectType", e.subjectType())
			.param("subjectId", e.subjectId()).param("digest", e.payloadDigest()).param("payload", e.payload())
			.param("prev", e.prevHash()).param("hash", e.entryHash())
			.update();
	}

	/** Puts another entry's content at position {@code seq}. */
	private void overwrite(long seq, LedgerEntry e) {
		jdbc.sql("UPDATE ledger_entries SET event_id = :eventId, recorded_at = :at, actor = :actor, actor_token = :token, "
				+ "event_type = :type, subject_type = :subjectType, subject_id = :subjectId, payload_digest = :digest, "
				+ "payload = :payload, prev_hash = :prev, entry_hash = :hash WHERE seq = :seq")
			.param("eventId", UUID.randomUUID()).param("at", OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC))
			.param("actor", e.actor()).param("token", e.actorToken()).param("type", e.type())
			.param("subjectType", e.subjectType()).param("subjectId", e.subjectId()).param("digest", e.payloadDigest())
			.param("payload", e.payload()).param("prev", e.prevHash()).param("hash", e.entryHash()).param("seq", seq)
			.update();
		// Keep the event id unique only to get past the attacker's own unique index, if any; put it back.
		jdbc.sql("UPDATE ledger_entries SET event_id = :eventId WHERE seq = :seq").param("eventId", e.eventId()).param("seq", seq).update();
	}

	private LedgerEntry entry(long seq) {
		return CurrentUser.runAsSystem(() -> {
			EntryView v = ledger.entry(seq);
			return new LedgerEntry(v.seq(), v.time(), v.eventId(), v.actor(), v.actorToken(), v.type(), v.subjectType(),
					v.subjectId(), v.payloadDigest(), null, v.prevHash(), v.entryHash());
		});
	}

	private Checkpoint ledgerCheckpoint(long size) {
		return jdbc.sql("SELECT tree_size, root_hash, signed_at, key_id, signature FROM ledger_checkpoints WHERE tree_size = :s")
			.param("s", size)
			.query((rs, i) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
					rs.getString(4), rs.getString(5)))
			.single();
	}

	private String signature(long size) {
		return ledgerCheckpoint(size).signature();
	}

	private void setSignature(long size, String signature) {
		jdbc.sql("UPDATE ledger_checkpoints SET signature = :sig WHERE tree_size = :s").param("sig", signature).param("s", size).update();
	}

	private long head() {
		return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM ledger_entries").query(Long.class).single();
	}

	private static long lastCheckpointAtOrBefore(List<Long> checkpoints, long size) {
		return checkpoints.stream().filter(s -> s <= size).mapToLong(Long::longValue).max().orElse(0);
	}

	/** The attacker's first move: lift every constraint and trigger that would stop the changes. */
	private void removeConstraints() {
		for (String constraint : List.of("ledger_entries_prev_fk", "ledger_entries_chain_ck", "ledger_entries_prev_hash_uq",
				"ledger_entries_event_uq")) {
			jdbc.sql("ALTER TABLE ledger_entries DROP CONSTRAINT IF EXISTS " + constraint).update();
		}
		if (org.openaims.TestDatabase.postgres()) {
			for (String trigger : List.of("ledger_entries_insert_only ON ledger_entries", "ledger_entries_no_gap ON ledger_entries",
					"ledger_entries_no_truncate ON ledger_entries", "ledger_checkpoints_insert_only ON ledger_checkpoints",
					"ledger_checkpoints_no_truncate ON ledger_checkpoints")) {
				jdbc.sql("DROP TRIGGER " + trigger).update();
			}
		}
	}
}
