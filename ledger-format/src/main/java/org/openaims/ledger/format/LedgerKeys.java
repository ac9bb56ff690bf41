package org.openaims.ledger.format;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 keys of the ledger: generation, encoding (X.509 / PKCS#8, Base64), key ids, signing and verifying. */
public final class LedgerKeys {

	public static final String ALGORITHM = "Ed25519";

	private LedgerKeys() {
	}

	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 missing from the JDK", e);
		}
	}

	public static PublicKey publicKey(String base64X509) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("not a Base64 X.509 Ed25519 public key", e);
		}
	}

	public static PrivateKey privateKey(String base64Pkcs8) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("not a Base64 PKCS#8 Ed25519 private key", e);
		}
	}

	public static String encode(PublicKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

	public static String encode(PrivateKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

	/** The first 16 hex digits of the SHA-256 of the encoded public key. */
	public static String keyId(PublicKey key) {
		return Hashes.hex(Hashes.sha256(key.getEncoded())).substring(0, 16);
	}

	public static String sign(PrivateKey key, byte[] content) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key);
			signature.update(content);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("signing failed", e);
		}
	}

	public static boolean verify(PublicKey key, byte[] content, String base64Signature) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(key);
			signature.update(content);
			return signature.verify(Base64.getDecoder().decode(base64Signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}
}
