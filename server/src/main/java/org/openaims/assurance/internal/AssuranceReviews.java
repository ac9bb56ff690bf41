package org.openaims.assurance.internal;

import java.util.Optional;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.assurance.AuditProgrammeId;
import org.openaims.assurance.IndependenceExceptionId;
import org.openaims.assurance.ManagementReviewId;
import org.openaims.assurance.NonconformityId;
import org.openaims.identity.Role;

import org.springframework.stereotype.Component;

/**
 * The assurance records reviewed through the approvals module: audit programmes, independence
 * exceptions, nonconformities' closure (approved by someone who did not write the record) and
 * management reviews' output (approved by top management).
 */
public final class AssuranceReviews {

	private AssuranceReviews() {
	}

	@Component
	static class Programmes implements Reviewable<AuditProgrammeId> {

		private final AuditProgrammes programmes;

		Programmes(AuditProgrammes programmes) {
			this.programmes = programmes;
		}

		@Override
		public ReviewType<AuditProgrammeId> type() {
			return AuditProgrammeId.REVIEW;
		}

		@Override
		public Optional<UnderReview> find(AuditProgrammeId id) {
			return programmes.findById(id.value()).map(p -> new UnderReview("Audit programme: " + p.title(), p.reviewDigest(),
					p.review().authors(), Approvers.anyOf(Role.AIMS_MANAGER, Role.ADMIN, Role.APPROVER, Role.TOP_MANAGEMENT),
					"Internal audits from " + p.periodStart() + " to " + p.periodEnd(), p.lines(), null, "/assurance/programmes/" + p.id()));
		}

		@Override
		public void reviewed(AuditProgrammeId id, ReviewStep step) {
			AuditProgramme p = programmes.findById(id.value()).orElseThrow();
			p.reviewed(step);
			programmes.save(p);
		}
	}

	@Component
	static class Exceptions implements Reviewable<IndependenceExceptionId> {

		private final IndependenceExceptions exceptions;

		Exceptions(IndependenceExceptions exceptions) {
			this.exceptions = exceptions;
		}

		@Override
		public ReviewType<IndependenceExceptionId> type() {
			return IndependenceExceptionId.REVIEW;
		}

		@Override
		public Optional<UnderReview> find(IndependenceExceptionId id) {
			return exceptions.findById(id.value()).map(e -> new UnderReview("Independence exception for " + e.auditor(), e.reviewDigest(),
					e.review().authors(), Approvers.anyOf(Role.AIMS_MANAGER, Role.ADMIN, Role.APPROVER, Role.TOP_MANAGEMENT),
					String.join("; ", e.lines()), e.lines(), null, "/assurance/audits/" + e.auditId()));
		}

		@Override
		public void reviewed(IndependenceExceptionId id, ReviewStep step) {
			IndependenceException e = exceptions.findById(id.value()).orElseThrow();
			e.reviewed(step);
			exceptions.save(e);
		}
	}

	@Component
	static class NonconformityClosures implements Reviewable<NonconformityId> {

		private final Nonconformities nonconformities;

		NonconformityClosures(Nonconformities nonconformities) {
			this.nonconformities = nonconformities;
		}

		@Override
		public ReviewType<NonconformityId> type() {
			return NonconformityId.REVIEW;
		}

		@Override
		public Optional<UnderReview> find(NonconformityId id) {
			return nonconformities.findById(id.value()).map(n -> new UnderReview("Closure of nonconformity: " + n.title(), n.reviewDigest(),
					n.review().authors(), Approvers.anyOf(Role.AIMS_MANAGER, Role.ADMIN, Role.APPROVER, Role.TOP_MANAGEMENT),
					n.severity() + " nonconformity from " + n.source().name().toLowerCase().replace('_', ' ') + ", owned by " + n.owner(),
					n.lines(), null, "/assurance/nonconformities/" + n.id()));
		}

		@Override
		public void reviewed(NonconformityId id, ReviewStep step) {
			Nonconformity n = nonconformities.findById(id.value()).orElseThrow();
			n.reviewed(step);
			nonconformities.save(n);
		}
	}

	@Component
	static class ReviewOutputs implements Reviewable<ManagementReviewId> {

		private final ManagementReviews reviews;

		ReviewOutputs(ManagementReviews reviews) {
			this.reviews = reviews;
		}

		@Override
		public ReviewType<ManagementReviewId> type() {
			return ManagementReviewId.REVIEW;
		}

		@Override
		public Optional<UnderReview> find(ManagementReviewId id) {
			return reviews.findById(id.value()).map(r -> new UnderReview("Management review output: " + r.title(), r.reviewDigest(),
					r.review().authors(), Approvers.anyOf(Role.TOP_MANAGEMENT), "Held " + r.heldAt() + ", chaired by " + r.chair(), r.lines(),
					null, "/assurance/reviews/" + r.id()));
		}

		@Override
		public void reviewed(ManagementReviewId id, ReviewStep step) {
			ManagementReview r = reviews.findById(id.value()).orElseThrow();
			r.reviewed(step);
			reviews.save(r);
		}
	}
}
