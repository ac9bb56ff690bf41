package org.openaims.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.openaims.identity.internal.User;
import org.openaims.identity.internal.Users;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the users are: lookups for other modules (is this owner a real, active user?) and the
 * paginated user list. Reading needs only a signed-in user.
 */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	private static final SortOptions<UserView> SORTS = SortOptions.<UserView>by("u.id", UserView::id, "username")
		.text("username", "u.username", UserView::username)
		.time("created", "u.created_at", UserView::createdAt);

	private final Users users;

	private final JdbcClient jdbc;

	UserDirectory(Users users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	public Optional<UserView> find(String username) {
		return username == null ? Optional.empty() : users.findByUsername(username).map(User::view);
	}

	public Optional<UserView> find(UUID id) {
		return users.findById(id).map(User::view);
	}

	/**
	 * Who created the account and granted each of its roles, for segregation of duties; an unknown
	 * username has no origin (nobody created it).
	 */
	public AccountOrigin origin(String username) {
		return users.findByUsername(username).map(User::origin).orElse(new AccountOrigin(username, null, Map.of()));
	}

	/** One user with their pending role grants. */
	public Optional<UserView> withPendingRoles(UUID id) {
		return find(id).map(u -> withRoles(List.of(u)).get(0));
	}

	/** True when {@code username} names an enabled user. */
	public boolean isActive(String username) {
		return find(username).map(UserView::enabled).orElse(false);
	}

	/** Users filtered by text (name, display name, e-mail), role and enabled flag; two queries a page. */
	public Page<UserView> list(PageRequest request, String text, Role role, Boolean enabled) {
		SqlWhere where = new SqlWhere()
			.containsText("q", text, "u.username", "u.display_name", "u.email")
			.and("EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = :role)", "role", role)
			.and("u.enabled = :enabled", "enabled", enabled);
		SortOptions<UserView>.Sorting sorting = SORTS.apply(request, where);
		List<UserView> rows = jdbc
			.sql("SELECT u.id, u.username, u.display_name, u.email, u.enabled, u.created_at, u.updated_at, u.version "
					+ "FROM users u" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(UserDirectory::row)
			.list();
		return sorting.page(withRoles(rows));
	}

	/** The enabled users holding any of these roles, with the roles of those they hold, by username. */
	public java.util.SortedMap<String, Set<Role>> holdersOf(java.util.Collection<Role> roles) {
		java.util.SortedMap<String, Set<Role>> holders = new java.util.TreeMap<>();
		if (roles.isEmpty()) {
			return holders;
		}
		jdbc.sql("SELECT u.username, r.role FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.enabled AND r.role IN (:roles)")
			.param("roles", roles.stream().map(Role::name).toList())
			.query((rs, n) -> {
				holders.computeIfAbsent(rs.getString(1), k -> java.util.EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
				return null;
			})
			.list();
		return holders;
	}

	/** Every enabled user, by username (for owner pickers; organizations have hundreds, not millions). */
	public List<UserView> activeUsers() {
		List<UserView> rows = jdbc
			.sql("SELECT u.id, u.username, u.display_name, u.email, u.enabled, u.created_at, u.updated_at, u.version "
					+ "FROM users u WHERE u.enabled = TRUE ORDER BY u.username")
			.query(UserDirectory::row)
			.list();
		return withRoles(rows);
	}

	private List<UserView> withRoles(List<UserView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<UUID, Set<Role>> roles = new HashMap<>();
		jdbc.sql("SELECT user_id, role FROM user_roles WHERE user_id IN (:ids)")
			.param("ids", rows.stream().map(UserView::id).toList())
			.query((rs, n) -> roles.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> EnumSet.noneOf(Role.class))
				.add(Role.valueOf(rs.getString("role"))))
			.list();
		Map<UUID, Set<Role>> pending = new HashMap<>();
		jdbc.sql("SELECT user_id, role FROM role_grants WHERE status = 'PENDING' AND user_id IN (:ids)")
			.param("ids", rows.stream().map(UserView::id).toList())
			.query((rs, n) -> pending.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> EnumSet.noneOf(Role.class))
				.add(Role.valueOf(rs.getString("role"))))
			.list();
		List<UserView> result = new ArrayList<>(rows.size());
		for (UserView u : rows) {
			result.add(new UserView(u.id(), u.username(), u.displayName(), u.email(),
					roles.getOrDefault(u.id(), EnumSet.noneOf(Role.class)), u.enabled(), u.createdAt(), u.updatedAt(),
					u.version(), pending.getOrDefault(u.id(), EnumSet.noneOf(Role.class))));
		}
		return result;
	}

	private static UserView row(ResultSet rs, int n) throws SQLException {
		return new UserView(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), Set.of(), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}
}
