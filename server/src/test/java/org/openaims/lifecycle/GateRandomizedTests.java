package org.openaims.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openaims.lifecycle.LifecycleFixture.id;
import static org.openaims.lifecycle.LifecycleFixture.report;
import static org.openaims.lifecycle.LifecycleFixture.threshold;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.risk.RiskFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The gate's central property, on seeded random scenarios: with no failing input it allows, and
 * with any single failing input — a metric below its bound, a metric not measured, a failing test,
 * a missing approval, an untested rollback plan, a risk not reviewed since the change was opened — it
 * denies, naming that rule and only that one. Values (bounds, margins, test counts) are drawn from the
 * seed; a failure prints the seed and the scenario.
 */
@AimsTest
class GateRandomizedTests {

	static final String POLICY = """
			tiers:
			  MEDIUM:
			    approvals: {count: 1, roles: [APPROVER]}
			    metrics: {maxAgeDays: 30}
			    tests: {failureBudget: 0}
			    rollbackPlan: {tested: true}
			    risksReviewed: {}
			""";

	enum Failing {
		NONE(null), METRIC_BELOW_BOUND("metrics"), METRIC_NOT_MEASURED("metrics"), TEST_FAILS("tests"), NOT_APPROVED("approvals"),
		PLAN_UNTESTED("rollbackPlan"), RISK_NOT_REVIEWED("risksReviewed");

		final String rule;

		Failing(String rule) {
			this.rule = rule;
		}
	}

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvcTester mvc;

	LifecycleFixture f;

	@BeforeEach
	void setUp() {
		f = new LifecycleFixture(api, users, mvc);
		RiskFixtures.inForce(api, users);
		f.policyInForce(POLICY);
	}

	@Test
	void noFailingInputAllowsAndAnySingleFailingInputDeniesNamingItsRule() {
		for (long seed : new long[] { 20261203L, Long.getLong("aims.test.seed", System.nanoTime()) }) {
			Random random = new Random(seed);
			List<Failing> order = new ArrayList<>(List.of(Failing.values()));
			Collections.shuffle(order, random);
			for (Failing failing : order) {
				String scenario = "seed " + seed + ", failing input " + failing;
				JsonNode decision = scenario(random, failing);
				List<String> failed = new ArrayList<>();
				decision.get("rules").forEach(r -> {
					if (!r.get("pass").asBoolean()) {
						failed.add(r.get("rule").asString());
					}
				});
				if (failing == Failing.NONE) {
					assertThat(decision.get("verdict").asString()).as(scenario + ": " + decision).isEqualTo("ALLOW");
					assertThat(failed).as(scenario).isEmpty();
				}
				else {
					assertThat(decision.get("verdict").asString()).as(scenario + ": " + decision).isEqualTo("DENY");
					assertThat(failed).as(scenario + ": " + decision).containsExactly(failing.rule);
				}
			}
		}
	}

	/** A MEDIUM-tier system whose change passes every rule but the one {@code failing} breaks; the recorded decision. */
	private JsonNode scenario(Random random, Failing failing) {
		String system = f.system("Random " + LifecycleFixture.unique(), "MEDIUM");
		double bound = 0.5 + random.nextInt(45) / 100.0;
		double margin = (1 + random.nextInt(5)) / 100.0;
		f.thresholdsInForce(system, List.of(threshold("accuracy", "AT_LEAST", bound), threshold("error_rate", "AT_MOST", 0.1)));
		if (failing == Failing.RISK_NOT_REVIEWED) {
			api.body(api.post(f.manager, "/api/v1/risks", RiskFixtures.risk("Drift " + LifecycleFixture.unique(), system, "bias", 2, 3,
					f.manager.username())), HttpStatus.CREATED);
		}
		double accuracy = failing == Failing.METRIC_BELOW_BOUND ? bound - margin : bound + margin;
		String metrics = failing == Failing.METRIC_NOT_MEASURED
				? "[{\"name\": \"error_rate\", \"value\": 0.01}]"
				: String.format(Locale.ROOT, "[{\"name\": \"accuracy\", \"value\": %.4f}, {\"name\": \"error_rate\", \"value\": 0.01}]", accuracy);
		int passing = 1 + random.nextInt(20);
		JsonNode run = api.body(f.push(f.contributor, system, "2.0", metrics, report(passing, failing == Failing.TEST_FAILS ? 1 + random.nextInt(3) : 0)),
				HttpStatus.CREATED);
		JsonNode change = f.openChange(f.contributor, system, "1.0", "2.0", failing != Failing.PLAN_UNTESTED, List.of(id(run)));
		api.body(api.post(f.contributor, "/api/v1/changes/" + id(change) + "/submit", Map.of()), HttpStatus.OK);
		if (failing != Failing.NOT_APPROVED) {
			f.approve("change", id(change), f.approver);
		}
		return api.body(api.post(f.contributor, "/api/v1/changes/" + id(change) + "/gate", Map.of()), HttpStatus.CREATED);
	}
}
