package org.openaims.risk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.approvals.ReviewStep;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.FieldChange;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.risk.AssessmentStatus;
import org.openaims.risk.ImpactAssessmentChanged;
import org.openaims.risk.ImpactAssessmentDetails;
import org.openaims.risk.ImpactAssessmentId;
import org.openaims.risk.ImpactAssessmentStatusChanged;
import org.openaims.risk.ImpactInput;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An impact assessment of one version of an AI system (6.1.4, 8.4, A.5.2-A.5.5). Edited as a draft,
 * approved by someone who did not edit it, then never changed. It becomes stale when the system gets a
 * new version or its intended use changes; a stale draft is brought up to the current version by its
 * next edit, a stale approved one is replaced by a new assessment.
 */
@Table("impact_assessments")
public class ImpactAssessment extends ReviewableRecord<ImpactAssessment> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID aiSystemId;

	private String systemVersion;

	private UUID criteriaId;

	private AssessmentStatus status;

	private String intendedUse;

	private String foreseeableMisuse;

	private String affectedGroups;

	private String vulnerableGroups;

	private String reviewers;


	private boolean stale;

	private String staleReason;

	private Instant staleSince;

	@MappedCollection(idColumn = "impact_assessment_id", keyColumn = "list_index")
	private List<ImpactLine> impacts = new ArrayList<>();

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	private Instant approvedAt;

	ImpactAssessment() {
	}

	/** A new draft for the system's current version, filled from {@code d}, scored on {@code criteria}. */
	public static ImpactAssessment start(UUID aiSystemId, String systemVersion, ImpactAssessmentDetails d, CriteriaRef criteria,
			String basis, Actor actor) {
		ImpactAssessment a = new ImpactAssessment();
		a.id = UUID.randomUUID();
		a.aiSystemId = aiSystemId;
		a.systemVersion = systemVersion;
		a.criteriaId = criteria.id();
		a.status = AssessmentStatus.DRAFT;
		a.apply(d, criteria);
		a.createdAt = Instant.now();
		a.createdBy = actor.username();
		a.updatedAt = a.createdAt;
		a.updatedBy = a.createdBy;
		a.startReview(actor);
		a.registerEvent(new ImpactAssessmentChanged(a.id, aiSystemId, systemVersion, "started" + (basis == null ? "" : " from " + basis),
				FieldChange.diff(Map.of(), a.fields()), Stamp.of(actor)));
		return a;
	}

	/**
	 * Changes a draft (a version under review goes back to draft; returns true then, its approval is
	 * void). A stale draft is brought up to {@code currentSystemVersion} and scored on the criteria in force.
	 */
	public boolean edit(ImpactAssessmentDetails d, String currentSystemVersion, CriteriaRef inForce, Actor actor) {
		if (status == AssessmentStatus.APPROVED) {
			throw new ConflictException("this impact assessment is approved and cannot change; start a new assessment");
		}
		Map<String, Object> before = fields();
		if (stale) {
			systemVersion = currentSystemVersion;
			criteriaId = inForce.id();
			stale = false;
			staleReason = null;
			staleSince = null;
		}
		else if (!inForce.id().equals(criteriaId)) {
			criteriaId = inForce.id();
		}
		apply(d, inForce);
		Map<String, FieldChange> changes = FieldChange.diff(before, fields());
		if (changes.isEmpty()) {
			return false;
		}
		boolean voided = contentChangedBy(actor, "the impact assessment changed after approval was asked for");
		status = AssessmentStatus.DRAFT;
		touch(actor);
		registerEvent(new ImpactAssessmentChanged(id, aiSystemId, systemVersion, voided ? "edited under review, sent back to draft" : "edited",
				changes, Stamp.of(actor)));
		return voided;
	}

	/** A step of this assessment's review; a submitted one is current (not stale) and assesses at least one impact. */
	public void reviewed(ReviewStep step) {
		switch (step.to()) {
			case SUBMITTED -> {
				if (status != AssessmentStatus.DRAFT) {
					throw new ConflictException("the impact assessment is " + status.name().toLowerCase().replace('_', ' ')
							+ "; only a draft is submitted");
				}
				if (stale) {
					throw new ConflictException("the impact assessment is stale (" + staleReason + "); edit it for the current version first");
				}
				if (impacts.isEmpty()) {
					throw new ConflictException("assess at least one impact before submitting");
				}
				status = AssessmentStatus.IN_REVIEW;
			}
			case APPROVED -> {
				status = AssessmentStatus.APPROVED;
				approvedAt = Instant.now();
			}
			case SENT_BACK, WITHDRAWN, INVALIDATED -> status = status == AssessmentStatus.APPROVED ? status : AssessmentStatus.DRAFT;
			default -> throw new IllegalArgumentException(step.to().name());
		}
		recordStep(step);
	}

	@Override
	public String reviewDigest() {
		return snapshot();
	}

	@Override
	public ItemRef<ImpactAssessmentId> reviewRef() {
		return ImpactAssessmentId.REVIEW.ref(new ImpactAssessmentId(id));
	}

	@Override
	protected String reviewTitle() {
		return "impact assessment" + (systemVersion == null ? "" : " of version " + systemVersion);
	}

	/** Marks the assessment stale; returns whether it was under review (its approval request is then void). */
	public boolean becomeStale(String reason, Actor actor) {
		if (stale) {
			return false;
		}
		stale = true;
		staleReason = reason;
		staleSince = Instant.now();
		boolean voided = invalidateReview("the impact assessment became stale: " + reason, Stamp.of(actor));
		if (status == AssessmentStatus.IN_REVIEW) {
			status = AssessmentStatus.DRAFT;
		}
		registerEvent(new ImpactAssessmentStatusChanged(id, aiSystemId, status, true, "stale: " + reason, Stamp.of(actor)));
		return voided;
	}

	private void apply(ImpactAssessmentDetails d, CriteriaRef criteria) {
		List<FieldProblem> problems = new ArrayList<>();
		List<ImpactInput> inputs = d.impacts() == null ? List.of() : d.impacts();
		List<ImpactLine> lines = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			ImpactInput in = inputs.get(i);
			problems.addAll(criteria.definition().scoreProblems(in.likelihood(), "impacts[" + i + "].likelihood", in.severity(),
					"impacts[" + i + "].severity", criteria.versionNo()));
			lines.add(new ImpactLine(in.area(), in.description().strip(), in.severity() == null ? 0 : in.severity(),
					in.likelihood() == null ? 0 : in.likelihood(), blankToNull(in.mitigation())));
		}
		InvalidInputException.throwIfAny(problems);
		intendedUse = d.intendedUse().strip();
		foreseeableMisuse = blankToNull(d.foreseeableMisuse());
		affectedGroups = blankToNull(d.affectedGroups());
		vulnerableGroups = blankToNull(d.vulnerableGroups());
		reviewers = d.reviewers() == null || d.reviewers().isEmpty() ? null
				: String.join(",", new LinkedHashSet<>(d.reviewers().stream().map(String::strip).toList()));
		impacts = lines;
	}

	/** The assessed content by field, as an approver reads it. */
	public Map<String, Object> contentFields() {
		return fields();
	}

	private Map<String, Object> fields() {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("systemVersion", systemVersion);
		f.put("intendedUse", intendedUse);
		f.put("foreseeableMisuse", foreseeableMisuse);
		f.put("affectedGroups", affectedGroups);
		f.put("vulnerableGroups", vulnerableGroups);
		f.put("reviewers", reviewers);
		for (int i = 0; i < impacts.size(); i++) {
			ImpactLine l = impacts.get(i);
			f.put("impact " + (i + 1), l.area() + " | " + l.description() + " | severity " + l.severity() + " | likelihood "
					+ l.likelihood() + (l.mitigation() == null ? "" : " | mitigation: " + l.mitigation()));
		}
		return f;
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	/** SHA-256 of the content: what an approval approves. */
	public String snapshot() {
		List<Object> parts = new ArrayList<>(List.of(String.valueOf(systemVersion), String.valueOf(criteriaId)));
		fields().forEach((k, v) -> parts.add(k + "=" + v));
		parts.add("stale=" + stale);
		return Digests.snapshot(parts.toArray());
	}

	/** Everyone who changed this assessment (who may not approve it). */
	public Set<String> editorSet() {
		return review().authors();
	}

	public List<String> reviewerList() {
		return reviewers == null ? List.of() : List.of(reviewers.split(","));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** The content as details, to start a new assessment from this one. */
	public ImpactAssessmentDetails details() {
		return new ImpactAssessmentDetails(intendedUse, foreseeableMisuse, affectedGroups, vulnerableGroups, reviewerList(),
				impacts.stream().map(l -> new ImpactInput(l.area(), l.description(), l.severity(), l.likelihood(), l.mitigation())).toList(),
				null);
	}

	public UUID id() {
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public UUID aiSystemId() {
		return aiSystemId;
	}

	public String systemVersion() {
		return systemVersion;
	}

	public UUID criteriaId() {
		return criteriaId;
	}

	public AssessmentStatus status() {
		return status;
	}

	public String intendedUse() {
		return intendedUse;
	}

	public String foreseeableMisuse() {
		return foreseeableMisuse;
	}

	public String affectedGroups() {
		return affectedGroups;
	}

	public String vulnerableGroups() {
		return vulnerableGroups;
	}

	public boolean stale() {
		return stale;
	}

	public String staleReason() {
		return staleReason;
	}

	public Instant staleSince() {
		return staleSince;
	}

	public List<ImpactLine> impacts() {
		return List.copyOf(impacts);
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
