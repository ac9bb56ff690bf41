package org.openaims.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openaims.identity.SecurityLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles password sign-ins, on the sign-in page and the token API alike, per attempted account
 * name and per client address: after a failure the next attempt for that name waits a growing delay
 * (none after one failure, then 1, 2, 4 … seconds); after {@code maxFailures} the name is locked for the lockout period, and after
 * {@code maxClientFailures} from one address (spraying many names) the address is. Names that do not
 * exist are throttled the same way, so the answer never tells whether an account exists. The counts
 * live in the database, so every node applies the same limits.
 */
@Component
public class SignInThrottle {

	static final String ACCOUNT = "ACCOUNT";

	static final String CLIENT = "CLIENT";

	private static final Duration MAX_DELAY = Duration.ofSeconds(60);

	private final JdbcClient jdbc;

	private final SecurityProperties settings;

	private final SecurityLog log;

	SignInThrottle(JdbcClient jdbc, SecurityProperties settings, SecurityLog log) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.log = log;
	}

	/** A lockout or throttle in force: a name or an address that may not sign in before {@code until}. */
	public record Lockout(UUID id, String type, String key, int failures, Instant lastFailureAt, Instant until) {
	}

	/** When the next attempt for this name from this address is allowed, if not now. */
	@Transactional(readOnly = true)
	public Optional<Instant> refusedUntil(String account, String client) {
		Instant now = Instant.now();
		Instant until = null;
		for (Row row : rows(account, client)) {
			Instant blocked = row.blockedUntil(now);
			if (blocked != null && (until == null || blocked.isAfter(until))) {
				until = blocked;
			}
		}
		return Optional.ofNullable(until);
	}

	/** Counts a failed sign-in against the name and the address; locks either at its limit. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String account, String client, String reason) {
		Instant now = Instant.now();
		log.record(SecurityLog.SIGN_IN_FAILED, account, client, reason);
		count(ACCOUNT, normalize(account), settings.maxFailures(), now, client);
		if (client != null) {
			count(CLIENT, client, settings.maxClientFailures(), now, client);
		}
	}

	/** A successful sign-in clears the name's failures (not the address's: one valid account must not reset a spray). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String account) {
		jdbc.sql("DELETE FROM sign_in_throttle WHERE key_type = :type AND key_value = :key")
			.param("type", ACCOUNT).param("key", normalize(account)).update();
	}

	/** Names and addresses locked now, for administrators. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<Lockout> lockouts() {
		return jdbc.sql("SELECT id, key_type, key_value, failures, last_failure_at, locked_until FROM sign_in_throttle "
				+ "WHERE locked_until > :now ORDER BY locked_until DESC")
			.param("now", Timestamp.from(Instant.now()))
			.query((rs, n) -> new Lockout(rs.getObject("id", UUID.class), rs.getString("key_type"), rs.getString("key_value"),
					rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant(),
					rs.getTimestamp("locked_until").toInstant()))
			.list();
	}

	/** Lifts a lockout (an administrator's decision, written to the security log); false if there was none. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public boolean lift(UUID id, String by) {
		List<Lockout> found = lockouts().stream().filter(l -> l.id().equals(id)).toList();
		if (found.isEmpty()) {
			return false;
		}
		jdbc.sql("DELETE FROM sign_in_throttle WHERE id = :id").param("id", id).update();
		Lockout lockout = found.get(0);
		log.record(SecurityLog.LOCKOUT_LIFTED, by, null,
				"lifted the lockout of " + lockout.type().toLowerCase(Locale.ROOT) + " " + lockout.key());
		return true;
	}

	private void count(String type, String key, int max, Instant now, String client) {
		Timestamp at = Timestamp.from(now);
		Timestamp windowStart = Timestamp.from(now.minus(settings.window()));
		// Within the window the count grows; after it (and after any lockout ran out) it starts again.
		int updated = jdbc.sql("UPDATE sign_in_throttle SET failures = CASE WHEN last_failure_at > :windowStart "
				+ "THEN failures + 1 ELSE 1 END, first_failure_at = CASE WHEN last_failure_at > :windowStart THEN first_failure_at "
				+ "ELSE :at END, last_failure_at = :at, locked_until = CASE WHEN locked_until > :at THEN locked_until ELSE NULL END "
				+ "WHERE key_type = :type AND key_value = :key")
			.param("windowStart", windowStart).param("at", at).param("type", type).param("key", key).update();
		if (updated == 0) {
			try {
				jdbc.sql("INSERT INTO sign_in_throttle (id, key_type, key_value, failures, first_failure_at, last_failure_at) "
						+ "VALUES (:id, :type, :key, 1, :at, :at)")
					.param("id", UUID.randomUUID()).param("type", type).param("key", key).param("at", at).update();
			}
			catch (DuplicateKeyException raced) {
				count(type, key, max, now, client);
				return;
			}
		}
		int failures = jdbc.sql("SELECT failures FROM sign_in_throttle WHERE key_type = :type AND key_value = :key")
			.param("type", type).param("key", key).query(Integer.class).single();
		if (failures >= max) {
			Instant until = now.plus(settings.lockout());
			int locked = jdbc.sql("UPDATE sign_in_throttle SET locked_until = :until WHERE key_type = :type AND key_value = :key "
					+ "AND (locked_until IS NULL OR locked_until < :at)")
				.param("until", Timestamp.from(until)).param("type", type).param("key", key).param("at", at).update();
			if (locked > 0) {
				log.record(SecurityLog.LOCKED_OUT, type.equals(ACCOUNT) ? key : null, client,
						failures + " failed sign-ins; " + type.toLowerCase(Locale.ROOT) + " locked until " + until);
			}
		}
	}

	private List<Row> rows(String account, String client) {
		return jdbc.sql("SELECT key_type, failures, last_failure_at, locked_until FROM sign_in_throttle "
				+ "WHERE (key_type = :account AND key_value = :name) OR (key_type = :client AND key_value = :address)")
			.param("account", ACCOUNT).param("name", normalize(account)).param("client", CLIENT)
			.param("address", client == null ? "" : client)
			.query((rs, n) -> new Row(rs.getString("key_type"), rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant(),
					rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
			.list();
	}

	private record Row(String type, int failures, Instant lastFailureAt, Instant lockedUntil) {

		Instant blockedUntil(Instant now) {
			if (lockedUntil != null && lockedUntil.isAfter(now)) {
				return lockedUntil;
			}
			if (!type.equals(ACCOUNT) || failures < 2) {
				return null;
			}
			// None after one failure, 1 s after two, then doubling: a person retyping is not slowed, a script is.
			long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(30, failures - 2));
			Instant next = lastFailureAt.plusSeconds(seconds);
			return next.isAfter(now) ? next : null;
		}
	}

	static String normalize(String account) {
		String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
		return name.length() > 100 ? name.substring(0, 100) : name;
	}
}
