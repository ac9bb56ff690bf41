package org.openaims.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.inventory.DueDiligenceStatus;
import org.openaims.inventory.VendorFilter;
import org.openaims.inventory.VendorView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads vendors for lists, detail views and exports; one query a page. */
@Component
public class VendorQueries {

	private static final String SELECT = "SELECT v.id, v.version, v.name, v.services, v.contract_reference, "
			+ "v.due_diligence_status, v.next_review_date, v.retired_at, v.retired_reason, v.created_at, v.created_by, "
			+ "v.updated_at, v.updated_by, (SELECT COUNT(*) FROM ai_systems s WHERE s.vendor_id = v.id "
			+ "AND s.retired_at IS NULL) AS supplied FROM vendors v";

	private static final SortOptions<VendorView> SORTS = SortOptions.<VendorView>by("v.id", VendorView::id, "name")
		.text("name", "v.name", VendorView::name)
		.time("updated", "v.updated_at", VendorView::updatedAt)
		.time("created", "v.created_at", VendorView::createdAt);

	private final JdbcClient jdbc;

	VendorQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<VendorView> page(VendorFilter filter, PageRequest request) {
		SqlWhere where = new SqlWhere().containsText("q", filter.q(), "v.name", "v.services", "v.contract_reference")
			.and("v.due_diligence_status = :status", "status", filter.status())
			.and("v.next_review_date <= :due", "due", filter.reviewDueBy())
			.and(Boolean.TRUE.equals(filter.active()) ? "v.retired_at IS NULL"
					: Boolean.FALSE.equals(filter.active()) ? "v.retired_at IS NOT NULL" : "1 = 1");
		SortOptions<VendorView>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql(SELECT + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(VendorQueries::row)
			.list());
	}

	public Optional<VendorView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(VendorQueries::row).optional();
	}

	/** Every vendor by lower-cased name: id and whether it is retired (for imports and pickers). */
	public Map<String, VendorRef> byLowerName() {
		Map<String, VendorRef> vendors = new HashMap<>();
		jdbc.sql("SELECT id, name, retired_at FROM vendors")
			.query((rs, n) -> vendors.put(rs.getString("name").toLowerCase(Locale.ROOT),
					new VendorRef(rs.getObject("id", UUID.class), rs.getString("name"), rs.getTimestamp("retired_at") != null)))
			.list();
		return vendors;
	}

	/** The vendors named so, whatever the letter case (an index on PostgreSQL; one row, or none, as names are unique). */
	public List<VendorRef> named(String name) {
		return jdbc.sql("SELECT id, name, retired_at FROM vendors WHERE LOWER(name) = LOWER(:name)")
			.param("name", name.strip())
			.query((rs, n) -> new VendorRef(rs.getObject("id", UUID.class), rs.getString("name"), rs.getTimestamp("retired_at") != null))
			.list();
	}

	/** Active vendors by name, for pickers. */
	public List<VendorRef> active() {
		return jdbc.sql("SELECT id, name FROM vendors WHERE retired_at IS NULL ORDER BY name")
			.query((rs, n) -> new VendorRef(rs.getObject("id", UUID.class), rs.getString("name"), false))
			.list();
	}

	/** A vendor named by id, with whether it is retired. */
	public record VendorRef(UUID id, String name, boolean retired) {
	}

	private static VendorView row(ResultSet rs, int n) throws SQLException {
		LocalDate nextReview = AiSystemQueries.localDate(rs.getDate("next_review_date"));
		boolean retired = rs.getTimestamp("retired_at") != null;
		return new VendorView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("services"),
				rs.getString("contract_reference"), DueDiligenceStatus.valueOf(rs.getString("due_diligence_status")),
				nextReview, !retired && nextReview != null && nextReview.isBefore(LocalDate.now()), rs.getInt("supplied"),
				AiSystemQueries.instant(rs.getTimestamp("retired_at")), rs.getString("retired_reason"),
				AiSystemQueries.instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
				AiSystemQueries.instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"), rs.getLong("version"),
				null);
	}
}
