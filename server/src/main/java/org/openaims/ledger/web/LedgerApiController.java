package org.openaims.ledger.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.openaims.common.Page;
import org.openaims.ledger.CheckpointView;
import org.openaims.ledger.ConsistencyProof;
import org.openaims.ledger.EntryView;
import org.openaims.ledger.InclusionProof;
import org.openaims.ledger.KeyRotationView;
import org.openaims.ledger.Ledger;
import org.openaims.ledger.PublicKeyView;
import org.openaims.ledger.format.Verification;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The ledger over REST: entries, checkpoints, inclusion and consistency proofs (RFC 9162), full
 * verification and the self-verifying export.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerApiController {

	private final Ledger ledger;

	LedgerApiController(Ledger ledger) {
		this.ledger = ledger;
	}

	/** Entries in order; filters {@code subjectType}, {@code subjectId}; pages by {@code after} (a sequence number). */
	@GetMapping("/entries")
	Page<EntryView> entries(@RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return ledger.entries(subjectType, subjectId, limit, after);
	}

	@GetMapping("/entries/{seq}")
	EntryView entry(@PathVariable long seq) {
		return ledger.entry(seq);
	}

	/** Checkpoints, newest first; {@code before} is the {@code next} of the previous page. */
	@GetMapping("/checkpoints")
	Page<CheckpointView> checkpoints(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long before) {
		return ledger.checkpoints(limit, before);
	}

	@GetMapping("/checkpoints/latest")
	CheckpointView latest() {
		return ledger.latestCheckpoint();
	}

	@GetMapping("/public-key")
	PublicKeyView publicKey() {
		return ledger.publicKey();
	}

	/** Inclusion proof of entry {@code seq} in the tree of {@code treeSize} entries (default: latest checkpoint). */
	@GetMapping("/proofs/inclusion")
	InclusionProof inclusion(@RequestParam long seq, @RequestParam(required = false) Long treeSize) {
		return ledger.inclusion(seq, treeSize);
	}

	@GetMapping("/proofs/consistency")
	ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
		return ledger.consistency(first, second);
	}

	/** A new Ed25519 public key (Base64 X.509) to hand checkpoint signing over to. */
	record NewKey(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String publicKey) {
	}

	/**
	 * Rotates the signing key (administrators): records the new key in the ledger and signs a
	 * checkpoint over it with the current key; then restart every node with the new key pair.
	 */
	@org.springframework.web.bind.annotation.PostMapping("/key-rotations")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	KeyRotationView rotate(@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody NewKey key) {
		String who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getName();
		return ledger.rotateKey(key.publicKey(), org.openaims.common.Actor.user(who));
	}

	/** Re-verifies every entry, link, payload, checkpoint root and signature. */
	@GetMapping("/verify")
	Verification verify() {
		return ledger.verify();
	}

	/**
	 * Entries {@code from..to} with their checkpoints and the public key, streamed as JSON Lines that
	 * {@code aims verify} checks offline. The range is checked before streaming starts, so a refusal
	 * is a proper problem detail.
	 */
	@GetMapping(value = "/export", produces = "application/x-ndjson")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Long from,
			@RequestParam(required = false) Long to) {
		Ledger.ExportRange range = ledger.exportRange(from, to);
		String filename = "ledger-" + range.from() + "-" + range.to() + "-" + LocalDate.now() + ".jsonl";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(out -> {
				Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
				ledger.export(range, writer);
				writer.flush();
			});
	}
}
