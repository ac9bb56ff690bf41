package org.openaims.governance.internal;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.Stamp;
import org.openaims.governance.PolicyStatus;
import org.openaims.governance.PolicyVersionChanged;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of a policy's text: drafted and edited, submitted for approval, approved, published
 * (then immutable), retired when a newer one is published. Editing a version under review or
 * approved returns it to draft: an approval covers exactly the content it saw.
 */
@Table("policy_versions")
public class PolicyVersion extends AbstractAggregateRoot<PolicyVersion> {

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

	private UUID approvalId;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	private String editors;

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
		v.editors = v.createdBy;
		v.changed("drafted", actor);
		return v;
	}

	/** Edits the text; returns whether an approval (pending or given) became void by it. */
	public boolean edit(String newBody, String summary, Actor actor) {
		requireEditable();
		boolean voided = status == PolicyStatus.IN_REVIEW || status == PolicyStatus.APPROVED;
		body = blankToNull(newBody);
		changeSummary = blankToNull(summary);
		status = PolicyStatus.DRAFT;
		touch(actor);
		changed("edited", actor);
		return voided;
	}

	public boolean attach(String sha256, String name, String mediaType, Actor actor) {
		requireEditable();
		boolean voided = status == PolicyStatus.IN_REVIEW || status == PolicyStatus.APPROVED;
		fileSha256 = sha256;
		fileName = name;
		fileType = mediaType;
		status = PolicyStatus.DRAFT;
		touch(actor);
		changed("file attached", actor);
		return voided;
	}

	public void submit(Actor actor) {
		if (status != PolicyStatus.DRAFT) {
			throw new ConflictException("only a draft can be submitted for approval (version " + versionNo + " is " + status + ")");
		}
		if (body == null && fileSha256 == null) {
			throw new org.openaims.common.InvalidInputException("body", "write the policy text or attach a document first");
		}
		status = PolicyStatus.IN_REVIEW;
		changed("submitted for approval", actor);
	}

	public void linkApproval(UUID approvalId) {
		this.approvalId = approvalId;
	}

	public void approved(Actor actor) {
		if (status == PolicyStatus.IN_REVIEW) {
			status = PolicyStatus.APPROVED;
			changed("approved", actor);
		}
	}

	public void sentBack(String why, Actor actor) {
		if (status == PolicyStatus.IN_REVIEW) {
			status = PolicyStatus.DRAFT;
			changed(why, actor);
		}
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
		return new TreeSet<>(java.util.Arrays.asList(editors.split(",")));
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
		if (!authors().contains(updatedBy)) {
			if (editors.length() + updatedBy.length() >= 2000) {
				throw new ConflictException("version " + versionNo + " has too many editors to track; start a new draft");
			}
			editors = editors + "," + updatedBy;
		}
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

	public UUID approvalId() {
		return approvalId;
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
