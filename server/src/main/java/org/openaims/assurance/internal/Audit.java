package org.openaims.assurance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.assurance.AssuranceEvent;
import org.openaims.assurance.AuditDetails;
import org.openaims.assurance.AuditResult;
import org.openaims.assurance.AuditStatus;
import org.openaims.assurance.ScopeKind;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.NotFoundException;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An internal audit (9.2): planned with its scope and team, started (its checklist generated from the
 * scope's requirements), each item given a result by an independent auditor, and reported once every
 * item has one. The scope and team change only while it is planned.
 */
@Table("audits")
public class Audit extends AbstractAggregateRoot<Audit> {

	public static final String SUBJECT = "audit";

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID programmeId;

	private String title;

	private LocalDate plannedStart;

	private LocalDate plannedEnd;

	private LocalDate auditedFrom;

	private LocalDate auditedTo;

	private String scopeClauses;

	private String scopeControls;

	private String scopeSystems;

	private String scopeProcesses;

	private String criteria;

	private String method;

	private String leadAuditor;

	private String team;

	private AuditStatus status;

	private UUID followUpOf;

	private Instant reportIssuedAt;

	private String reportIssuedBy;

	@MappedCollection(idColumn = "audit_id", keyColumn = "list_index")
	private List<AuditItem> items = new ArrayList<>();

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	Audit() {
	}

	public static Audit plan(AuditDetails d, UUID followUpOf, Actor actor) {
		Audit a = new Audit();
		a.id = UUID.randomUUID();
		a.status = AuditStatus.PLANNED;
		a.followUpOf = followUpOf;
		a.apply(d);
		a.createdAt = Instant.now();
		a.createdBy = actor.username();
		a.updatedAt = a.createdAt;
		a.updatedBy = actor.username();
		Map<String, Object> values = a.snapshot();
		if (followUpOf != null) {
			values.put("followUpOf", followUpOf.toString());
		}
		a.registerEvent(new AssuranceEvent("AuditPlanned", Subject.of(SUBJECT, a.id), values, Stamp.of(actor)));
		return a;
	}

	public void change(AuditDetails d, Actor actor) {
		requireStatus(AuditStatus.PLANNED, "only a planned audit's scope, dates and team change");
		Map<String, Object> before = snapshot();
		apply(d);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (!changes.isEmpty()) {
			touch(actor);
			registerEvent(new AssuranceEvent("AuditChanged", Subject.of(SUBJECT, id), new LinkedHashMap<>(changes), Stamp.of(actor)));
		}
	}

	/** Starts the audit with its checklist. */
	public void start(List<AuditItem> checklist, Actor actor) {
		requireStatus(AuditStatus.PLANNED, "the audit was started already");
		items.clear();
		items.addAll(checklist);
		status = AuditStatus.IN_PROGRESS;
		touch(actor);
		registerEvent(new AssuranceEvent("AuditStarted", Subject.of(SUBJECT, id),
				Map.of("items", items.size(), "titles", items.stream().map(AuditItem::title).toList()), Stamp.of(actor)));
	}

	/** {@code auditor} audits item {@code index} (their independence was checked). */
	public void assign(int index, String auditor, Actor actor) {
		requireStatus(AuditStatus.IN_PROGRESS, "only an audit in progress is worked on");
		AuditItem item = item(index);
		if (auditor.equals(item.auditor)) {
			return;
		}
		if (item.result != null && item.auditor != null) {
			throw new ConflictException("item " + (index + 1) + " has a result by " + item.auditor + "; it stays theirs");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("item", index + 1);
		values.put("title", item.title);
		values.put("auditor", new FieldChange(item.auditor, auditor));
		item.auditor = auditor;
		touch(actor);
		registerEvent(new AssuranceEvent("AuditItemAssigned", Subject.of(SUBJECT, id), values, Stamp.of(actor)));
	}

	/** Records an item's result, notes, sampled records and evidence. */
	public void record(int index, AuditResult result, String notes, String sampled, UUID evidenceId, Actor actor) {
		requireStatus(AuditStatus.IN_PROGRESS, "only an audit in progress is worked on");
		AuditItem item = item(index);
		if (item.nonconformityId != null && result != item.result) {
			throw new ConflictException("item " + (index + 1) + " raised a nonconformity; its result stays " + item.result);
		}
		Map<String, Object> before = itemSnapshot(item);
		item.result = result;
		item.notes = Texts.blank(notes);
		item.sampled = Texts.blank(sampled);
		item.evidenceId = evidenceId;
		Map<String, FieldChange> changes = FieldChange.diff(before, itemSnapshot(item));
		if (changes.isEmpty()) {
			return;
		}
		item.recordedAt = Instant.now();
		item.recordedBy = actor.username();
		touch(actor);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("item", index + 1);
		values.put("title", item.title);
		values.putAll(changes);
		registerEvent(new AssuranceEvent("AuditItemRecorded", Subject.of(SUBJECT, id), values, Stamp.of(actor)));
	}

	public void raised(int index, UUID nonconformityId) {
		item(index).nonconformityId = nonconformityId;
	}

	/** Issues the report: every item has a result. */
	public void issueReport(Actor actor) {
		requireStatus(AuditStatus.IN_PROGRESS, "only an audit in progress is reported");
		long open = items.stream().filter(i -> i.result == null).count();
		if (open > 0) {
			throw new ConflictException(open + " of " + items.size() + " checklist items have no result yet; the report is issued when every item has one");
		}
		status = AuditStatus.REPORTED;
		reportIssuedAt = Instant.now();
		reportIssuedBy = actor.username();
		touch(actor);
		Map<String, Object> values = new LinkedHashMap<>();
		for (AuditResult r : AuditResult.values()) {
			values.put(r.name(), items.stream().filter(i -> i.result == r).count());
		}
		registerEvent(new AssuranceEvent("AuditReportIssued", Subject.of(SUBJECT, id), values, Stamp.of(actor)));
	}

	public AuditItem item(int index) {
		if (index < 0 || index >= items.size()) {
			throw new NotFoundException("checklist item", index + 1);
		}
		return items.get(index);
	}

	private static Map<String, Object> itemSnapshot(AuditItem i) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("result", i.result);
		v.put("notes", i.notes);
		v.put("sampled", i.sampled);
		v.put("evidenceId", i.evidenceId);
		return v;
	}

	private void requireStatus(AuditStatus wanted, String message) {
		if (status != wanted) {
			throw new ConflictException("audit '" + title + "' is " + status.name().toLowerCase().replace('_', ' ') + "; " + message);
		}
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	private void apply(AuditDetails d) {
		programmeId = d.programmeId();
		title = d.title().strip();
		plannedStart = d.plannedStart();
		plannedEnd = d.plannedEnd();
		auditedFrom = d.auditedFrom();
		auditedTo = d.auditedTo();
		scopeClauses = Texts.join(d.clauses());
		scopeControls = Texts.join(d.controls());
		scopeSystems = d.aiSystemIds() == null ? null : Texts.join(d.aiSystemIds().stream().map(UUID::toString).toList());
		scopeProcesses = Texts.join(d.processes());
		criteria = Texts.blank(d.criteria());
		method = Texts.blank(d.method());
		leadAuditor = d.leadAuditor().strip();
		team = Texts.join(d.team() == null ? null : d.team().stream().filter(t -> t != null && !t.strip().equals(leadAuditor)).toList());
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("programmeId", programmeId.toString());
		v.put("title", title);
		v.put("plannedStart", plannedStart.toString());
		v.put("plannedEnd", plannedEnd.toString());
		v.put("auditedFrom", auditedFrom.toString());
		v.put("auditedTo", auditedTo.toString());
		v.put("clauses", scopeClauses);
		v.put("controls", scopeControls);
		v.put("aiSystems", scopeSystems);
		v.put("processes", scopeProcesses);
		v.put("criteria", criteria);
		v.put("method", method);
		v.put("leadAuditor", leadAuditor);
		v.put("team", team);
		return v;
	}

	/** The lead auditor and the team. */
	public List<String> auditors() {
		List<String> all = new ArrayList<>();
		all.add(leadAuditor);
		all.addAll(team());
		return all;
	}

	public UUID id() {
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public UUID programmeId() {
		return programmeId;
	}

	public String title() {
		return title;
	}

	public LocalDate plannedStart() {
		return plannedStart;
	}

	public LocalDate plannedEnd() {
		return plannedEnd;
	}

	public LocalDate auditedFrom() {
		return auditedFrom;
	}

	public LocalDate auditedTo() {
		return auditedTo;
	}

	public List<String> clauses() {
		return Texts.list(scopeClauses);
	}

	public List<String> controls() {
		return Texts.list(scopeControls);
	}

	public List<UUID> aiSystemIds() {
		return Texts.list(scopeSystems).stream().map(UUID::fromString).toList();
	}

	public List<String> processes() {
		return Texts.list(scopeProcesses);
	}

	public String criteria() {
		return criteria;
	}

	public String method() {
		return method;
	}

	public String leadAuditor() {
		return leadAuditor;
	}

	public List<String> team() {
		return Texts.list(team);
	}

	public AuditStatus status() {
		return status;
	}

	public UUID followUpOf() {
		return followUpOf;
	}

	public Instant reportIssuedAt() {
		return reportIssuedAt;
	}

	public String reportIssuedBy() {
		return reportIssuedBy;
	}

	public List<AuditItem> items() {
		return List.copyOf(items);
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}
}
