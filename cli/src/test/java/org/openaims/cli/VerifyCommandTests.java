package org.openaims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openaims.ledger.format.Checkpoint;
import org.openaims.ledger.format.Frontier;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.LedgerEntry;
import org.openaims.ledger.format.LedgerExport;
import org.openaims.ledger.format.LedgerKeys;

/**
 * {@code aims verify} says loudly when the signing key was not pinned (a forged export re-signed with
 * another key passes then), takes the key id or the published public key file to pin it, and refuses
 * a file with fields it does not check.
 */
class VerifyCommandTests {

	@TempDir
	Path home;

	static final KeyPair KEY = LedgerKeys.generate();

	@Test
	void withoutAPinnedKeyTheVerdictSaysTheKeyWasNotPinned() throws Exception {
		Path file = write(export(KEY));
		Result unpinned = run("verify", file.toString());
		assertThat(unpinned.code()).isZero();
		assertThat(unpinned.out()).contains("WARNING: the signing key was not pinned").contains("KEY NOT PINNED");
		assertThat(unpinned.err()).contains("WARNING");

		Result byId = run("verify", "--key-id", LedgerKeys.keyId(KEY.getPublic()), file.toString());
		assertThat(byId.code()).isZero();
		assertThat(byId.out()).startsWith("INTACT").doesNotContain("WARNING");

		Path published = home.resolve("ledger-key.pub");
		Files.writeString(published, LedgerKeys.encode(KEY.getPublic()) + "\n");
		Result byKey = run("verify", "--key-file", published.toString(), file.toString());
		assertThat(byKey.code()).as(byKey.toString()).isZero();
		assertThat(byKey.out()).startsWith("INTACT");
	}

	@Test
	void aForgedExportSignedWithAnotherKeyFailsOnceTheKeyIsPinned() throws Exception {
		KeyPair forger = LedgerKeys.generate();
		Path forged = write(export(forger));
		assertThat(run("verify", forged.toString()).out()).contains("INTACT").contains("KEY NOT PINNED");
		Path published = home.resolve("ledger-key.pub");
		Files.writeString(published, LedgerKeys.encode(KEY.getPublic()));
		Result pinned = run("verify", "--key-file", published.toString(), forged.toString());
		assertThat(pinned.code()).isEqualTo(2);
		assertThat(pinned.err()).contains("not the expected");
		assertThat(run("verify", "--key-file", home.resolve("missing.pub").toString(), forged.toString()).code()).isEqualTo(2);
	}

	@Test
	void aFileWithAnInjectedFieldIsRefused() throws Exception {
		String export = export(KEY).replaceFirst("\\{\"kind\":\"entry\",", "{\"kind\":\"entry\",\"note\":\"approved by the board\",");
		Result result = run("verify", "--key-id", LedgerKeys.keyId(KEY.getPublic()), write(export).toString());
		assertThat(result.code()).isEqualTo(2);
		assertThat(result.err()).contains("unknown field 'note'");
	}

	private static String export(KeyPair key) throws Exception {
		LedgerEntry entry = LedgerEntry.create(1, Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID(), "alice", null, "Something",
				"thing", "1", "{\"a\":1}", true, Hashes.GENESIS);
		Frontier tree = new Frontier();
		tree.append(entry.leafHash());
		String root = Hashes.hex(tree.root());
		Instant time = Instant.parse("2026-01-02T00:00:00Z");
		String keyId = LedgerKeys.keyId(key.getPublic());
		StringWriter file = new StringWriter();
		LedgerExport.Output out = new LedgerExport.Output(file);
		out.header(new LedgerExport.Header(1, 1, Hashes.GENESIS, List.of(), LedgerKeys.encode(key.getPublic()), keyId,
				Instant.parse("2026-01-03T00:00:00Z")));
		out.entry(entry);
		out.checkpoint(new Checkpoint(1, root, time, keyId, LedgerKeys.sign(key.getPrivate(), Checkpoint.signedContent(1, root, time, keyId))));
		out.flush();
		return file.toString();
	}

	private Path write(String text) throws Exception {
		Path file = Files.createTempFile(home, "ledger-", ".jsonl");
		Files.writeString(file, text);
		return file;
	}

	record Result(int code, String out, String err) {
	}

	private Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Aims.run(new PrintWriter(out, true), new PrintWriter(err, true),
				new Environment(Map.of(), home, new BufferedReader(new StringReader(""))), args);
		return new Result(code, out.toString(), err.toString());
	}
}
