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
import org.openaims.ledger.format.LedgerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair that signs checkpoints: configured ({@code AIMS_LEDGER_PRIVATE_KEY} and
 * {@code AIMS_LEDGER_PUBLIC_KEY}), or generated on first start into {@code <data dir>/keys/}. The
 * public key is registered in the database; a node with another key refuses to start, so one
 * installation never signs with two keys.
 */
@Component
public class LedgerKeyStore {

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

	/** Signs {@code content}, registering the public key first if this is its first use here. */
	public String sign(byte[] content) {
		register();
		return LedgerKeys.sign(privateKey, content);
	}

	/** Registers the public key; refuses when the database already knows another one. */
	public void register() {
		if (registered) {
			return;
		}
		List<String> known = jdbc.queryForList("SELECT key_id FROM ledger_keys", String.class);
		if (!known.isEmpty() && !known.contains(keyId)) {
			throw new IllegalStateException("this installation's ledger is signed with key " + known
					+ " but this node has key " + keyId + "; give every node the same AIMS_LEDGER_PRIVATE_KEY/PUBLIC_KEY");
		}
		if (known.isEmpty()) {
			try {
				jdbc.update("INSERT INTO ledger_keys (key_id, public_key, created_at) VALUES (?, ?, ?)", keyId,
						LedgerKeys.encode(publicKey), OffsetDateTime.now(ZoneOffset.UTC));
			}
			catch (DuplicateKeyException raced) {
				// another node registered it at the same moment
			}
		}
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
