package org.openaims.evidence.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openaims.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces evidence whose validity has ended ({@code EvidenceExpired}, once per expiry date), every
 * hour on every node: two nodes announcing the same item collide on its version, and one of them wins.
 */
@Component
public class ExpiryNotices {

	private static final Logger log = LoggerFactory.getLogger(ExpiryNotices.class);

	private static final int BATCH = 500;

	private final EvidenceQueries queries;

	private final EvidenceItems items;

	private final TransactionTemplate transactions;

	ExpiryNotices(EvidenceQueries queries, EvidenceItems items, PlatformTransactionManager transactions) {
		this.queries = queries;
		this.items = items;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
	void scheduled() {
		try {
			announce(LocalDate.now());
		}
		catch (RuntimeException e) {
			log.warn("Could not announce expired evidence; will try again", e);
		}
	}

	/** Announces every item expired before {@code today} and not announced yet; returns how many. */
	public int announce(LocalDate today) {
		return CurrentUser.runAsSystem(() -> {
			int announced = 0;
			List<UUID> ids;
			do {
				ids = queries.expiredUnnoticed(today, BATCH);
				for (UUID id : ids) {
					try {
						Boolean done = transactions.execute(status -> items.findById(id).map(e -> {
							boolean noticed = e.noticeExpiry(today);
							if (noticed) {
								items.save(e);
							}
							return noticed;
						}).orElse(false));
						announced += Boolean.TRUE.equals(done) ? 1 : 0;
					}
					catch (OptimisticLockingFailureException e) {
						// announced or changed meanwhile by someone else
					}
				}
			}
			while (ids.size() == BATCH);
			return announced;
		});
	}
}
