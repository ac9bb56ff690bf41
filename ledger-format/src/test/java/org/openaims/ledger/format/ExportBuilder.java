package org.openaims.ledger.format;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds real ledger exports for tests: entries, checkpoints signed with the key in force, rotations. */
final class ExportBuilder {

	private final KeyPair first;

	private KeyPair signer;

	private final List<LedgerEntry> entries = new ArrayList<>();

	private final List<Object> lines = new ArrayList<>();

	private final Frontier tree = new Frontier();

	private String prev = Hashes.GENESIS;

	ExportBuilder(KeyPair key) {
		this.first = key;
		this.signer = key;
	}

	ExportBuilder entry(String payload) {
		return entry("Something", "thing", "id-" + (entries.size() + 1), payload, payload.length() < 200);
	}

	ExportBuilder entry(String type, String subjectType, String subjectId, String payload, boolean keep) {
		LedgerEntry e = LedgerEntry.create(entries.size() + 1, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(entries.size()),
				UUID.nameUUIDFromBytes(("e" + entries.size()).getBytes()), "alice", null, type, subjectType, subjectId, payload, keep,
				prev);
		entries.add(e);
		lines.add(e);
		tree.append(e.leafHash());
		prev = e.entryHash();
		return this;
	}

	/** A rotation entry to {@code next}; later checkpoints switch to it after the next one. */
	ExportBuilder rotation(KeyPair next) {
		String id = LedgerKeys.keyId(next.getPublic());
		String payload = "{\"newKeyId\":\"" + id + "\",\"newPublicKey\":\"" + LedgerKeys.encode(next.getPublic())
				+ "\",\"previousKeyId\":\"" + LedgerKeys.keyId(signer.getPublic()) + "\"}";
		return entry(KeyRotation.TYPE, KeyRotation.SUBJECT_TYPE, id, payload, true);
	}

	ExportBuilder checkpoint() {
		return checkpoint(signer);
	}

	ExportBuilder checkpoint(KeyPair with) {
		String root = Hashes.hex(tree.root());
		Instant time = Instant.parse("2026-02-01T00:00:00Z").plusSeconds(tree.size());
		String keyId = LedgerKeys.keyId(with.getPublic());
		lines.add(new Checkpoint(tree.size(), root, time, keyId,
				LedgerKeys.sign(with.getPrivate(), Checkpoint.signedContent(tree.size(), root, time, keyId))));
		return this;
	}

	/** From now on checkpoints are signed with {@code key} (what a node restarted with it does). */
	ExportBuilder signWith(KeyPair key) {
		this.signer = key;
		return this;
	}

	String build() {
		StringWriter file = new StringWriter();
		try {
			LedgerExport.Output out = new LedgerExport.Output(file);
			out.header(new LedgerExport.Header(1, entries.size(), Hashes.GENESIS, List.of(), LedgerKeys.encode(first.getPublic()),
					LedgerKeys.keyId(first.getPublic()), Instant.parse("2026-03-01T00:00:00Z")));
			for (Object line : lines) {
				if (line instanceof LedgerEntry e) {
					out.entry(e);
				}
				else {
					out.checkpoint((Checkpoint) line);
				}
			}
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file.toString();
	}
}
