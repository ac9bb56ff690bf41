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
import org.openaims.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads approval requests for lists: one query for the page, one for its decisions. */
@Component
public class ApprovalQueries {

	private static final SortOptions<ApprovalView> SORTS = SortOptions.<ApprovalView>by("a.id", ApprovalView::id, "-created")
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
		SortOptions<ApprovalView>.Sorting sorting = SORTS.apply(request, where);
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
					v.requestedBy(), v.authors(), v.note(), v.dueDate(), v.status(), v.statusReason(), list, approvals, false,
					v.overdue(), v.createdAt(), v.closedAt(), null);
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
				due == null ? null : due.toLocalDate(), status, rs.getString("status_reason"), List.of(), 0, false,
				status == ApprovalStatus.PENDING && due != null && due.toLocalDate().isBefore(java.time.LocalDate.now()),
				rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant(), null);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
