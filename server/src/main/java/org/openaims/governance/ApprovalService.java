package org.openaims.governance;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.csv.CsvFormat;
import org.openaims.governance.internal.ApprovalQueries;
import org.openaims.governance.internal.ApprovalRequest;
import org.openaims.governance.internal.ApprovalRequests;
import org.openaims.identity.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Approvals for every module (A.3.2 segregation of duties): a request names an item in one state
 * (its content snapshot), the roles that may approve it and the number of distinct approvers needed.
 * Nobody approves an item they requested or wrote; an approval of content that has since changed is
 * void. Every request and decision is an event in the item's history.
 */
@Service
@Validated
@Transactional
public class ApprovalService {

	private final ApprovalRequests requests;

	private final ApprovalQueries queries;

	private final Map<String, ApprovableItems> sources;

	private final TransactionTemplate separately;

	ApprovalService(ApprovalRequests requests, ApprovalQueries queries, List<ApprovableItems> sources,
			PlatformTransactionManager transactions) {
		this.requests = requests;
		this.queries = queries;
		this.sources = sources.stream().collect(Collectors.toMap(ApprovableItems::itemType, s -> s));
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Asks for an approval of any approvable item (managers, owners). */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER', 'RISK_OWNER')")
	public ApprovalView request(@Valid NewApprovalRequest request) {
		return open(request);
	}

	/**
	 * Asks for an approval on behalf of the module that owns the item; that module has checked that
	 * the signed-in user may submit it.
	 */
	@PreAuthorize("isAuthenticated()")
	public ApprovalView submit(@Valid NewApprovalRequest request) {
		return open(request);
	}

	private ApprovalView open(NewApprovalRequest request) {
		ApprovableItems source = source(request.itemType());
		ApprovableItem item = source.find(request.itemId())
			.orElseThrow(() -> new InvalidInputException("itemId", "no " + request.itemType() + " has id " + request.itemId()));
		boolean pending = requests.findByItemTypeAndItemIdOrderByCreatedAtDesc(request.itemType(), request.itemId())
			.stream()
			.anyMatch(r -> r.status() == ApprovalStatus.PENDING);
		if (pending) {
			throw new ConflictException("an approval of this item is pending already");
		}
		ApprovalRequest opened = ApprovalRequest.open(request.itemType(), request.itemId(), item, request.approverRoles(),
				request.effectiveQuorum(), request.dueDate(), request.note(), CurrentUser.actor());
		return requests.save(opened).view(item.snapshot());
	}

	/**
	 * Records the signed-in user's decision. If the item changed since the request, the request is
	 * invalidated instead (and stays so: a new request is needed for the new content).
	 */
	@PreAuthorize("isAuthenticated()")
	public ApprovalView decide(UUID id, @Valid DecisionRequest decision) {
		ApprovalRequest request = load(id);
		String current = currentSnapshot(request.itemType(), request.itemId());
		if (request.status() == ApprovalStatus.PENDING && !request.snapshot().equals(current)) {
			separately.executeWithoutResult(status -> {
				ApprovalRequest fresh = load(id);
				fresh.invalidate("the item changed after approval was requested", CurrentUser.actor());
				requests.save(fresh);
			});
			throw new ConflictException("the item changed after approval was requested; the request is void, ask for a new one");
		}
		request.decide(CurrentUser.actor(), CurrentUser.roles(), decision.decision(), decision.comment());
		return requests.save(request).view(current);
	}

	/** Withdraws a pending request: its requester, an AIMS manager or an administrator. */
	@PreAuthorize("isAuthenticated()")
	public ApprovalView withdraw(UUID id, String reason) {
		ApprovalRequest request = load(id);
		if (!request.requestedBy().equals(CurrentUser.username())
				&& !CurrentUser.hasAnyRole(org.openaims.identity.Role.ADMIN, org.openaims.identity.Role.AIMS_MANAGER)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"only who requested the approval, an AIMS manager or an administrator may withdraw it");
		}
		request.withdraw(reason, CurrentUser.actor());
		return requests.save(request).view(currentSnapshot(request.itemType(), request.itemId()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ApprovalView get(UUID id) {
		ApprovalRequest request = load(id);
		return request.view(currentSnapshot(request.itemType(), request.itemId()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ApprovalView> list(ApprovalFilter filter, PageRequest page) {
		return withCurrentSnapshots(queries.page(filter, page));
	}

	/** The pending requests the signed-in user may decide now. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ApprovalView> inbox() {
		String me = CurrentUser.username();
		var roles = CurrentUser.roles();
		List<ApprovalView> mine = new ArrayList<>();
		for (ApprovalRequest request : requests.findByStatusOrderByCreatedAt(ApprovalStatus.PENDING)) {
			if (request.awaits(me, roles)) {
				mine.add(request.view(currentSnapshot(request.itemType(), request.itemId())));
			}
		}
		return mine;
	}

	/** The page where the item of a request is reviewed, if any. */
	@Transactional(readOnly = true)
	public Optional<String> link(ApprovalView approval) {
		return Optional.ofNullable(sources.get(approval.itemType())).flatMap(s -> s.link(approval.itemId()));
	}

	/** Every request for one item, newest first. */
	@Transactional(readOnly = true)
	public List<ApprovalView> forItem(String itemType, String itemId) {
		String current = currentSnapshot(itemType, itemId);
		return requests.findByItemTypeAndItemIdOrderByCreatedAtDesc(itemType, itemId).stream().map(r -> r.view(current)).toList();
	}

	/** Whether the item's latest outcome is an approval of exactly its current content. */
	@Transactional(readOnly = true)
	public boolean isApproved(String itemType, String itemId) {
		return forItem(itemType, itemId).stream()
			.filter(r -> r.status() != ApprovalStatus.WITHDRAWN)
			.findFirst()
			.map(ApprovalView::approvedAndUnchanged)
			.orElse(false);
	}

	/** Called by a module when an item changed: open requests and approvals of it become void. */
	public void invalidate(String itemType, String itemId, String reason) {
		for (ApprovalRequest request : requests.findByItemTypeAndItemIdOrderByCreatedAtDesc(itemType, itemId)) {
			if (request.status() == ApprovalStatus.PENDING || request.status() == ApprovalStatus.APPROVED) {
				request.invalidate(reason, CurrentUser.actor());
				requests.save(request);
			}
		}
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void exportCsv(ApprovalFilter filter, Writer out) {
		List<List<?>> rows = new ArrayList<>();
		PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null, null);
		while (request != null) {
			Page<ApprovalView> page = list(filter, request);
			page.items().forEach(a -> rows.add(List.of(a.id(), a.itemType(), a.itemId(), a.itemTitle(), a.status(),
					a.requestedBy(), String.join(";", a.approverRoles().stream().map(Enum::name).sorted().toList()), a.quorum(),
					a.approvals(), a.decisions().stream().map(d -> d.approver() + ":" + d.decision()).collect(Collectors.joining(";")),
					a.changedSinceRequest(), a.dueDate() == null ? "" : a.dueDate(), a.createdAt(), a.closedAt() == null ? "" : a.closedAt())));
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		CsvFormat.write(out, List.of("id", "item_type", "item_id", "item", "status", "requested_by", "approver_roles", "quorum",
				"approvals", "decisions", "changed_since_request", "due_date", "created_at", "closed_at"), rows);
	}

	private Page<ApprovalView> withCurrentSnapshots(Page<ApprovalView> page) {
		Map<String, Map<String, String>> byType = new HashMap<>();
		page.items().stream().collect(Collectors.groupingBy(ApprovalView::itemType))
			.forEach((type, views) -> byType.put(type, Optional.ofNullable(sources.get(type))
				.map(s -> s.snapshots(views.stream().map(ApprovalView::itemId).toList()))
				.orElse(Map.of())));
		return page.map(v -> new ApprovalView(v.id(), v.itemType(), v.itemId(), v.itemTitle(), v.snapshot(), v.approverRoles(),
				v.quorum(), v.requestedBy(), v.authors(), v.note(), v.dueDate(), v.status(), v.statusReason(), v.decisions(),
				v.approvals(), !v.snapshot().equals(byType.getOrDefault(v.itemType(), Map.of()).get(v.itemId())), v.overdue(),
				v.createdAt(), v.closedAt()));
	}

	private String currentSnapshot(String itemType, String itemId) {
		ApprovableItems source = sources.get(itemType);
		return source == null ? null : source.find(itemId).map(ApprovableItem::snapshot).orElse(null);
	}

	private ApprovableItems source(String itemType) {
		ApprovableItems source = sources.get(itemType);
		if (source == null) {
			throw new InvalidInputException("itemType", "is not an approvable item type; known: "
					+ sources.keySet().stream().sorted(Comparator.naturalOrder()).toList());
		}
		return source;
	}

	private ApprovalRequest load(UUID id) {
		return requests.findById(id).orElseThrow(() -> new NotFoundException("approval request", id));
	}
}
