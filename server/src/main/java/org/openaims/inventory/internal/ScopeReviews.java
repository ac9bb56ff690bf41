package org.openaims.inventory.internal;

import java.util.Optional;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStatus;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.common.ConflictException;
import org.openaims.identity.Role;
import org.openaims.inventory.ScopeVersionId;

import org.springframework.stereotype.Component;

/**
 * Versions of the AIMS scope statement under review (4.3): the newest version is approved by an
 * approver, AIMS manager or administrator who did not write it, and is then in force; the approver
 * sees the text and the systems in and out of scope, compared with the version in force.
 */
@Component
class ScopeReviews implements Reviewable<ScopeVersionId> {

	private final ScopeStatements statements;

	ScopeReviews(ScopeStatements statements) {
		this.statements = statements;
	}

	@Override
	public ReviewType<ScopeVersionId> type() {
		return ScopeVersionId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(ScopeVersionId id) {
		return statements.findById(id.value()).map(s -> {
			Optional<ScopeStatement> inForce = statements.findAllByOrderByVersionNoDesc().stream()
				.filter(o -> o.versionNo() < s.versionNo() && o.review().isApproved())
				.findFirst();
			long in = s.recorded(true).map(java.util.List::size).orElse(0);
			long out = s.recorded(false).map(java.util.List::size).orElse(0);
			String summary = "AIMS scope statement, version " + s.versionNo() + ": " + in + " AI systems in scope, " + out + " out of scope";
			return new UnderReview("AIMS scope statement, version " + s.versionNo(), s.digest(), s.review().authors(),
					Approvers.anyOf(Role.APPROVER, Role.AIMS_MANAGER, Role.ADMIN), summary, s.lines(),
					inForce.map(f -> new UnderReview.Baseline("version " + f.versionNo() + " (in force)", f.lines())).orElse(null),
					"/scope/versions/" + s.versionNo());
		});
	}

	@Override
	public void reviewed(ScopeVersionId id, ReviewStep step) {
		ScopeStatement statement = statements.findById(id.value()).orElseThrow();
		if (step.to() == ReviewStatus.SUBMITTED) {
			int latest = statements.findFirstByOrderByVersionNoDesc().map(ScopeStatement::versionNo).orElse(0);
			if (statement.versionNo() != latest) {
				throw new ConflictException("version " + statement.versionNo() + " is not the newest (version " + latest
						+ " is); only the newest version is submitted");
			}
		}
		statement.reviewed(step);
		statements.save(statement);
	}
}
