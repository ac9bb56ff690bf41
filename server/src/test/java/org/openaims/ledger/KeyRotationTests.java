package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.openaims.TestNodes;
import org.openaims.common.Actor;
import org.openaims.common.InvalidInputException;
import org.openaims.identity.CurrentUser;
import org.openaims.ledger.LedgerTestSupport.CliResult;
import org.openaims.ledger.format.LedgerKeys;
import org.openaims.ledger.format.Verification;
import org.openaims.ledger.internal.Checkpointer;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rotating the ledger's signing key: the rotation is an entry the old key attests; nodes restart with
 * the new key; the ledger and its export still verify from the original, pinned key; a node with the
 * old key neither signs nor starts any more.
 */
class KeyRotationTests {

	@Test
	void aRotatedKeyTakesOverSigningAndTheLedgerStillVerifiesFromTheOriginalKey() throws Exception {
		KeyPair next = LedgerKeys.generate();
		String oldId = LedgerKeys.keyId(LedgerKeys.publicKey(LedgerPrivilegeTests.KEY_A_PUBLIC));
		String newId = LedgerKeys.keyId(next.getPublic());
		var oldKey = LedgerPrivilegeTests.key(LedgerPrivilegeTests.KEY_A_PRIVATE, LedgerPrivilegeTests.KEY_A_PUBLIC);
		var newKey = LedgerPrivilegeTests.key(LedgerKeys.encode(next.getPrivate()), LedgerKeys.encode(next.getPublic()));
		try (TestNodes nodes = new TestNodes()) {
			try (ConfigurableApplicationContext node = nodes.start(true, oldKey)) {
				LedgerPrivilegeTests.append(node, 3);
				Ledger ledger = node.getBean(Ledger.class);
				assertThatThrownBy(() -> CurrentUser.runAsSystem(() -> ledger.rotateKey("not a key", Actor.user("admin"))))
					.isInstanceOf(InvalidInputException.class);
				KeyRotationView rotation = CurrentUser.runAsSystem(() -> ledger.rotateKey(LedgerKeys.encode(next.getPublic()),
						Actor.user("admin")));
				assertThat(rotation.previousKeyId()).isEqualTo(oldId);
				assertThat(rotation.newKeyId()).isEqualTo(newId);
				assertThat(rotation.attestedByCheckpoint()).isPositive();
				// The old key signs nothing more.
				LedgerPrivilegeTests.append(node, 1);
				long attested = node.getBean(Checkpointer.class).checkpoint().orElseThrow().treeSize();
				assertThat(attested).isEqualTo(rotation.attestedByCheckpoint());
			}
			assertThatThrownBy(() -> nodes.start(false, oldKey)).hasStackTraceContaining("did not sign the stored checkpoints");
			try (ConfigurableApplicationContext node = nodes.start(false, newKey)) {
				LedgerPrivilegeTests.append(node, 2);
				Ledger ledger = node.getBean(Ledger.class);
				Verification v = CurrentUser.runAsSystem(ledger::verify);
				assertThat(v.intact()).as(v.toString()).isTrue();
				assertThat(v.checkpointsChecked()).isGreaterThanOrEqualTo(2);
				StringWriter export = new StringWriter();
				CurrentUser.runAsSystem(() -> ledger.export(ledger.exportRange(null, null), export));
				CliResult pinned = LedgerTestSupport.aimsVerify(export.toString(), "--key-id", oldId);
				assertThat(pinned.exitCode()).as(pinned.toString()).isZero();
				assertThat(pinned.out()).contains("INTACT").contains("rotated 1 time(s) to " + newId);
				// Pinning the new key does not fit an export that starts before the rotation.
				assertThat(LedgerTestSupport.aimsVerify(export.toString(), "--key-id", newId).exitCode()).isEqualTo(2);
				// An export that starts between the rotation and the checkpoint vouching for it cannot be followed offline.
				long rotationSeq = node.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
					.sql("SELECT seq FROM ledger_entries WHERE event_type = 'LedgerKeyRotated'").query(Long.class).single();
				assertThatThrownBy(() -> CurrentUser.runAsSystem(() -> ledger.exportRange(rotationSeq + 1, null)))
					.isInstanceOf(InvalidInputException.class).hasMessageContaining("rotates the signing key");
			}
		}
	}
}
