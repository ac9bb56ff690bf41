package org.openaims.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openaims.lifecycle.LifecycleFixture.id;
import static org.openaims.lifecycle.LifecycleFixture.threshold;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.identity.CurrentUser;
import org.openaims.lifecycle.TestRunView.Metric;
import org.openaims.lifecycle.TestRunView.Summary;
import org.openaims.lifecycle.internal.JunitXml;
import org.openaims.lifecycle.internal.TestRunStore;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Lifecycle speed, printed as medians (and p95) beside a baseline from the same run: a 5 MB Surefire
 * report pushed through the API (parsed, kept as evidence, its cases and failures stored) against
 * parsing it alone; a gate decision on a system with 1,000 test runs against evaluating it without
 * recording. Not part of the normal build: {@code ./mvnw -pl server -am verify -Ppostgres,benchmark
 * -Dtest=LifecycleBenchmarks -Dsurefire.failIfNoSpecifiedTests=false} (see docs/BENCHMARKS.md).
 */
@AimsTest
class LifecycleBenchmarks {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRunStore store;

	@Test
	void aFiveMegabyteSurefireReportIsStoredInUnderASecond() {
		LifecycleFixture f = new LifecycleFixture(api, users, mvc);
		String system = f.system("Bench report " + LifecycleFixture.unique(), "LOW");
		List<Double> push = new ArrayList<>();
		List<Double> parse = new ArrayList<>();
		int runs = 9;
		for (int i = 0; i < runs; i++) {
			byte[] report = surefire(i);
			long t0 = System.nanoTime();
			JunitXml.Report parsed = JunitXml.parse("reports", "TEST-bench.xml", report);
			parse.add((System.nanoTime() - t0) / 1e6);
			long t1 = System.nanoTime();
			MvcTestResult result = mvc.post().uri("/api/v1/test-runs").header("Authorization", f.contributor.bearer()).multipart()
				.file(new MockMultipartFile("reports", "TEST-bench-" + i + ".xml", "application/xml", report))
				.param("aiSystemId", system).param("version", "1." + i).exchange();
			push.add((System.nanoTime() - t1) / 1e6);
			JsonNode run = api.body(result, HttpStatus.CREATED);
			assertThat(run.get("summary").get("tests").asInt()).isEqualTo(parsed.tests());
			if (i == 0) {
				System.out.printf("[lifecycle] report: %.1f MB, %d cases, %d failing%n", report.length / 1048576.0, parsed.tests(),
						parsed.failures() + parsed.errors());
			}
		}
		// the first two runs warm the JIT and are left out
		System.out.printf("[lifecycle] 5 MB Surefire report: push (parse, keep as evidence, store cases) median %.0f ms, p95 %.0f ms;"
				+ " parse alone median %.0f ms; ratio %.1f (%d runs)%n", median(push.subList(2, runs)), p95(push.subList(2, runs)),
				median(parse.subList(2, runs)), median(push.subList(2, runs)) / median(parse.subList(2, runs)), runs - 2);
	}

	@Test
	void aGateDecisionWithAThousandTestRunsOnTheSystem() {
		LifecycleFixture f = new LifecycleFixture(api, users, mvc);
		f.policyInForce("""
				tiers:
				  HIGH:
				    approvals: {count: 1, roles: [APPROVER]}
				    metrics: {maxAgeDays: 30}
				    tests: {failureBudget: 0}
				    rollbackPlan: {tested: true}
				    risksReviewed: {}
				""");
		String system = f.system("Bench gate " + LifecycleFixture.unique(), "HIGH");
		f.thresholdsInForce(system, List.of(threshold("accuracy", "AT_LEAST", 0.9), threshold("toxicity_rate", "AT_MOST", 0.01)));
		UUID systemId = UUID.fromString(system);
		long seedStart = System.nanoTime();
		Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
		CurrentUser.runAsSystem(() -> {
			for (int i = 0; i < 1_000; i++) {
				// every run on the target version: the worst case for the metrics rule, which reads the version's runs
				store.insert(new TestRunStore.NewRun(UUID.randomUUID(), systemId, "2.0", "holdout", "c" + i, "bench",
						new Summary(200, 200, 0, 0, 0, 0, 1_000), null, List.of(), List.of(),
						List.of(new Metric("accuracy", 0.91 + (i % 7) / 1000.0, null, "holdout", null, null, null),
								new Metric("toxicity_rate", 0.004, null, "holdout", null, null, null)),
						start.plusSeconds(i * 60L), "bench"));
			}
		});
		System.out.printf("[lifecycle] seeded 1,000 test runs (2,000 metrics) in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);
		JsonNode run = api.body(f.push(f.contributor, system, "2.0", LifecycleFixture.metrics(0.95, 0.003), LifecycleFixture.report(50, 0)),
				HttpStatus.CREATED);
		JsonNode change = f.openChange(f.contributor, system, "1.0", "2.0", true, List.of(id(run)));
		api.body(api.post(f.contributor, "/api/v1/changes/" + id(change) + "/submit", Map.of()), HttpStatus.OK);
		f.approve("change", id(change), f.approver);
		List<Double> decide = new ArrayList<>();
		List<Double> evaluate = new ArrayList<>();
		int rounds = 40;
		for (int i = 0; i < rounds; i++) {
			long t0 = System.nanoTime();
			JsonNode decision = api.body(api.post(f.contributor, "/api/v1/changes/" + id(change) + "/gate", Map.of()), HttpStatus.CREATED);
			decide.add((System.nanoTime() - t0) / 1e6);
			assertThat(decision.get("verdict").asString()).as(decision.toString()).isEqualTo("ALLOW");
			long t1 = System.nanoTime();
			api.body(api.get(f.contributor, "/api/v1/changes/" + id(change) + "/gate"), HttpStatus.OK);
			evaluate.add((System.nanoTime() - t1) / 1e6);
		}
		System.out.printf("[lifecycle] gate decision with 1,000 test runs on the system: decide and record median %.1f ms, p95 %.1f ms;"
				+ " evaluate only median %.1f ms, p95 %.1f ms (%d rounds after 10 warm-up)%n", median(decide.subList(10, rounds)),
				p95(decide.subList(10, rounds)), median(evaluate.subList(10, rounds)), p95(evaluate.subList(10, rounds)), rounds - 10);
	}

	/** A Surefire report of about 5 MB: passing cases with output, one in ten failing with a stack trace. */
	static byte[] surefire(int salt) {
		StringBuilder xml = new StringBuilder(5_400_000).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"http://www.w3.org/2001/"
				+ "XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd\""
				+ " version=\"3.0\" name=\"org.example.model.ScoringTest\" time=\"812.4\" tests=\"12000\" errors=\"0\" skipped=\"0\" failures=\"1200\">\n"
				+ "  <properties>\n    <property name=\"java.version\" value=\"17.0.15\"/>\n  </properties>\n");
		String trace = "\tat org.example.model.Scorer.score(Scorer.java:118)\n".repeat(18);
		int i = 0;
		while (xml.length() < 5 * 1024 * 1024) {
			String name = "scores case " + salt + "-" + i + " [ß, ✓]";
			if (i % 10 == 0) {
				xml.append("  <testcase name=\"").append(name).append("\" classname=\"org.example.model.ScoringTest\" time=\"0.071\">\n")
					.append("    <failure message=\"expected: &lt;0.93&gt; but was: &lt;0.91&gt;\" type=\"org.opentest4j.AssertionFailedError\">")
					.append("<![CDATA[org.opentest4j.AssertionFailedError: expected: <0.93> but was: <0.91>\n").append(trace).append("]]></failure>\n")
					.append("    <system-out><![CDATA[scored 120 cases\n]]></system-out>\n  </testcase>\n");
			}
			else {
				xml.append("  <testcase name=\"").append(name).append("\" classname=\"org.example.model.ScoringTest\" time=\"0.052\">\n")
					.append("    <system-out><![CDATA[").append("scored 120 cases in 52 ms\n".repeat(3)).append("]]></system-out>\n  </testcase>\n");
			}
			i++;
		}
		return xml.append("</testsuite>\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	static double p95(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
	}
}
