package org.openaims.risk.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.approvals.ReviewStep;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.Stamp;
import org.openaims.risk.CriteriaDefinition;
import org.openaims.risk.CriteriaStatus;
import org.openaims.risk.CriteriaVersionChanged;
import org.openaims.risk.CriteriaVersionId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A version of the risk criteria (6.1.1). A draft is edited; submitted, it waits for approval (an edit
 * sends it back and voids the request); approved, it is in force and never changes; a newer approved
 * version supersedes it. Risks keep the version they were assessed under.
 */
@Table("risk_criteria")
public class CriteriaVersion extends ReviewableRecord<CriteriaVersion> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private int versionNo;

	private CriteriaStatus status;

	private String definition;

	private String changeNote;


	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	private Instant approvedAt;

	CriteriaVersion() {
	}

	/** A new draft; {@code definition} is the checked definition in canonical JSON. */
	public static CriteriaVersion draft(int versionNo, CriteriaDefinition checked, String note, Actor actor) {
		CriteriaVersion v = new CriteriaVersion();
		v.id = UUID.randomUUID();
		v.versionNo = versionNo;
		v.status = CriteriaStatus.DRAFT;
		v.definition = CriteriaJson.write(checked);
		v.changeNote = note == null || note.isBlank() ? null : note.strip();
		v.createdAt = Instant.now();
		v.createdBy = actor.username();
		v.updatedAt = v.createdAt;
		v.updatedBy = v.createdBy;
		v.startReview(actor);
		v.registerEvent(new CriteriaVersionChanged(v.id, versionNo, v.status, "drafted", v.snapshot(), Stamp.of(actor)));
		return v;
	}

	/** Replaces the content of a draft; returns whether a pending approval became void. */
	public boolean edit(CriteriaDefinition checked, String note, Actor actor) {
		if (status == CriteriaStatus.APPROVED || status == CriteriaStatus.SUPERSEDED) {
			throw new ConflictException("risk criteria version " + versionNo + " is " + status.name().toLowerCase()
					+ " and cannot change; draft a new version");
		}
		String json = CriteriaJson.write(checked);
		String newNote = note == null || note.isBlank() ? changeNote : note.strip();
		if (json.equals(definition) && java.util.Objects.equals(newNote, changeNote)) {
			return false;
		}
		boolean voided = contentChangedBy(actor, "the risk criteria changed after approval was asked for");
		definition = json;
		changeNote = newNote;
		status = CriteriaStatus.DRAFT;
		touch(actor);
		registerEvent(new CriteriaVersionChanged(id, versionNo, status, voided ? "edited under review, sent back to draft" : "edited",
				snapshot(), Stamp.of(actor)));
		return voided;
	}

	/** A step of this version's review; approved, it is in force (the caller supersedes the one before). */
	public void reviewed(ReviewStep step) {
		switch (step.to()) {
			case SUBMITTED -> {
				if (status != CriteriaStatus.DRAFT) {
					throw new ConflictException("risk criteria version " + versionNo + " is " + status.name().toLowerCase().replace('_', ' ')
							+ "; only a draft is submitted");
				}
				status = CriteriaStatus.IN_REVIEW;
			}
			case APPROVED -> {
				status = CriteriaStatus.APPROVED;
				approvedAt = Instant.now();
			}
			case SENT_BACK, WITHDRAWN, INVALIDATED -> status = CriteriaStatus.DRAFT;
			default -> throw new IllegalArgumentException(step.to().name());
		}
		recordStep(step);
	}

	@Override
	public String reviewDigest() {
		return snapshot();
	}

	@Override
	public ItemRef<CriteriaVersionId> reviewRef() {
		return CriteriaVersionId.REVIEW.ref(new CriteriaVersionId(id));
	}

	@Override
	protected String reviewTitle() {
		return "risk criteria, version " + versionNo;
	}

	public void supersede(int byVersionNo, Actor actor) {
		if (status == CriteriaStatus.APPROVED) {
			status = CriteriaStatus.SUPERSEDED;
			registerEvent(new CriteriaVersionChanged(id, versionNo, status, "superseded by version " + byVersionNo, snapshot(),
					Stamp.of(actor)));
		}
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	/** SHA-256 of the content: what an approval approves. */
	public String snapshot() {
		return Digests.snapshot(versionNo, definition, changeNote);
	}

	/** Everyone who changed this version (who may not approve it). */
	public Set<String> editorSet() {
		return review().authors();
	}

	public CriteriaDefinition definition() {
		return CriteriaJson.read(definition);
	}

	public UUID id() {
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public int versionNo() {
		return versionNo;
	}

	public CriteriaStatus status() {
		return status;
	}

	public String changeNote() {
		return changeNote;
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

	public Instant approvedAt() {
		return approvedAt;
	}
}
