package org.openaims.lifecycle.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.lifecycle.GateDecisionView;
import org.openaims.lifecycle.GatePolicyService;
import org.openaims.lifecycle.GatePolicyView;
import org.openaims.lifecycle.GateService;
import org.openaims.lifecycle.GateVerdict;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Gate decisions (and their signed statements) and the gate policy's versions over REST. */
@RestController
class GateApiController {

	private final GateService gate;

	private final GatePolicyService policies;

	GateApiController(GateService gate, GatePolicyService policies) {
		this.gate = gate;
		this.policies = policies;
	}

	/** Recorded decisions, newest first; filters {@code change}, {@code aiSystem}, {@code verdict}. */
	@GetMapping("/api/v1/gate-decisions")
	Page<GateDecisionView> decisions(@RequestParam(required = false) UUID change, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) GateVerdict verdict, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String sort) {
		return gate.decisions(change, aiSystem, verdict, new PageRequest(limit, after, sort));
	}

	@GetMapping("/api/v1/gate-decisions/{id}")
	GateDecisionView decision(@PathVariable UUID id) {
		return gate.decision(id);
	}

	/**
	 * The decision's signed statement, a download: the in-toto statement in a DSSE envelope signed with
	 * the ledger's key, with the ledger entry, its inclusion proof and the signed checkpoint. Verify it
	 * offline with {@code aims verify --key-id <id> <file>}.
	 */
	@GetMapping("/api/v1/gate-decisions/{id}/statement")
	ResponseEntity<byte[]> statement(@PathVariable UUID id) {
		byte[] body = gate.signedStatement(id).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("gate-decision-" + id + ".dsse.json").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	/** Every version of the gate policy, newest first. */
	@GetMapping("/api/v1/gate-policies")
	Page<GatePolicyView> policies() {
		return new Page<>(policies.versions(), null);
	}

	/** Saves a new version (YAML in {@code source}) and submits it for approval; 400 naming the line of each problem. */
	@PostMapping("/api/v1/gate-policies")
	ResponseEntity<GatePolicyView> save(@RequestBody PolicyRequest request) {
		GatePolicyView saved = policies.save(request.source(), request.note());
		return ResponseEntity.created(java.net.URI.create("/api/v1/gate-policies/" + saved.id())).body(saved);
	}

	record PolicyRequest(String source, String note) {
	}

	/** Checks a policy without saving it: 200 with its tiers, or 400 naming each problem's line. */
	@PostMapping("/api/v1/gate-policies/check")
	Map<String, Object> check(@RequestBody PolicyRequest request) {
		return Map.of("valid", true, "tiers", policies.check(request.source()).tiers());
	}

	@GetMapping("/api/v1/gate-policies/{id}")
	GatePolicyView policy(@PathVariable UUID id) {
		return policies.get(id);
	}

	@GetMapping("/api/v1/gate-policies/{id}/history")
	List<HistoryEntry> policyHistory(@PathVariable UUID id) {
		return policies.history(id);
	}
}
