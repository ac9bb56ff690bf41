package org.openaims.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.openaims.common.AimsProperties;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo organization's monitoring: CreditScore's accuracy floor (raise below 0.90, clear at 0.92,
 * for 10 minutes) and heartbeat rule, two days of its events in batches — accuracy dipping for half an
 * hour yesterday, which raised and cleared one incident —, and a serious incident a complaint revealed,
 * with its report to the market surveillance authority on the clock.
 */
@Component
@Order(70)
class MonitoringDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MonitoringDemoData.class);

	private static final String MANAGER = "maria.keller";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AimsProperties properties;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final RuleService rules;

	private final EventIngest ingest;

	private final IncidentService incidents;

	private final JdbcClient jdbc;

	MonitoringDemoData(AimsProperties properties, UserDirectory users, AiSystemService systems, RuleService rules, EventIngest ingest,
			IncidentService incidents, JdbcClient jdbc) {
		this.properties = properties;
		this.users = users;
		this.systems = systems;
		this.rules = rules;
		this.ingest = ingest;
		this.incidents = incidents;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() || users.find(MANAGER).isEmpty()
				|| jdbc.sql("SELECT COUNT(*) FROM monitoring_rules").query(Long.class).single() > 0) {
			return;
		}
		AiSystemView credit = CurrentUser.runAsSystem(() -> systems.list(AiSystemFilter.none(), PageRequest.first(100)).items().stream()
			.filter(s -> s.name().equals("CreditScore")).findFirst().orElse(null));
		if (credit == null) {
			return;
		}
		UUID id = credit.id();
		as(MANAGER, () -> rules.create(new RuleDetails(id, "Accuracy floor", RuleKind.THRESHOLD, "metric", "accuracy", Direction.BELOW, 0.90, 0.92,
				null, 600L, IncidentSeverity.HIGH, true, null)));
		as(MANAGER, () -> rules.create(new RuleDetails(id, "Scoring service heartbeat", RuleKind.ABSENCE, "heartbeat", null, null, null, null, 3600L,
				0L, IncidentSeverity.CRITICAL, true, null)));
		Instant start = Instant.now().minus(Duration.ofHours(47)).truncatedTo(ChronoUnit.HOURS);
		Instant dip = Instant.now().minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.HOURS);
		int batch = 0;
		for (Instant hour = start; hour.isBefore(Instant.now()); hour = hour.plus(Duration.ofHours(6))) {
			List<Map<String, Object>> events = new ArrayList<>();
			for (Instant t = hour; t.isBefore(hour.plus(Duration.ofHours(6))) && t.isBefore(Instant.now()); t = t.plus(Duration.ofMinutes(5))) {
				boolean dipping = !t.isBefore(dip) && t.isBefore(dip.plus(Duration.ofMinutes(30)));
				events.add(event(id, "metric", t, "accuracy", dipping ? 0.87 : 0.93 + (t.getEpochSecond() / 300 % 3) / 100.0));
				events.add(event(id, "heartbeat", t, null, null));
				if (t.getEpochSecond() / 300 % 17 == 0) {
					events.add(event(id, "human_override", t, "underwriter_override", null));
				}
				if (t.getEpochSecond() / 300 % 41 == 0) {
					events.add(event(id, "error", t, "timeout", null));
				}
			}
			byte[] body = JSON.writeValueAsString(events).getBytes(StandardCharsets.UTF_8);
			String batchId = "demo-" + (batch++);
			as(MANAGER, () -> ingest.ingest(body, batchId, "HTTP"));
		}
		Map<String, Object> complaint = event(id, "complaint", Instant.now().minus(Duration.ofHours(3)), "applicant_complaint", null);
		complaint.put("message", "Applicant reports a refusal explained only by their postcode");
		as(MANAGER, () -> ingest.ingest(JSON.writeValueAsString(List.of(complaint)).getBytes(StandardCharsets.UTF_8), "demo-complaint", "HTTP"));
		as(MANAGER, () -> incidents.report(new IncidentDetails("Refusals correlated with applicants' postcode",
				"A complaint and the follow-up analysis show refusals concentrated in three postcodes (a proxy for ethnic origin).",
				IncidentSeverity.HIGH, List.of(id), Instant.now().minus(Duration.ofDays(3)), Instant.now().minus(Duration.ofHours(2)), null,
				EnumSet.of(Classification.SERIOUS), "Manual review of every refusal in the three postcodes", null, null)));
		log.info("Loaded the demo organization's monitoring (two rules, two days of CreditScore events, an incident raised and cleared by "
				+ "the accuracy floor, a serious incident with its report due)");
	}

	private static Map<String, Object> event(UUID system, String type, Instant t, String name, Double value) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("aiSystemId", system.toString());
		e.put("systemVersion", "3.3.0");
		e.put("type", type);
		if (name != null) {
			e.put("name", name);
		}
		if (value != null) {
			e.put("value", value);
		}
		e.put("time", t.toString());
		return e;
	}

	private <T> T as(String username, Supplier<T> work) {
		Set<Role> roles = users.find(username).map(u -> u.roles()).orElse(EnumSet.noneOf(Role.class));
		return CurrentUser.runAs(username, roles, work);
	}
}
