package org.openaims.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.DatabaseVendor;
import org.openaims.common.InvalidInputException;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.monitoring.internal.IncidentRecords;
import org.openaims.monitoring.internal.RuleEngine;
import org.openaims.monitoring.internal.RuleRows;
import org.openaims.monitoring.internal.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monitoring's timed work, run by one node at a time (the one holding the {@code monitoring} lease in
 * the database): absence rules against the clock, rate windows that closed without a later event, the
 * purge of event bodies past each system's retention (their leaf hashes stay in the batch, so proofs
 * still hold), and on PostgreSQL the monthly partitions ahead.
 */
@Service
public class MonitoringJobs {

	private static final Logger log = LoggerFactory.getLogger(MonitoringJobs.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final SchedulerLock lock;

	private final IncidentRecords incidents;

	private final AiSystemService systems;

	private final Duration lateness;

	private final String jurisdiction;

	private final DatabaseVendor vendor;

	private volatile Instant lastPurge = Instant.EPOCH;

	MonitoringJobs(JdbcClient jdbc, TransactionTemplate tx, SchedulerLock lock, IncidentRecords incidents, AiSystemService systems,
			DatabaseVendor vendor, @Value("${aims.monitoring.allowed-lateness:PT5M}") Duration lateness,
			@Value("${aims.monitoring.jurisdiction:EU}") String jurisdiction) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.lock = lock;
		this.incidents = incidents;
		this.systems = systems;
		this.lateness = lateness;
		this.jurisdiction = jurisdiction;
		this.vendor = vendor;
	}

	/** What one run did. */
	public record Run(boolean ran, List<String> raised, List<String> cleared, long purged, int partitions) {
	}

	@Scheduled(fixedDelayString = "${aims.monitoring.tick:PT30S}", initialDelayString = "PT20S")
	void tick() {
		try {
			runOnce(Instant.now());
		}
		catch (RuntimeException e) {
			log.warn("Monitoring jobs failed this time: {}", e.toString());
		}
	}

	/** Runs the timed work at {@code now} if this node takes the lease; the purge and partitions at most hourly. */
	public Run runOnce(Instant now) {
		if (!lock.take("monitoring", Duration.ofMinutes(2), Instant.now())) {
			return new Run(false, List.of(), List.of(), 0, 0);
		}
		List<String> raised = new ArrayList<>();
		List<String> cleared = new ArrayList<>();
		long[] purged = { 0 };
		int[] partitions = { 0 };
		CurrentUser.runAsSystem(() -> {
			tx.executeWithoutResult(s -> {
				for (RuleRows.Loaded rule : RuleRows.ofKind(jdbc, RuleKind.ABSENCE)) {
					List<RuleEngine.Effect> effects = RuleEngine.absence(rule.engine(), rule.state(), rule.createdAt(), now);
					EventIngest.apply(rule, effects, now, raised, cleared, incidents, jurisdiction);
					if (rule.state().changed) {
						RuleRows.saveState(jdbc, rule);
					}
				}
				for (RuleRows.Loaded rule : RuleRows.ofKind(jdbc, RuleKind.RATE)) {
					List<RuleEngine.Effect> effects = RuleEngine.closeWindows(rule.engine(), rule.state(), now.minus(lateness));
					EventIngest.apply(rule, effects, now, raised, cleared, incidents, jurisdiction);
					if (rule.state().changed) {
						RuleRows.saveState(jdbc, rule);
					}
				}
			});
			if (Duration.between(lastPurge, now).toMinutes() >= 60) {
				purged[0] = purge(now);
				if (vendor.postgres()) {
					partitions[0] = jdbc.sql("SELECT monitoring_events_partitions(3)").query(Integer.class).single();
				}
				lastPurge = now;
			}
		});
		return new Run(true, raised, cleared, purged[0], partitions[0]);
	}

	/** Drops the bodies of events older than each system's retention; their batches keep the leaf hashes. */
	long purge(Instant now) {
		long total = 0;
		List<Map.Entry<UUID, Integer>> retention = jdbc.sql("SELECT ai_system_id, retention_days FROM monitoring_systems ORDER BY ai_system_id")
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list();
		for (Map.Entry<UUID, Integer> r : retention) {
			Instant before = now.minus(Duration.ofDays(r.getValue()));
			Integer rows = tx.execute(s -> {
				int n = jdbc.sql("DELETE FROM monitoring_events WHERE ai_system_id = :s AND event_time < :before").param("s", r.getKey())
					.param("before", Timestamp.from(before)).update();
				if (n > 0) {
					jdbc.sql("UPDATE monitoring_systems SET purged_before = :before, purged_at = :now WHERE ai_system_id = :s")
						.param("before", Timestamp.from(before)).param("now", Timestamp.from(Instant.now())).param("s", r.getKey()).update();
				}
				return n;
			});
			total += rows == null ? 0 : rows;
		}
		if (total > 0) {
			log.info("Purged the bodies of {} operational events past their systems' retention", total);
		}
		return total;
	}

	/** The retention of a system's event bodies, in days; administrators and AIMS managers set it. */
	public record Retention(UUID aiSystemId, int retentionDays, Instant purgedBefore, Instant purgedAt) {
	}

	@PreAuthorize("isAuthenticated()")
	public Retention setRetention(UUID aiSystemId, Integer days) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers set how long events are kept", Role.ADMIN, Role.AIMS_MANAGER);
		if (days == null || days < 1 || days > 3650) {
			throw new InvalidInputException("retentionDays", "between 1 and 3650 days");
		}
		if (systems.names(List.of(aiSystemId)).isEmpty()) {
			throw new org.openaims.common.NotFoundException("AI system", aiSystemId);
		}
		tx.executeWithoutResult(s -> {
			jdbc.sql("INSERT INTO monitoring_systems (ai_system_id, retention_days) VALUES (:s, :d) ON CONFLICT DO NOTHING").param("s", aiSystemId)
				.param("d", days).update();
			jdbc.sql("UPDATE monitoring_systems SET retention_days = :d WHERE ai_system_id = :s").param("s", aiSystemId).param("d", days).update();
			incidents.publishRetention(aiSystemId, days);
		});
		return retention(aiSystemId);
	}

	@PreAuthorize("isAuthenticated()")
	public Retention retention(UUID aiSystemId) {
		return jdbc.sql("SELECT retention_days, purged_before, purged_at FROM monitoring_systems WHERE ai_system_id = :s").param("s", aiSystemId)
			.query((rs, n) -> new Retention(aiSystemId, rs.getInt(1), IncidentRecords.instant(rs.getTimestamp(2)),
					IncidentRecords.instant(rs.getTimestamp(3))))
			.optional().orElse(new Retention(aiSystemId, 365, null, null));
	}
}
