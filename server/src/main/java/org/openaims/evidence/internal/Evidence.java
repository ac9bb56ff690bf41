package org.openaims.evidence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.evidence.EvidenceAdded;
import org.openaims.evidence.EvidenceChanged;
import org.openaims.evidence.EvidenceDetails;
import org.openaims.evidence.EvidenceExpired;
import org.openaims.evidence.EvidenceKind;
import org.openaims.evidence.EvidenceVersionAdded;
import org.openaims.evidence.EvidenceView;
import org.openaims.evidence.FileStore;
import org.openaims.evidence.Validity;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An evidence item (7.5): a file in versions, a link, a reference to a record, or a note; with the
 * period it proves, when it was received, its validity and what it is linked to. Its kind never
 * changes; a file's versions are only ever added.
 */
@Table("evidence_items")
public class Evidence extends AbstractAggregateRoot<Evidence> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private EvidenceKind kind;

	private String title;

	private String description;

	private String owner;

	private String url;

	private String recordType;

	private String recordId;

	private LocalDate effectiveFrom;

	private LocalDate effectiveTo;

	private LocalDate receivedOn;

	private LocalDate validUntil;

	private LocalDate expiresOn;

	private LocalDate expiryNoticed;

	private int currentVersion;

	@MappedCollection(idColumn = "evidence_id")
	private Set<EvidenceFile> files = new HashSet<>();

	@MappedCollection(idColumn = "evidence_id")
	private Set<EvidenceLink> links = new HashSet<>();

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	/** What {@code expires_on} holds for evidence without expiry, so that it sorts last. */
	public static final LocalDate NO_EXPIRY = LocalDate.of(9999, 12, 31);

	Evidence() {
	}

	/** Resolved links: requirement ids, AI system ids and records as {@code type:id}. */
	public record Links(Set<UUID> requirements, Set<UUID> aiSystems, Set<String> records) {
	}

	/** A new item; a file comes with its first stored version. */
	public static Evidence add(EvidenceDetails details, String owner, Links links, FileStore.Stored file, String note, Actor actor) {
		Evidence e = new Evidence();
		e.id = UUID.randomUUID();
		e.kind = details.kind();
		if ((e.kind == EvidenceKind.FILE) != (file != null)) {
			throw new InvalidInputException("kind", e.kind == EvidenceKind.FILE ? "a file is uploaded, not described: use the upload"
					: "a " + e.kind.name().toLowerCase() + " has no file; upload files as kind FILE");
		}
		e.apply(details, owner, links);
		e.createdAt = Instant.now();
		e.createdBy = actor.username();
		e.updatedAt = e.createdAt;
		e.updatedBy = actor.username();
		if (file != null) {
			e.currentVersion = 1;
			e.files.add(new EvidenceFile(1, file.sha256(), file.size(), file.name(), file.mediaType(), blankToNull(note), actor.username(),
					e.createdAt));
		}
		e.registerEvent(new EvidenceAdded(e.id, e.title, e.snapshot(), Stamp.of(actor)));
		return e;
	}

	public void change(EvidenceDetails details, String owner, Links links, Actor actor) {
		if (details.version() != null && !details.version().equals(version)) {
			throw new ConflictException("evidence '" + title + "' was changed meanwhile; reload and apply your change again");
		}
		if (details.kind() != kind) {
			throw new InvalidInputException("kind", "stays " + kind + "; add a new evidence item for a " + details.kind());
		}
		Map<String, Object> before = snapshot();
		apply(details, owner, links);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (!changes.isEmpty()) {
			touch(actor);
			registerEvent(new EvidenceChanged(id, title, changes, Stamp.of(actor)));
		}
	}

	/** A new file becomes the current version; the validity may be renewed with it. */
	public int addVersion(FileStore.Stored file, String note, LocalDate validUntil, Actor actor) {
		if (kind != EvidenceKind.FILE) {
			throw new ConflictException("evidence '" + title + "' is a " + kind.name().toLowerCase() + ", not a file: it has no versions");
		}
		currentVersion++;
		touch(actor);
		files.add(new EvidenceFile(currentVersion, file.sha256(), file.size(), file.name(), file.mediaType(), blankToNull(note),
				actor.username(), updatedAt));
		if (validUntil != null && !validUntil.equals(this.validUntil)) {
			Map<String, FieldChange> changes = FieldChange.diff(Map.of("validUntil", String.valueOf(this.validUntil)),
					Map.of("validUntil", validUntil.toString()));
			this.validUntil = validUntil;
			this.expiresOn = validUntil;
			registerEvent(new EvidenceChanged(id, title, changes, Stamp.of(actor)));
		}
		registerEvent(new EvidenceVersionAdded(id, title, currentVersion, file.name(), file.sha256(), file.size(), file.mediaType(),
				Stamp.of(actor)));
		return currentVersion;
	}

	/** Announces, once per expiry date, that the validity has ended; false when there is nothing to announce. */
	public boolean noticeExpiry(LocalDate today) {
		if (validUntil == null || !validUntil.isBefore(today) || validUntil.equals(expiryNoticed)) {
			return false;
		}
		expiryNoticed = validUntil;
		registerEvent(new EvidenceExpired(id, title, owner, validUntil, Stamp.of(Actor.SYSTEM)));
		return true;
	}

	private void apply(EvidenceDetails d, String owner, Links links) {
		title = d.title().strip();
		description = blankToNull(d.description());
		this.owner = owner;
		url = kind == EvidenceKind.LINK ? blankToNull(d.url()) : null;
		recordType = kind == EvidenceKind.RECORD && d.record() != null ? d.record().type() : null;
		recordId = kind == EvidenceKind.RECORD && d.record() != null ? d.record().id().toString() : null;
		effectiveFrom = d.effectiveFrom();
		effectiveTo = d.effectiveTo();
		receivedOn = d.receivedOn() != null ? d.receivedOn() : receivedOn != null ? receivedOn : LocalDate.now();
		validUntil = d.validUntil();
		expiresOn = validUntil == null ? NO_EXPIRY : validUntil;
		Set<EvidenceLink> next = new HashSet<>();
		links.requirements().forEach(r -> next.add(new EvidenceLink(EvidenceLink.REQUIREMENT, r.toString())));
		links.aiSystems().forEach(s -> next.add(new EvidenceLink(EvidenceLink.AI_SYSTEM, s.toString())));
		links.records().forEach(r -> next.add(new EvidenceLink(EvidenceLink.RECORD, r)));
		this.links = next;
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("kind", kind.name());
		values.put("title", title);
		values.put("description", description);
		values.put("owner", owner);
		values.put("url", url);
		values.put("record", recordType == null ? null : recordType + ":" + recordId);
		values.put("effectiveFrom", str(effectiveFrom));
		values.put("effectiveTo", str(effectiveTo));
		values.put("receivedOn", str(receivedOn));
		values.put("validUntil", str(validUntil));
		values.put("links", links.stream().map(l -> l.targetType() + ":" + l.targetId()).sorted().toList());
		EvidenceFile latest = latest();
		values.put("file", latest == null ? null : latest.fileName() + " sha256:" + latest.sha256());
		return values;
	}

	private EvidenceFile latest() {
		return files.stream().max(Comparator.comparingInt(EvidenceFile::versionNo)).orElse(null);
	}

	public UUID id() {
		return id;
	}

	public String title() {
		return title;
	}

	public String owner() {
		return owner;
	}

	public String createdBy() {
		return createdBy;
	}

	public EvidenceKind kind() {
		return kind;
	}

	public LocalDate validUntil() {
		return validUntil;
	}

	public Set<UUID> requirementIds() {
		return ids(EvidenceLink.REQUIREMENT);
	}

	public Set<UUID> systemIds() {
		return ids(EvidenceLink.AI_SYSTEM);
	}

	private Set<UUID> ids(String type) {
		Set<UUID> ids = new HashSet<>();
		links.stream().filter(l -> l.targetType().equals(type)).forEach(l -> ids.add(UUID.fromString(l.targetId())));
		return ids;
	}

	/** The stored file of version {@code no}, if the item has it. */
	public java.util.Optional<FileVersionRef> file(int no) {
		return files.stream().filter(f -> f.versionNo() == no).findFirst()
			.map(f -> new FileVersionRef(f.sha256(), f.fileName(), f.mediaType()));
	}

	/** Where a version's bytes are and how it is named. */
	public record FileVersionRef(String sha256, String fileName, String mediaType) {
	}

	/** The view, given the linked requirements and systems as the catalog and the register name them. */
	public EvidenceView view(Map<UUID, EvidenceView.RequirementRef> requirements, Map<UUID, String> systemNames, LocalDate today) {
		List<EvidenceView.FileVersion> versions = new ArrayList<>();
		files.stream().sorted(Comparator.comparingInt(EvidenceFile::versionNo)).forEach(f -> versions.add(new EvidenceView.FileVersion(
				f.versionNo(), f.fileName(), f.mediaType(), f.size(), f.sha256(), f.note(), f.addedBy(), f.addedAt(),
				"/api/v1/evidence/" + id + "/versions/" + f.versionNo() + "/file")));
		List<EvidenceView.RequirementRef> reqs = requirementIds().stream()
			.map(r -> requirements.getOrDefault(r, new EvidenceView.RequirementRef(r, null, null, null, r.toString())))
			.sorted(Comparator.comparing(EvidenceView.RequirementRef::label))
			.toList();
		List<EvidenceView.SystemRef> systems = systemIds().stream()
			.map(s -> new EvidenceView.SystemRef(s, systemNames.getOrDefault(s, s.toString())))
			.sorted(Comparator.comparing(EvidenceView.SystemRef::name))
			.toList();
		List<EvidenceDetails.RecordRef> records = links.stream().filter(l -> l.targetType().equals(EvidenceLink.RECORD))
			.map(l -> record(l.targetId())).sorted(Comparator.comparing(EvidenceDetails.RecordRef::toString)).toList();
		return new EvidenceView(id, kind, title, description, owner, url,
				recordType == null ? null : new EvidenceDetails.RecordRef(recordType, UUID.fromString(recordId)), effectiveFrom,
				effectiveTo, receivedOn, validUntil, Validity.of(validUntil, today), Validity.daysLeft(validUntil, today), currentVersion,
				versions, reqs, systems, records, createdAt, createdBy, updatedAt, updatedBy, version == null ? 0 : version);
	}

	private static EvidenceDetails.RecordRef record(String typeAndId) {
		int colon = typeAndId.indexOf(':');
		return new EvidenceDetails.RecordRef(typeAndId.substring(0, colon), UUID.fromString(typeAndId.substring(colon + 1)));
	}

	private static String str(Object value) {
		return value == null ? null : value.toString();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
