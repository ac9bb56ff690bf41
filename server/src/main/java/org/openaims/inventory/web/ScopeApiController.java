package org.openaims.inventory.web;

import java.util.List;

import jakarta.validation.Valid;

import org.openaims.inventory.ScopeService;
import org.openaims.inventory.ScopeStatementDetails;
import org.openaims.inventory.ScopeStatementView;
import org.openaims.ledger.HistoryEntry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The AIMS scope statement over REST: the version in force, all versions, saving a new one (a draft) and submitting it. */
@RestController
@RequestMapping("/api/v1/scope")
class ScopeApiController {

	private final ScopeService scope;

	ScopeApiController(ScopeService scope) {
		this.scope = scope;
	}

	/** The version in force (the newest approved one); 404 while none is approved. */
	@GetMapping
	ScopeStatementView current() {
		return scope.current();
	}

	/** Saves a new version (the first one too): a draft until someone other than its author approves it. */
	@PutMapping
	ScopeStatementView revise(@Valid @RequestBody ScopeStatementDetails details) {
		return scope.revise(details);
	}

	/** Every saved version with what changed, read from the ledger. */
	@GetMapping("/history")
	List<HistoryEntry> history() {
		return scope.history();
	}

	@GetMapping("/versions")
	List<ScopeStatementView> versions() {
		return scope.versions();
	}

	@GetMapping("/versions/{versionNo}")
	ScopeStatementView version(@PathVariable int versionNo) {
		return scope.version(versionNo);
	}

	/** Submits the newest version for approval. */
	@PostMapping("/versions/{versionNo}/submit")
	ScopeStatementView submit(@PathVariable int versionNo) {
		return scope.submit(versionNo);
	}
}
