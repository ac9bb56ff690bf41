package org.openaims.ledger;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openaims.cli.Aims;
import org.openaims.cli.Environment;
import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers for ledger tests: waiting for asynchronous appends, and running {@code aims verify}. */
public final class LedgerTestSupport {

	private LedgerTestSupport() {
	}

	/** An event of the tests' own, as any module would publish one. */
	record Something(String name, long number, Map<String, Object> data, String kind, Stamp stamp) implements Audited {

		@Override
		public Subject subject() {
			return Subject.of(kind, name);
		}
	}

	/** Waits until every published event has been delivered to the ledger (at most 30 s). */
	public static void awaitRecorded(JdbcClient jdbc) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single() == 0) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("events were not delivered to the ledger within 30 s: "
				+ jdbc.sql("SELECT listener_id, event_type, completion_attempts FROM event_publication").query().listOfRows());
	}

	/** What {@code aims verify} printed and its exit code. */
	record CliResult(int exitCode, String out, String err) {
	}

	/** Runs the real {@code aims verify} command on an export, in this JVM. */
	static CliResult aimsVerify(String export, String... options) throws Exception {
		Path file = Files.createTempFile("ledger-", ".jsonl");
		try {
			Files.writeString(file, export);
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			String[] args = new String[options.length + 2];
			args[0] = "verify";
			System.arraycopy(options, 0, args, 1, options.length);
			args[args.length - 1] = file.toString();
			int code = Aims.run(new PrintWriter(out, true), new PrintWriter(err, true),
					new Environment(Map.of(), file.getParent(), new BufferedReader(new StringReader(""))), args);
			return new CliResult(code, out.toString(), err.toString());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
