package org.openaims.governance.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Rate limit of the public concern form and endpoints, per client address and clock hour. Counts are
 * held in memory only, per node, and dropped every hour: nothing that could link a report to an
 * address is ever written down.
 */
@Component
public class PublicReportLimit {

	private final Settings settings;

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private volatile Instant hour = currentHour();

	PublicReportLimit(Settings settings) {
		this.settings = settings;
	}

	/**
	 * Public concern settings ({@code aims.concerns.*}).
	 *
	 * @param reportsPerHour reports accepted per client address and hour
	 * @param lookupsPerHour receipt look-ups and notes accepted per client address and hour
	 */
	@ConfigurationProperties("aims.concerns")
	public record Settings(@DefaultValue("5") int reportsPerHour, @DefaultValue("60") int lookupsPerHour) {
	}

	/** Counts a report; the time when the next is allowed if the address has used its quota. */
	public Instant refuseReport(String address) {
		return take("report|" + address, settings.reportsPerHour());
	}

	/** Counts a receipt look-up or note; the time when the next is allowed if the quota is used. */
	public Instant refuseLookup(String address) {
		return take("lookup|" + address, settings.lookupsPerHour());
	}

	private Instant take(String key, int limit) {
		Instant now = currentHour();
		if (!now.equals(hour)) {
			synchronized (this) {
				if (!now.equals(hour)) {
					counts.clear();
					hour = now;
				}
			}
		}
		int used = counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
		return used > limit ? now.plus(1, ChronoUnit.HOURS) : null;
	}

	private static Instant currentHour() {
		return Instant.now().truncatedTo(ChronoUnit.HOURS);
	}
}
