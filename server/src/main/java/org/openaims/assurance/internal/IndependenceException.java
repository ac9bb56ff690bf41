package org.openaims.assurance.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.assurance.AssuranceEvent;
import org.openaims.assurance.AuditView;
import org.openaims.assurance.IndependenceExceptionId;
import org.openaims.common.Actor;
import org.openaims.common.Digests;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An exception to auditor independence (9.2.2), for a small organization: {@code auditor} may audit
 * one checklist item despite {@code conflict}, for {@code justification}, once someone other than the
 * requester and the auditor approved it. Its history is kept under the audit.
 */
@Table("independence_exceptions")
public class IndependenceException extends ReviewableRecord<IndependenceException> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID auditId;

	private int itemIndex;

	private String itemTitle;

	private String auditor;

	private String conflict;

	private String justification;

	private Instant requestedAt;

	private String requestedBy;

	IndependenceException() {
	}

	public static IndependenceException request(UUID auditId, int itemIndex, String itemTitle, String auditor, String conflict,
			String justification, Actor actor) {
		IndependenceException e = new IndependenceException();
		e.id = UUID.randomUUID();
		e.auditId = auditId;
		e.itemIndex = itemIndex;
		e.itemTitle = itemTitle;
		e.auditor = auditor;
		e.conflict = conflict;
		e.justification = justification.strip();
		e.requestedAt = Instant.now();
		e.requestedBy = actor.username();
		e.startReview(actor);
		// The auditor concerned may not approve their own exception either.
		e.review().authoredBy(new Actor(auditor, null));
		e.registerEvent(new AssuranceEvent("IndependenceExceptionRequested", Subject.of(Audit.SUBJECT, auditId),
				Map.of("exception", e.id.toString(), "item", itemIndex + 1, "auditor", auditor, "conflict", conflict, "justification",
						e.justification),
				Stamp.of(actor)));
		return e;
	}

	public void reviewed(ReviewStep step) {
		recordStep(step);
	}

	@Override
	public ItemRef<IndependenceExceptionId> reviewRef() {
		return IndependenceExceptionId.REVIEW.ref(new IndependenceExceptionId(id));
	}

	@Override
	public String reviewDigest() {
		return Digests.snapshot("independence-exception", id, auditId, itemIndex, auditor, conflict, justification);
	}

	@Override
	protected String reviewTitle() {
		return "independence exception for " + auditor + " on '" + itemTitle + "'";
	}

	public List<String> lines() {
		return List.of("Auditor: " + auditor, "Item " + (itemIndex + 1) + ": " + itemTitle, "Conflict: " + conflict,
				"Justification: " + justification);
	}

	public AuditView.ExceptionView view() {
		return new AuditView.ExceptionView(id, itemIndex, itemTitle, auditor, conflict, justification, review().status(), requestedAt,
				requestedBy);
	}

	public UUID id() {
		return id;
	}

	public UUID auditId() {
		return auditId;
	}

	public int itemIndex() {
		return itemIndex;
	}

	public String auditor() {
		return auditor;
	}

	public String requestedBy() {
		return requestedBy;
	}
}
