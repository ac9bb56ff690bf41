package org.openaims.lifecycle.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.inventory.ChangeSignificance;
import org.openaims.lifecycle.ChangeDetails;
import org.openaims.lifecycle.ChangeId;
import org.openaims.lifecycle.ChangeOpened;
import org.openaims.lifecycle.ChangeStatus;
import org.openaims.lifecycle.ChangeType;
import org.openaims.lifecycle.ChangeUpdated;
import org.openaims.lifecycle.RollbackPlan;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A change ticket (8.1, A.6.2.5): the change of an AI system from one version to the next, with its
 * test runs and rollback plan, approved by someone other than its authors. Any edit of its content
 * voids a pending or given approval. The system and the version it introduces never change.
 */
@Table("change_tickets")
public class ChangeTicket extends ReviewableRecord<ChangeTicket> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID aiSystemId;

	private String fromVersion;

	private String toVersion;

	private ChangeType changeType;

	private String title;

	private String description;

	private ChangeSignificance significance;

	private ChangeStatus status;

	private String rollbackSteps;

	private String rollbackTriggers;

	private String rollbackOwner;

	private boolean rollbackTested;

	private LocalDate rollbackTestedOn;

	private UUID rollbackEvidenceId;

	@MappedCollection(idColumn = "change_id")
	private Set<ChangeTestRun> testRuns = new HashSet<>();

	private Instant openedAt;

	private String openedBy;

	private Instant updatedAt;

	private String updatedBy;

	ChangeTicket() {
	}

	public static ChangeTicket open(ChangeDetails d, String rollbackOwner, Actor actor) {
		ChangeTicket c = new ChangeTicket();
		c.id = UUID.randomUUID();
		c.aiSystemId = d.aiSystemId();
		c.toVersion = d.toVersion().strip();
		c.status = ChangeStatus.OPEN;
		c.apply(d, rollbackOwner);
		c.openedAt = Instant.now();
		c.openedBy = actor.username();
		c.updatedAt = c.openedAt;
		c.updatedBy = actor.username();
		c.startReview(actor);
		c.registerEvent(new ChangeOpened(c.id, c.aiSystemId, c.toVersion, c.snapshot(), Stamp.of(actor)));
		return c;
	}

	/** Edits the ticket; returns whether a review or approval became void. */
	public boolean change(ChangeDetails d, String rollbackOwner, Actor actor) {
		requireOpen();
		if (!d.aiSystemId().equals(aiSystemId) || !d.toVersion().strip().equals(toVersion)) {
			throw new ConflictException("a change's AI system and the version it introduces stay as opened; open another change instead");
		}
		Map<String, Object> before = snapshot();
		apply(d, rollbackOwner);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (changes.isEmpty()) {
			return false;
		}
		updatedAt = Instant.now();
		updatedBy = actor.username();
		registerEvent(new ChangeUpdated(id, changes, Stamp.of(actor)));
		return contentChangedBy(actor, "the change ticket was edited");
	}

	/** The change reached production, was rolled back, or was given up. */
	public void moveTo(ChangeStatus next, String reason, Actor actor) {
		if (next == status) {
			return;
		}
		if (status == ChangeStatus.CANCELLED) {
			throw new ConflictException("change '" + title + "' was cancelled");
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("status", new FieldChange(status, next));
		if (reason != null) {
			changes.put("reason", new FieldChange(null, reason));
		}
		status = next;
		updatedAt = Instant.now();
		updatedBy = actor.username();
		registerEvent(new ChangeUpdated(id, changes, Stamp.of(actor)));
	}

	private void requireOpen() {
		if (status != ChangeStatus.OPEN) {
			throw new ConflictException("change '" + title + "' is " + status.name().toLowerCase().replace('_', ' ') + "; only an open change is edited");
		}
	}

	private void apply(ChangeDetails d, String owner) {
		fromVersion = blank(d.fromVersion());
		changeType = d.type();
		title = d.title().strip();
		description = blank(d.description());
		significance = d.significance();
		RollbackPlan plan = d.rollbackPlan();
		rollbackSteps = plan == null ? null : blank(plan.steps());
		rollbackTriggers = plan == null ? null : blank(plan.triggerCriteria());
		rollbackOwner = owner;
		rollbackTested = plan != null && plan.tested();
		rollbackTestedOn = plan == null ? null : plan.testedOn();
		rollbackEvidenceId = plan == null ? null : plan.evidenceId();
		testRuns.clear();
		if (d.testRunIds() != null) {
			d.testRunIds().stream().distinct().forEach(r -> testRuns.add(new ChangeTestRun(r)));
		}
	}

	public void reviewed(ReviewStep step) {
		if (step.to() == org.openaims.approvals.ReviewStatus.SUBMITTED) {
			requireOpen();
		}
		recordStep(step);
	}

	@Override
	public ItemRef<ChangeId> reviewRef() {
		return ChangeId.REVIEW.ref(new ChangeId(id));
	}

	@Override
	public String reviewDigest() {
		return Digests.ofLines("change", id, lines());
	}

	@Override
	protected String reviewTitle() {
		return "change '" + title + "'";
	}

	/** The ticket as lines an approver reads. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Change: " + title);
		lines.add("Versions: " + (fromVersion == null ? "(none)" : fromVersion) + " → " + toVersion);
		lines.add("Type: " + changeType + ", " + significance.name().toLowerCase());
		if (description != null) {
			lines.add("Description: " + description);
		}
		lines.add("Rollback steps: " + (rollbackSteps == null ? "(none)" : rollbackSteps));
		lines.add("Rollback triggers: " + (rollbackTriggers == null ? "(none)" : rollbackTriggers));
		lines.add("Rollback owner: " + (rollbackOwner == null ? "(none)" : rollbackOwner));
		lines.add("Rollback tested: " + (rollbackTested ? "yes" + (rollbackTestedOn == null ? "" : ", on " + rollbackTestedOn) : "no")
				+ (rollbackEvidenceId == null ? "" : " (evidence " + rollbackEvidenceId + ")"));
		testRunIds().stream().sorted().forEach(r -> lines.add("Test run: " + r));
		return lines;
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("aiSystemId", aiSystemId);
		v.put("fromVersion", fromVersion);
		v.put("toVersion", toVersion);
		v.put("type", changeType);
		v.put("title", title);
		v.put("description", description);
		v.put("significance", significance);
		v.put("rollbackSteps", rollbackSteps);
		v.put("rollbackTriggers", rollbackTriggers);
		v.put("rollbackOwner", rollbackOwner);
		v.put("rollbackTested", rollbackTested);
		v.put("rollbackTestedOn", rollbackTestedOn == null ? null : rollbackTestedOn.toString());
		v.put("rollbackEvidenceId", rollbackEvidenceId);
		v.put("testRuns", testRunIds().stream().map(UUID::toString).sorted().toList());
		return v;
	}

	public List<UUID> testRunIds() {
		return testRuns.stream().map(ChangeTestRun::testRunId).sorted().toList();
	}

	public RollbackPlan rollbackPlan() {
		return new RollbackPlan(rollbackSteps, rollbackTriggers, rollbackOwner, rollbackTested, rollbackTestedOn, rollbackEvidenceId);
	}

	public UUID id() {
		return id;
	}

	public UUID aiSystemId() {
		return aiSystemId;
	}

	public String fromVersion() {
		return fromVersion;
	}

	public String toVersion() {
		return toVersion;
	}

	public ChangeType changeType() {
		return changeType;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public ChangeSignificance significance() {
		return significance;
	}

	public ChangeStatus status() {
		return status;
	}

	public Instant openedAt() {
		return openedAt;
	}

	public String openedBy() {
		return openedBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
