package org.openaims.inventory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.inventory.AiRole;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.EuAiActClass;
import org.openaims.inventory.LifecycleStage;
import org.openaims.inventory.RiskTier;
import org.openaims.inventory.ScopeStatementView.ScopedSystem;
import org.openaims.inventory.SystemVersionView;
import org.openaims.inventory.VendorView.SystemRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads AI systems for lists, detail views and exports: one query for the rows and one for their
 * roles, whatever the page size.
 */
@Component
public class AiSystemQueries {

	private static final String SELECT = "SELECT s.id, s.version, s.name, s.description, s.intended_purpose, "
			+ "s.lifecycle_stage, s.risk_tier, s.eu_ai_act_class, s.owner, s.business_unit, s.vendor_id, "
			+ "v.name AS vendor_name, s.personal_data, s.personal_data_categories, s.affected_parties, s.data_resources, "
			+ "s.in_scope, s.scope_justification, s.retired_at, s.retired_reason, s.created_at, s.created_by, "
			+ "s.updated_at, s.updated_by, (SELECT x.label FROM ai_system_versions x WHERE x.ai_system_id = s.id "
			+ "ORDER BY x.list_index DESC LIMIT 1) AS latest_version "
			+ "FROM ai_systems s LEFT JOIN vendors v ON v.id = s.vendor_id";

	private static final SortOptions<AiSystemView> SORTS = SortOptions
		.<AiSystemView>by("s.id", AiSystemView::id, "name")
		.text("name", "s.name", AiSystemView::name)
		.time("updated", "s.updated_at", AiSystemView::updatedAt)
		.time("created", "s.created_at", AiSystemView::createdAt);

	private final JdbcClient jdbc;

	AiSystemQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The keys {@code sort} accepts. */
	public static List<String> sortKeys() {
		return SORTS.keys();
	}

	public Page<AiSystemView> page(AiSystemFilter filter, PageRequest request) {
		SqlWhere where = where(filter);
		SortOptions<AiSystemView>.Sorting sorting = SORTS.apply(request, where);
		List<AiSystemView> rows = jdbc.sql(SELECT + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(AiSystemQueries::row)
			.list();
		return sorting.page(withRoles(rows));
	}

	public Optional<AiSystemView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE s.id = :id")
			.param("id", id)
			.query(AiSystemQueries::row)
			.optional()
			.map(view -> withRoles(List.of(view)).get(0))
			.map(view -> view.withVersionsList(versions(id)));
	}

	public List<SystemVersionView> versions(UUID id) {
		return jdbc
			.sql("SELECT label, released_on, notes, added_at, added_by, significance FROM ai_system_versions "
					+ "WHERE ai_system_id = :id ORDER BY list_index DESC")
			.param("id", id)
			.query((rs, n) -> new SystemVersionView(rs.getString("label"), localDate(rs.getDate("released_on")),
					rs.getString("notes"), instant(rs.getTimestamp("added_at")), rs.getString("added_by"),
					org.openaims.inventory.ChangeSignificance.valueOf(rs.getString("significance"))))
			.list();
	}

	/** The id of the system with this name, ignoring case. */
	public Optional<UUID> idByName(String name) {
		return jdbc.sql("SELECT id FROM ai_systems WHERE LOWER(name) = LOWER(:name)")
			.param("name", name.strip())
			.query(UUID.class)
			.optional();
	}

	/** The names of the systems with these ids (retired ones too); unknown ids are left out. */
	public Map<UUID, String> names(java.util.Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, name FROM ai_systems WHERE id IN (:ids)")
				.param("ids", List.copyOf(ids))
				.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
				.list();
		}
		return names;
	}

	/** Every system's id by lower-cased name (for imports). */
	public Map<String, UUID> idsByLowerName() {
		Map<String, UUID> ids = new HashMap<>();
		jdbc.sql("SELECT id, name FROM ai_systems")
			.query((rs, n) -> ids.put(rs.getString("name").toLowerCase(java.util.Locale.ROOT), rs.getObject("id", UUID.class)))
			.list();
		return ids;
	}

	/** Active systems in or out of the AIMS scope, by name. */
	public List<ScopedSystem> scoped(boolean inScope) {
		return jdbc
			.sql("SELECT id, name, lifecycle_stage, scope_justification FROM ai_systems "
					+ "WHERE retired_at IS NULL AND in_scope = :in_scope ORDER BY name")
			.param("in_scope", inScope)
			.query((rs, n) -> new ScopedSystem(rs.getObject("id", UUID.class), rs.getString("name"),
					LifecycleStage.valueOf(rs.getString("lifecycle_stage")), rs.getString("scope_justification")))
			.list();
	}

	private static final SortOptions<ScopedSystem> SCOPED = SortOptions.<ScopedSystem>by("id", ScopedSystem::id, "name")
		.text("name", "name", ScopedSystem::name);

	/** A keyset page of the systems in (or out of) scope, by name. */
	public Page<ScopedSystem> scoped(boolean inScope, PageRequest request) {
		SqlWhere where = new SqlWhere().and("retired_at IS NULL").and("in_scope = :in_scope", "in_scope", inScope);
		SortOptions<ScopedSystem>.Sorting sorting = SCOPED.apply(request, where);
		return sorting.page(jdbc.sql("SELECT id, name, lifecycle_stage, scope_justification FROM ai_systems" + where.sql()
				+ sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new ScopedSystem(rs.getObject("id", UUID.class), rs.getString("name"),
					LifecycleStage.valueOf(rs.getString("lifecycle_stage")), rs.getString("scope_justification")))
			.list());
	}

	/** The systems that name a vendor. */
	public List<SystemRef> suppliedBy(UUID vendorId) {
		return jdbc.sql("SELECT id, name, lifecycle_stage FROM ai_systems WHERE vendor_id = :vendor ORDER BY name")
			.param("vendor", vendorId)
			.query((rs, n) -> new SystemRef(rs.getObject("id", UUID.class), rs.getString("name"),
					LifecycleStage.valueOf(rs.getString("lifecycle_stage"))))
			.list();
	}

	/** How many active systems name a vendor. */
	public int activeSuppliedBy(UUID vendorId) {
		return jdbc.sql("SELECT COUNT(*) FROM ai_systems WHERE vendor_id = :vendor AND retired_at IS NULL")
			.param("vendor", vendorId)
			.query(Integer.class)
			.single();
	}

	/** Counts of active systems per stage and per tier, and how many are in scope. */
	public Map<String, Map<String, Integer>> counts() {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		jdbc.sql("SELECT lifecycle_stage, risk_tier, in_scope, COUNT(*) AS n FROM ai_systems "
				+ "GROUP BY lifecycle_stage, risk_tier, in_scope")
			.query((rs, i) -> {
				int n = rs.getInt("n");
				counts.computeIfAbsent("stage", k -> new HashMap<>()).merge(rs.getString("lifecycle_stage"), n, Integer::sum);
				if (!LifecycleStage.RETIRED.name().equals(rs.getString("lifecycle_stage"))) {
					counts.computeIfAbsent("tier", k -> new HashMap<>()).merge(rs.getString("risk_tier"), n, Integer::sum);
					counts.computeIfAbsent("scope", k -> new HashMap<>())
						.merge(rs.getBoolean("in_scope") ? "in" : "out", n, Integer::sum);
				}
				return n;
			})
			.list();
		return counts;
	}

	private static SqlWhere where(AiSystemFilter f) {
		return new SqlWhere().and("s.lifecycle_stage = :stage", "stage", f.stage())
			.and("EXISTS (SELECT 1 FROM ai_system_roles r WHERE r.ai_system_id = s.id AND r.role = :role)", "role", f.role())
			.and("s.risk_tier = :tier", "tier", f.tier())
			.and("s.owner = :owner", "owner", blankToNull(f.owner()))
			.and("s.vendor_id = :vendor", "vendor", f.vendor())
			.and("s.in_scope = :in_scope", "in_scope", f.inScope())
			.containsText("q", f.q(), "s.name", "s.description", "s.intended_purpose", "s.business_unit");
	}

	private List<AiSystemView> withRoles(List<AiSystemView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<UUID, Set<AiRole>> roles = roles(rows.stream().map(AiSystemView::id).toList());
		List<AiSystemView> result = new ArrayList<>(rows.size());
		rows.forEach(r -> result.add(r.withRolesSet(roles.getOrDefault(r.id(), EnumSet.noneOf(AiRole.class)))));
		return result;
	}

	private Map<UUID, Set<AiRole>> roles(Collection<UUID> ids) {
		Map<UUID, Set<AiRole>> roles = new HashMap<>();
		jdbc.sql("SELECT ai_system_id, role FROM ai_system_roles WHERE ai_system_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> roles.computeIfAbsent(rs.getObject("ai_system_id", UUID.class), k -> EnumSet.noneOf(AiRole.class))
				.add(AiRole.valueOf(rs.getString("role"))))
			.list();
		return roles;
	}

	private static AiSystemView row(ResultSet rs, int n) throws SQLException {
		String euClass = rs.getString("eu_ai_act_class");
		return new AiSystemView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getString("intended_purpose"), Set.of(), LifecycleStage.valueOf(rs.getString("lifecycle_stage")),
				RiskTier.valueOf(rs.getString("risk_tier")), euClass == null ? null : EuAiActClass.valueOf(euClass),
				rs.getString("owner"), rs.getString("business_unit"), rs.getObject("vendor_id", UUID.class),
				rs.getString("vendor_name"), rs.getBoolean("personal_data"), rs.getString("personal_data_categories"),
				rs.getString("affected_parties"), rs.getString("data_resources"), rs.getBoolean("in_scope"),
				rs.getString("scope_justification"), rs.getString("latest_version"), instant(rs.getTimestamp("retired_at")),
				rs.getString("retired_reason"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
				instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"), rs.getLong("version"), null);
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static java.time.LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
