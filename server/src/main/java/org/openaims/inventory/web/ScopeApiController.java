package org.openaims.inventory.web;

import java.util.List;

import jakarta.validation.Valid;

import org.openaims.inventory.ScopeService;
import org.openaims.inventory.ScopeStatementDetails;
import org.openaims.inventory.ScopeStatementView;
import org.openaims.ledger.HistoryEntry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The AIMS scope statement over REST: the current version, all versions, and saving a new one. */
@RestController
@RequestMapping("/api/v1/scope")
class ScopeApiController {

	private final ScopeService scope;

	ScopeApiController(ScopeService scope) {
		this.scope = scope;
	}

	@GetMapping
	ScopeStatementView current() {
		return scope.current();
	}

	/** Saves a new version (the first one too). */
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
}
