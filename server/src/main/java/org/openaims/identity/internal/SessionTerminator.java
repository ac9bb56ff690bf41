package org.openaims.identity.internal;

import java.util.Map;

import org.openaims.identity.SecurityLog;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's browser sessions, on every node at once (they live in the database): when the user
 * is disabled, their roles change or their password is set. A session opened with rights the user
 * no longer has must not outlive them.
 */
@Component
public class SessionTerminator {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SecurityLog log;

	SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions, SecurityLog log) {
		this.sessions = sessions;
		this.log = log;
	}

	/** Ends every session of {@code username} except {@code keep} (the caller's own, or null); returns how many. */
	public int endSessions(String username, String keep, String why) {
		Map<String, ? extends Session> open = sessions.findByPrincipalName(username);
		int ended = 0;
		for (String id : open.keySet()) {
			if (!id.equals(keep)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			log.record(SecurityLog.SESSIONS_ENDED, username, null, ended + (ended == 1 ? " session" : " sessions") + " ended: " + why);
		}
		return ended;
	}
}
