package org.openaims.governance.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.approvals.ReviewStep;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.governance.PolicyStatus;
import org.openaims.governance.PolicyVersionChanged;
import org.openaims.governance.PolicyVersionId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of a policy's text: drafted and edited, submitted for approval, approved, published
 * (then immutable), retired when a newer one is published. Editing a version under review or
 * approved returns it to draft: an approval covers exactly the content it saw.
 */
@Table("policy_versions")
public class PolicyVersion extends ReviewableRecord<PolicyVersion> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID policyId;

	private int versionNo;

	private PolicyStatus status;

	private String body;

	private String fileSha256;

	private String fileName;

	private String fileType;

	private String changeSummary;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	private Instant publishedAt;

	private String publishedBy;

	private Instant retiredAt;

	PolicyVersion() {
	}

	public static PolicyVersion draft(UUID policyId, int versionNo, String body, String changeSummary, Actor actor) {
		PolicyVersion v = new PolicyVersion();
		v.id = UUID.randomUUID();
		v.policyId = policyId;
		v.versionNo = versionNo;
		v.status = PolicyStatus.DRAFT;
		v.body = blankToNull(body);
		v.changeSummary = blankToNull(changeSummary);
		v.createdAt = Instant.now();
		v.createdBy = actor.username();
		v.updatedAt = v.createdAt;
		v.updatedBy = v.createdBy;
		v.startReview(actor);
		v.changed("drafted", actor);
		return v;
	}

	/** Edits the text; returns whether an approval (pending or given) became void by it. */
	public boolean edit(String newBody, String summary, Actor actor) {
		requireEditable();
		body = blankToNull(newBody);
		changeSummary = blankToNull(summary);
		return contentChanged("edited", actor);
	}

	public boolean attach(String sha256, String name, String mediaType, Actor actor) {
		requireEditable();
		fileSha256 = sha256;
		fileName = name;
		fileType = mediaType;
		return contentChanged("file attached", actor);
	}

	private boolean contentChanged(String what, Actor actor) {
		boolean voided = contentChangedBy(actor, "the version changed after approval was asked for");
		status = PolicyStatus.DRAFT;
		touch(actor);
		changed(what, actor);
		return voided;
	}

	/** A step of this version's review (see {@link org.openaims.approvals.Reviewable}). */
	public void reviewed(ReviewStep step) {
		switch (step.to()) {
			case SUBMITTED -> {
				if (status != PolicyStatus.DRAFT) {
					throw new ConflictException("only a draft can be submitted for approval (version " + versionNo + " is " + status + ")");
				}
				if (body == null && fileSha256 == null) {
					throw new InvalidInputException("body", "write the policy text or attach a document first");
				}
				status = PolicyStatus.IN_REVIEW;
			}
			case APPROVED -> status = PolicyStatus.APPROVED;
			case SENT_BACK, WITHDRAWN, INVALIDATED -> status = status == PolicyStatus.PUBLISHED || status == PolicyStatus.RETIRED ? status
					: PolicyStatus.DRAFT;
			default -> throw new IllegalArgumentException(step.to().name());
		}
		recordStep(step);
	}

	@Override
	public String reviewDigest() {
		return snapshot();
	}

	@Override
	public ItemRef<PolicyVersionId> reviewRef() {
		return PolicyVersionId.REVIEW.ref(new PolicyVersionId(id));
	}

	@Override
	protected String reviewTitle() {
		return "policy version " + versionNo;
	}

	public void publish(Actor actor) {
		if (status != PolicyStatus.APPROVED) {
			throw new ConflictException("only an approved version can be published (version " + versionNo + " is " + status + ")");
		}
		status = PolicyStatus.PUBLISHED;
		publishedAt = Instant.now();
		publishedBy = actor.username();
		changed("published", actor);
	}

	public void retire(Actor actor) {
		if (status != PolicyStatus.RETIRED) {
			status = PolicyStatus.RETIRED;
			retiredAt = Instant.now();
			changed("retired", actor);
		}
	}

	private void requireEditable() {
		if (status == PolicyStatus.PUBLISHED || status == PolicyStatus.RETIRED) {
			throw new ConflictException("version " + versionNo + " is " + status.name().toLowerCase()
					+ " and cannot be changed; start a new draft");
		}
	}

	/** SHA-256 of the version's canonical content: what an approval approves. */
	public String snapshot() {
		return Digests.snapshot("policy-version", policyId, versionNo, body, fileSha256);
	}

	/** Everyone who wrote or changed this version (who may not approve it). */
	public Set<String> authors() {
		return review().authors();
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	private void changed(String what, Actor actor) {
		registerEvent(new PolicyVersionChanged(policyId, versionNo, status, what, changeSummary,
				body == null ? null : Digests.sha256Hex(body), Stamp.of(actor)));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	public UUID id() {
		return id;
	}

	public UUID policyId() {
		return policyId;
	}

	public int versionNo() {
		return versionNo;
	}

	public PolicyStatus status() {
		return status;
	}

	public String body() {
		return body;
	}

	public String fileSha256() {
		return fileSha256;
	}

	public String fileName() {
		return fileName;
	}

	public String fileType() {
		return fileType;
	}

	public String changeSummary() {
		return changeSummary;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	public String publishedBy() {
		return publishedBy;
	}
}
