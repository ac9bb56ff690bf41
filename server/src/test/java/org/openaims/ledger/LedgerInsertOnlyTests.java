package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The ledger's code has no path that changes or removes entries, checkpoints or keys, and no UPDATE
 * of any ledger table at all. (On PostgreSQL the application's role may not, and triggers refuse it:
 * LedgerPrivilegeTests.)
 */
class LedgerInsertOnlyTests {

	static final Pattern CHANGE = Pattern.compile(
			"(?i)(UPDATE\\s+ledger_|DELETE\\s+FROM\\s+ledger_|TRUNCATE\\s+(TABLE\\s+)?ledger_)");

	@Test
	void noCodeUpdatesOrDeletesLedgerRows() throws IOException {
		Path sources = Path.of("src/main/java/org/openaims");
		assertThat(sources).isDirectory();
		List<String> offenders;
		try (Stream<Path> files = Files.walk(sources)) {
			offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
				try {
					return CHANGE.matcher(Files.readString(f)).find();
				}
				catch (IOException e) {
					throw new IllegalStateException(e);
				}
			}).map(Path::toString).toList();
		}
		assertThat(offenders).isEmpty();
		// The check would find one.
		assertThat(CHANGE.matcher("jdbc.update(\"DELETE FROM ledger_entries WHERE seq = ?\")").find()).isTrue();
		assertThat(CHANGE.matcher("UPDATE ledger_head SET seq = ?").find()).isTrue();
	}
}
