package org.openaims.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.approvals.ReviewStep;
import org.openaims.common.Actor;
import org.openaims.common.Digests;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.inventory.ScopeStatementDetails;
import org.openaims.inventory.ScopeStatementRevised;
import org.openaims.inventory.ScopeStatementView;
import org.openaims.inventory.ScopeVersionId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of the AIMS scope statement (4.3, mandatory documented information) with the AI
 * systems in and out of scope as they stood when it was saved. Versions never change: each save is a
 * new version, a draft until someone other than its authors approves it; the newest approved version
 * is in force.
 */
@Table("scope_statements")
public class ScopeStatement extends ReviewableRecord<ScopeStatement> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private int versionNo;

	private String boundaries;

	private String inclusionCriteria;

	@MappedCollection(idColumn = "scope_statement_id", keyColumn = "list_index")
	private List<ScopeExclusion> exclusions;

	@MappedCollection(idColumn = "scope_statement_id", keyColumn = "list_index")
	private List<ScopeSystem> systems = new ArrayList<>();

	private boolean systemsRecorded;

	private String changeNote;

	private Instant createdAt;

	private String createdBy;

	ScopeStatement() {
	}

	/** The version following {@code previous} (null for the first), recording {@code inScope} and {@code outOfScope}. */
	public static ScopeStatement revise(ScopeStatement previous, ScopeStatementDetails details, List<ScopeStatementView.ScopedSystem> inScope,
			List<ScopeStatementView.ScopedSystem> outOfScope, Actor actor) {
		ScopeStatement next = build(previous, details, inScope, outOfScope, actor);
		Map<String, FieldChange> changes = FieldChange.diff(previous == null ? Map.of() : previous.snapshot(), next.snapshot());
		next.registerEvent(new ScopeStatementRevised(next.id, next.versionNo, next.changeNote, changes, Stamp.of(actor)));
		return next;
	}

	private static ScopeStatement build(ScopeStatement previous, ScopeStatementDetails details, List<ScopeStatementView.ScopedSystem> inScope,
			List<ScopeStatementView.ScopedSystem> outOfScope, Actor actor) {
		ScopeStatement next = new ScopeStatement();
		next.id = UUID.randomUUID();
		next.versionNo = previous == null ? 1 : previous.versionNo + 1;
		next.boundaries = details.boundaries().strip();
		next.inclusionCriteria = details.inclusionCriteria().strip();
		next.exclusions = details.exclusionList()
			.stream()
			.map(e -> new ScopeExclusion(e.subject().strip(), e.justification().strip()))
			.toList();
		next.changeNote = details.changeNote() == null || details.changeNote().isBlank() ? null
				: details.changeNote().strip();
		inScope.forEach(s -> next.systems.add(new ScopeSystem(s.id(), s.name(), s.lifecycleStage(), true, s.scopeJustification())));
		outOfScope.forEach(s -> next.systems.add(new ScopeSystem(s.id(), s.name(), s.lifecycleStage(), false, s.scopeJustification())));
		next.systemsRecorded = true;
		next.createdAt = Instant.now();
		next.createdBy = actor.username();
		// Drafts since the version in force build on each other: all their writers are authors.
		next.startReviewAfter(previous == null ? null : previous.review(), actor);
		return next;
	}

	/** Whether saving {@code details} with these systems would say the same as this version (and so add nothing). */
	public boolean sameAs(ScopeStatementDetails details, List<ScopeStatementView.ScopedSystem> inScope,
			List<ScopeStatementView.ScopedSystem> outOfScope) {
		return digest().equals(build(null, details, inScope, outOfScope, Actor.SYSTEM).withNumber(versionNo).digest());
	}

	private ScopeStatement withNumber(int number) {
		versionNo = number;
		return this;
	}

	/** A newer version was saved: a pending review of this one is void (an approved one stays in force until the newer is approved). */
	public boolean superseded(int byVersionNo, Actor actor) {
		return review().isSubmitted() && invalidateReview("superseded by version " + byVersionNo, Stamp.of(actor));
	}

	/** A step of this version's review. */
	public void reviewed(ReviewStep step) {
		recordStep(step);
	}

	@Override
	public String reviewDigest() {
		return digest();
	}

	@Override
	public ItemRef<ScopeVersionId> reviewRef() {
		return ScopeVersionId.REVIEW.ref(new ScopeVersionId(id));
	}

	@Override
	protected String reviewTitle() {
		return "scope statement, version " + versionNo;
	}

	/** SHA-256 of what an approval approves: the text and the systems recorded in and out of scope. */
	public String digest() {
		List<Object> parts = new ArrayList<>(List.of("scope-version", versionNo, boundaries, inclusionCriteria));
		exclusions.forEach(e -> parts.add(e.subject() + ": " + e.justification()));
		systems.forEach(s -> parts.add(s.aiSystemId() + (s.inScope() ? " in " : " out ") + s.scopeJustification()));
		return Digests.snapshot(parts.toArray());
	}

	/** The version as lines an approver reads and compares with the version in force. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Boundaries: " + boundaries);
		lines.add("Inclusion criteria: " + inclusionCriteria);
		exclusions.forEach(e -> lines.add("Excluded: " + e.subject() + " — " + e.justification()));
		systems.stream().filter(ScopeSystem::inScope).forEach(s -> lines.add("In scope: " + s.name()));
		systems.stream().filter(s -> !s.inScope())
			.forEach(s -> lines.add("Out of scope: " + s.name() + (s.scopeJustification() == null ? "" : " — " + s.scopeJustification())));
		return lines;
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("boundaries", boundaries);
		values.put("inclusionCriteria", inclusionCriteria);
		values.put("exclusions", exclusions.stream().map(e -> e.subject() + ": " + e.justification()).toList());
		values.put("aiSystemsInScope", systems.stream().filter(ScopeSystem::inScope).map(ScopeSystem::name).toList());
		return values;
	}

	public UUID id() {
		return id;
	}

	public int versionNo() {
		return versionNo;
	}

	/** The systems recorded in (true) or out of (false) scope; empty when the version recorded none. */
	public Optional<List<ScopeStatementView.ScopedSystem>> recorded(boolean inScope) {
		if (!systemsRecorded) {
			return Optional.empty();
		}
		return Optional.of(systems.stream().filter(s -> s.inScope() == inScope)
			.map(s -> new ScopeStatementView.ScopedSystem(s.aiSystemId(), s.name(), s.lifecycleStage(), s.scopeJustification()))
			.toList());
	}

	/** The version's own fields; the service adds its review's approval, systems and changes. */
	public ScopeStatementView view(boolean inForce) {
		return new ScopeStatementView(id, versionNo, boundaries, inclusionCriteria,
				exclusions.stream().map(e -> new ScopeStatementDetails.Exclusion(e.subject(), e.justification())).toList(),
				changeNote, createdAt, createdBy, inForce, review().status(), null, null, null, null, null);
	}
}
