package org.openaims.assurance.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.assurance.AuditProgrammeId;
import org.openaims.assurance.IndependenceExceptionId;
import org.openaims.assurance.ManagementReviewId;
import org.openaims.assurance.NonconformityId;
import org.openaims.common.RecordId;
import org.openaims.identity.Role;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.stereotype.Component;

/**
 * The assurance records reviewed through the approvals module: audit programmes, independence
 * exceptions, nonconformities' closure (approved by someone who did not write the record) and
 * management reviews' output (approved by top management).
 */
public final class AssuranceReviews {

	/** Who approves programmes, exceptions and closures: never their authors. */
	static final Approvers MANAGEMENT = Approvers.anyOf(Role.AIMS_MANAGER, Role.ADMIN, Role.APPROVER, Role.TOP_MANAGEMENT);

	private AssuranceReviews() {
	}

	/** One reviewable type: the record as the approver sees it, and each review step passed on to the record. */
	abstract static class RecordReviews<ID extends RecordId, T> implements Reviewable<ID> {

		private final ReviewType<ID> type;

		private final ListCrudRepository<T, UUID> records;

		private final Function<T, UnderReview> shown;

		private final BiConsumer<T, ReviewStep> step;

		RecordReviews(ReviewType<ID> type, ListCrudRepository<T, UUID> records, Function<T, UnderReview> shown, BiConsumer<T, ReviewStep> step) {
			this.type = type;
			this.records = records;
			this.shown = shown;
			this.step = step;
		}

		@Override
		public ReviewType<ID> type() {
			return type;
		}

		@Override
		public Optional<UnderReview> find(ID id) {
			return records.findById(id.value()).map(shown);
		}

		@Override
		public void reviewed(ID id, ReviewStep reviewStep) {
			T record = records.findById(id.value()).orElseThrow();
			step.accept(record, reviewStep);
			records.save(record);
		}
	}

	@Component
	static class Programmes extends RecordReviews<AuditProgrammeId, AuditProgramme> {

		Programmes(AuditProgrammes programmes) {
			super(AuditProgrammeId.REVIEW, programmes, p -> new UnderReview("Audit programme: " + p.title(), p.reviewDigest(), p.review().authors(),
					MANAGEMENT, "Internal audits from " + p.periodStart() + " to " + p.periodEnd(), p.lines(), null,
					"/assurance/programmes/" + p.id()), AuditProgramme::reviewed);
		}
	}

	@Component
	static class Exceptions extends RecordReviews<IndependenceExceptionId, IndependenceException> {

		Exceptions(IndependenceExceptions exceptions) {
			super(IndependenceExceptionId.REVIEW, exceptions, e -> new UnderReview("Independence exception for " + e.auditor(), e.reviewDigest(),
					e.review().authors(), MANAGEMENT, String.join("; ", e.lines()), e.lines(), null, "/assurance/audits/" + e.auditId()),
					IndependenceException::reviewed);
		}
	}

	@Component
	static class NonconformityClosures extends RecordReviews<NonconformityId, Nonconformity> {

		NonconformityClosures(Nonconformities nonconformities) {
			super(NonconformityId.REVIEW, nonconformities, n -> new UnderReview("Closure of nonconformity: " + n.title(), n.reviewDigest(),
					n.review().authors(), MANAGEMENT, n.severity() + " nonconformity from " + n.source().name().toLowerCase().replace('_', ' ')
							+ ", owned by " + n.owner(), n.lines(), null, "/assurance/nonconformities/" + n.id()),
					Nonconformity::reviewed);
		}
	}

	@Component
	static class ReviewOutputs extends RecordReviews<ManagementReviewId, ManagementReview> {

		ReviewOutputs(ManagementReviews reviews) {
			super(ManagementReviewId.REVIEW, reviews, r -> new UnderReview("Management review output: " + r.title(), r.reviewDigest(),
					r.review().authors(), Approvers.anyOf(Role.TOP_MANAGEMENT), "Held " + r.heldAt() + ", chaired by " + r.chair(), r.lines(), null,
					"/assurance/reviews/" + r.id()), ManagementReview::reviewed);
		}
	}
}
