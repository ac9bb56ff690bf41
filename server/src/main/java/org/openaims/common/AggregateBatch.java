package org.openaims.common;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.data.jdbc.core.convert.Identifier;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.convert.JdbcTypeFactory;
import org.springframework.data.jdbc.core.convert.MappingJdbcConverter;
import org.springframework.data.jdbc.core.convert.RelationResolver;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.mapping.PersistentPropertyPath;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.domain.RowDocument;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Loads the aggregates of a page in a fixed number of statements: one for the roots and one per
 * collection they map, whatever the number of rows. Spring Data JDBC's {@code findAllById} runs one
 * statement per aggregate and collection instead (an N+1 that grows with the page). Aggregates are
 * read by the same converter as a repository's, so embedded values, enums and ids map alike; their
 * collections must be mapped with {@link MappedCollection#idColumn()} and hold entities without
 * collections of their own.
 */
@Component
public class AggregateBatch {

	private final JdbcMappingContext context;

	private final JdbcCustomConversions conversions;

	private final NamedParameterJdbcTemplate jdbc;

	/** The children of the aggregates being read on this thread, by collection property and parent id. */
	private final ThreadLocal<Map<String, Map<Object, List<Object>>>> loaded = new ThreadLocal<>();

	// One converter of each kind for the application's life: a converter keeps the generated
	// instantiators and accessors of the types it reads, which are costly to make per call.
	private final JdbcConverter reader;

	private final JdbcConverter childReader;

	AggregateBatch(JdbcMappingContext context, JdbcCustomConversions conversions, NamedParameterJdbcTemplate jdbc) {
		this.context = context;
		this.conversions = conversions;
		this.jdbc = jdbc;
		RelationResolver fromBatch = (Identifier identifier, PersistentPropertyPath<? extends RelationalPersistentProperty> path) -> {
			Map<String, Map<Object, List<Object>>> children = loaded.get();
			Map<Object, List<Object>> byParent = children == null ? null : children.get(path.getLeafProperty().getName());
			Object parent = identifier.toMap().values().iterator().next();
			return byParent == null ? List.of() : byParent.getOrDefault(parent, List.of());
		};
		this.reader = new MappingJdbcConverter(context, fromBatch, conversions, JdbcTypeFactory.unsupported());
		this.childReader = new MappingJdbcConverter(context, (identifier, path) -> {
			throw new IllegalStateException("a child entity maps a collection of its own: " + path);
		}, conversions, JdbcTypeFactory.unsupported());
	}

	/** The aggregates with these ids, in the order of the ids; unknown ids are left out. */
	public <T> List<T> findAllById(Class<T> type, Collection<?> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
		RelationalPersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
		String idColumn = entity.getRequiredIdProperty().getColumnName().getReference();
		Map<Object, T> byId = new HashMap<>();
		List<T> found = query(type, "SELECT * FROM " + entity.getTableName().getReference() + " WHERE " + idColumn + " IN (:ids)",
				Map.of("ids", distinct));
		List<Object> foundIds = ids(type, found);
		for (int i = 0; i < found.size(); i++) {
			byId.put(foundIds.get(i), found.get(i));
		}
		List<T> ordered = new ArrayList<>(found.size());
		for (Object id : distinct) {
			T aggregate = byId.get(id);
			if (aggregate != null) {
				ordered.add(aggregate);
			}
		}
		return ordered;
	}

	/**
	 * The aggregates whose root rows a query selects (every column of the root table, e.g.
	 * {@code SELECT r.* FROM risks r WHERE … ORDER BY … LIMIT n}), in the query's order, with their
	 * collections loaded in one statement each.
	 */
	public <T> List<T> query(Class<T> type, String sql, Map<String, ?> params) {
		RelationalPersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
		String idColumn = entity.getRequiredIdProperty().getColumnName().getReference();
		List<RowDocument> roots = jdbc.query(sql, params, (rs, n) -> document(rs));
		if (roots.isEmpty()) {
			return List.of();
		}
		List<Object> ids = roots.stream().map(r -> r.get(idColumn)).distinct().toList();
		Map<String, Map<Object, List<Object>>> children = new HashMap<>();
		for (RelationalPersistentProperty property : entity) {
			if (!property.isEntity() || property.isEmbedded()) {
				continue;
			}
			MappedCollection mapped = property.findAnnotation(MappedCollection.class);
			if (mapped == null || !property.isCollectionLike() || mapped.idColumn().isBlank()) {
				throw new IllegalStateException(type.getSimpleName() + "." + property.getName()
						+ " must be a collection mapped with @MappedCollection(idColumn = ...) to be loaded in batches");
			}
			RelationalPersistentEntity<?> child = context.getRequiredPersistentEntity(property.getActualType());
			String childSql = "SELECT * FROM " + child.getTableName().getReference() + " WHERE " + mapped.idColumn() + " IN (:ids)"
					+ (mapped.keyColumn().isBlank() ? "" : " ORDER BY " + mapped.idColumn() + ", " + mapped.keyColumn());
			Map<Object, List<Object>> byParent = new HashMap<>();
			jdbc.query(childSql, Map.of("ids", ids), rs -> {
				RowDocument row = document(rs);
				byParent.computeIfAbsent(row.get(mapped.idColumn()), k -> new ArrayList<>())
					.add(childReader.readAndResolve(child.getTypeInformation(), row, Identifier.empty()));
			});
			children.put(property.getName(), byParent);
		}
		List<T> aggregates = new ArrayList<>(roots.size());
		Map<String, Map<Object, List<Object>>> outer = loaded.get();
		loaded.set(children);
		try {
			for (RowDocument root : roots) {
				aggregates.add(reader.readAndResolve(type, root, Identifier.empty()));
			}
		}
		finally {
			if (outer == null) {
				loaded.remove();
			}
			else {
				loaded.set(outer);
			}
		}
		return aggregates;
	}

	private <T> List<Object> ids(Class<T> type, List<T> aggregates) {
		RelationalPersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
		return aggregates.stream().map(a -> entity.getIdentifierAccessor(a).getRequiredIdentifier()).toList();
	}

	/** The row as Spring Data JDBC reads it: column label to driver value, arrays unwrapped. */
	private static RowDocument document(ResultSet rs) throws SQLException {
		ResultSetMetaData md = rs.getMetaData();
		RowDocument document = new RowDocument(md.getColumnCount());
		for (int i = 1; i <= md.getColumnCount(); i++) {
			Object value = JdbcUtils.getResultSetValue(rs, i);
			document.putIfAbsent(JdbcUtils.lookupColumnName(md, i).toLowerCase(java.util.Locale.ROOT),
					value instanceof Array array ? array.getArray() : value);
		}
		return document;
	}
}
