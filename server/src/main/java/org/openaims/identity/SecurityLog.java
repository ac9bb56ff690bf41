package org.openaims.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.common.AccessRefusal;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.identity.internal.SecurityProperties;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security log (A.6.2.8 for the system itself, not for the AIMS records): sign-ins, failed
 * sign-ins, bad API tokens, refused requests, lockouts and their lifting. It is not the ledger —
 * anonymous traffic must not grow the management system's record — and it keeps rows for a
 * retention period only. A burst of the same event is counted on one row. Administrators read it.
 */
@Service
public class SecurityLog {

	/** Kinds of entries. */
	public static final String SIGN_IN = "SIGN_IN", SIGN_IN_FAILED = "SIGN_IN_FAILED", BAD_TOKEN = "BAD_TOKEN",
			ACCESS_REFUSED = "ACCESS_REFUSED", LOCKED_OUT = "LOCKED_OUT", LOCKOUT_LIFTED = "LOCKOUT_LIFTED",
			SESSIONS_ENDED = "SESSIONS_ENDED", RATE_LIMITED = "RATE_LIMITED";

	private static final SortOptions<SecurityLogEntry> SORTS = SortOptions
		.<SecurityLogEntry>by("s.id", SecurityLogEntry::id, "-last")
		.time("last", "s.last_at", SecurityLogEntry::lastAt);

	private final JdbcClient jdbc;

	private final SecurityProperties settings;

	SecurityLog(JdbcClient jdbc, SecurityProperties settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Records an event, in a transaction of its own so it stays when the request that caused it
	 * fails; a repeat within the burst window adds to the existing row.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String kind, String subject, String client, String detail) {
		Instant now = Instant.now();
		String who = cut(subject, 100);
		String from = cut(client, 64);
		String what = cut(detail == null ? "" : detail, 500);
		int updated = jdbc.sql("UPDATE security_log SET occurrences = occurrences + 1, last_at = :now WHERE kind = :kind "
				+ "AND " + (who == null ? "subject IS NULL" : "subject = :subject") + " AND "
				+ (from == null ? "client IS NULL" : "client = :client") + " AND detail = :detail AND first_at > :since")
			.param("now", Timestamp.from(now))
			.param("kind", kind)
			.param("subject", who)
			.param("client", from)
			.param("detail", what)
			.param("since", Timestamp.from(now.minus(settings.logBurst())))
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO security_log (id, kind, subject, client, detail, occurrences, first_at, last_at) "
					+ "VALUES (:id, :kind, :subject, :client, :detail, 1, :now, :now)")
				.param("id", UUID.randomUUID())
				.param("kind", kind)
				.param("subject", who)
				.param("client", from)
				.param("detail", what)
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	/** A signed-in user was refused an action (published where the 403 answer is made). */
	@EventListener
	void on(AccessRefusal refusal) {
		record(ACCESS_REFUSED, CurrentUser.username(), null, refusal.method() + " " + cut(refusal.path(), 200) + ": "
				+ refusal.reason());
	}

	/** The log, newest first; filters {@code kind} and {@code subject} (exact). */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public Page<SecurityLogEntry> list(String kind, String subject, PageRequest request) {
		SqlWhere where = new SqlWhere().and("s.kind = :kind", "kind", blankToNull(kind))
			.and("s.subject = :subject", "subject", blankToNull(subject));
		SortOptions<SecurityLogEntry>.Sorting sorting = SORTS.apply(request, where);
		List<SecurityLogEntry> rows = jdbc.sql("SELECT s.id, s.kind, s.subject, s.client, s.detail, s.occurrences, s.first_at, "
				+ "s.last_at FROM security_log s" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new SecurityLogEntry(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("subject"),
					rs.getString("client"), rs.getString("detail"), rs.getInt("occurrences"),
					rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant()))
			.list();
		return sorting.page(rows);
	}

	/** Drops entries older than the retention period (every node may run it; the delete is idempotent). */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@Transactional
	public int purge() {
		return jdbc.sql("DELETE FROM security_log WHERE last_at < :before")
			.param("before", Timestamp.from(Instant.now().minus(settings.logRetention())))
			.update();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String cut(String value, int length) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.replace('\u0000', '?');
		return clean.length() <= length ? clean : clean.substring(0, length);
	}
}
