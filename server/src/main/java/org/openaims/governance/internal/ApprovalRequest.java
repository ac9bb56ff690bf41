package org.openaims.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Stamp;
import org.openaims.governance.ApprovableItem;
import org.openaims.governance.ApprovalClosed;
import org.openaims.governance.ApprovalCompleted;
import org.openaims.governance.ApprovalDecided;
import org.openaims.governance.ApprovalRequested;
import org.openaims.governance.ApprovalStatus;
import org.openaims.governance.ApprovalView;
import org.openaims.governance.Decision;
import org.openaims.identity.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.security.access.AccessDeniedException;

/**
 * A request to approve one item in one state (its content snapshot). Approvers must hold one of the
 * named roles and may not be the requester or an author of the item (segregation of duties, A.3.2);
 * the request is approved when {@code quorum} distinct approvers approved, rejected by any rejection.
 */
@Table("approval_requests")
public class ApprovalRequest extends AbstractAggregateRoot<ApprovalRequest> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private String itemType;

	private String itemId;

	private String itemTitle;

	private String snapshot;

	private String requiredRoles;

	private int quorum;

	private String requestedBy;

	private String authors;

	private String note;

	private LocalDate dueDate;

	private ApprovalStatus status;

	private String statusReason;

	@MappedCollection(idColumn = "approval_request_id", keyColumn = "list_index")
	private List<ApprovalDecision> decisions = new ArrayList<>();

	private Instant createdAt;

	private Instant closedAt;

	ApprovalRequest() {
	}

	public static ApprovalRequest open(String itemType, String itemId, ApprovableItem item, Set<Role> roles, int quorum,
			LocalDate dueDate, String note, Actor actor) {
		ApprovalRequest request = new ApprovalRequest();
		request.id = UUID.randomUUID();
		request.itemType = itemType;
		request.itemId = itemId;
		request.itemTitle = item.title().length() > 300 ? item.title().substring(0, 300) : item.title();
		request.snapshot = item.snapshot();
		request.requiredRoles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		request.quorum = quorum;
		request.requestedBy = actor.username();
		request.authors = String.join(",", new TreeSet<>(item.authors()));
		request.note = note == null || note.isBlank() ? null : note.strip();
		request.dueDate = dueDate;
		request.status = ApprovalStatus.PENDING;
		request.createdAt = Instant.now();
		request.registerEvent(new ApprovalRequested(request.id, itemType, itemId, request.itemTitle, request.snapshot,
				roles, quorum, request.note, Stamp.of(actor)));
		return request;
	}

	/**
	 * Records a decision. Refuses the requester and the authors, users without an approver role, a
	 * second decision by the same user, and requests that are no longer pending.
	 */
	public void decide(Actor actor, Set<Role> actorRoles, Decision decision, String comment) {
		requirePending();
		String who = actor.username();
		if (who.equals(requestedBy) || authorSet().contains(who)) {
			throw new AccessDeniedException("you " + (who.equals(requestedBy) ? "requested" : "wrote")
					+ " this item; segregation of duties requires someone else to approve it");
		}
		if (roleSet().stream().noneMatch(actorRoles::contains)) {
			throw new AccessDeniedException("approving this item needs one of the roles " + roleSet());
		}
		if (decisions.stream().anyMatch(d -> d.approver().equals(who))) {
			throw new ConflictException("you decided on this request already");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (decision == Decision.REJECT && text == null) {
			throw new org.openaims.common.InvalidInputException("comment", "say why the item is rejected");
		}
		decisions.add(new ApprovalDecision(who, decision, text, Instant.now()));
		registerEvent(new ApprovalDecided(id, itemType, itemId, decision, text, Stamp.of(actor)));
		if (decision == Decision.REJECT) {
			complete(ApprovalStatus.REJECTED, "rejected by " + who, actor);
		}
		else if (approvals() >= quorum) {
			complete(ApprovalStatus.APPROVED, quorum == 1 ? "approved" : "approved by " + quorum + " approvers", actor);
		}
	}

	/** Closes a pending request whose item changed: an approval must cover exactly what it approves. */
	public void invalidate(String reason, Actor actor) {
		if (status == ApprovalStatus.PENDING || status == ApprovalStatus.APPROVED) {
			close(ApprovalStatus.INVALIDATED, reason, actor);
		}
	}

	public void withdraw(String reason, Actor actor) {
		requirePending();
		close(ApprovalStatus.WITHDRAWN, reason == null || reason.isBlank() ? "withdrawn" : reason.strip(), actor);
	}

	private void complete(ApprovalStatus outcome, String reason, Actor actor) {
		status = outcome;
		statusReason = reason;
		closedAt = Instant.now();
		registerEvent(new ApprovalCompleted(id, itemType, itemId, outcome, snapshot, Stamp.of(actor)));
	}

	private void close(ApprovalStatus outcome, String reason, Actor actor) {
		status = outcome;
		statusReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
		closedAt = Instant.now();
		registerEvent(new ApprovalClosed(id, itemType, itemId, outcome, statusReason, Stamp.of(actor)));
	}

	private void requirePending() {
		if (status != ApprovalStatus.PENDING) {
			throw new ConflictException("this approval request is " + status.name().toLowerCase() + " already"
					+ (statusReason == null ? "" : " (" + statusReason + ")"));
		}
	}

	/** Whether {@code username} may decide now (for inboxes and buttons). */
	public boolean awaits(String username, Set<Role> roles) {
		return status == ApprovalStatus.PENDING && !username.equals(requestedBy) && !authorSet().contains(username)
				&& roleSet().stream().anyMatch(roles::contains)
				&& decisions.stream().noneMatch(d -> d.approver().equals(username));
	}

	int approvals() {
		return (int) decisions.stream().filter(d -> d.decision() == Decision.APPROVE).count();
	}

	Set<Role> roleSet() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(requiredRoles.split(",")).filter(s -> !s.isBlank()).forEach(r -> roles.add(Role.valueOf(r)));
		return roles;
	}

	Set<String> authorSet() {
		return authors.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(authors.split(",")));
	}

	public UUID id() {
		return id;
	}

	public String itemType() {
		return itemType;
	}

	public String itemId() {
		return itemId;
	}

	public String snapshot() {
		return snapshot;
	}

	public String requestedBy() {
		return requestedBy;
	}

	public ApprovalStatus status() {
		return status;
	}

	/** The view; {@code currentSnapshot} is the item's snapshot now (null if the item is gone). */
	public ApprovalView view(String currentSnapshot) {
		return new ApprovalView(id, itemType, itemId, itemTitle, snapshot, roleSet(), quorum, requestedBy, authorSet(), note,
				dueDate, status, statusReason,
				decisions.stream().map(d -> new ApprovalView.DecisionView(d.approver(), d.decision(), d.comment(), d.decidedAt())).toList(),
				approvals(), !snapshot.equals(currentSnapshot),
				status == ApprovalStatus.PENDING && dueDate != null && dueDate.isBefore(LocalDate.now()), createdAt, closedAt);
	}
}
