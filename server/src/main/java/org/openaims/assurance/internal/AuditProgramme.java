package org.openaims.assurance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.assurance.AssuranceEvent;
import org.openaims.assurance.AuditProgrammeId;
import org.openaims.assurance.ProgrammeDetails;
import org.openaims.common.Actor;
import org.openaims.common.Digests;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An audit programme (9.2.2): approved by someone who did not write it; an edit voids the approval. */
@Table("audit_programmes")
public class AuditProgramme extends ReviewableRecord<AuditProgramme> {

	public static final String SUBJECT = AuditProgrammeId.REVIEW.key();

	@Id
	private UUID id;

	@Version
	private Long version;

	private String title;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private String objectives;

	private String criteria;

	private String method;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	AuditProgramme() {
	}

	public static AuditProgramme plan(ProgrammeDetails d, Actor actor) {
		AuditProgramme p = new AuditProgramme();
		p.id = UUID.randomUUID();
		p.apply(d);
		p.createdAt = Instant.now();
		p.createdBy = actor.username();
		p.updatedAt = p.createdAt;
		p.updatedBy = actor.username();
		p.startReview(actor);
		p.registerEvent(new AssuranceEvent("AuditProgrammePlanned", Subject.of(SUBJECT, p.id), p.snapshot(), Stamp.of(actor)));
		return p;
	}

	/** Edits the programme; returns whether a review or approval became void. */
	public boolean change(ProgrammeDetails d, Actor actor) {
		Map<String, Object> before = snapshot();
		apply(d);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (changes.isEmpty()) {
			return false;
		}
		updatedAt = Instant.now();
		updatedBy = actor.username();
		registerEvent(new AssuranceEvent("AuditProgrammeChanged", Subject.of(SUBJECT, id), new LinkedHashMap<>(changes), Stamp.of(actor)));
		return contentChangedBy(actor, "the audit programme was edited");
	}

	public void reviewed(ReviewStep step) {
		recordStep(step);
	}

	private void apply(ProgrammeDetails d) {
		title = d.title().strip();
		periodStart = d.periodStart();
		periodEnd = d.periodEnd();
		objectives = Texts.blank(d.objectives());
		criteria = Texts.blank(d.criteria());
		method = Texts.blank(d.method());
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("title", title);
		v.put("periodStart", periodStart.toString());
		v.put("periodEnd", periodEnd.toString());
		v.put("objectives", objectives);
		v.put("criteria", criteria);
		v.put("method", method);
		return v;
	}

	/** The programme as lines an approver reads. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Programme: " + title);
		lines.add("Period: " + periodStart + " to " + periodEnd);
		lines.add("Objectives: " + (objectives == null ? "(none)" : objectives));
		lines.add("Criteria: " + (criteria == null ? "(none)" : criteria));
		lines.add("Method: " + (method == null ? "(none)" : method));
		return lines;
	}

	@Override
	public ItemRef<AuditProgrammeId> reviewRef() {
		return AuditProgrammeId.REVIEW.ref(new AuditProgrammeId(id));
	}

	@Override
	public String reviewDigest() {
		return Digests.ofLines("audit-programme", id, lines());
	}

	@Override
	protected String reviewTitle() {
		return "audit programme '" + title + "'";
	}

	public UUID id() {
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public String title() {
		return title;
	}

	public LocalDate periodStart() {
		return periodStart;
	}

	public LocalDate periodEnd() {
		return periodEnd;
	}

	public String objectives() {
		return objectives;
	}

	public String criteria() {
		return criteria;
	}

	public String method() {
		return method;
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
}
