package org.openaims.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.identity.NewUser;
import org.openaims.identity.PasswordChanged;
import org.openaims.identity.AccountOrigin;
import org.openaims.identity.Role;
import org.openaims.identity.UserChanged;
import org.openaims.identity.UserChanges;
import org.openaims.identity.UserCreated;
import org.openaims.identity.UserView;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in to OpenAIMS, with a hashed password and one or more roles. */
@Table("users")
public class User extends AbstractAggregateRoot<User> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private String username;

	private String displayName;

	private String email;

	private String passwordHash;

	private boolean enabled;

	@MappedCollection(idColumn = "user_id")
	private Set<UserRole> roles = new HashSet<>();

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	User() {
	}

	public static User create(NewUser user, String passwordHash, Actor actor) {
		User created = new User();
		created.id = UUID.randomUUID();
		created.username = user.username();
		created.displayName = blankToNull(user.displayName());
		created.email = blankToNull(user.email());
		created.passwordHash = passwordHash;
		created.enabled = true;
		created.createdAt = Instant.now();
		created.createdBy = person(actor);
		created.roles = user.roles().stream().map(r -> new UserRole(r, person(actor), created.createdAt))
			.collect(Collectors.toCollection(HashSet::new));
		created.updatedAt = created.createdAt;
		created.registerEvent(new UserCreated(created.id, created.username, created.roleSet(), Stamp.of(actor)));
		return created;
	}

	public void change(UserChanges changes, Actor actor) {
		if (changes.version() != null && !changes.version().equals(version)) {
			throw new ConflictException("user " + username + " was changed meanwhile (version " + version
					+ ", you edited " + changes.version() + "); reload and try again");
		}
		Map<String, Object> before = snapshot();
		displayName = blankToNull(changes.displayName());
		email = blankToNull(changes.email());
		enabled = changes.enabled();
		Map<Role, UserRole> held = new java.util.EnumMap<>(Role.class);
		roles.forEach(r -> held.put(r.role(), r));
		Instant now = Instant.now();
		roles = changes.roles().stream().map(r -> held.getOrDefault(r, new UserRole(r, person(actor), now)))
			.collect(Collectors.toCollection(HashSet::new));
		Map<String, FieldChange> diff = FieldChange.diff(before, snapshot());
		if (!diff.isEmpty()) {
			updatedAt = Instant.now();
			registerEvent(new UserChanged(id, username, diff, Stamp.of(actor)));
		}
	}

	/**
	 * Adds a role whose grant was approved: {@code grantedBy} asked for it, {@code approver} approved it
	 * (the approver's act, recorded with the approver's stamp).
	 */
	public void grant(Role role, String grantedBy, Actor approver) {
		if (roleSet().contains(role)) {
			return;
		}
		Map<String, Object> before = snapshot();
		roles.add(new UserRole(role, grantedBy, Instant.now()));
		updatedAt = Instant.now();
		registerEvent(new UserChanged(id, username, FieldChange.diff(before, snapshot()), Stamp.of(approver)));
	}

	/** Who made the account what it is: its creator and the grantor of each role (null: the system or unrecorded). */
	public AccountOrigin origin() {
		Map<Role, String> grantors = new java.util.EnumMap<>(Role.class);
		roles.forEach(r -> {
			if (r.grantedBy() != null) {
				grantors.put(r.role(), r.grantedBy());
			}
		});
		return new AccountOrigin(username, createdBy, grantors);
	}

	/** A person's name for the record, none for the application itself. */
	private static String person(Actor actor) {
		return Actor.SYSTEM.username().equals(actor.username()) && actor.tokenId() == null ? null : actor.username();
	}

	public void setPassword(String passwordHash, Actor actor) {
		this.passwordHash = passwordHash;
		updatedAt = Instant.now();
		registerEvent(new PasswordChanged(id, username, Stamp.of(actor)));
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("displayName", displayName);
		values.put("email", email);
		values.put("enabled", enabled);
		values.put("roles", new TreeSet<>(roleSet()).stream().map(Role::name).toList());
		return values;
	}

	public UUID id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public boolean enabled() {
		return enabled;
	}

	public Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		roles.forEach(r -> set.add(r.role()));
		return set;
	}

	public UserView view() {
		return new UserView(id, username, displayName, email, roleSet(), enabled, createdAt, updatedAt,
				version == null ? 0 : version);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
