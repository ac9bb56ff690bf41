package org.openaims.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.openaims.common.AimsProperties;
import java.util.Map;

import org.openaims.ledger.format.KeyRotation;
import org.openaims.ledger.format.LedgerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair that signs checkpoints: configured ({@code AIMS_LEDGER_PRIVATE_KEY} and
 * {@code AIMS_LEDGER_PUBLIC_KEY}), or generated on first start into {@code <data dir>/keys/}. A node
 * refuses to start with a key that did not sign the stored checkpoints, unless the ledger records a
 * rotation to it that a checkpoint attests — so neither a stray key nor a wiped key table makes a
 * node sign a ledger it does not belong to; and a node whose key was rotated out stops signing.
 */
@Component
public class LedgerKeyStore implements org.springframework.beans.factory.InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(LedgerKeyStore.class);

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String keyId;

	private final JdbcTemplate jdbc;

	private volatile boolean registered;

	LedgerKeyStore(LedgerProperties properties, AimsProperties aims, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		KeyPair pair;
		if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
			if (properties.publicKey() == null || properties.publicKey().isBlank()) {
				throw new IllegalStateException("AIMS_LEDGER_PRIVATE_KEY is set but AIMS_LEDGER_PUBLIC_KEY is not");
			}
			pair = new KeyPair(LedgerKeys.publicKey(properties.publicKey()), LedgerKeys.privateKey(properties.privateKey()));
		}
		else {
			pair = fromFiles(aims.dataDir().resolve("keys"));
		}
		byte[] probe = "openaims key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		if (!LedgerKeys.verify(pair.getPublic(), probe, LedgerKeys.sign(pair.getPrivate(), probe))) {
			throw new IllegalStateException("the ledger's public and private keys do not belong together");
		}
		this.privateKey = pair.getPrivate();
		this.publicKey = pair.getPublic();
		this.keyId = LedgerKeys.keyId(publicKey);
	}

	public PublicKey publicKey() {
		return publicKey;
	}

	public String keyId() {
		return keyId;
	}

	/** Refuses to start a node whose key the ledger does not know as its signing key. */
	@Override
	public void afterPropertiesSet() {
		String trusted = keyInForce();
		if (trusted != null && !trusted.equalsIgnoreCase(keyId)) {
			throw new IllegalStateException("this node's ledger key " + keyId + " did not sign the stored checkpoints (the key in "
					+ "force is " + trusted + ") and the ledger records no rotation to it. Start the node with the installation's "
					+ "key (AIMS_LEDGER_PRIVATE_KEY / AIMS_LEDGER_PUBLIC_KEY, or the files in <data dir>/keys), or rotate the key "
					+ "first: docs/LEDGER.md, 'Rotating the signing key'");
		}
	}

	/**
	 * The key that must sign the next checkpoint: the key of the latest checkpoint, or the new key of
	 * a rotation that a checkpoint covers and that came after it; null while nothing is signed.
	 */
	public String keyInForce() {
		List<Map<String, Object>> latest = jdbc.queryForList(
				"SELECT tree_size, key_id FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1");
		if (latest.isEmpty()) {
			return null;
		}
		long size = ((Number) latest.get(0).get("tree_size")).longValue();
		String signer = (String) latest.get(0).get("key_id");
		// Rotations covered by the latest checkpoint, newest first; the newest one whose own
		// attesting checkpoint was signed by the key it replaces is in force.
		List<String> rotated = jdbc.queryForList("SELECT subject_id FROM ledger_entries WHERE event_type = ? AND subject_type = ? "
				+ "AND seq <= ? AND seq > COALESCE((SELECT MAX(tree_size) FROM ledger_checkpoints WHERE key_id = ? AND tree_size < ?), 0) "
				+ "ORDER BY seq DESC", String.class, KeyRotation.TYPE, KeyRotation.SUBJECT_TYPE, size, signer, size);
		return rotated.isEmpty() ? signer : rotated.get(0);
	}

	/** The public keys the ledger has registered, by key id (the starting key and every rotated-in key). */
	public Map<String, PublicKey> knownKeys() {
		Map<String, PublicKey> known = new java.util.LinkedHashMap<>();
		jdbc.query("SELECT key_id, public_key FROM ledger_keys ORDER BY created_at", rs -> {
			try {
				known.put(rs.getString(1), LedgerKeys.publicKey(rs.getString(2)));
			}
			catch (IllegalArgumentException tampered) {
				// a key that no longer parses is left out; the checkpoints it signed then fail verification
			}
		});
		known.putIfAbsent(keyId, publicKey);
		return known;
	}

	/** Records a public key the ledger hands signing over to (a rotation), before it is used. */
	public void registerKey(String id, PublicKey key) {
		try {
			jdbc.update("INSERT INTO ledger_keys (key_id, public_key, created_at) VALUES (?, ?, ?)", id, LedgerKeys.encode(key),
					OffsetDateTime.now(ZoneOffset.UTC));
		}
		catch (DuplicateKeyException known) {
			// registered already
		}
	}

	/**
	 * Signs {@code content}, registering the public key first if this is its first use here; refuses
	 * when the ledger has handed signing over to another key (this node must be restarted with it).
	 */
	public String sign(byte[] content) {
		String trusted = keyInForce();
		if (trusted != null && !trusted.equalsIgnoreCase(keyId)) {
			throw new IllegalStateException("the ledger's signing key was rotated to " + trusted + "; this node still has key "
					+ keyId + " and signs nothing more until restarted with the new key");
		}
		register();
		return LedgerKeys.sign(privateKey, content);
	}

	/** Registers this node's public key if the ledger does not have it yet. */
	public void register() {
		if (registered) {
			return;
		}
		registerKey(keyId, publicKey);
		registered = true;
	}

	private static KeyPair fromFiles(Path directory) {
		Path privateFile = directory.resolve("ledger-ed25519.private");
		Path publicFile = directory.resolve("ledger-ed25519.public");
		try {
			if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
				return new KeyPair(LedgerKeys.publicKey(Files.readString(publicFile)),
						LedgerKeys.privateKey(Files.readString(privateFile)));
			}
			Files.createDirectories(directory);
			KeyPair pair = LedgerKeys.generate();
			Path temporary = directory.resolve("ledger-ed25519.private.tmp");
			Files.deleteIfExists(temporary);
			try {
				Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException e) {
				Files.createFile(temporary);
			}
			Files.writeString(temporary, LedgerKeys.encode(pair.getPrivate()));
			Files.writeString(publicFile, LedgerKeys.encode(pair.getPublic()));
			Files.move(temporary, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			log.info("Generated the ledger signing key {} in {}", LedgerKeys.keyId(pair.getPublic()), directory);
			return pair;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or write the ledger key in " + directory, e);
		}
	}
}
