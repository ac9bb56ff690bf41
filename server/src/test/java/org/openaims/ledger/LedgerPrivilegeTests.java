package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openaims.TestDatabase;
import org.openaims.TestNodes;
import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.ledger.LedgerTestSupport.Something;
import org.openaims.ledger.format.LedgerKeys;
import org.openaims.ledger.format.Verification;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerAppender;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probe's sixth finding: {@code TRUNCATE ledger_keys} succeeded on PostgreSQL, a node then started
 * with a new key and verification failed from sequence 1; {@code ledger_head} accepted UPDATE. On
 * PostgreSQL the application now connects as a role with only SELECT and INSERT on the ledger's tables
 * (triggers, covering TRUNCATE too, stay as a second line against the owner); there is no updatable
 * head any more; and a node refuses to start with a key the stored checkpoints do not know.
 */
class LedgerPrivilegeTests {

	static final String KEY_A_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIGu3MBCUt8qHKmSSOWdvU4YY2QdC/Qb5IyZijvT2S0CB";

	static final String KEY_A_PUBLIC = "MCowBQYDK2VwAyEAQlqXPb3sqXkaZmo+V7RSXoNig3b9yyhmxOxLyFCRGJ4=";

	@Test
	void theApplicationsRoleCannotChangeEmptyOrDisarmTheLedgerTables() throws Exception {
		try (TestNodes nodes = new TestNodes(); ConfigurableApplicationContext node = nodes.start(true)) {
			append(node, 3);
			JdbcClient application = node.getBean(JdbcClient.class);
			JdbcClient owner = TestNodes.owner(node);
			List<String> attacks = List.of("TRUNCATE ledger_keys", "TRUNCATE ledger_entries", "TRUNCATE ledger_checkpoints",
					"UPDATE ledger_keys SET public_key = 'x'", "DELETE FROM ledger_keys", "UPDATE ledger_entries SET actor = 'x'",
					"DELETE FROM ledger_entries", "UPDATE ledger_checkpoints SET signature = 'x'", "DELETE FROM ledger_checkpoints");
			if (TestDatabase.postgres()) {
				for (String attack : attacks) {
					assertThatThrownBy(() -> application.sql(attack).update()).as(attack).isInstanceOf(DataAccessException.class)
						.rootCause().hasMessageContaining("permission denied");
					// The owner is refused by the triggers (the second line), TRUNCATE included.
					assertThatThrownBy(() -> owner.sql(attack).update()).as("as owner: " + attack)
						.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
				}
				for (String disarm : List.of("ALTER TABLE ledger_keys DISABLE TRIGGER ALL", "DROP TRIGGER ledger_keys_no_truncate ON ledger_keys",
						"ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_prev_hash_uq", "CREATE TABLE stolen (id INT)")) {
					assertThatThrownBy(() -> application.sql(disarm).update()).as(disarm).isInstanceOf(DataAccessException.class)
						.rootCause().hasMessageMatching("(?s).*(must be owner|permission denied).*");
				}
				// What it needs it may do: append, and lock the sequencer.
				append(node, 1);
			}
			else {
				// H2 (the embedded default) has no roles and no triggers: there the ledger is tamper-evident only.
				application.sql("DELETE FROM ledger_checkpoints WHERE tree_size = (SELECT MAX(tree_size) FROM ledger_checkpoints)").update();
				Verification v = CurrentUser.runAsSystem(() -> node.getBean(Ledger.class).verify());
				assertThat(v.intact()).isTrue();
				application.sql("UPDATE ledger_entries SET actor = 'mallory' WHERE seq = 1").update();
				Verification tampered = CurrentUser.runAsSystem(() -> node.getBean(Ledger.class).verify());
				assertThat(tampered.intact()).isFalse();
				assertThat(tampered.firstBadSequence()).isEqualTo(1);
			}
			assertThat(application.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'ledger_head'")
				.query(Long.class).single()).isZero();
		}
	}

	@Test
	void aNodeWithANewKeyRefusesToStartAfterTheKeyTableWasEmptied() throws Exception {
		try (TestNodes nodes = new TestNodes()) {
			try (ConfigurableApplicationContext first = nodes.start(true, key(KEY_A_PRIVATE, KEY_A_PUBLIC))) {
				append(first, 4);
				JdbcClient owner = TestNodes.owner(first);
				if (TestDatabase.postgres()) {
					// Only the owner gets this far, and only by disabling the triggers first.
					owner.sql("ALTER TABLE ledger_keys DISABLE TRIGGER ALL").update();
				}
				owner.sql("DELETE FROM ledger_keys").update();
			}
			var other = LedgerKeys.generate();
			assertThatThrownBy(() -> nodes.start(false, key(LedgerKeys.encode(other.getPrivate()), LedgerKeys.encode(other.getPublic()))))
				.hasStackTraceContaining("did not sign the stored checkpoints")
				.hasStackTraceContaining("rotate the key");
			// The installation's own key still starts, and the ledger verifies.
			try (ConfigurableApplicationContext again = nodes.start(false, key(KEY_A_PRIVATE, KEY_A_PUBLIC))) {
				Verification v = CurrentUser.runAsSystem(() -> again.getBean(Ledger.class).verify());
				assertThat(v.intact()).as(v.toString()).isTrue();
			}
		}
	}

	static Map<String, Object> key(String privateKey, String publicKey) {
		return Map.of("aims.ledger.private-key", privateKey, "aims.ledger.public-key", publicKey);
	}

	static void append(ConfigurableApplicationContext node, int count) {
		LedgerAppender appender = node.getBean(LedgerAppender.class);
		for (int i = 0; i < count; i++) {
			Something event = new Something("privilege-" + i, i, Map.of(), "thing", Stamp.of(Actor.SYSTEM));
			CurrentUser.runAsSystem(() -> appender.append(List.of(event)));
		}
		node.getBean(Checkpointer.class).checkpoint();
	}
}
