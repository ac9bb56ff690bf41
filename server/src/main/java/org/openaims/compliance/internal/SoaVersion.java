package org.openaims.compliance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.approvals.ReviewStep;
import org.openaims.catalog.RequirementView;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.FieldChange;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.compliance.EntryChange;
import org.openaims.compliance.ImplementationStatus;
import org.openaims.compliance.SoaEntriesChanged;
import org.openaims.compliance.SoaStatus;
import org.openaims.compliance.SoaVersionChanged;
import org.openaims.compliance.SoaVersionId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of a Statement of Applicability with a line per control. A draft is edited; submitted,
 * it waits for approval (an edit sends it back to draft and voids the request); approved, it never
 * changes again. The rules of a line hold after every edit: a decision needs a justification both
 * ways, an included control a status, an excluded one is "not applicable".
 */
@Table("soa_versions")
public class SoaVersion extends ReviewableRecord<SoaVersion> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID soaId;

	private int versionNo;

	private SoaStatus status;

	private String changeNote;


	@MappedCollection(idColumn = "soa_version_id")
	private Set<SoaEntry> entries = new HashSet<>();

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	private Instant approvedAt;

	SoaVersion() {
	}

	/** The first version: every control listed, none decided. */
	public static SoaVersion first(UUID soaId, List<RequirementView> controls, Actor actor) {
		SoaVersion v = blank(soaId, 1, actor);
		for (int i = 0; i < controls.size(); i++) {
			RequirementView c = controls.get(i);
			v.entries.add(new SoaEntry(c.id(), c.refId(), i, null, null, null, null, null, null));
		}
		return v;
	}

	/** A new draft from this (approved) version, with the same lines. */
	public SoaVersion nextDraft(Actor actor) {
		SoaVersion v = blank(soaId, versionNo + 1, actor);
		v.entries.addAll(entries);
		v.registerEvent(new SoaVersionChanged(soaId, v.versionNo, SoaStatus.DRAFT, "started from approved version " + versionNo,
				Stamp.of(actor)));
		return v;
	}

	private static SoaVersion blank(UUID soaId, int versionNo, Actor actor) {
		SoaVersion v = new SoaVersion();
		v.id = UUID.randomUUID();
		v.soaId = soaId;
		v.versionNo = versionNo;
		v.status = SoaStatus.DRAFT;
		v.createdAt = Instant.now();
		v.createdBy = actor.username();
		v.updatedAt = v.createdAt;
		v.updatedBy = v.createdBy;
		v.startReview(actor);
		return v;
	}

	/**
	 * Applies changes to lines, all or none; returns whether an approval request became void (the
	 * version was under review). {@code activeUser} tells whether an owner name is a user.
	 */
	public boolean edit(List<EntryChange> changes, String note, Predicate<String> activeUser, Actor actor) {
		if (status == SoaStatus.APPROVED) {
			throw new ConflictException("version " + versionNo + " is approved and cannot change; edits open a new draft");
		}
		// Owners are checked before anything else: a name that is no user is refused on any line, decided or not.
		List<FieldProblem> ownerProblems = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			String owner = blankToNull(changes.get(i).owner());
			if (owner != null && !activeUser.test(owner)) {
				ownerProblems.add(new FieldProblem("entries[" + i + "].owner", "no active user is named '" + owner + "'"));
			}
		}
		InvalidInputException.throwIfAny(ownerProblems);
		Map<UUID, SoaEntry> byRequirement = new LinkedHashMap<>();
		entries.forEach(e -> byRequirement.put(e.requirementId(), e));
		List<FieldProblem> problems = new ArrayList<>();
		Map<UUID, SoaEntry> changed = new HashMap<>();
		Map<String, Map<String, FieldChange>> diff = new TreeMap<>();
		for (int i = 0; i < changes.size(); i++) {
			EntryChange change = changes.get(i);
			String where = "entries[" + i + "]";
			SoaEntry before = changed.containsKey(change.requirementId()) ? changed.get(change.requirementId())
					: byRequirement.get(change.requirementId());
			if (before == null) {
				problems.add(new FieldProblem(where + ".requirementId", "is not a control of this Statement of Applicability"));
				continue;
			}
			SoaEntry after = apply(before, change);
			String label = before.refId() == null ? before.requirementId().toString() : before.refId();
			check(after, where, label, problems);
			changed.put(after.requirementId(), after);
			Map<String, FieldChange> fields = FieldChange.diff(snapshot(before), snapshot(after));
			if (!fields.isEmpty()) {
				diff.computeIfAbsent(label, k -> new TreeMap<>()).putAll(fields);
			}
		}
		InvalidInputException.throwIfAny(problems);
		if (diff.isEmpty()) {
			return false;
		}
		boolean voided = contentChangedBy(actor, "the Statement of Applicability changed after approval was asked for");
		changed.values().forEach(after -> {
			entries.remove(byRequirement.get(after.requirementId()));
			entries.add(after);
		});
		status = SoaStatus.DRAFT;
		changeNote = note == null || note.isBlank() ? changeNote : note.strip();
		touch(actor);
		registerEvent(new SoaEntriesChanged(soaId, versionNo, diff, changeNote, Stamp.of(actor)));
		return voided;
	}

	private static SoaEntry apply(SoaEntry e, EntryChange c) {
		Boolean applicable = c.applicable() != null ? c.applicable() : e.applicable();
		ImplementationStatus status = c.status() != null ? c.status() : e.status();
		if (Boolean.FALSE.equals(applicable) && c.status() == null) {
			status = ImplementationStatus.NOT_APPLICABLE;
		}
		if (Boolean.TRUE.equals(applicable) && c.status() == null && status == ImplementationStatus.NOT_APPLICABLE) {
			status = null;
		}
		return new SoaEntry(e.requirementId(), e.refId(), e.position(), applicable,
				c.justification() != null ? blankToNull(c.justification()) : e.justification(), status,
				c.owner() != null ? blankToNull(c.owner()) : e.owner(), e.evidence(),
				c.lastReviewed() != null ? c.lastReviewed() : e.lastReviewed());
	}

	private static void check(SoaEntry e, String where, String label, List<FieldProblem> problems) {
		if (e.applicable() == null) {
			if (e.status() != null || e.justification() != null) {
				problems.add(new FieldProblem(where + ".applicable", label + ": decide whether the control applies first"));
			}
			return;
		}
		if (e.justification() == null) {
			problems.add(new FieldProblem(where + ".justification", label + (e.applicable()
					? ": say why the control is included" : ": an exclusion needs a justification")));
		}
		if (!e.applicable() && e.status() != ImplementationStatus.NOT_APPLICABLE) {
			problems.add(new FieldProblem(where + ".status", label + ": an excluded control is NOT_APPLICABLE"));
		}
		if (e.applicable() && e.status() == ImplementationStatus.NOT_APPLICABLE) {
			problems.add(new FieldProblem(where + ".status", label + ": an applicable control is PLANNED, PARTIAL or IMPLEMENTED"));
		}
		if (e.applicable() && e.status() == null) {
			problems.add(new FieldProblem(where + ".status", label + ": give the implementation status"));
		}
	}

	/** A step of this version's review; a submitted draft has every line decided and complete. */
	public void reviewed(ReviewStep step) {
		switch (step.to()) {
			case SUBMITTED -> {
				if (status != SoaStatus.DRAFT) {
					throw new ConflictException("version " + versionNo + " is " + status.name().toLowerCase().replace('_', ' ')
							+ "; only a draft is submitted");
				}
				List<String> open = sorted().stream()
					.filter(e -> e.applicable() == null || e.justification() == null || e.status() == null)
					.map(e -> e.refId() == null ? e.requirementId().toString() : e.refId())
					.toList();
				if (!open.isEmpty()) {
					throw new ConflictException(open.size() + " controls are not decided yet: "
							+ String.join(", ", open.subList(0, Math.min(open.size(), 12))) + (open.size() > 12 ? " …" : ""));
				}
				status = SoaStatus.IN_REVIEW;
			}
			case APPROVED -> {
				status = SoaStatus.APPROVED;
				approvedAt = Instant.now();
			}
			case SENT_BACK, WITHDRAWN, INVALIDATED -> status = SoaStatus.DRAFT;
			default -> throw new IllegalArgumentException(step.to().name());
		}
		recordStep(step);
	}

	@Override
	public String reviewDigest() {
		return snapshot();
	}

	@Override
	public ItemRef<SoaVersionId> reviewRef() {
		return SoaVersionId.REVIEW.ref(new SoaVersionId(id));
	}

	@Override
	protected String reviewTitle() {
		return "Statement of Applicability, version " + versionNo;
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	/** SHA-256 of the lines: what an approval approves. */
	public String snapshot() {
		List<Object> parts = new ArrayList<>();
		parts.add("soa-version");
		parts.add(soaId);
		parts.add(versionNo);
		for (SoaEntry e : sorted()) {
			parts.addAll(Arrays.asList(e.requirementId(), e.applicable(), e.justification(), e.status(), e.owner(), e.evidence(),
					e.lastReviewed()));
		}
		return Digests.snapshot(parts.toArray());
	}

	private static Map<String, Object> snapshot(SoaEntry e) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("applicable", e.applicable());
		values.put("justification", e.justification());
		values.put("status", e.status() == null ? null : e.status().name());
		values.put("owner", e.owner());
		values.put("evidence", e.evidence());
		values.put("lastReviewed", e.lastReviewed() == null ? null : e.lastReviewed().toString());
		return values;
	}

	/** The changes per control from {@code older} to this version. */
	public Map<UUID, Map<String, FieldChange>> differencesFrom(SoaVersion older) {
		Map<UUID, SoaEntry> before = new HashMap<>();
		older.entries.forEach(e -> before.put(e.requirementId(), e));
		Map<UUID, Map<String, FieldChange>> diff = new LinkedHashMap<>();
		for (SoaEntry e : sorted()) {
			SoaEntry old = before.get(e.requirementId());
			Map<String, FieldChange> fields = FieldChange.diff(old == null ? Map.of() : snapshot(old), snapshot(e));
			if (!fields.isEmpty()) {
				diff.put(e.requirementId(), fields);
			}
		}
		return diff;
	}

	public List<SoaEntry> sorted() {
		return entries.stream().sorted(Comparator.comparingInt(SoaEntry::position)).toList();
	}

	/** Everyone who changed this version (who may not approve it). */
	public Set<String> editorSet() {
		return review().authors();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public UUID id() {
		return id;
	}

	public UUID soaId() {
		return soaId;
	}

	public int versionNo() {
		return versionNo;
	}

	public SoaStatus status() {
		return status;
	}

	public String changeNote() {
		return changeNote;
	}

	public Instant createdAt() {
		return createdAt;
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

	public long version() {
		return version == null ? 0 : version;
	}
}
