package org.openaims.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.AggregateBatch;
import org.openaims.approvals.ApprovalService;
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
 * The AIMS scope statement (4.3): every save makes a new version that records the AI systems then
 * in and out of scope; a version is a draft until someone other than its authors approves it, and
 * the newest approved version is in force. When the register's scope changes after that (a system
 * brought into scope or taken out), the version in force shows it is out of date until a new version
 * is approved. AIMS managers and administrators write and submit it; everyone signed in reads it.
 */
@Service
@Validated
@Transactional
public class ScopeService {

	private final ScopeStatements statements;

	private final AiSystemQueries systems;

	private final ApprovalService approvals;

	private final Ledger ledger;

	private final AggregateBatch batch;

	ScopeService(ScopeStatements statements, AiSystemQueries systems, ApprovalService approvals, Ledger ledger, AggregateBatch batch) {
		this.batch = batch;
		this.statements = statements;
		this.systems = systems;
		this.approvals = approvals;
		this.ledger = ledger;
	}

	/** Every saved version of the scope statement and every step of their reviews, oldest first, from the ledger. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history() {
		List<HistoryEntry> entries = new ArrayList<>(ledger.history("scope-statement", "aims-scope"));
		entries.addAll(ledger.history(ScopeVersionId.REVIEW.key(), statements.versionIds().stream().map(UUID::toString).toList()));
		entries.sort(Comparator.comparing(HistoryEntry::time).thenComparingLong(HistoryEntry::seq));
		return entries;
	}

	/**
	 * The version in force (the newest approved one) with the systems it recorded and what changed in
	 * the register since; 404 while no version is approved.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ScopeStatementView current() {
		ScopeStatement inForce = inForce().orElseThrow(() -> new NotFoundException("approved scope statement",
				statements.findFirstByOrderByVersionNoDesc().map(s -> "(none yet: the newest version, " + s.versionNo() + ", is " + words(s) + ")")
					.orElse("(none written yet)")));
		return full(inForce, true);
	}

	/** The newest version, approved or not, with its systems and what changed since (for editing and the page). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ScopeStatementView latest() {
		ScopeStatement latest = statements.findFirstByOrderByVersionNoDesc()
			.orElseThrow(() -> new NotFoundException("scope statement", "(none written yet)"));
		return full(latest, isInForce(latest));
	}

	@Transactional(readOnly = true)
	public boolean exists() {
		return statements.count() > 0;
	}

	/** All versions, newest first (without their system lists). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ScopeStatementView> versions() {
		List<ScopeStatement> all = batch.query(ScopeStatement.class, "SELECT * FROM scope_statements ORDER BY version_no DESC", Map.of());
		Optional<ScopeStatement> inForce = all.stream().filter(s -> s.review().isApproved()).findFirst();
		return all.stream().map(s -> s.view(inForce.map(f -> f.id().equals(s.id())).orElse(false))).toList();
	}

	/** One version with the systems it recorded, its latest approval and what changed in the register since. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ScopeStatementView version(int versionNo) {
		ScopeStatement statement = statements.findByVersionNo(versionNo)
			.orElseThrow(() -> new NotFoundException("scope statement version", versionNo));
		return full(statement, isInForce(statement));
	}

	/**
	 * Saves a new version, a draft that records the systems in and out of scope now. Refused when
	 * {@code basedOnVersion} is given and another version was saved since; a save identical to the
	 * latest version (text and systems) adds nothing. A newer save voids a pending review of the one before.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ScopeStatementView revise(@Valid ScopeStatementDetails details) {
		ScopeStatement latest = statements.findFirstByOrderByVersionNoDesc().orElse(null);
		int latestNo = latest == null ? 0 : latest.versionNo();
		if (details.basedOnVersion() != null && details.basedOnVersion() != latestNo) {
			throw new ConflictException("the scope statement is at version " + latestNo + " now, you edited version "
					+ details.basedOnVersion() + "; reload and apply your change again");
		}
		List<ScopeStatementView.ScopedSystem> in = systems.scoped(true);
		List<ScopeStatementView.ScopedSystem> out = systems.scoped(false);
		if (latest == null || !latest.sameAs(details, in, out)) {
			ScopeStatement next = ScopeStatement.revise(latest, details, in, out, CurrentUser.actor());
			if (latest != null && latest.superseded(next.versionNo(), CurrentUser.actor())) {
				statements.save(latest);
				approvals.contentChanged(latest.reviewRef(), "superseded by version " + next.versionNo());
			}
			statements.save(next);
		}
		return latest();
	}

	/** Submits the newest version for approval by an approver, AIMS manager or administrator who did not write it. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ScopeStatementView submit(int versionNo) {
		ScopeStatement statement = statements.findByVersionNo(versionNo)
			.orElseThrow(() -> new NotFoundException("scope statement version", versionNo));
		approvals.submit(statement.reviewRef(), null, "AIMS scope statement, version " + versionNo);
		return version(versionNo);
	}

	private ScopeStatementView full(ScopeStatement s, boolean inForce) {
		ScopeStatementView view = s.view(inForce);
		List<ScopeStatementView.ScopedSystem> in = s.recorded(true).orElse(null);
		List<ScopeStatementView.ScopedSystem> out = s.recorded(false).orElse(null);
		List<ScopeStatementView.ScopeChange> changes = in == null ? null : changes(in, out);
		return new ScopeStatementView(view.id(), view.versionNo(), view.boundaries(), view.inclusionCriteria(), view.exclusions(),
				view.changeNote(), view.createdAt(), view.createdBy(), view.current(), view.status(),
				approvals.latest(s.reviewRef()).orElse(null), in, out, changes == null ? null : !changes.isEmpty(), changes);
	}

	/** The systems whose place in the scope differs between what a version recorded and the register now. */
	private List<ScopeStatementView.ScopeChange> changes(List<ScopeStatementView.ScopedSystem> in,
			List<ScopeStatementView.ScopedSystem> out) {
		Map<UUID, Boolean> then = new HashMap<>();
		Map<UUID, String> names = new HashMap<>();
		in.forEach(s -> {
			then.put(s.id(), true);
			names.put(s.id(), s.name());
		});
		out.forEach(s -> {
			then.put(s.id(), false);
			names.put(s.id(), s.name());
		});
		Map<UUID, Boolean> now = new HashMap<>();
		systems.scoped(true).forEach(s -> {
			now.put(s.id(), true);
			names.put(s.id(), s.name());
		});
		systems.scoped(false).forEach(s -> {
			now.put(s.id(), false);
			names.put(s.id(), s.name());
		});
		List<ScopeStatementView.ScopeChange> changes = new ArrayList<>();
		names.forEach((id, name) -> {
			Boolean before = then.get(id);
			Boolean after = now.get(id);
			if (!java.util.Objects.equals(before, after) && (Boolean.TRUE.equals(before) || Boolean.TRUE.equals(after))) {
				changes.add(new ScopeStatementView.ScopeChange(id, name, before, after));
			}
		});
		changes.sort(Comparator.comparing(ScopeStatementView.ScopeChange::name));
		return changes;
	}

	private Optional<ScopeStatement> inForce() {
		return batch.query(ScopeStatement.class, "SELECT * FROM scope_statements WHERE review_status = 'APPROVED' "
				+ "ORDER BY version_no DESC LIMIT 1", Map.of()).stream().findFirst();
	}

	private boolean isInForce(ScopeStatement s) {
		return inForce().map(f -> f.id().equals(s.id())).orElse(false);
	}

	private static String words(ScopeStatement s) {
		return switch (s.review().status()) {
			case DRAFT -> "a draft";
			case SUBMITTED -> "submitted for approval";
			case APPROVED -> "approved";
			case SENT_BACK -> "sent back";
			case WITHDRAWN -> "withdrawn from review";
			case INVALIDATED -> "void";
		};
	}
}
