package org.openaims.governance.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.governance.PolicyStatus;
import org.openaims.governance.PolicyView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads policies for lists with the state of their versions, in one query a page. */
@Component
public class PolicyQueries {

	private static final String SELECT = "SELECT p.*, "
			+ "(SELECT MAX(v.version_no) FROM policy_versions v WHERE v.policy_id = p.id AND v.status = 'PUBLISHED') AS published_no, "
			+ "(SELECT MAX(v.version_no) FROM policy_versions v WHERE v.policy_id = p.id) AS latest_no, "
			+ "(SELECT v.status FROM policy_versions v WHERE v.policy_id = p.id ORDER BY v.version_no DESC LIMIT 1) AS latest_status "
			+ "FROM policies p";

	private static final SortOptions<PolicyView> SORTS = SortOptions.<PolicyView>by("p.id", PolicyView::id, "title")
		.text("title", "p.title", PolicyView::title)
		.time("updated", "p.updated_at", PolicyView::updatedAt);

	private final JdbcClient jdbc;

	PolicyQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Policies by text in title, owner and aligned policies; optionally only those whose review is overdue. */
	public Page<PolicyView> page(String text, Boolean reviewOverdue, PageRequest request) {
		SqlWhere where = new SqlWhere().containsText("q", text, "p.title", "p.owner", "p.aligned_with");
		if (Boolean.TRUE.equals(reviewOverdue)) {
			where.and("p.retired_at IS NULL AND p.next_review_date < :today", "today", LocalDate.now());
		}
		SortOptions<PolicyView>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql(SELECT + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(PolicyQueries::row)
			.list());
	}

	public java.util.Optional<PolicyView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(PolicyQueries::row).optional();
	}

	private static PolicyView row(ResultSet rs, int n) throws SQLException {
		Date next = rs.getDate("next_review_date");
		LocalDate nextReview = next == null ? null : next.toLocalDate();
		java.sql.Timestamp retired = rs.getTimestamp("retired_at");
		String addresses = rs.getString("addresses");
		int published = rs.getInt("published_no");
		boolean hasPublished = !rs.wasNull();
		int latest = rs.getInt("latest_no");
		boolean hasLatest = !rs.wasNull();
		String latestStatus = rs.getString("latest_status");
		return new PolicyView(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("owner"),
				rs.getInt("review_interval_months"), nextReview,
				retired == null && nextReview != null && nextReview.isBefore(LocalDate.now()), rs.getInt("approvals_required"),
				addresses == null || addresses.isBlank() ? List.of() : Arrays.asList(addresses.split(",")),
				rs.getString("aligned_with"), hasPublished ? published : null, hasLatest ? latest : null,
				latestStatus == null ? null : PolicyStatus.valueOf(latestStatus), retired == null ? null : retired.toInstant(),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"),
				rs.getString("pending_change") == null ? null : new PolicyView.PendingChange(rs.getString("pending_change"),
						rs.getString("proposed_title"), rs.getString("proposed_reason"), rs.getString("proposed_by"), null),
				null);
	}
}
