package org.openaims.lifecycle.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.Decision;
import org.openaims.approvals.DecisionRequest;
import org.openaims.approvals.ItemRef;
import org.openaims.common.AimsProperties;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.ChangeSignificance;
import org.openaims.lifecycle.ChangeDetails;
import org.openaims.lifecycle.ChangeService;
import org.openaims.lifecycle.ChangeType;
import org.openaims.lifecycle.ChangeView;
import org.openaims.lifecycle.DeploymentDetails;
import org.openaims.lifecycle.DeploymentService;
import org.openaims.lifecycle.GatePolicyId;
import org.openaims.lifecycle.GatePolicyService;
import org.openaims.lifecycle.GatePolicyView;
import org.openaims.lifecycle.GateService;
import org.openaims.lifecycle.MetricThreshold;
import org.openaims.lifecycle.MetricThresholdService;
import org.openaims.lifecycle.ReceivedFile;
import org.openaims.lifecycle.RollbackPlan;
import org.openaims.lifecycle.TestRunDetails;
import org.openaims.lifecycle.TestRunService;
import org.openaims.lifecycle.TestRunView;
import org.openaims.lifecycle.ThresholdSetDetails;
import org.openaims.lifecycle.ThresholdSetId;
import org.openaims.lifecycle.ThresholdSetView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo organization's lifecycle records: the release-gate policy (written by the AIMS manager,
 * approved by the administrator), CreditScore's metric thresholds, the CI pipeline's test runs of
 * versions 3.2.0 and 3.3.0 (the newer one below its fairness bound, with a failing test), version 3.2.0
 * in production since before the gate existed, and a change to 3.3.0 that the gate denies — so the
 * lifecycle pages show something on first start.
 */
@Component
@Order(50)
class LifecycleDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LifecycleDemoData.class);

	private static final String PIPELINE = "ci-pipeline";

	private final AimsProperties properties;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final GatePolicyService policies;

	private final MetricThresholdService thresholds;

	private final TestRunService runs;

	private final ChangeService changes;

	private final GateService gate;

	private final DeploymentService deployments;

	private final ApprovalService approvals;

	private final GatePolicies stored;

	LifecycleDemoData(AimsProperties properties, UserDirectory users, AiSystemService systems, GatePolicyService policies,
			MetricThresholdService thresholds, TestRunService runs, ChangeService changes, GateService gate, DeploymentService deployments,
			ApprovalService approvals, GatePolicies stored) {
		this.properties = properties;
		this.users = users;
		this.systems = systems;
		this.policies = policies;
		this.thresholds = thresholds;
		this.runs = runs;
		this.changes = changes;
		this.gate = gate;
		this.deployments = deployments;
		this.approvals = approvals;
		this.stored = stored;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() || stored.count() > 0 || users.find("maria.keller").isEmpty() || users.find(PIPELINE).isEmpty()
				|| users.find("sam.ortiz").isEmpty() || users.find("admin").isEmpty()) {
			return;
		}
		Map<String, UUID> system = CurrentUser.runAsSystem(() -> systems.list(AiSystemFilter.none(), PageRequest.first(100)).items().stream()
			.collect(Collectors.toMap(AiSystemView::name, AiSystemView::id, (a, b) -> a)));
		UUID credit = system.get("CreditScore");
		if (credit == null) {
			return;
		}
		GatePolicyView policy = as("maria.keller", () -> policies.save(GatePolicyService.EXAMPLE, "First release-gate policy"));
		approve(GatePolicyId.REVIEW.ref(new GatePolicyId(policy.id())), "admin");
		String owner = CurrentUser.runAsSystem(() -> systems.get(credit)).owner();
		ThresholdSetView bounds = as(owner, () -> thresholds.save(new ThresholdSetDetails(credit, List.of(
				new MetricThreshold("auc", MetricThreshold.Direction.AT_LEAST, 0.75, null, null, null),
				new MetricThreshold("approval_rate_ratio", MetricThreshold.Direction.AT_LEAST, 0.8, null, null, "age 18-25"),
				new MetricThreshold("brier_score", MetricThreshold.Direction.AT_MOST, 0.15, null, null, null)), "From the 2026 validation report")));
		approve(ThresholdSetId.REVIEW.ref(new ThresholdSetId(bounds.id())), "sam.ortiz");

		TestRunView current = as(PIPELINE, () -> runs.push(new TestRunDetails(credit, "3.2.0", "out-of-time sample 2026-Q1", "a41c9e2",
				"pytest 8.3, evaluate.py 1.4"), List.of(new ReceivedFile("TEST-creditscore.xml", report(false))),
				new ReceivedFile("metrics.json", metrics(0.81, 0.86, 0.112))));
		TestRunView next = as(PIPELINE, () -> runs.push(new TestRunDetails(credit, "3.3.0", "out-of-time sample 2026-Q3", "c07b3f1",
				"pytest 8.3, evaluate.py 1.4"), List.of(new ReceivedFile("TEST-creditscore.xml", report(true))),
				new ReceivedFile("metrics.json", metrics(0.83, 0.77, 0.108))));
		as(PIPELINE, () -> deployments.record(new DeploymentDetails(credit, current.systemVersion(), "production", null, null,
				Instant.now().minus(60, ChronoUnit.DAYS), "Deployed before the release gate was introduced")));
		ChangeView change = as(PIPELINE, () -> changes.open(new ChangeDetails(credit, "3.2.0", "3.3.0", ChangeType.MODEL_RETRAINED,
				"Retrain CreditScore on 2026-Q2 applications", "Adds six months of applications; same features and constraints.",
				ChangeSignificance.SIGNIFICANT, List.of(next.id()), new RollbackPlan("Redeploy 3.2.0 with the model registry's rollback job",
						"Approval-rate ratio below 0.8 or AUC below 0.75 on a weekly sample", owner, false, null, null), null)));
		as(PIPELINE, () -> changes.submit(change.id(), LocalDate.now().plusDays(7), "Please review before the next release window"));
		as(PIPELINE, () -> gate.decide(change.id()));
		log.info("Loaded the demo organization's lifecycle records (gate policy, thresholds, test runs, a change, a deployment)");
	}

	private void approve(ItemRef<?> ref, String approver) {
		UUID request = CurrentUser.runAsSystem(() -> approvals.latest(ref)).orElseThrow().id();
		as(approver, () -> approvals.decide(request, new DecisionRequest(Decision.APPROVE, "Reviewed for the demo")));
	}

	private <T> T as(String username, Supplier<T> work) {
		Set<Role> roles = users.find(username).map(u -> u.roles()).orElse(EnumSet.noneOf(Role.class));
		return CurrentUser.runAs(username, roles, work);
	}

	private static byte[] report(boolean failing) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"tests.test_creditscore\" tests=\"6\" failures=\"")
			.append(failing ? 1 : 0).append("\" errors=\"0\" skipped=\"0\" time=\"4.2\">\n");
		for (String name : List.of("test_loads_model", "test_monotonic_in_debt_ratio", "test_scores_are_probabilities", "test_explanations_present",
				"test_rejects_missing_income")) {
			xml.append("  <testcase classname=\"tests.test_creditscore\" name=\"").append(name).append("\" time=\"0.6\"/>\n");
		}
		xml.append("  <testcase classname=\"tests.test_creditscore\" name=\"test_thin_file_applicants_are_not_penalised\" time=\"1.2\">");
		if (failing) {
			xml.append("<failure message=\"approval rate 18-25 / 26-60 = 0.77, expected at least 0.8\">tests/test_creditscore.py:88: "
					+ "AssertionError</failure>");
		}
		return xml.append("</testcase>\n</testsuite>\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] metrics(double auc, double ratio, double brier) {
		return ("[{\"name\": \"auc\", \"value\": " + auc + "}, {\"name\": \"approval_rate_ratio\", \"value\": " + ratio
				+ ", \"slice\": \"age 18-25\"}, {\"name\": \"brier_score\", \"value\": " + brier + "}]").getBytes(StandardCharsets.UTF_8);
	}
}
