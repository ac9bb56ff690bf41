package org.openaims.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.openaims.ledger.format.LedgerKeys;
import org.openaims.ledger.format.EventProof;
import org.openaims.ledger.format.SignedStatement;

import org.openaims.ledger.format.LedgerExport;
import org.openaims.ledger.format.Verification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aims verify <file>}: checks a ledger export, or a signed statement (a gate decision), offline,
 * without the server. Exit code 0 when intact, 1 with the first bad sequence (or every problem of a
 * statement) when not, 2 when the file cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = "Verify a ledger export, a signed statement (gate decision) or an event's inclusion proof offline (exit 0 intact, 1 tampered, 2 unreadable).")
final class VerifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "FILE", description = "The file from GET /api/v1/ledger/export, GET /api/v1/gate-decisions/{id}/statement or GET /api/v1/event-batches/{id}/events/{index}/proof ('-' for standard input).")
	String file;

	@Option(names = "--key-id", description = "Refuse a file signed with any other key (compare with the key id your organization publishes).")
	String keyId;

	@Option(names = "--key-file", paramLabel = "FILE",
			description = "The ledger's public key (Base64, as GET /api/v1/ledger/public-key gives it) that your organization publishes; refuse a file signed with any other.")
	Path keyFile;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		LedgerExport.Result result;
		String pinnedKey;
		try {
			pinnedKey = keyFile == null ? null : Files.readString(keyFile, StandardCharsets.UTF_8).strip();
		}
		catch (IOException e) {
			err.println("aims: cannot read the key file " + keyFile + ": " + e.getMessage());
			return 2;
		}
		try (BufferedReader in = "-".equals(file) ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
				: Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			in.mark(4096);
			char[] head = new char[4096];
			int n = in.read(head);
			in.reset();
			if (n > 0 && new String(head, 0, n).contains("\"" + SignedStatement.FORMAT + "\"")) {
				return statement(in, pinnedKey, out, err);
			}
			if (n > 0 && new String(head, 0, n).contains("\"" + EventProof.FORMAT + "\"")) {
				return eventProof(in, pinnedKey, out, err);
			}
			result = LedgerExport.verify(in, keyId, pinnedKey, false);
		}
		catch (NoSuchFileException e) {
			err.println("aims: no such file: " + file);
			return 2;
		}
		catch (java.nio.charset.MalformedInputException e) {
			err.println("aims: " + file + " is not UTF-8 text");
			return 2;
		}
		catch (LedgerExport.MalformedExport e) {
			err.println("aims: cannot read " + file + ": " + e.getMessage());
			return 2;
		}
		Verification v = result.verification();
		String range = "entries " + result.header().from() + ".." + result.header().to() + ", signing key " + result.header().keyId()
				+ (result.rotations() > 0 ? ", rotated " + result.rotations() + " time(s) to " + result.keyInForce() : "");
		if (!result.keyPinned()) {
			String warning = "WARNING: the signing key was not pinned. The file was checked against the key it carries itself, "
					+ "so a forged ledger re-signed with another key would also pass. Pin the key your organization publishes: "
					+ "--key-id " + result.header().keyId() + " (if that is it) or --key-file <public key>.";
			err.println(warning);
			out.println(warning);
		}
		if (v.intact()) {
			out.println("INTACT: " + v.entriesChecked() + " entries and " + v.checkpointsChecked() + " signed checkpoints verified ("
					+ range + ")" + (result.keyPinned() ? "" : " — KEY NOT PINNED"));
			if (result.digestOnlyEntries() > 0) {
				out.println("Note: " + result.digestOnlyEntries() + " entries carry only the digest of their payload (the ledger "
						+ "keeps large payloads by digest); their content is verified, their payload cannot be read from this file.");
			}
			return 0;
		}
		out.println("NOT INTACT: first bad sequence " + v.firstBadSequence() + " — " + v.reason());
		out.println("(" + v.entriesChecked() + " entries verified before it; " + range + ")");
		return 1;
	}

	/** An event's inclusion proof: its leaf, the path to its batch's Merkle root, the ledger entry recording that root, and the checkpoint. */
	private int eventProof(BufferedReader in, String pinnedKey, PrintWriter out, PrintWriter err) throws IOException {
		String text = readSmall(in, err);
		if (text == null) {
			return 2;
		}
		String expected = expectedKeyId(pinnedKey, err);
		if (expected == NO_KEY) {
			return 2;
		}
		EventProof.Result r = EventProof.verify(text, expected);
		if (expected == null) {
			String warning = "WARNING: the signing key was not pinned; the proof was checked against the key it carries itself."
					+ " Pin the key your organization publishes: --key-id " + r.keyId() + " (if that is it) or --key-file <public key>.";
			err.println(warning);
			out.println(warning);
		}
		if (r.valid()) {
			out.println("VALID: event " + r.index() + " of batch " + r.batchId() + (r.purged() ? " (its body was purged; its leaf hash is proven)" : "")
					+ " is in the batch whose Merkle root ledger entry " + r.seq() + " records, proven included in a checkpoint signed by key "
					+ r.keyId() + (expected == null ? " — KEY NOT PINNED" : ""));
			if (r.event() != null) {
				out.println(r.event());
			}
			return 0;
		}
		out.println("NOT VALID: " + String.join("; ", r.problems()));
		return 1;
	}

	private static final String NO_KEY = new String("no key");

	private String expectedKeyId(String pinnedKey, PrintWriter err) {
		if (keyId == null && pinnedKey != null) {
			try {
				return LedgerKeys.keyId(LedgerKeys.publicKey(pinnedKey));
			}
			catch (RuntimeException e) {
				err.println("aims: the key file does not hold a Base64 Ed25519 public key");
				return NO_KEY;
			}
		}
		return keyId;
	}

	private String readSmall(BufferedReader in, PrintWriter err) throws IOException {
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[8192];
		for (int n; (n = in.read(buffer)) > 0;) {
			text.append(buffer, 0, n);
			if (text.length() > 8 * 1024 * 1024) {
				err.println("aims: " + file + " is too large for a proof");
				return null;
			}
		}
		return text.toString();
	}

	/** A signed statement: the DSSE signature, the in-toto statement, its ledger entry, inclusion proof and checkpoint. */
	private int statement(BufferedReader in, String pinnedKey, PrintWriter out, PrintWriter err) throws IOException {
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[8192];
		for (int n; (n = in.read(buffer)) > 0;) {
			text.append(buffer, 0, n);
			if (text.length() > 8 * 1024 * 1024) {
				err.println("aims: " + file + " is too large for a signed statement");
				return 2;
			}
		}
		String expected = keyId;
		if (expected == null && pinnedKey != null) {
			try {
				expected = LedgerKeys.keyId(LedgerKeys.publicKey(pinnedKey));
			}
			catch (RuntimeException e) {
				err.println("aims: the key file does not hold a Base64 Ed25519 public key");
				return 2;
			}
		}
		SignedStatement.Result r = SignedStatement.verify(text.toString(), expected);
		if (expected == null) {
			String warning = "WARNING: the signing key was not pinned; the statement was checked against the key it carries itself."
					+ " Pin the key your organization publishes: --key-id " + r.keyId() + " (if that is it) or --key-file <public key>.";
			err.println(warning);
			out.println(warning);
		}
		if (r.valid()) {
			out.println("VALID: signed statement (" + r.payloadType() + ") by key " + r.keyId() + ", recorded in ledger entry " + r.seq()
					+ " and proven included in a signed checkpoint" + (expected == null ? " — KEY NOT PINNED" : ""));
			return 0;
		}
		out.println("NOT VALID: " + String.join("; ", r.problems()));
		return 1;
	}
}
