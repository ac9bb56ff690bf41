package org.openaims.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which version of an AI system ran in each environment when: periods, oldest first; an open period has no end. */
public record DeploymentTimeline(UUID aiSystemId, String aiSystemName, List<Period> periods) {

	/** A version in an environment from one deployment (or rollback) to the next. */
	public record Period(String environment, String version, Instant from, Instant until, UUID deploymentId, DeploymentKind kind,
			boolean withoutAllow) {
	}

	/** The version running in {@code environment} at {@code time}, if any. */
	public java.util.Optional<String> versionAt(String environment, Instant time) {
		return periods.stream().filter(p -> p.environment().equals(environment) && !p.from().isAfter(time)
				&& (p.until() == null || p.until().isAfter(time))).map(Period::version).findFirst();
	}
}
