package org.openaims.approvals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.approvals.ApprovalFilter;
import org.openaims.approvals.ApprovalStatus;
import org.openaims.approvals.ApprovalView;
import org.openaims.approvals.Decision;
import org.openaims.identity.AccountOrigin;
import org.openaims.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads approval requests for lists: one query for the page, one for its decisions. */
@Component
public class ApprovalQueries {

	private static final SortOptions<ApprovalView> SORTS = SortOptions.<ApprovalView>by("a.id", ApprovalView::id, "-created")
		.time("created", "a.created_at", ApprovalView::createdAt);

	private static final SortOptions<ApprovalView> NEWEST_FIRST = SortOptions.<ApprovalView>by("a.id", ApprovalView::id, "-created")
		.time("created", "a.created_at", ApprovalView::createdAt);

	private static final SortOptions<ApprovalView> INBOX = SortOptions.<ApprovalView>by("a.id", ApprovalView::id, "created")
		.time("created", "a.created_at", ApprovalView::createdAt);

	private final JdbcClient jdbc;

	ApprovalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<ApprovalView> page(ApprovalFilter filter, PageRequest request) {
		SqlWhere where = new SqlWhere().and("a.status = :status", "status", filter.status())
			.and("a.item_type = :type", "type", blank(filter.itemType()))
			.and("a.item_id = :item", "item", blank(filter.itemId()))
			.and("a.requested_by = :by", "by", blank(filter.requestedBy()));
		return page(where, SORTS.apply(request, where));
	}

	/**
	 * The pending requests {@code username} may decide now, oldest first: segregation of duties as
	 * {@link ApprovalRequest#awaits} checks it (not the requester, an author, or someone whose account
	 * or approving role one of them gave; one of the roles the request needs; not decided by them yet),
	 * written as conditions of the query so that a page holds only requests they may decide.
	 */
	public Page<ApprovalView> inbox(String username, Set<Role> roles, AccountOrigin origin, PageRequest request) {
		SqlWhere where = new SqlWhere().and("a.status = 'PENDING'")
			.and("a.requested_by <> :me", "me", username)
			.and(SqlWhere.listLacks("a.authors", "meAuthor"), "meAuthor", SqlWhere.listItemPattern(username))
			.and(SqlWhere.listLacks("a.deciders", "meDecider"), "meDecider", SqlWhere.listItemPattern(username));
		if (origin != null && origin.createdBy() != null) {
			where.and(independentOf("creator", origin.createdBy(), where));
		}
		List<String> qualifying = new ArrayList<>();
		int i = 0;
		for (Role role : roles) {
			String param = "role" + i;
			String clause = SqlWhere.listHolds("a.required_roles", param);
			where.param(param, SqlWhere.listItem(role.name()));
			String grantor = origin == null ? null : origin.grantorOf(role);
			if (grantor != null) {
				clause = "(" + clause + " AND " + independentOf("grantor" + i, grantor, where) + ")";
			}
			qualifying.add(clause);
			i++;
		}
		where.and(qualifying.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", qualifying) + ")");
		return page(where, INBOX.apply(request, where));
	}

	/** Every request for the items of one type, newest first, with their decisions, in two statements. */
	public List<ApprovalView> forItems(String itemType, java.util.Collection<String> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		SqlWhere where = new SqlWhere().and("a.item_type = :type", "type", itemType).and("a.item_id IN (:items)", "items",
				List.copyOf(itemIds));
		return page(where, NEWEST_FIRST.apply(new PageRequest(PageRequest.MAX_LIMIT, null, null), where)).items();
	}

	/** The newest request of each of the items of one type, with its decisions, in two statements. */
	public List<ApprovalView> latestOf(String itemType, java.util.Collection<String> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		SqlWhere where = new SqlWhere().and("a.id IN (SELECT n.id FROM (SELECT r.id, ROW_NUMBER() OVER (PARTITION BY r.item_id "
				+ "ORDER BY r.created_at DESC, r.id DESC) AS k FROM approval_requests r WHERE r.item_type = :type AND r.item_id IN (:items)) n "
				+ "WHERE n.k = 1)")
			.param("type", itemType)
			.param("items", List.copyOf(itemIds));
		return page(where, NEWEST_FIRST.apply(new PageRequest(PageRequest.MAX_LIMIT, null, null), where)).items();
	}

	/** {@code who} neither requested nor wrote the request. */
	private static String independentOf(String param, String who, SqlWhere where) {
		where.param(param, who).param(param + "Item", SqlWhere.listItemPattern(who));
		return "(a.requested_by <> :" + param + " AND " + SqlWhere.listLacks("a.authors", param + "Item") + ")";
	}

	private Page<ApprovalView> page(SqlWhere where, SortOptions<ApprovalView>.Sorting sorting) {
		List<ApprovalView> rows = jdbc.sql("SELECT a.* FROM approval_requests a" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(ApprovalQueries::row)
			.list();
		if (rows.isEmpty()) {
			return sorting.page(rows);
		}
		Map<UUID, List<ApprovalView.DecisionView>> decisions = new HashMap<>();
		jdbc.sql("SELECT approval_request_id, approver, decision, comment, decided_at FROM approval_decisions "
				+ "WHERE approval_request_id IN (:ids) ORDER BY list_index")
			.param("ids", rows.stream().map(ApprovalView::id).toList())
			.query((rs, n) -> decisions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new ApprovalView.DecisionView(rs.getString(2), Decision.valueOf(rs.getString(3)), rs.getString(4),
						rs.getTimestamp(5).toInstant())))
			.list();
		List<ApprovalView> withDecisions = rows.stream().map(v -> {
			List<ApprovalView.DecisionView> list = decisions.getOrDefault(v.id(), List.of());
			int approvals = (int) list.stream().filter(d -> d.decision() == Decision.APPROVE).count();
			return new ApprovalView(v.id(), v.itemType(), v.itemId(), v.itemTitle(), v.snapshot(), v.approverRoles(), v.quorum(),
					v.requestedBy(), v.authors(), v.note(), v.dueDate(), v.status(), v.statusReason(), list, approvals,
					v.changedSinceRequest(), v.overdue(), v.createdAt(), v.closedAt(), null);
		}).toList();
		return sorting.page(withDecisions);
	}

	private static ApprovalView row(ResultSet rs, int n) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(rs.getString("required_roles").split(",")).filter(s -> !s.isBlank()).forEach(r -> roles.add(Role.valueOf(r)));
		String authors = rs.getString("authors");
		java.sql.Date due = rs.getDate("due_date");
		ApprovalStatus status = ApprovalStatus.valueOf(rs.getString("status"));
		java.sql.Timestamp closed = rs.getTimestamp("closed_at");
		return new ApprovalView(rs.getObject("id", UUID.class), rs.getString("item_type"), rs.getString("item_id"),
				rs.getString("item_title"), rs.getString("snapshot"), roles, rs.getInt("quorum"), rs.getString("requested_by"),
				authors.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(authors.split(","))), rs.getString("note"),
				due == null ? null : due.toLocalDate(), status, rs.getString("status_reason"), List.of(), 0,
				changed(rs.getString("snapshot"), rs.getString("item_digest")),
				status == ApprovalStatus.PENDING && due != null && due.toLocalDate().isBefore(java.time.LocalDate.now()),
				rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant(), null);
	}

	/** Whether the item changed since the request: its digest, kept at each save, differs from the one requested. */
	private static boolean changed(String snapshot, String current) {
		return current != null && !current.equals(snapshot);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
