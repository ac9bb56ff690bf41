package org.openaims.approvals;

import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.approvals.internal.ApprovalQueries;
import org.openaims.approvals.internal.ApprovalRequest;
import org.openaims.approvals.internal.ApprovalRequests;
import org.openaims.approvals.internal.Reviewables;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.DiffLine;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.RecordId;
import org.openaims.common.Stamp;
import org.openaims.common.TextDiff;
import org.openaims.common.csv.CsvFormat;
import org.openaims.identity.AccountOrigin;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * The review life cycle of every reviewable record (A.3.2 segregation of duties). A module asks for
 * the approval of one of its items; the request records the item's content digest, its authors and
 * the approvers the module requires. Approvers decide; nobody approves what they requested or
 * changed, nor the items of whoever created their account or granted their approving role; an
 * approval of content that has since changed is void. Each step is reported to the item's module
 * through its {@link Reviewable} in the same transaction.
 */
@Service
@Validated
@Transactional
public class ApprovalService {

	private final ApprovalRequests requests;

	private final ApprovalQueries queries;

	private final Reviewables reviewables;

	private final UserDirectory users;

	private final TransactionTemplate separately;

	ApprovalService(ApprovalRequests requests, ApprovalQueries queries, Reviewables reviewables, UserDirectory users,
			PlatformTransactionManager transactions) {
		this.requests = requests;
		this.queries = queries;
		this.reviewables = reviewables;
		this.users = users;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Asks for the approval of an item, on behalf of the module that owns it (which has checked that
	 * the signed-in user may submit it). The item's module names who may approve it; 409 when an
	 * approval of it is pending already.
	 */
	@PreAuthorize("isAuthenticated()")
	public <ID extends RecordId> ApprovalView submit(ItemRef<ID> ref, LocalDate dueDate, String note) {
		Reviewable<ID> reviewable = reviewables.of(ref.type());
		UnderReview item = reviewable.find(ref.id())
			.orElseThrow(() -> new NotFoundException(ref.type().key(), ref.itemId()));
		boolean pending = requests.findByItemTypeAndItemIdOrderByCreatedAtDesc(ref.type().key(), ref.itemId())
			.stream()
			.anyMatch(r -> r.status() == ApprovalStatus.PENDING);
		if (pending) {
			throw new ConflictException("an approval of this item is pending already");
		}
		if (note != null && note.length() > 2000) {
			throw new InvalidInputException("note", "must be at most 2000 characters");
		}
		Actor actor = CurrentUser.actor();
		// The item is submitted first (its module may still refuse), then the request is recorded.
		Stamp submitted = Stamp.of(actor);
		ApprovalRequest request = ApprovalRequest.open(ref, item, dueDate, note, actor);
		reviewable.reviewed(ref.id(), new ReviewStep(request.id(), ReviewStatus.SUBMITTED, blankToNull(note), submitted));
		return requests.save(request).view(item.digest());
	}

	/**
	 * Records the signed-in user's decision; the quorum reached or a rejection completes the request
	 * and the item's module is told. If the item changed since the request, the request is void
	 * instead (and stays so: its module asks again for the new content).
	 */
	@PreAuthorize("isAuthenticated()")
	public ApprovalView decide(UUID id, DecisionRequest decision) {
		if (decision == null || decision.decision() == null) {
			throw new InvalidInputException("decision", "must be APPROVE or REJECT");
		}
		if (decision.comment() != null && decision.comment().length() > 2000) {
			throw new InvalidInputException("comment", "must be at most 2000 characters");
		}
		ApprovalRequest request = load(id);
		Optional<Reviewables.Typed<?>> type = reviewables.find(request.itemType());
		Optional<UnderReview> now = type.flatMap(t -> t.find(request.itemId()));
		if (request.status() == ApprovalStatus.PENDING && (now.isEmpty() || !request.snapshot().equals(now.get().digest()))) {
			String reason = now.isEmpty() ? "the item no longer exists or cannot be approved any more"
					: "the item changed after approval was requested";
			separately.executeWithoutResult(status -> invalidate(load(id), type, reason, CurrentUser.actor()));
			throw new ConflictException(reason + "; the request is void, ask for a new one");
		}
		Actor actor = CurrentUser.actor();
		Optional<ApprovalStatus> outcome = request.decide(actor, CurrentUser.roles(), origin(actor.username()),
				now.map(UnderReview::authors).orElse(Set.of()), decision.decision(), decision.comment());
		ApprovalRequest saved = requests.save(request);
		outcome.ifPresent(o -> type.orElseThrow().reviewed(request.itemId(), new ReviewStep(request.id(),
				o == ApprovalStatus.APPROVED ? ReviewStatus.APPROVED : ReviewStatus.SENT_BACK,
				o == ApprovalStatus.APPROVED ? saved.statusReason() : "rejected: " + decision.comment().strip(), Stamp.of(actor))));
		return saved.view(now.get().digest());
	}

	/** Withdraws a pending request: its requester, an AIMS manager or an administrator. */
	@PreAuthorize("isAuthenticated()")
	public ApprovalView withdraw(UUID id, String reason) {
		if (reason != null && reason.length() > 500) {
			throw new InvalidInputException("reason", "must be at most 500 characters");
		}
		ApprovalRequest request = load(id);
		if (!request.requestedBy().equals(CurrentUser.username()) && !CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER)) {
			throw new AccessDeniedException("only who requested the approval, an AIMS manager or an administrator may withdraw it");
		}
		Actor actor = CurrentUser.actor();
		request.withdraw(reason, actor);
		ApprovalRequest saved = requests.save(request);
		Optional<Reviewables.Typed<?>> type = reviewables.find(request.itemType());
		type.ifPresent(t -> t.reviewed(request.itemId(),
				new ReviewStep(request.id(), ReviewStatus.WITHDRAWN, saved.statusReason(), Stamp.of(actor))));
		return saved.view(currentDigest(request.itemType(), request.itemId()));
	}

	/**
	 * Called by a module whose item's content changed: its pending request and its approval are void.
	 * The module has moved the item's {@link ReviewState} itself (it holds the item being changed).
	 */
	public void contentChanged(ItemRef<?> ref, String reason) {
		Actor actor = CurrentUser.actor();
		for (ApprovalRequest request : requests.findByItemTypeAndItemIdOrderByCreatedAtDesc(ref.type().key(), ref.itemId())) {
			if (request.invalidate(reason, actor)) {
				requests.save(request);
			}
		}
	}

	/** One request, with what is under review: the item's summary and, for documents, what changed since the last approved version. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ApprovalView get(UUID id) {
		ApprovalRequest request = load(id);
		Optional<UnderReview> item = reviewables.find(request.itemType()).flatMap(t -> t.find(request.itemId()));
		ApprovalView view = request.view(item.map(UnderReview::digest).orElse(null));
		return view.with(view.changedSinceRequest(), item.map(ApprovalService::review).orElse(null));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ApprovalView> list(ApprovalFilter filter, PageRequest page) {
		return queries.page(filter, page);
	}

	/** The pending requests the signed-in user may decide now, oldest first, in keyset pages. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ApprovalView> inbox(PageRequest page) {
		String me = CurrentUser.username();
		return queries.inbox(me, CurrentUser.roles(), origin(me), page);
	}

	/** Whether the signed-in user may decide the request now (for buttons). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public boolean mayDecide(UUID id) {
		return load(id).awaits(CurrentUser.username(), CurrentUser.roles(), origin(CurrentUser.username()));
	}

	/** Every request for one item, newest first (at most the newest 500). */
	@Transactional(readOnly = true)
	public List<ApprovalView> forItem(ItemRef<?> ref) {
		return queries.forItems(ref.type().key(), List.of(ref.itemId()));
	}

	/** The newest request for one item, if any. */
	@Transactional(readOnly = true)
	public Optional<ApprovalView> latest(ItemRef<?> ref) {
		return forItem(ref).stream().findFirst();
	}

	/** The newest request for each of several items of one type (for lists), by item, in two statements. */
	@Transactional(readOnly = true)
	public <ID extends RecordId> Map<ID, ApprovalView> latest(ReviewType<ID> type, java.util.Collection<ID> ids) {
		Map<String, ID> byStored = new HashMap<>();
		ids.forEach(id -> byStored.put(type.ref(id).itemId(), id));
		Map<ID, ApprovalView> latest = new HashMap<>();
		for (ApprovalView view : queries.latestOf(type.key(), byStored.keySet())) {
			latest.putIfAbsent(byStored.get(view.itemId()), view);
		}
		return latest;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void exportCsv(ApprovalFilter filter, Writer out) {
		CsvFormat.RowPrinter printer = CsvFormat.printer(out, List.of("id", "item_type", "item_id", "item", "status", "requested_by", "approver_roles", "quorum",
				"approvals", "decisions", "changed_since_request", "due_date", "created_at", "closed_at"));
		PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null, null);
		while (request != null) {
			Page<ApprovalView> page = list(filter, request);
			page.items().forEach(a -> printer.row(List.of(a.id(), a.itemType(), a.itemId(), a.itemTitle(), a.status(),
					a.requestedBy(), String.join(";", a.approverRoles().stream().map(Enum::name).sorted().toList()), a.quorum(),
					a.approvals(), a.decisions().stream().map(d -> d.approver() + ":" + d.decision()).collect(Collectors.joining(";")),
					a.changedSinceRequest(), a.dueDate() == null ? "" : a.dueDate(), a.createdAt(), a.closedAt() == null ? "" : a.closedAt())));
			printer.flush();
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		printer.flush();
	}

	private void invalidate(ApprovalRequest request, Optional<Reviewables.Typed<?>> type, String reason, Actor actor) {
		if (request.invalidate(reason, actor)) {
			requests.save(request);
			type.ifPresent(t -> {
				if (t.find(request.itemId()).isPresent()) {
					t.reviewed(request.itemId(), new ReviewStep(request.id(), ReviewStatus.INVALIDATED, reason, Stamp.of(actor)));
				}
			});
		}
	}

	/**
	 * What the approver sees: the summary, and for an item with content its lines compared with the
	 * last approved content (all lines added when nothing was approved before).
	 */
	private static ApprovalView.Review review(UnderReview item) {
		if (item.content().isEmpty() && item.approved() == null) {
			return new ApprovalView.Review(item.summary(), item.link(), null, null);
		}
		List<String> before = item.approved() == null ? List.of() : item.approved().content();
		return new ApprovalView.Review(item.summary(), item.link(), item.approved() == null ? null : item.approved().label(),
				TextDiff.between(before, item.content()));
	}

	private AccountOrigin origin(String username) {
		return users.origin(username);
	}

	private String currentDigest(String itemType, String itemId) {
		return reviewables.find(itemType).flatMap(t -> t.find(itemId)).map(UnderReview::digest).orElse(null);
	}

	private ApprovalRequest load(UUID id) {
		return requests.findById(id).orElseThrow(() -> new NotFoundException("approval request", id));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
