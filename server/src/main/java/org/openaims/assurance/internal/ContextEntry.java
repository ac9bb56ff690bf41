package org.openaims.assurance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.openaims.assurance.AssuranceEvent;
import org.openaims.assurance.ContextDetails;
import org.openaims.assurance.ContextEntryView;
import org.openaims.assurance.ContextKind;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** An entry of the context register (4.1, 4.2): versioned by its edits, owned, reviewed. */
@Table("context_entries")
public class ContextEntry extends AbstractAggregateRoot<ContextEntry> {

	public static final String SUBJECT = "context-entry";

	@Id
	private UUID id;

	@Version
	private Long version;

	private ContextKind kind;

	private String title;

	private String description;

	private String aiRoles;

	private String applicableLaws;

	private String requirements;

	private boolean addressed;

	private String howAddressed;

	private String owner;

	private int versionNo;

	private LocalDate reviewedOn;

	private String reviewedBy;

	private boolean retired;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	ContextEntry() {
	}

	public static ContextEntry add(ContextDetails d, Actor actor) {
		ContextEntry e = new ContextEntry();
		e.id = UUID.randomUUID();
		e.apply(d);
		e.versionNo = 1;
		e.createdAt = Instant.now();
		e.createdBy = actor.username();
		e.updatedAt = e.createdAt;
		e.updatedBy = actor.username();
		e.registerEvent(new AssuranceEvent("ContextEntryAdded", Subject.of(SUBJECT, e.id), e.snapshot(), Stamp.of(actor)));
		return e;
	}

	public void change(ContextDetails d, Actor actor) {
		if (retired) {
			throw new ConflictException("'" + title + "' was retired");
		}
		Map<String, Object> before = snapshot();
		apply(d);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (changes.isEmpty()) {
			return;
		}
		versionNo++;
		updatedAt = Instant.now();
		updatedBy = actor.username();
		Map<String, Object> values = new LinkedHashMap<>(changes);
		values.put("versionNo", versionNo);
		registerEvent(new AssuranceEvent("ContextEntryChanged", Subject.of(SUBJECT, id), values, Stamp.of(actor)));
	}

	/** Someone confirmed the entry still holds as written. */
	public void reviewed(String note, Actor actor) {
		reviewedOn = LocalDate.now(java.time.ZoneOffset.UTC);
		reviewedBy = actor.username();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("reviewedOn", reviewedOn.toString());
		values.put("versionNo", versionNo);
		if (note != null && !note.isBlank()) {
			values.put("note", note.strip());
		}
		registerEvent(new AssuranceEvent("ContextEntryReviewed", Subject.of(SUBJECT, id), values, Stamp.of(actor)));
	}

	private void apply(ContextDetails d) {
		kind = d.kind();
		title = d.title().strip();
		description = Texts.blank(d.description());
		aiRoles = Texts.blank(d.aiRoles());
		applicableLaws = Texts.blank(d.applicableLaws());
		requirements = Texts.blank(d.requirements());
		addressed = Boolean.TRUE.equals(d.addressed());
		howAddressed = Texts.blank(d.howAddressed());
		owner = d.owner().strip();
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("kind", kind);
		v.put("title", title);
		v.put("description", description);
		v.put("aiRoles", aiRoles);
		v.put("applicableLaws", applicableLaws);
		v.put("requirements", requirements);
		v.put("addressed", addressed);
		v.put("howAddressed", howAddressed);
		v.put("owner", owner);
		return v;
	}

	public ContextEntryView view() {
		return new ContextEntryView(id, kind, title, description, aiRoles, applicableLaws, requirements, addressed, howAddressed, owner,
				versionNo, reviewedOn, reviewedBy, retired, createdAt, createdBy, updatedAt, updatedBy, version == null ? 0 : version);
	}

	public UUID id() {
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}
}
