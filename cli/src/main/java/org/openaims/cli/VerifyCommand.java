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

import org.openaims.ledger.format.LedgerExport;
import org.openaims.ledger.format.Verification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aims verify <export>}: checks a ledger export offline, without the server. Exit code 0 when
 * intact, 1 with the first bad sequence and the reason when not, 2 when the file cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a ledger export offline (exit 0 intact, 1 tampered, 2 unreadable).")
final class VerifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "EXPORT", description = "The file from GET /api/v1/ledger/export ('-' for standard input).")
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
}
