package org.openaims.ledger.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ledger settings ({@code aims.ledger.*}).
 *
 * @param privateKey Base64 PKCS#8 Ed25519 private key ({@code AIMS_LEDGER_PRIVATE_KEY}); all nodes of
 * one installation must share it. When unset, a key pair is generated on first start into the data
 * directory ({@code keys/}).
 * @param publicKey the matching Base64 X.509 public key ({@code AIMS_LEDGER_PUBLIC_KEY})
 * @param autoCheckpoint whether checkpoints are made on a schedule
 * @param checkpointIntervalMs how often (milliseconds) a checkpoint is made when entries were added
 * @param maxInlinePayload payloads longer than this (characters) are kept by digest only
 */
@ConfigurationProperties("aims.ledger")
public record LedgerProperties(String privateKey, String publicKey, @DefaultValue("true") boolean autoCheckpoint,
		@DefaultValue("1000") long checkpointIntervalMs, @DefaultValue("65536") int maxInlinePayload) {
}
