package org.openaims.governance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.governance.ConcernReported;
import org.openaims.governance.ConcernStatus;
import org.openaims.governance.ConcernUpdated;
import org.openaims.governance.ConcernView;
import org.openaims.governance.NewConcern;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A concern about an AI system (A.3.3). A named report stores its reporter, who follows it signed
 * in. An anonymous report stores no identity at all — it is made without signing in, its actions
 * are stamped with {@link #ANONYMOUS}, and its reporter follows it with a receipt code of which
 * only the SHA-256 is kept.
 */
@Table("concerns")
public class Concern extends AbstractAggregateRoot<Concern> {

	/** How an anonymous reporter appears to handlers and in the ledger. */
	public static final Actor ANONYMOUS = Actor.user("anonymous");

	/** How a reporter's notes are labelled for handlers when the reporter is anonymous. */
	public static final String REPORTER = "reporter";

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID aiSystemId;

	private String summary;

	private String description;

	private String reporter;

	private boolean anonymous;

	private String receiptHash;

	private ConcernStatus status;

	private String resolution;

	@MappedCollection(idColumn = "concern_id", keyColumn = "list_index")
	private List<ConcernNoteRow> notes = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	Concern() {
	}

	/** A report by a signed-in user, who is named to handlers. */
	public static Concern report(NewConcern report, Actor actor) {
		return create(report.aiSystemId(), report.summary(), report.description(), actor.username(), null, actor);
	}

	/** A report without any identity, followed with the receipt code whose SHA-256 is given. */
	public static Concern reportAnonymously(UUID aiSystemId, String summary, String description, String receiptHash) {
		return create(aiSystemId, summary, description, null, receiptHash, ANONYMOUS);
	}

	private static Concern create(UUID aiSystemId, String summary, String description, String reporter, String receiptHash,
			Actor actor) {
		Concern concern = new Concern();
		concern.id = UUID.randomUUID();
		concern.aiSystemId = aiSystemId;
		concern.summary = summary.strip();
		concern.description = description.strip();
		concern.reporter = reporter;
		concern.anonymous = reporter == null;
		concern.receiptHash = receiptHash;
		concern.status = ConcernStatus.NEW;
		concern.createdAt = Instant.now();
		concern.updatedAt = concern.createdAt;
		concern.registerEvent(new ConcernReported(concern.id, concern.aiSystemId, concern.summary,
				Digests.sha256Hex(concern.description), concern.anonymous, Stamp.of(actor)));
		return concern;
	}

	/** A handler moves the concern to {@code to} with a note; closing needs a resolution. */
	public void triage(ConcernStatus to, String note, String resolution, Actor actor) {
		String text = resolution == null || resolution.isBlank() ? null : resolution.strip();
		if (to.closed() && text == null) {
			throw new InvalidInputException("resolution", "say how the concern was resolved or why it is dismissed");
		}
		if (!to.closed() && text != null) {
			throw new InvalidInputException("resolution", "is only given when the concern is resolved or dismissed");
		}
		if (to == ConcernStatus.NEW && status != ConcernStatus.NEW) {
			throw new InvalidInputException("status", "a concern cannot go back to NEW; reopen it as TRIAGED or INVESTIGATING");
		}
		ConcernStatus from = status;
		status = to;
		this.resolution = to.closed() ? text : null;
		add(note, actor);
		registerEvent(new ConcernUpdated(id, from, to, note.strip(), this.resolution, Stamp.of(actor)));
	}

	/** A note without a change of state (by the named reporter, or a handler). */
	public void comment(String note, Actor actor) {
		addNote(note, actor, actor.username());
	}

	/** A note by the anonymous reporter, who proved the receipt code. */
	public void commentAsAnonymousReporter(String note) {
		addNote(note, ANONYMOUS, REPORTER);
	}

	private void addNote(String note, Actor actor, String writtenBy) {
		if (status.closed()) {
			throw new ConflictException("this concern is " + status.name().toLowerCase() + "; a handler must reopen it first");
		}
		notes.add(new ConcernNoteRow(note.strip(), status, writtenBy, Instant.now()));
		updatedAt = Instant.now();
		registerEvent(new ConcernUpdated(id, status, status, note.strip(), null, Stamp.of(actor)));
	}

	private void add(String note, Actor actor) {
		notes.add(new ConcernNoteRow(note.strip(), status, actor.username(), Instant.now()));
		updatedAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public String reporter() {
		return reporter;
	}

	public UUID aiSystemId() {
		return aiSystemId;
	}

	/** Whether this is {@code username}'s own named report. */
	public boolean reportedBy(String username) {
		return reporter != null && reporter.equals(username);
	}

	/** The concern as {@code viewer} sees it (an anonymous one names nobody, to anyone). */
	public ConcernView view(String viewer, String aiSystemName) {
		return new ConcernView(id, aiSystemId, aiSystemName, summary, description, reporter, anonymous, reportedBy(viewer),
				status, resolution,
				notes.stream().map(n -> new ConcernView.Note(n.note(), n.status(), n.writtenBy(), n.writtenAt())).toList(),
				createdAt, updatedAt, version);
	}
}
