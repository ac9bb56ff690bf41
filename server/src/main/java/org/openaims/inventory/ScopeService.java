package org.openaims.inventory;

import java.util.List;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.CurrentUser;
import org.openaims.inventory.internal.AiSystemQueries;
import org.openaims.inventory.internal.ScopeStatement;
import org.openaims.inventory.internal.ScopeStatements;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The AIMS scope statement (4.3): every save makes a new version and all versions are kept. The
 * current version lists the AI systems in and out of scope from the live register. AIMS managers
 * and administrators write it.
 */
@Service
@Validated
@Transactional
public class ScopeService {

	private final ScopeStatements statements;

	private final AiSystemQueries systems;

	private final Ledger ledger;

	ScopeService(ScopeStatements statements, AiSystemQueries systems, Ledger ledger) {
		this.statements = statements;
		this.systems = systems;
		this.ledger = ledger;
	}

	/** Every saved version of the scope statement with what changed, oldest first, from the ledger. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history() {
		return ledger.history("scope-statement", "aims-scope");
	}

	/** The current version with the systems in and out of scope. */
	@Transactional(readOnly = true)
	public ScopeStatementView current() {
		ScopeStatement latest = statements.findFirstByOrderByVersionNoDesc()
			.orElseThrow(() -> new NotFoundException("scope statement", "(none written yet)"));
		ScopeStatementView view = latest.view(true);
		return new ScopeStatementView(view.id(), view.versionNo(), view.boundaries(), view.inclusionCriteria(),
				view.exclusions(), view.changeNote(), view.createdAt(), view.createdBy(), true, systems.scoped(true),
				systems.scoped(false));
	}

	@Transactional(readOnly = true)
	public boolean exists() {
		return statements.count() > 0;
	}

	/** All versions, newest first. */
	@Transactional(readOnly = true)
	public List<ScopeStatementView> versions() {
		List<ScopeStatement> all = statements.findAllByOrderByVersionNoDesc();
		return all.stream().map(s -> s.view(s == all.get(0))).toList();
	}

	@Transactional(readOnly = true)
	public ScopeStatementView version(int versionNo) {
		int latest = statements.findFirstByOrderByVersionNoDesc().map(ScopeStatement::versionNo).orElse(0);
		return statements.findByVersionNo(versionNo)
			.map(s -> s.view(versionNo == latest))
			.orElseThrow(() -> new NotFoundException("scope statement version", versionNo));
	}

	/**
	 * Saves a new version. Refused when {@code basedOnVersion} is given and another version was saved
	 * since; a save identical to the current version adds nothing.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ScopeStatementView revise(@Valid ScopeStatementDetails details) {
		ScopeStatement latest = statements.findFirstByOrderByVersionNoDesc().orElse(null);
		int latestNo = latest == null ? 0 : latest.versionNo();
		if (details.basedOnVersion() != null && details.basedOnVersion() != latestNo) {
			throw new ConflictException("the scope statement is at version " + latestNo + " now, you edited version "
					+ details.basedOnVersion() + "; reload and apply your change again");
		}
		if (latest == null || !latest.sameAs(details)) {
			statements.save(ScopeStatement.revise(latest, details, CurrentUser.actor()));
		}
		return current();
	}
}
