package org.openaims.lifecycle.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.common.Actor;
import org.openaims.common.Digests;
import org.openaims.common.Stamp;
import org.openaims.lifecycle.GatePolicyId;
import org.openaims.lifecycle.GatePolicySaved;
import org.openaims.lifecycle.GatePolicyView;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of the release-gate policy (YAML, checked when saved). Versions never change; a save is
 * a new version, a draft until someone other than its authors approves it; the newest approved is in force.
 */
@Table("gate_policies")
public class GatePolicy extends ReviewableRecord<GatePolicy> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private int versionNo;

	private String source;

	private String digest;

	private String note;

	private Instant createdAt;

	private String createdBy;

	GatePolicy() {
	}

	public static GatePolicy next(GatePolicy previous, String source, String note, Actor actor) {
		GatePolicy p = new GatePolicy();
		p.id = UUID.randomUUID();
		p.versionNo = previous == null ? 1 : previous.versionNo + 1;
		p.source = source;
		p.digest = Digests.sha256Hex(source);
		p.note = note == null || note.isBlank() ? null : note.strip();
		p.createdAt = Instant.now();
		p.createdBy = actor.username();
		p.startReviewAfter(previous == null || previous.review().isApproved() ? null : previous.review(), actor);
		p.registerEvent(new GatePolicySaved(p.id, p.versionNo, p.digest, p.note, Stamp.of(actor)));
		return p;
	}

	public boolean superseded(int byVersionNo, Actor actor) {
		return review().isSubmitted() && invalidateReview("superseded by version " + byVersionNo, Stamp.of(actor));
	}

	public void reviewed(ReviewStep step) {
		recordStep(step);
	}

	@Override
	public ItemRef<GatePolicyId> reviewRef() {
		return GatePolicyId.REVIEW.ref(new GatePolicyId(id));
	}

	@Override
	public String reviewDigest() {
		return Digests.snapshot("gate-policy", versionNo, digest);
	}

	@Override
	protected String reviewTitle() {
		return "gate policy, version " + versionNo;
	}

	public List<String> lines() {
		return source.lines().toList();
	}

	public UUID id() {
		return id;
	}

	public int versionNo() {
		return versionNo;
	}

	public String source() {
		return source;
	}

	public String digest() {
		return digest;
	}

	public GatePolicyView view(boolean inForce) {
		return new GatePolicyView(id, versionNo, source, digest, note, review().status(), inForce, createdAt, createdBy);
	}
}
