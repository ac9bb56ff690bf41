package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport.Something;
import org.openaims.ledger.internal.LedgerAppender;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inclusion and consistency proofs served by {@code /api/v1/ledger/proofs/...} for random tree sizes
 * from 1 to 10,000, checked by an RFC 9162 verifier written here, independently of the server's code,
 * against Merkle tree hashes this test computes itself from the entry hashes. Seeded.
 */
@SpringBootTest(properties = { "aims.ledger.auto-checkpoint=false", "aims.test.context=proofs" })
@AutoConfigureMockMvc
class MerkleProofApiTests {

	static final int SIZE = 10_000;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	LedgerAppender appender;

	@Autowired
	JdbcClient jdbc;

	@Test
	void proofsForRandomTreeSizesVerifyIndependently() {
		TestUser auditor = users.create(Role.AUDITOR);
		LedgerTestSupport.awaitRecorded(jdbc);
		long existing = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM ledger_entries").query(Long.class).single();
		for (int batch = 0; existing + batch * 1000L < SIZE; batch++) {
			List<Something> events = new ArrayList<>();
			for (int i = 0; i < 1000 && existing + batch * 1000L + i < SIZE; i++) {
				events.add(new Something("item-" + batch + "-" + i, i, Map.of("batch", batch), "thing",
						new Stamp(UUID.randomUUID(), Instant.now(), Actor.SYSTEM)));
			}
			appender.append(events);
		}
		List<byte[]> leaves = leafHashes(auditor);
		assertThat(leaves).hasSize(SIZE);

		long seed = Long.getLong("aims.test.seed", System.nanoTime());
		Random random = new Random(seed);
		try {
			for (int round = 0; round < 120; round++) {
				int n = round == 0 ? 1 : round == 1 ? SIZE : 1 + random.nextInt(SIZE);
				int seq = 1 + random.nextInt(n);
				JsonNode proof = api.body(api.get(auditor, "/api/v1/ledger/proofs/inclusion?seq=" + seq + "&treeSize=" + n), HttpStatus.OK);
				byte[] root = mth(leaves, 0, n);
				assertThat(proof.get("rootHash").asString()).isEqualTo(hex(root));
				assertThat(proof.get("leafHash").asString()).isEqualTo(hex(leaves.get(seq - 1)));
				List<byte[]> path = hashes(proof.get("path"));
				assertThat(verifyInclusion(leaves.get(seq - 1), seq - 1, n, path, root)).as("inclusion of %d in %d", seq, n).isTrue();
				if (!path.isEmpty()) {
					List<byte[]> bent = new ArrayList<>(path);
					bent.set(random.nextInt(bent.size()), sha256("bent".getBytes(StandardCharsets.UTF_8)));
					assertThat(verifyInclusion(leaves.get(seq - 1), seq - 1, n, bent, root)).isFalse();
				}

				int m = 1 + random.nextInt(n);
				JsonNode consistency = api.body(api.get(auditor, "/api/v1/ledger/proofs/consistency?first=" + m + "&second=" + n),
						HttpStatus.OK);
				byte[] firstRoot = mth(leaves, 0, m);
				assertThat(consistency.get("firstRoot").asString()).isEqualTo(hex(firstRoot));
				assertThat(consistency.get("secondRoot").asString()).isEqualTo(hex(root));
				List<byte[]> consistencyPath = hashes(consistency.get("path"));
				assertThat(verifyConsistency(m, n, firstRoot, root, consistencyPath)).as("consistency %d -> %d", m, n).isTrue();
				if (m > 1 && m < n) {
					assertThat(verifyConsistency(m, n, mth(leaves, 0, m - 1), root, consistencyPath))
						.as("a wrong first root must fail").isFalse();
				}
			}
		}
		catch (AssertionError e) {
			throw new AssertionError("failed with seed " + seed + " (rerun: -Daims.test.seed=" + seed + ")", e);
		}
		api.problem(api.get(auditor, "/api/v1/ledger/proofs/inclusion?seq=0&treeSize=5"), HttpStatus.BAD_REQUEST, "seq", null);
		api.problem(api.get(auditor, "/api/v1/ledger/proofs/inclusion?seq=1&treeSize=" + (SIZE + 1)), HttpStatus.BAD_REQUEST,
				"treeSize", null);
		api.problem(api.get(auditor, "/api/v1/ledger/proofs/consistency?first=9&second=3"), HttpStatus.BAD_REQUEST, "first", null);
		api.problem(api.get(users.create(Role.VIEWER), "/api/v1/ledger/proofs/consistency?first=1&second=3"), HttpStatus.FORBIDDEN,
				null, null);
	}

	/** Every entry hash, read page by page from the entries API. */
	private List<byte[]> leafHashes(TestUser auditor) {
		List<byte[]> leaves = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = api.body(api.get(auditor, "/api/v1/ledger/entries?limit=500" + (after == null ? "" : "&after=" + after)),
					HttpStatus.OK);
			page.get("items").forEach(e -> leaves.add(HexFormat.of().parseHex(e.get("entryHash").asString())));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		return leaves;
	}

	// An RFC 9162 verifier of the test's own (sections 2.1.1, 2.1.3.2 and 2.1.4.2).

	static byte[] mth(List<byte[]> leaves, int from, int to) {
		int n = to - from;
		if (n == 1) {
			return leaves.get(from);
		}
		int k = 1;
		while (k * 2 < n) {
			k *= 2;
		}
		return node(mth(leaves, from, from + k), mth(leaves, from + k, to));
	}

	static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
		if (index >= size) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leaf;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = node(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstHash, secondHash);
		}
		if (proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if ((first & (first - 1)) == 0) {
			path.add(0, firstHash);
		}
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (int i = 1; i < path.size(); i++) {
			byte[] c = path.get(i);
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = node(c, fr);
				sr = node(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash);
	}

	static byte[] node(byte[] left, byte[] right) {
		byte[] data = new byte[1 + left.length + right.length];
		data[0] = 1;
		System.arraycopy(left, 0, data, 1, left.length);
		System.arraycopy(right, 0, data, 1 + left.length, right.length);
		return sha256(data);
	}

	static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static List<byte[]> hashes(JsonNode array) {
		List<byte[]> hashes = new ArrayList<>();
		array.forEach(h -> hashes.add(HexFormat.of().parseHex(h.asString())));
		return hashes;
	}
}
