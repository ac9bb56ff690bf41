package org.openaims.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openaims.catalog.FrameworkSource;
import org.openaims.catalog.FrameworkView;
import org.openaims.catalog.MappedRequirement;
import org.openaims.catalog.MappingSetView;
import org.openaims.catalog.NodeKind;
import org.openaims.catalog.Relationship;
import org.openaims.catalog.RequirementView;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes frameworks, their nodes and mapping sets. Frameworks are never changed once stored. */
@Component
public class CatalogStore {

	private static final String FRAMEWORK_COLUMNS = "f.id, f.urn, f.framework_key, f.ref_id, f.name, f.description, f.provider, "
			+ "f.library_version, f.source, f.node_count, f.assessable_count, f.control_count, f.imported_at, f.imported_by, "
			+ "(SELECT MAX(g.library_version) FROM frameworks g WHERE g.urn = f.urn) AS newest";

	private static final String NODE_COLUMNS = "id, framework_id, position, urn, ref_id, name, description, parent_urn, depth, "
			+ "assessable, kind, evidence, annotation, implementation_groups";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	CatalogStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The framework key of a URN: its last segment, e.g. {@code iso27001-2022}. */
	public static String key(String frameworkUrn) {
		int colon = frameworkUrn.lastIndexOf(':');
		return (colon < 0 ? frameworkUrn : frameworkUrn.substring(colon + 1)).toLowerCase(Locale.ROOT);
	}

	public List<FrameworkView> frameworks() {
		return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + " FROM frameworks f ORDER BY f.name, f.library_version DESC")
			.query(CatalogStore::framework)
			.list();
	}

	public Optional<FrameworkView> framework(UUID id) {
		return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + " FROM frameworks f WHERE f.id = :id").param("id", id)
			.query(CatalogStore::framework)
			.optional();
	}

	/** The newest version of the framework with this key, if any. */
	public Optional<FrameworkView> latestByKey(String key) {
		return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + " FROM frameworks f WHERE f.framework_key = :key "
				+ "ORDER BY f.source, f.library_version DESC LIMIT 1")
			.param("key", key)
			.query(CatalogStore::framework)
			.optional();
	}

	public Optional<FrameworkView> byUrn(String urn, int version) {
		return jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + " FROM frameworks f WHERE f.urn = :urn AND f.library_version = :v")
			.param("urn", urn).param("v", version)
			.query(CatalogStore::framework)
			.optional();
	}

	public int newestVersion(String urn) {
		return jdbc.sql("SELECT COALESCE(MAX(library_version), 0) FROM frameworks WHERE urn = :urn").param("urn", urn)
			.query(Integer.class).single();
	}

	public Optional<Integer> versionWithContent(String urn, String sha256) {
		return jdbc.sql("SELECT library_version FROM frameworks WHERE urn = :urn AND content_sha256 = :sha").param("urn", urn)
			.param("sha", sha256).query(Integer.class).optional();
	}

	/** Stores a checked framework and its nodes; returns the new framework's id. */
	public UUID insertFramework(ParsedLibrary.Framework parsed, int version, List<LibraryChecks.Checked> nodes, String sha256,
			String importedBy) {
		UUID id = UUID.randomUUID();
		int assessable = (int) nodes.stream().filter(n -> n.node().assessable()).count();
		int controls = (int) nodes.stream().filter(n -> n.node().kind() == NodeKind.CONTROL).count();
		jdbc.sql("INSERT INTO frameworks (id, urn, framework_key, ref_id, name, description, provider, library_version, source, "
				+ "node_count, assessable_count, control_count, content_sha256, imported_at, imported_by) VALUES (:id, :urn, :key, "
				+ ":ref, :name, :description, :provider, :version, :source, :nodes, :assessable, :controls, :sha, :at, :by)")
			.param("id", id).param("urn", parsed.urn()).param("key", key(parsed.urn())).param("ref", parsed.refId())
			.param("name", parsed.name()).param("description", truncate(parsed.description(), 10000))
			.param("provider", truncate(parsed.provider(), 200)).param("version", version).param("source", parsed.source().name())
			.param("nodes", nodes.size()).param("assessable", assessable).param("controls", controls).param("sha", sha256)
			.param("at", Timestamp.from(Instant.now())).param("by", importedBy)
			.update();
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (LibraryChecks.Checked checked : nodes) {
			ParsedLibrary.Node n = checked.node();
			rows.add(new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("framework", id)
				.addValue("position", checked.position()).addValue("urn", n.urn()).addValue("ref", n.refId())
				.addValue("name", n.name()).addValue("description", n.description()).addValue("parent", n.parentUrn())
				.addValue("depth", checked.depth()).addValue("assessable", n.assessable()).addValue("kind", n.kind().name())
				.addValue("evidence", n.evidence()).addValue("annotation", n.annotation())
				.addValue("groups", n.groups() == null || n.groups().isEmpty() ? null : String.join(",", n.groups())));
		}
		for (int from = 0; from < rows.size(); from += 500) {
			batch.batchUpdate("INSERT INTO requirement_nodes (id, framework_id, position, urn, ref_id, name, description, parent_urn, "
					+ "depth, assessable, kind, evidence, annotation, implementation_groups) VALUES (:id, :framework, :position, :urn, :ref, "
					+ ":name, :description, :parent, :depth, :assessable, :kind, :evidence, :annotation, :groups)",
					rows.subList(from, Math.min(rows.size(), from + 500)).toArray(MapSqlParameterSource[]::new));
		}
		return id;
	}

	/** A framework's nodes in document order, optionally only assessable ones, of one kind, or matching a text. */
	public List<RequirementView> requirements(UUID frameworkId, String text, NodeKind kind, boolean assessableOnly) {
		SqlWhere where = nodesWhere(frameworkId, text, kind, assessableOnly);
		return jdbc.sql("SELECT " + NODE_COLUMNS + " FROM requirement_nodes" + where.sql() + " ORDER BY position")
			.params(where.params())
			.query(CatalogStore::node)
			.list();
	}

	private static final SortOptions<RequirementView> NODE_ORDER = SortOptions.<RequirementView>by("id", RequirementView::id, "position")
		.integer("position", "position", RequirementView::position);

	private static final SortOptions<FrameworkView> FRAMEWORK_ORDER = SortOptions.<FrameworkView>by("f.id", FrameworkView::id, "name")
		.text("name", "f.name", FrameworkView::name);

	/** A page of a framework's nodes in document order. */
	public Page<RequirementView> requirements(UUID frameworkId, String text, NodeKind kind, boolean assessableOnly, PageRequest request) {
		SqlWhere where = nodesWhere(frameworkId, text, kind, assessableOnly);
		SortOptions<RequirementView>.Sorting sorting = NODE_ORDER.apply(new PageRequest(request.limit(), request.after(), null), where);
		return sorting.page(jdbc.sql("SELECT " + NODE_COLUMNS + " FROM requirement_nodes" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(CatalogStore::node)
			.list());
	}

	private static SqlWhere nodesWhere(UUID frameworkId, String text, NodeKind kind, boolean assessableOnly) {
		SqlWhere where = new SqlWhere().and("framework_id = :framework", "framework", frameworkId)
			.and("kind = :kind", "kind", kind)
			.containsText("q", text, "ref_id", "name", "description");
		if (assessableOnly) {
			where.and("assessable = TRUE");
		}
		return where;
	}

	/** A level of the tree: the nodes under {@code parentUrn} (the roots when null), with how many children each has. */
	public List<TreeNode> children(UUID frameworkId, String parentUrn) {
		return jdbc.sql("SELECT n." + NODE_COLUMNS.replace(", ", ", n.") + ", (SELECT COUNT(*) FROM requirement_nodes c WHERE "
				+ "c.framework_id = n.framework_id AND c.parent_urn = n.urn) AS children FROM requirement_nodes n WHERE n.framework_id = :f AND "
				+ (parentUrn == null ? "n.parent_urn IS NULL" : "n.parent_urn = :parent") + " ORDER BY n.position")
			.param("f", frameworkId)
			.params(parentUrn == null ? Map.of() : Map.of("parent", parentUrn))
			.query((rs, n) -> new TreeNode(node(rs, n), rs.getInt("children")))
			.list();
	}

	/** A node of the tree and how many nodes it has under it. */
	public record TreeNode(RequirementView node, int children) {
	}

	/** A page of frameworks by name, then id. */
	public Page<FrameworkView> frameworks(PageRequest request) {
		SqlWhere where = new SqlWhere();
		SortOptions<FrameworkView>.Sorting sorting = FRAMEWORK_ORDER.apply(new PageRequest(request.limit(), request.after(), null), where);
		return sorting.page(jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + " FROM frameworks f" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(CatalogStore::framework)
			.list());
	}

	public Optional<RequirementView> requirement(UUID id) {
		return jdbc.sql("SELECT " + NODE_COLUMNS + " FROM requirement_nodes WHERE id = :id").param("id", id)
			.query(CatalogStore::node).optional();
	}

	public List<RequirementView> requirementsById(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + NODE_COLUMNS + " FROM requirement_nodes WHERE id IN (:ids) ORDER BY position")
			.param("ids", List.copyOf(ids)).query(CatalogStore::node).list();
	}

	/**
	 * A node by its reference in any case, and in either spelling of the numbers: {@code AC-02} finds
	 * {@code AC-2} and {@code SC-7(3)} finds {@code SC-07(03)} (NIST writes both).
	 */
	public Optional<RequirementView> requirementByRef(UUID frameworkId, String refId) {
		Optional<RequirementView> exact = jdbc.sql("SELECT " + NODE_COLUMNS + " FROM requirement_nodes WHERE framework_id = :f "
				+ "AND LOWER(ref_id) = LOWER(:ref) ORDER BY position LIMIT 1")
			.param("f", frameworkId).param("ref", refId)
			.query(CatalogStore::node).optional();
		if (exact.isPresent() || refId == null || !refId.matches(".*\\d.*")) {
			return exact;
		}
		String canonical = withoutLeadingZeros(refId);
		String padded = canonical.replaceAll("(?<=[-(.])(\\d)(?!\\d)", "0$1");
		return jdbc.sql("SELECT " + NODE_COLUMNS + " FROM requirement_nodes WHERE framework_id = :f "
				+ "AND LOWER(ref_id) IN (LOWER(:a), LOWER(:b)) ORDER BY position LIMIT 1")
			.param("f", frameworkId).param("a", canonical).param("b", padded)
			.query(CatalogStore::node).optional();
	}

	/** {@code AC-02(03)} → {@code AC-2(3)}: numbers after a dash, parenthesis or dot without leading zeros. */
	static String withoutLeadingZeros(String ref) {
		return ref.replaceAll("(?<=[-(.])0+(?=\\d)", "");
	}

	/** Framework key and reference of each known node URN. */
	public Map<String, String[]> keysAndRefs(Collection<String> urns) {
		Map<String, String[]> found = new HashMap<>();
		List<String> list = List.copyOf(urns);
		for (int from = 0; from < list.size(); from += 1000) {
			jdbc.sql("SELECT n.urn, f.framework_key, n.ref_id FROM requirement_nodes n JOIN frameworks f ON f.id = n.framework_id "
					+ "WHERE n.urn IN (:urns)")
				.param("urns", list.subList(from, Math.min(list.size(), from + 1000)))
				.query((rs, i) -> found.putIfAbsent(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }))
				.list();
		}
		return found;
	}

	/** The lower-cased references of the newest framework with this key (empty when the catalog has none). */
	public java.util.Set<String> latestRefs(String key) {
		java.util.Set<String> refs = new java.util.HashSet<>();
		latestByKey(key).ifPresent(f -> jdbc.sql("SELECT LOWER(ref_id) FROM requirement_nodes WHERE framework_id = :f AND ref_id IS NOT NULL")
			.param("f", f.id())
			.query(String.class)
			.list()
			.forEach(refs::add));
		return refs;
	}

	public List<UUID> requirementIds(UUID frameworkId) {
		return jdbc.sql("SELECT id FROM requirement_nodes WHERE framework_id = :f").param("f", frameworkId).query(UUID.class).list();
	}

	public long otherVersionsWithKey(String key, UUID except) {
		return jdbc.sql("SELECT COUNT(*) FROM frameworks WHERE framework_key = :k AND id <> :id").param("k", key).param("id", except)
			.query(Long.class).single();
	}

	/** The names of the mapping sets with a side of this framework key. */
	public List<String> mappingSetsNaming(String key) {
		return jdbc.sql("SELECT name FROM mapping_sets WHERE source_framework_key = :k OR target_framework_key = :k ORDER BY name")
			.param("k", key).query(String.class).list();
	}

	public String contentSha256(UUID frameworkId) {
		return jdbc.sql("SELECT content_sha256 FROM frameworks WHERE id = :f").param("f", frameworkId).query(String.class).single();
	}

	public void deleteFramework(UUID frameworkId) {
		jdbc.sql("DELETE FROM requirement_nodes WHERE framework_id = :f").param("f", frameworkId).update();
		jdbc.sql("DELETE FROM frameworks WHERE id = :f").param("f", frameworkId).update();
	}

	public boolean mappingSetExists(String urn, int version) {
		return jdbc.sql("SELECT COUNT(*) FROM mapping_sets WHERE urn = :urn AND library_version = :v").param("urn", urn)
			.param("v", version).query(Long.class).single() > 0;
	}

	/** A link ready to store, with both ends as framework key and reference. */
	public record StoredLink(String sourceKey, String sourceRef, String sourceUrn, String targetKey, String targetRef,
			String targetUrn, Relationship relationship, String rationale) {
	}

	public UUID insertMappingSet(String urn, String name, String sourceKey, String targetKey, int version, FrameworkSource source,
			List<StoredLink> links, String importedBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO mapping_sets (id, urn, name, source_framework_key, target_framework_key, library_version, source, "
				+ "link_count, imported_at, imported_by) VALUES (:id, :urn, :name, :sk, :tk, :v, :source, :links, :at, :by)")
			.param("id", id).param("urn", urn).param("name", truncate(name, 500)).param("sk", sourceKey).param("tk", targetKey)
			.param("v", version).param("source", source.name()).param("links", links.size())
			.param("at", Timestamp.from(Instant.now())).param("by", importedBy)
			.update();
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (int i = 0; i < links.size(); i++) {
			StoredLink l = links.get(i);
			rows.add(new MapSqlParameterSource().addValue("set", id).addValue("position", i).addValue("sk", l.sourceKey())
				.addValue("sr", l.sourceRef()).addValue("su", l.sourceUrn()).addValue("tk", l.targetKey()).addValue("tr", l.targetRef())
				.addValue("tu", l.targetUrn()).addValue("rel", l.relationship().name()).addValue("rationale", truncate(l.rationale(), 1000)));
		}
		for (int from = 0; from < rows.size(); from += 500) {
			batch.batchUpdate("INSERT INTO requirement_mappings (mapping_set_id, position, source_key, source_ref, source_urn, target_key, "
					+ "target_ref, target_urn, relationship, rationale) VALUES (:set, :position, :sk, :sr, :su, :tk, :tr, :tu, :rel, :rationale)",
					rows.subList(from, Math.min(rows.size(), from + 500)).toArray(MapSqlParameterSource[]::new));
		}
		return id;
	}

	public List<MappingSetView> mappingSets() {
		return jdbc.sql("SELECT * FROM mapping_sets ORDER BY name, library_version DESC")
			.query((rs, n) -> new MappingSetView(rs.getObject("id", UUID.class), rs.getString("urn"), rs.getString("name"),
					rs.getString("source_framework_key"), rs.getString("target_framework_key"), rs.getInt("library_version"),
					FrameworkSource.valueOf(rs.getString("source")), rs.getInt("link_count"),
					rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by")))
			.list();
	}

	/**
	 * The requirements linked to ({@code key}, {@code ref}) in either direction, seen from it, with
	 * the node of the other side where that framework is in the catalog (its newest version).
	 */
	public List<MappedRequirement> links(String key, String ref) {
		return links(key, List.of(ref)).getOrDefault(ref.toLowerCase(java.util.Locale.ROOT), List.of());
	}

	/**
	 * What each of several references of one framework relates to, keyed by the lower-cased
	 * reference, in three statements whatever their number: the links, the newest framework of each
	 * other key, and the nodes they name.
	 */
	public Map<String, List<MappedRequirement>> links(String key, Collection<String> refs) {
		Map<String, List<MappedRequirement>> byRef = new HashMap<>();
		List<String> lower = refs.stream().filter(java.util.Objects::nonNull).map(r -> r.toLowerCase(java.util.Locale.ROOT)).distinct()
			.toList();
		if (lower.isEmpty()) {
			return byRef;
		}
		List<String[]> found = new ArrayList<>();
		List<MappedRequirement> unresolved = new ArrayList<>();
		jdbc.sql("SELECT m.*, s.name AS set_name FROM requirement_mappings m JOIN mapping_sets s ON s.id = m.mapping_set_id "
				+ "WHERE (m.source_key = :key AND LOWER(m.source_ref) IN (:refs)) OR (m.target_key = :key AND LOWER(m.target_ref) IN (:refs)) "
				+ "ORDER BY m.mapping_set_id, m.position")
			.param("key", key).param("refs", lower)
			.query((rs, n) -> {
				String source = rs.getString("source_ref").toLowerCase(java.util.Locale.ROOT);
				boolean forward = rs.getString("source_key").equals(key) && lower.contains(source);
				Relationship relationship = Relationship.valueOf(rs.getString("relationship"));
				String otherKey = forward ? rs.getString("target_key") : rs.getString("source_key");
				String otherRef = forward ? rs.getString("target_ref") : rs.getString("source_ref");
				String mine = (forward ? rs.getString("source_ref") : rs.getString("target_ref")).toLowerCase(java.util.Locale.ROOT);
				found.add(new String[] { mine, forward ? "forward" : "reverse" });
				unresolved.add(new MappedRequirement(otherKey, otherRef, null, null, null, forward ? relationship : relationship.reverse(),
						rs.getString("rationale"), rs.getString("set_name")));
				return null;
			})
			.list();
		if (unresolved.isEmpty()) {
			return byRef;
		}
		Map<String, FrameworkView> frameworks = latestByKeys(unresolved.stream().map(MappedRequirement::frameworkKey).distinct().toList());
		Map<String, RequirementView> nodes = new HashMap<>();
		if (!frameworks.isEmpty()) {
			jdbc.sql("SELECT " + NODE_COLUMNS + " FROM requirement_nodes WHERE framework_id IN (:f) AND LOWER(ref_id) IN (:refs) "
					+ "ORDER BY position")
				.param("f", frameworks.values().stream().map(FrameworkView::id).toList())
				.param("refs", unresolved.stream().map(m -> m.refId().toLowerCase(java.util.Locale.ROOT)).distinct().toList())
				.query(CatalogStore::node)
				.list()
				.forEach(node -> nodes.putIfAbsent(node.frameworkId() + "|" + node.refId().toLowerCase(java.util.Locale.ROOT), node));
		}
		// A library holding both directions (or a reverse set imported after the forward one) names each pair
		// twice: one row per related requirement, the direction written from this side preferred.
		Map<String, Map<String, Integer>> shown = new HashMap<>();
		for (int i = 0; i < unresolved.size(); i++) {
			MappedRequirement m = unresolved.get(i);
			Optional<FrameworkView> framework = Optional.ofNullable(frameworks.get(m.frameworkKey()));
			Optional<RequirementView> node = framework
				.map(f -> nodes.get(f.id() + "|" + m.refId().toLowerCase(java.util.Locale.ROOT)));
			MappedRequirement row = new MappedRequirement(m.frameworkKey(), node.map(RequirementView::refId).orElse(m.refId()),
					node.map(RequirementView::name).orElse(null), framework.map(FrameworkView::id).orElse(null),
					node.map(RequirementView::id).orElse(null), m.relationship(), m.rationale(), m.mappingSet());
			String mine = found.get(i)[0];
			boolean forward = found.get(i)[1].equals("forward");
			List<MappedRequirement> rows = byRef.computeIfAbsent(mine, k -> new ArrayList<>());
			String pair = m.frameworkKey() + "|" + m.refId().toLowerCase(java.util.Locale.ROOT);
			Map<String, Integer> seen = shown.computeIfAbsent(mine, k -> new HashMap<>());
			Integer at = seen.get(pair);
			if (at == null) {
				seen.put(pair, rows.size() * 2 + (forward ? 1 : 0));
				rows.add(row);
			}
			else if (forward && at % 2 == 0) {
				rows.set(at / 2, row);
				seen.put(pair, at + 1);
			}
		}
		return byRef;
	}

	/** The framework {@link #latestByKey} chooses for each key, in one statement. */
	private Map<String, FrameworkView> latestByKeys(Collection<String> keys) {
		Map<String, FrameworkView> latest = new HashMap<>();
		jdbc.sql("SELECT " + FRAMEWORK_COLUMNS + " FROM frameworks f WHERE f.framework_key IN (:keys) "
				+ "ORDER BY f.framework_key, f.source, f.library_version DESC")
			.param("keys", List.copyOf(keys))
			.query(CatalogStore::framework)
			.list()
			.forEach(f -> latest.putIfAbsent(f.key(), f));
		return latest;
	}

	private static FrameworkView framework(ResultSet rs, int n) throws SQLException {
		return new FrameworkView(rs.getObject("id", UUID.class), rs.getString("urn"), rs.getString("framework_key"),
				rs.getString("ref_id"), rs.getString("name"), rs.getString("description"), rs.getString("provider"),
				rs.getInt("library_version"), FrameworkSource.valueOf(rs.getString("source")), rs.getInt("node_count"),
				rs.getInt("assessable_count"), rs.getInt("control_count"), rs.getInt("newest") == rs.getInt("library_version"),
				rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"));
	}

	private static RequirementView node(ResultSet rs, int n) throws SQLException {
		String groups = rs.getString("implementation_groups");
		return new RequirementView(rs.getObject("id", UUID.class), rs.getObject("framework_id", UUID.class), rs.getInt("position"),
				rs.getString("urn"), rs.getString("ref_id"), rs.getString("name"), rs.getString("description"),
				rs.getString("parent_urn"), rs.getInt("depth"), rs.getBoolean("assessable"), NodeKind.valueOf(rs.getString("kind")),
				rs.getString("evidence"), rs.getString("annotation"), groups == null ? List.of() : List.of(groups.split(",")));
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
