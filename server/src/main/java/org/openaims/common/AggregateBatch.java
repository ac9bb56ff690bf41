package org.openaims.common;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.jdbc.core.convert.Identifier;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.convert.JdbcTypeFactory;
import org.springframework.data.jdbc.core.convert.MappingJdbcConverter;
import org.springframework.data.jdbc.core.convert.RelationResolver;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.mapping.InstanceCreatorMetadata;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PersistentPropertyPath;
import org.springframework.data.mapping.model.EntityInstantiator;
import org.springframework.data.mapping.model.ParameterValueProvider;
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
 * statement per aggregate and collection instead (an N+1 that grows with the page). Rows are read by a
 * {@link RowReader} resolved once per entity type, whose values the repository's converter converts, so
 * embedded values, enums and ids map alike (types it cannot read stay with the converter); collections
 * must be mapped with {@link MappedCollection#idColumn()} and hold entities without collections of their
 * own.
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

	/** Per entity type, how to read its rows without the converter, or empty when only the converter can. */
	private final Map<Class<?>, Optional<RowReader>> rowReaders = new ConcurrentHashMap<>();

	private final boolean crossCheck;

	AggregateBatch(JdbcMappingContext context, JdbcCustomConversions conversions, NamedParameterJdbcTemplate jdbc,
			@Value("${aims.aggregates.cross-check:false}") boolean crossCheck) {
		this.context = context;
		this.conversions = conversions;
		this.jdbc = jdbc;
		this.crossCheck = crossCheck;
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
		Rows rootRows = new Rows();
		List<Map<String, Object>> roots = jdbc.query(sql, params, (rs, n) -> rootRows.row(rs));
		if (roots.isEmpty()) {
			return List.of();
		}
		String idLabel = idColumn.toLowerCase(Locale.ROOT);
		List<Object> ids = roots.stream().map(r -> r.get(idLabel)).distinct().toList();
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
			Rows childRows = new Rows();
			Optional<RowReader> childRowReader = rowReader(child, childReader);
			String parentLabel = mapped.idColumn().toLowerCase(Locale.ROOT);
			jdbc.query(childSql, Map.of("ids", ids), rs -> {
				Map<String, Object> row = childRows.row(rs);
				byParent.computeIfAbsent(row.get(parentLabel), k -> new ArrayList<>()).add(read(child, childRowReader, row, null));
			});
			children.put(property.getName(), byParent);
		}
		List<T> aggregates = new ArrayList<>(roots.size());
		Map<String, Map<Object, List<Object>>> outer = loaded.get();
		loaded.set(children);
		try {
			Optional<RowReader> rootRowReader = rowReader(entity, reader);
			for (Map<String, Object> root : roots) {
				aggregates.add(type.cast(read(entity, rootRowReader, root, children)));
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

	/**
	 * One row as an entity: by the type's {@link RowReader} when it has one (the converter builds
	 * property paths for every property of every row, most of a list request's time), else by the
	 * converter. With {@code aims.aggregates.cross-check} (the test suite), every row is read both ways
	 * and a difference fails the read.
	 */
	private Object read(RelationalPersistentEntity<?> entity, Optional<RowReader> fast, Map<String, Object> row,
			Map<String, Map<Object, List<Object>>> children) {
		JdbcConverter converter = children == null ? childReader : reader;
		if (fast.isEmpty()) {
			return converter.readAndResolve(entity.getTypeInformation(), new RowDocument(row), Identifier.empty());
		}
		Object read = fast.get().read(row, children);
		if (crossCheck) {
			Object expected = converter.readAndResolve(entity.getTypeInformation(), new RowDocument(row), Identifier.empty());
			String difference = SameFields.difference(expected, read, entity.getType().getSimpleName());
			if (difference != null) {
				throw new IllegalStateException("AggregateBatch read " + entity.getType().getSimpleName() + " unlike the converter: " + difference);
			}
		}
		return read;
	}

	/**
	 * How to read the rows of one entity type: its creator's parameters and its other properties, each
	 * with its column and type, resolved once; values converted by the converter as it converts a
	 * property's value. Only for types whose properties are all simple values, embedded values (read from
	 * their prefixed columns) or collections of child entities mapped by {@link MappedCollection#idColumn()};
	 * others (maps, collections of simple values, nameless creator parameters) are read by the converter.
	 */
	private record RowReader(RelationalPersistentEntity<Object> entity, JdbcConverter converter, EntityInstantiator instantiator,
			Map<String, Slot> byName, List<Slot> settable, List<Slot> collections, String idLabel) {

		/** A property: its field, column and type, or the reader of its embedded value. */
		record Slot(RelationalPersistentProperty property, Field field, String column, TypeInformation<?> type,
				RowReader embedded) {
		}

		static Optional<RowReader> of(RelationalPersistentEntity<?> someEntity, JdbcMappingContext context, JdbcConverter converter) {
			return of(someEntity, context, converter, "");
		}

		@SuppressWarnings("unchecked")
		private static Optional<RowReader> of(RelationalPersistentEntity<?> someEntity, JdbcMappingContext context, JdbcConverter converter,
				String prefix) {
			RelationalPersistentEntity<Object> entity = (RelationalPersistentEntity<Object>) someEntity;
			Map<String, Slot> byName = new HashMap<>();
			List<Slot> settable = new ArrayList<>();
			List<Slot> collections = new ArrayList<>();
			for (RelationalPersistentProperty property : entity) {
				// Fields are set directly (Spring Data's default field access), so they must be writable.
				if (property.isMap() || property.getField() == null || !entity.isCreatorArgument(property)
						&& (Modifier.isFinal(property.getField().getModifiers()) || !property.getField().trySetAccessible())) {
					return Optional.empty();
				}
				if (property.isEmbedded()) {
					Optional<RowReader> embedded = entity.isCreatorArgument(property) ? Optional.empty()
							: of(context.getRequiredPersistentEntity(property.getActualType()), context, converter,
									prefix + (property.getEmbeddedPrefix() == null ? "" : property.getEmbeddedPrefix()));
					if (embedded.isEmpty() || !embedded.get().collections().isEmpty()) {
						return Optional.empty();
					}
					Slot slot = new Slot(property, property.getField(), null, property.getTypeInformation(), embedded.get());
					byName.put(property.getName(), slot);
					settable.add(slot);
					continue;
				}
				if (property.isEntity()) {
					MappedCollection mapped = property.findAnnotation(MappedCollection.class);
					if (!property.isCollectionLike() || mapped == null || mapped.idColumn().isBlank() || entity.isCreatorArgument(property)
							|| !(Set.class.equals(property.getType()) || List.class.equals(property.getType()))) {
						return Optional.empty();
					}
					collections.add(new Slot(property, property.getField(), null, property.getTypeInformation(), null));
					continue;
				}
				if (property.isCollectionLike()) {
					return Optional.empty();
				}
				Slot slot = new Slot(property, property.getField(),
						(prefix + property.getColumnName().getReference()).toLowerCase(Locale.ROOT), property.getTypeInformation(), null);
				byName.put(property.getName(), slot);
				if (!entity.isCreatorArgument(property)) {
					settable.add(slot);
				}
			}
			InstanceCreatorMetadata<RelationalPersistentProperty> creator = entity.getInstanceCreatorMetadata();
			if (creator != null) {
				for (Parameter<Object, RelationalPersistentProperty> parameter : creator.getParameters()) {
					if (!parameter.hasName() || !byName.containsKey(parameter.getName())) {
						return Optional.empty();
					}
				}
			}
			RelationalPersistentProperty id = entity.getIdProperty();
			return Optional.of(new RowReader(entity, converter, converter.getEntityInstantiators().getInstantiatorFor(entity), byName, settable,
					collections, id == null ? null : id.getColumnName().getReference().toLowerCase(Locale.ROOT)));
		}

		boolean allNull(Map<String, Object> row) {
			for (Slot slot : byName.values()) {
				if (slot.embedded() != null ? !slot.embedded().allNull(row) : row.get(slot.column()) != null) {
					return false;
				}
			}
			return true;
		}

		Object read(Map<String, Object> row, Map<String, Map<Object, List<Object>>> children) {
			Object bean = instantiator.createInstance(entity, new ParameterValueProvider<RelationalPersistentProperty>() {
				@Override
				@SuppressWarnings("unchecked")
				public <T> T getParameterValue(Parameter<T, RelationalPersistentProperty> parameter) {
					Slot slot = byName.get(parameter.getName());
					return (T) value(slot, row);
				}
			});
			try {
				for (Slot slot : settable) {
					Object value = value(slot, row);
					if (value != null) {
						slot.field().set(bean, value);
					}
				}
				if (!collections.isEmpty()) {
					Object id = row.get(idLabel);
					for (Slot slot : collections) {
						Map<Object, List<Object>> byParent = children == null ? null : children.get(slot.property().getName());
						List<Object> found = byParent == null ? List.of() : byParent.getOrDefault(id, List.of());
						slot.field().set(bean, Set.class.equals(slot.property().getType()) ? new HashSet<>(found) : new ArrayList<>(found));
					}
				}
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException("cannot set a field of " + entity.getType().getName(), e);
			}
			return bean;
		}

		private Object value(Slot slot, Map<String, Object> row) {
			if (slot.embedded() != null) {
				// Embedded.Nullable: no value when every column of it is null; Embedded.Empty: always one.
				return slot.property().shouldCreateEmptyEmbedded() || !slot.embedded().allNull(row) ? slot.embedded().read(row, null) : null;
			}
			Object raw = row.get(slot.column());
			return raw == null ? null : converter.readValue(raw, slot.type());
		}
	}

	/** Whether the rows of an entity type are read by a {@link RowReader} (else by the converter). */
	boolean readsRowsItself(Class<?> type) {
		return rowReader(context.getRequiredPersistentEntity(type), reader).isPresent();
	}

	/** The type's row reader, resolved on first use (once per query, not per row). */
	private Optional<RowReader> rowReader(RelationalPersistentEntity<?> entity, JdbcConverter converter) {
		return rowReaders.computeIfAbsent(entity.getType(), t -> RowReader.of(entity, context, converter));
	}

	private <T> List<Object> ids(Class<T> type, List<T> aggregates) {
		RelationalPersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
		return aggregates.stream().map(a -> entity.getIdentifierAccessor(a).getRequiredIdentifier()).toList();
	}

	/**
	 * Rows of one result set as Spring Data JDBC reads them: lower-cased column label to driver value,
	 * arrays unwrapped; the labels are looked up once per result set, not per row.
	 */
	private static final class Rows {

		private String[] labels;

		Map<String, Object> row(ResultSet rs) throws SQLException {
			if (labels == null) {
				ResultSetMetaData md = rs.getMetaData();
				labels = new String[md.getColumnCount()];
				for (int i = 1; i <= labels.length; i++) {
					labels[i - 1] = JdbcUtils.lookupColumnName(md, i).toLowerCase(Locale.ROOT);
				}
			}
			Map<String, Object> row = new HashMap<>(labels.length * 2);
			for (int i = 1; i <= labels.length; i++) {
				Object value = JdbcUtils.getResultSetValue(rs, i);
				row.putIfAbsent(labels[i - 1], value instanceof Array array ? array.getArray() : value);
			}
			return row;
		}
	}}
