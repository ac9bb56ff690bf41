package org.openaims.approvals.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.approvals.ApprovalClosed;
import org.openaims.approvals.ApprovalCompleted;
import org.openaims.approvals.ApprovalDecided;
import org.openaims.approvals.ApprovalRequested;
import org.openaims.approvals.ApprovalStatus;
import org.openaims.approvals.ApprovalView;
import org.openaims.approvals.Decision;
import org.openaims.approvals.ItemRef;
import org.openaims.approvals.UnderReview;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.identity.AccountOrigin;
import org.openaims.identity.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.security.access.AccessDeniedException;

/**
 * A request to approve one item in one state (its content digest). The roles that may approve it
 * and the quorum come from the item's module. An approver holds one of those roles and is none of:
 * the requester, an author of the content, someone whose account the requester or an author
 * created or whose approving role they granted (A.3.2). The request is approved when {@code quorum}
 * distinct approvers approved, rejected by any rejection.
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

	/** Who decided, comma-separated: an inbox leaves out what its reader decided without reading the decisions. */
	private String deciders;

	private Instant createdAt;

	private Instant closedAt;

	ApprovalRequest() {
	}

	public static ApprovalRequest open(ItemRef<?> ref, UnderReview item, LocalDate dueDate, String note, Actor actor) {
		ApprovalRequest request = new ApprovalRequest();
		request.id = UUID.randomUUID();
		request.itemType = ref.type().key();
		request.itemId = ref.itemId();
		request.itemTitle = item.title().length() > 300 ? item.title().substring(0, 300) : item.title();
		request.snapshot = item.digest();
		request.requiredRoles = item.approvers().roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
		request.quorum = item.approvers().quorum();
		request.requestedBy = actor.username();
		String joined = String.join(",", new TreeSet<>(item.authors()));
		request.authors = joined.length() > 2000 ? joined.substring(0, joined.lastIndexOf(',', 2000)) : joined;
		request.note = note == null || note.isBlank() ? null : note.strip();
		request.dueDate = dueDate;
		request.status = ApprovalStatus.PENDING;
		request.createdAt = Instant.now();
		request.registerEvent(new ApprovalRequested(request.id, request.itemType, request.itemId, request.itemTitle, request.snapshot,
				item.approvers().roles(), request.quorum, request.note, Stamp.of(actor)));
		return request;
	}

	/**
	 * Records a decision; {@code authorsNow} are the item's authors as its module reports them now.
	 * Refuses whoever may not decide (see {@link #refusal}), a second decision by the same user and
	 * requests that are no longer pending. Returns the outcome when the decision completed the request.
	 */
	public Optional<ApprovalStatus> decide(Actor actor, Set<Role> actorRoles, AccountOrigin origin, Set<String> authorsNow,
			Decision decision, String comment) {
		requirePending();
		String who = actor.username();
		refusal(who, actorRoles, origin, authorsNow).ifPresent(reason -> {
			throw new AccessDeniedException(reason);
		});
		if (decisions.stream().anyMatch(d -> d.approver().equals(who))) {
			throw new ConflictException("you decided on this request already");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (decision == Decision.REJECT && text == null) {
			throw new InvalidInputException("comment", "say why the item is rejected");
		}
		decisions.add(new ApprovalDecision(who, decision, text, Instant.now()));
		deciders = deciders == null || deciders.isEmpty() ? who : deciders + "," + who;
		registerEvent(new ApprovalDecided(id, itemType, itemId, decision, text, Stamp.of(actor)));
		if (decision == Decision.REJECT) {
			complete(ApprovalStatus.REJECTED, "rejected by " + who, actor);
			return Optional.of(ApprovalStatus.REJECTED);
		}
		if (approvals() >= quorum) {
			complete(ApprovalStatus.APPROVED, quorum == 1 ? "approved" : "approved by " + quorum + " approvers", actor);
			return Optional.of(ApprovalStatus.APPROVED);
		}
		return Optional.empty();
	}

	/**
	 * Why {@code who} may not decide this request, if they may not: segregation of duties (requester,
	 * authors, and accounts they created or gave the approving role) and the approver roles.
	 */
	public Optional<String> refusal(String who, Set<Role> actorRoles, AccountOrigin origin, Set<String> authorsNow) {
		Set<String> involved = new LinkedHashSet<>(authorSet());
		involved.addAll(authorsNow);
		if (who.equals(requestedBy)) {
			return Optional.of("you requested this item; segregation of duties requires someone else to approve it");
		}
		if (involved.contains(who)) {
			return Optional.of("you wrote this item; segregation of duties requires someone else to approve it");
		}
		involved.add(requestedBy);
		Set<Role> qualifying = EnumSet.noneOf(Role.class);
		roleSet().stream().filter(actorRoles::contains).forEach(qualifying::add);
		if (qualifying.isEmpty()) {
			return Optional.of("approving this item needs one of the roles " + new TreeSet<>(roleSet()));
		}
		if (origin != null && origin.createdBy() != null && involved.contains(origin.createdBy())) {
			return Optional.of("your account was created by " + origin.createdBy()
					+ ", who requested or wrote this item; segregation of duties requires someone independent of them");
		}
		if (origin != null && qualifying.stream().allMatch(r -> origin.grantorOf(r) != null && involved.contains(origin.grantorOf(r)))) {
			Role role = qualifying.iterator().next();
			return Optional.of("your role " + role + " was granted by " + origin.grantorOf(role)
					+ ", who requested or wrote this item; segregation of duties requires someone independent of them");
		}
		return Optional.empty();
	}

	/** Closes a pending request, or voids an approval, whose item changed: an approval covers exactly what it approves. */
	public boolean invalidate(String reason, Actor actor) {
		if (status == ApprovalStatus.PENDING || status == ApprovalStatus.APPROVED) {
			close(ApprovalStatus.INVALIDATED, reason, actor);
			return true;
		}
		return false;
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
	public boolean awaits(String username, Set<Role> roles, AccountOrigin origin) {
		return status == ApprovalStatus.PENDING && refusal(username, roles, origin, Set.of()).isEmpty()
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
		return authors == null || authors.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(authors.split(",")));
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

	public String statusReason() {
		return statusReason;
	}

	/** The view; {@code currentSnapshot} is the item's digest now (null if the item is gone). */
	public ApprovalView view(String currentSnapshot) {
		return new ApprovalView(id, itemType, itemId, itemTitle, snapshot, roleSet(), quorum, requestedBy, authorSet(), note,
				dueDate, status, statusReason,
				decisions.stream().map(d -> new ApprovalView.DecisionView(d.approver(), d.decision(), d.comment(), d.decidedAt())).toList(),
				approvals(), !snapshot.equals(currentSnapshot),
				status == ApprovalStatus.PENDING && dueDate != null && dueDate.isBefore(LocalDate.now()), createdAt, closedAt, null);
	}
}
