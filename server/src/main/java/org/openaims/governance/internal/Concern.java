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
 * A concern about an AI system (A.3.3). The reporter is always stored (so they can follow their
 * concern) but, when they asked for it, never shown to handlers nor written to the ledger: their
 * actions are stamped with {@link #ANONYMOUS}.
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

	private ConcernStatus status;

	private String resolution;

	@MappedCollection(idColumn = "concern_id", keyColumn = "list_index")
	private List<ConcernNoteRow> notes = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	Concern() {
	}

	public static Concern report(NewConcern report, Actor actor) {
		Concern concern = new Concern();
		concern.id = UUID.randomUUID();
		concern.aiSystemId = report.aiSystemId();
		concern.summary = report.summary().strip();
		concern.description = report.description().strip();
		concern.reporter = actor.username();
		concern.anonymous = report.isAnonymous();
		concern.status = ConcernStatus.NEW;
		concern.createdAt = Instant.now();
		concern.updatedAt = concern.createdAt;
		concern.registerEvent(new ConcernReported(concern.id, concern.aiSystemId, concern.summary,
				Digests.sha256Hex(concern.description), concern.anonymous, Stamp.of(concern.shown(actor))));
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
		registerEvent(new ConcernUpdated(id, from, to, note.strip(), this.resolution, Stamp.of(shown(actor))));
	}

	/** A note without a change of state (by the reporter, or a handler). */
	public void comment(String note, Actor actor) {
		if (status.closed()) {
			throw new ConflictException("this concern is " + status.name().toLowerCase() + "; a handler must reopen it first");
		}
		add(note, actor);
		registerEvent(new ConcernUpdated(id, status, status, note.strip(), null, Stamp.of(shown(actor))));
	}

	private void add(String note, Actor actor) {
		notes.add(new ConcernNoteRow(note.strip(), status, actor.username(), Instant.now()));
		updatedAt = Instant.now();
	}

	/** The actor as handlers and the ledger may see it. */
	private Actor shown(Actor actor) {
		return anonymous && actor.username().equals(reporter) ? ANONYMOUS : actor;
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

	/** The concern as {@code viewer} may see it: an anonymous reporter's name only to that reporter. */
	public ConcernView view(String viewer, String aiSystemName) {
		boolean mine = reporter.equals(viewer);
		boolean hide = anonymous && !mine;
		return new ConcernView(id, aiSystemId, aiSystemName, summary, description, hide ? null : reporter, anonymous, mine,
				status, resolution,
				notes.stream()
					.map(n -> new ConcernView.Note(n.note(), n.status(),
							hide && n.writtenBy().equals(reporter) ? REPORTER : n.writtenBy(), n.writtenAt()))
					.toList(),
				createdAt, updatedAt, version);
	}
}
