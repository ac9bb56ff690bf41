package org.openaims.ledger.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Canonical form, tree hashing, proofs and the export round trip. */
class LedgerFormatTests {

	@Test
	void canonicalJsonSortsKeysAndEscapesLikeRfc8785() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("b", "line\nbreak \"quoted\" \\ \u0001 é");
		fields.put("a", 42L);
		fields.put("c", null);
		fields.put("d", true);
		assertThat(CanonicalJson.object(fields))
			.isEqualTo("{\"a\":42,\"b\":\"line\\nbreak \\\"quoted\\\" \\\\ \\u0001 é\",\"c\":null,\"d\":true}");
	}

	@Test
	void theFrontierRootIsTheMerkleTreeHashForEverySize() {
		List<byte[]> leaves = new ArrayList<>();
		Frontier frontier = new Frontier();
		assertThat(frontier.root()).isEqualTo(Hashes.empty());
		for (int i = 0; i < 300; i++) {
			byte[] leaf = Hashes.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8));
			leaves.add(leaf);
			frontier.append(leaf);
			assertThat(frontier.root()).as("size %d", i + 1).isEqualTo(MerkleProofs.root(leaves, 0, i + 1));
			Frontier restored = Frontier.of(frontier.size(), frontier.hexHashes());
			assertThat(restored.root()).isEqualTo(frontier.root());
		}
	}

	@Test
	void proofsVerifyAndAnyAlteredProofFails() {
		long seed = Long.getLong("aims.test.seed", System.nanoTime());
		Random random = new Random(seed);
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			leaves.add(Hashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			for (int round = 0; round < 300; round++) {
				int n = 1 + random.nextInt(leaves.size());
				int index = random.nextInt(n);
				byte[] root = MerkleProofs.root(leaves, 0, n);
				List<byte[]> path = MerkleProofs.inclusion(leaves, index, n);
				assertThat(MerkleProofs.verifyInclusion(leaves.get(index), index, n, path, root)).isTrue();
				assertThat(MerkleProofs.verifyInclusion(leaves.get((index + 1) % n), index, n, path, root)).isEqualTo(n == 1);
				int m = 1 + random.nextInt(n);
				List<byte[]> consistency = MerkleProofs.consistency(leaves, m, n);
				byte[] firstRoot = MerkleProofs.root(leaves, 0, m);
				assertThat(MerkleProofs.verifyConsistency(m, n, firstRoot, root, consistency)).isTrue();
				if (!consistency.isEmpty()) {
					List<byte[]> altered = new ArrayList<>(consistency);
					altered.set(random.nextInt(altered.size()), Hashes.leaf(new byte[] { 1 }));
					assertThat(MerkleProofs.verifyConsistency(m, n, firstRoot, root, altered)).isFalse();
				}
			}
		}
		catch (AssertionError e) {
			throw new AssertionError("failed with seed " + seed, e);
		}
	}

	@Test
	void anExportOfAnIntactLedgerVerifiesFromAnyStart() throws Exception {
		KeyPair keys = LedgerKeys.generate();
		List<LedgerEntry> entries = new ArrayList<>();
		String prev = Hashes.GENESIS;
		for (int seq = 1; seq <= 40; seq++) {
			LedgerEntry e = LedgerEntry.create(seq, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), UUID.randomUUID(),
					"alice", null, "Something", "thing", "t" + seq, "{\"n\":" + seq + "}", true, prev);
			entries.add(e);
			prev = e.entryHash();
		}
		for (int from : new int[] { 1, 2, 17, 40 }) {
			Frontier start = new Frontier();
			entries.subList(0, from - 1).forEach(e -> start.append(Hashes.unhex(e.entryHash())));
			StringWriter file = new StringWriter();
			LedgerExport.Output out = new LedgerExport.Output(file);
			out.header(new LedgerExport.Header(from, 40, from == 1 ? Hashes.GENESIS : entries.get(from - 2).entryHash(),
					start.hexHashes(), LedgerKeys.encode(keys.getPublic()), LedgerKeys.keyId(keys.getPublic()), Instant.now()));
			Frontier tree = start.copy();
			for (LedgerEntry e : entries.subList(from - 1, 40)) {
				out.entry(e);
				tree.append(Hashes.unhex(e.entryHash()));
				if (e.seq() % 10 == 0) {
					Instant time = Instant.parse("2026-01-02T00:00:00Z");
					String root = Hashes.hex(tree.root());
					String keyId = LedgerKeys.keyId(keys.getPublic());
					out.checkpoint(new Checkpoint(e.seq(), root, time, keyId,
							LedgerKeys.sign(keys.getPrivate(), Checkpoint.signedContent(e.seq(), root, time, keyId))));
				}
			}
			LedgerExport.Result result = LedgerExport.verify(new BufferedReader(new StringReader(file.toString())), null);
			assertThat(result.verification().intact()).as("from %d: %s", from, result.verification().reason()).isTrue();
			assertThat(result.verification().entriesChecked()).isEqualTo(41 - from);
		}
	}
}
