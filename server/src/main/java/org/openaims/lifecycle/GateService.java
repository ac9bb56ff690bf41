package org.openaims.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalStatus;
import org.openaims.approvals.ApprovalView;
import org.openaims.approvals.Decision;
import org.openaims.common.Digests;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.ledger.SignedStatements;
import org.openaims.ledger.format.SignedStatement;
import org.openaims.lifecycle.GateDecisionView.RuleVerdict;
import org.openaims.lifecycle.GateInputs.Input;
import org.openaims.lifecycle.MetricEvaluation.ThresholdVerdict;
import org.openaims.lifecycle.internal.ChangeTicket;
import org.openaims.lifecycle.internal.ChangeTickets;
import org.openaims.lifecycle.internal.GateDecisionStore;
import org.openaims.lifecycle.internal.GatePolicies;
import org.openaims.lifecycle.internal.GatePolicy;
import org.openaims.lifecycle.internal.GatePolicyDocument;
import org.openaims.lifecycle.internal.TestRunStore;
import org.openaims.lifecycle.internal.ThresholdSets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release gate (8.1, A.6.2.5): may the version a change introduces ship? The rules of the AI
 * system's risk tier in the policy in force are checked against the records — approvals of the change,
 * metrics of the target version against the thresholds in force, its test runs, the rollback plan, and
 * what other modules answer through {@link GateInputs}. A recorded decision is a self-contained in-toto
 * statement (policy digest, every input's digest, verdict, time), written to the ledger and downloadable
 * signed in a DSSE envelope with its ledger proof.
 */
@Service
@Transactional
public class GateService {

	/** The in-toto predicate type of gate decisions. */
	public static final String PREDICATE_TYPE = "https://openaims.org/attestations/gate-decision/v1";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	static final Role[] DECIDERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.CONTRIBUTOR, Role.APPROVER };

	private final ChangeTickets changes;

	private final GatePolicies policies;

	private final ThresholdSets thresholds;

	private final TestRunStore runs;

	private final GateDecisionStore decisions;

	private final List<GateInputs> inputs;

	private final AiSystemService systems;

	private final ApprovalService approvals;

	private final UserDirectory users;

	private final SignedStatements statements;

	private final ApplicationEventPublisher events;

	GateService(ChangeTickets changes, GatePolicies policies, ThresholdSets thresholds, TestRunStore runs, GateDecisionStore decisions,
			List<GateInputs> inputs, AiSystemService systems, ApprovalService approvals, UserDirectory users, SignedStatements statements,
			ApplicationEventPublisher events) {
		this.changes = changes;
		this.policies = policies;
		this.thresholds = thresholds;
		this.runs = runs;
		this.decisions = decisions;
		this.inputs = inputs;
		this.systems = systems;
		this.approvals = approvals;
		this.users = users;
		this.statements = statements;
		this.events = events;
	}

	/** The gate's answer for a change as the records stand, not recorded. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public GateDecisionView evaluate(UUID changeId) {
		ChangeTicket change = changes.findById(changeId).orElseThrow(() -> new NotFoundException("change", changeId));
		return evaluate(change, null, Instant.now(), null);
	}

	/** Decides and records: the decision, its statement and its ledger event. */
	@PreAuthorize("isAuthenticated()")
	public GateDecisionView decide(UUID changeId) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers, system owners, approvers and contributors ask the gate for a decision",
				DECIDERS);
		ChangeTicket change = changes.findById(changeId).orElseThrow(() -> new NotFoundException("change", changeId));
		UUID id = UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		GateDecisionView view = evaluate(change, id, now, CurrentUser.username());
		String statement = statement(view, change);
		String digest = Digests.sha256Hex(statement.getBytes(StandardCharsets.UTF_8));
		Stamp stamp = Stamp.of(CurrentUser.actor());
		decisions.insert(new GateDecisionStore.Row(id, change.id(), change.aiSystemId(), change.toVersion(), view.verdict(), statement, digest,
				stamp.eventId(), now, CurrentUser.username()), view.riskTier() == null ? null : view.riskTier().name(), view.policyId(),
				view.policyVersion(), view.policyDigest());
		List<String> inputList = view.rules().stream().flatMap(r -> r.inputs().stream())
			.map(i -> i.type() + ":" + i.id() + " sha256:" + i.sha256()).distinct().toList();
		events.publishEvent(new GateDecided(id, change.id(), change.aiSystemId(), change.toVersion(), view.verdict(), view.policyDigest(),
				view.failedRules(), inputList, digest, stamp));
		return withDigest(view, digest);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public GateDecisionView decision(UUID id) {
		return view(decisions.find(id).orElseThrow(() -> new NotFoundException("gate decision", id)));
	}

	/** Recorded decisions, newest first; filters: change, system, verdict. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<GateDecisionView> decisions(UUID changeId, UUID aiSystemId, GateVerdict verdict, PageRequest request) {
		Page<GateDecisionStore.Row> page = decisions.page(changeId, aiSystemId, verdict, request);
		return new Page<>(page.items().stream().map(GateService::view).toList(), page.next());
	}

	/** The newest decisions (dashboard). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<GateDecisionView> newest(int limit) {
		return decisions.newest(limit).stream().map(GateService::view).toList();
	}

	/**
	 * The decision's signed statement: the in-toto statement in a DSSE envelope with the ledger entry that
	 * recorded it, an inclusion proof and the checkpoint (JSON). Waits briefly for the ledger.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public String signedStatement(UUID id) {
		GateDecisionStore.Row row = decisions.find(id).orElseThrow(() -> new NotFoundException("gate decision", id));
		return statements.bundle(SignedStatement.GATE_DECISION, row.statement(), row.eventId(), Duration.ofSeconds(10));
	}

	/** The key id signed statements are verified against. */
	@PreAuthorize("isAuthenticated()")
	public String signingKeyId() {
		return statements.keyId();
	}

	static GateDecisionView view(GateDecisionStore.Row row) {
		JsonNode decision = JSON.readTree(row.statement()).path("predicate").path("decision");
		return withDigest(JSON.treeToValue(decision, GateDecisionView.class), row.statementDigest());
	}

	private static GateDecisionView withDigest(GateDecisionView v, String digest) {
		return new GateDecisionView(v.id(), v.changeId(), v.aiSystemId(), v.aiSystemName(), v.systemVersion(), v.riskTier(), v.policyId(),
				v.policyVersion(), v.policyDigest(), v.verdict(), v.rules(), v.decidedAt(), v.decidedBy(), digest);
	}

	/** The in-toto Statement v1 of a decision (canonical JSON: keys sorted). */
	static String statement(GateDecisionView view, ChangeTicket change) {
		String subjectName = "ai-system/" + view.aiSystemId() + "@" + view.systemVersion();
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("name", subjectName);
		subject.put("digest", Map.of("sha256", Digests.sha256Hex(subjectName)));
		Map<String, Object> changeInfo = new LinkedHashMap<>();
		changeInfo.put("id", change.id());
		changeInfo.put("title", change.title());
		changeInfo.put("fromVersion", change.fromVersion());
		changeInfo.put("toVersion", change.toVersion());
		changeInfo.put("type", change.changeType());
		changeInfo.put("significance", change.significance());
		changeInfo.put("digest", change.reviewDigest());
		Map<String, Object> predicate = new LinkedHashMap<>();
		predicate.put("decision", view);
		predicate.put("change", changeInfo);
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("_type", SignedStatement.STATEMENT_TYPE);
		statement.put("subject", List.of(subject));
		statement.put("predicateType", PREDICATE_TYPE);
		statement.put("predicate", predicate);
		return JSON.writeValueAsString(statement);
	}

	private GateDecisionView evaluate(ChangeTicket change, UUID id, Instant now, String decidedBy) {
		AiSystemView system = systems.get(change.aiSystemId());
		Optional<GatePolicy> policy = policies.inForce();
		List<RuleVerdict> verdicts = new ArrayList<>();
		if (policy.isEmpty()) {
			verdicts.add(new RuleVerdict("policy", "an approved release-gate policy", "none is approved", false, List.of()));
		}
		else {
			GatePolicyDocument document;
			try {
				document = GatePolicyService.parse(policy.get().source(), inputs);
			}
			catch (InvalidInputException e) {
				document = null;
				verdicts.add(new RuleVerdict("policy", "a policy every rule of which some module answers", e.getMessage(), false, List.of()));
			}
			if (document != null) {
				List<GatePolicyDocument.Rule> rules = document.rules(system.riskTier());
				if (rules.isEmpty()) {
					verdicts.add(new RuleVerdict("policy", "rules for risk tier " + system.riskTier(),
							"gate policy version " + policy.get().versionNo() + " has none", false, List.of()));
				}
				GateInputs.Subject subject = new GateInputs.Subject(system.id(), system.name(), change.toVersion(), change.id(), change.openedAt());
				Map<String, GateInputs> others = GatePolicyService.byRule(inputs);
				for (GatePolicyDocument.Rule rule : rules) {
					verdicts.add(switch (rule.name()) {
						case "approvals" -> approvals(rule, change);
						case "metrics" -> metrics(rule, change, now);
						case "tests" -> tests(rule, change, now);
						case "rollbackPlan" -> rollbackPlan(rule, change);
						default -> {
							GateInputs.RuleResult r = others.get(rule.name()).evaluate(rule.name(), rule.settings(), subject);
							yield new RuleVerdict(rule.name(), r.expected(), r.found(), r.pass(), r.inputs());
						}
					});
				}
			}
		}
		GateVerdict verdict = verdicts.stream().allMatch(RuleVerdict::pass) ? GateVerdict.ALLOW : GateVerdict.DENY;
		return new GateDecisionView(id, change.id(), system.id(), system.name(), change.toVersion(), system.riskTier(),
				policy.map(GatePolicy::id).orElse(null), policy.map(GatePolicy::versionNo).orElse(null), policy.map(GatePolicy::digest).orElse(null),
				verdict, verdicts, now, decidedBy, null);
	}

	private RuleVerdict approvals(GatePolicyDocument.Rule rule, ChangeTicket change) {
		int count = rule.integer("count", 1);
		Set<Role> roles = rule.list("roles").isEmpty() ? Set.of(Role.APPROVER, Role.AIMS_MANAGER, Role.ADMIN)
				: rule.list("roles").stream().map(Role::valueOf).collect(Collectors.toSet());
		String expected = count + " approval" + (count == 1 ? "" : "s") + " of the change by " + roles.stream().map(Enum::name).sorted()
			.collect(Collectors.joining(" / ")) + ", none by its authors";
		Optional<ApprovalView> latest = approvals.latest(change.reviewRef());
		if (latest.isEmpty()) {
			return new RuleVerdict("approvals", expected, "the change was not submitted for approval", false, List.of());
		}
		ApprovalView a = latest.get();
		Input input = new Input("approval", a.id().toString(), Digests.snapshot(a.id(), a.status(), a.snapshot(),
				a.decisions().stream().map(d -> d.approver() + ":" + d.decision()).sorted().toList()));
		if (a.changedSinceRequest() || a.status() == ApprovalStatus.INVALIDATED || a.status() == ApprovalStatus.WITHDRAWN) {
			return new RuleVerdict("approvals", expected, "the change was edited after it was submitted; its approval request is void", false,
					List.of(input));
		}
		if (a.status() == ApprovalStatus.REJECTED) {
			return new RuleVerdict("approvals", expected, "rejected", false, List.of(input));
		}
		List<String> approvers = new ArrayList<>();
		for (ApprovalView.DecisionView d : a.decisions()) {
			if (d.decision() == Decision.APPROVE) {
				Set<Role> held = users.find(d.approver()).map(UserView::roles).orElse(Set.of());
				if (held.stream().anyMatch(roles::contains)) {
					approvers.add(d.approver());
				}
			}
		}
		String found = approvers.isEmpty() ? "no approval" : approvers.size() + " (" + String.join(", ", approvers) + ")";
		return new RuleVerdict("approvals", expected, found, approvers.size() >= count, List.of(input));
	}

	private RuleVerdict metrics(GatePolicyDocument.Rule rule, ChangeTicket change, Instant now) {
		int maxAge = rule.integer("maxAgeDays", 0);
		List<String> required = rule.list("required");
		Optional<ThresholdSetView> inForce = thresholds.findByAiSystemIdOrderByVersionNoDesc(change.aiSystemId()).stream()
			.filter(s -> s.review().isApproved()).findFirst().map(s -> s.view(null, true));
		String scope = required.isEmpty() ? "every metric threshold in force" : "thresholds of " + String.join(", ", required);
		String expected = scope + " passing on version " + change.toVersion() + (maxAge > 0 ? ", measured within " + maxAge + " days" : "");
		if (inForce.isEmpty()) {
			return new RuleVerdict("metrics", expected, "no approved metric thresholds for the system", false, List.of());
		}
		List<MetricThreshold> bounds = inForce.get().thresholds().stream()
			.filter(t -> required.isEmpty() || required.contains(t.metric())).toList();
		List<String> unbounded = required.stream().filter(m -> bounds.stream().noneMatch(t -> t.metric().equals(m))).toList();
		List<TestRunStore.Latest> latest = runs.latestMetrics(change.aiSystemId(), change.toVersion());
		ThresholdSetView used = new ThresholdSetView(inForce.get().id(), change.aiSystemId(), null, inForce.get().versionNo(), bounds, null,
				null, true, null, null);
		MetricEvaluation evaluation = MetricThresholdService.evaluate(used, latest);
		List<String> found = new ArrayList<>();
		boolean pass = unbounded.isEmpty() && !bounds.isEmpty();
		unbounded.forEach(m -> found.add(m + ": no threshold in force"));
		if (bounds.isEmpty() && unbounded.isEmpty()) {
			found.add("the thresholds in force bound none of the metrics required");
		}
		Set<UUID> usedRuns = new LinkedHashSet<>();
		for (ThresholdVerdict v : evaluation.verdicts()) {
			MetricThreshold t = v.threshold();
			if (v.verdict() == MetricEvaluation.Verdict.MISSING) {
				found.add(t.metric() + ": not measured on " + change.toVersion() + " (needs " + t.describe() + ")");
				pass = false;
				continue;
			}
			v.found().forEach(f -> usedRuns.add(f.testRunId()));
			String values = v.found().stream().map(f -> MetricThreshold.number(f.value()) + (f.slice() == null ? "" : " [" + f.slice() + "]"))
				.collect(Collectors.joining(", "));
			if (v.verdict() == MetricEvaluation.Verdict.FAIL) {
				pass = false;
				found.add(t.metric() + " " + values + " fails " + t.describe());
			}
			else {
				found.add(t.metric() + " " + values + " passes");
			}
		}
		if (maxAge > 0) {
			for (TestRunStore.Latest l : latest) {
				if (usedRuns.contains(l.testRunId()) && l.recordedAt().isBefore(now.minus(Duration.ofDays(maxAge)))) {
					pass = false;
					found.add(l.metric().name() + " was measured " + Duration.between(l.recordedAt(), now).toDays() + " days ago");
				}
			}
		}
		List<Input> read = new ArrayList<>();
		read.add(new Input("metric-thresholds", inForce.get().id().toString(), Digests.snapshot(bounds.stream().map(MetricThreshold::describe).toList())));
		Map<UUID, List<String>> valuesByRun = new LinkedHashMap<>();
		latest.stream().filter(l -> usedRuns.contains(l.testRunId())).forEach(l -> valuesByRun.computeIfAbsent(l.testRunId(), k -> new ArrayList<>())
			.add(l.metric().name() + "=" + l.metric().value() + "@" + l.metric().dataset() + "/" + l.metric().slice()));
		valuesByRun.forEach((run, values) -> read.add(new Input("test-run", run.toString(), Digests.snapshot(values))));
		return new RuleVerdict("metrics", expected, String.join("; ", found), pass, read);
	}

	private RuleVerdict tests(GatePolicyDocument.Rule rule, ChangeTicket change, Instant now) {
		int budget = rule.integer("failureBudget", 0);
		int maxAge = rule.integer("maxAgeDays", 0);
		String expected = "test runs of version " + change.toVersion() + " with at most " + budget + " failing test" + (budget == 1 ? "" : "s")
				+ (maxAge > 0 ? ", run within " + maxAge + " days" : "");
		List<TestRunStore.Row> used;
		String source;
		if (!change.testRunIds().isEmpty()) {
			used = runs.find(change.testRunIds());
			source = "linked to the change";
		}
		else {
			used = runs.newest(change.aiSystemId(), change.toVersion(), 20).stream().filter(r -> r.summary().tests() > 0).limit(1).toList();
			source = "the newest of the version";
		}
		if (used.isEmpty()) {
			return new RuleVerdict("tests", expected, "no test run of version " + change.toVersion(), false, List.of());
		}
		int tests = used.stream().mapToInt(r -> r.summary().tests()).sum();
		int failing = used.stream().mapToInt(r -> r.summary().failures() + r.summary().errors()).sum();
		List<String> problems = new ArrayList<>();
		List<String> otherVersions = used.stream().filter(r -> !r.systemVersion().equals(change.toVersion())).map(r -> r.systemVersion())
			.distinct().toList();
		if (!otherVersions.isEmpty()) {
			problems.add("runs of other versions (" + String.join(", ", otherVersions) + ") do not count");
		}
		if (tests == 0) {
			problems.add("the runs hold no test cases");
		}
		if (maxAge > 0 && used.stream().anyMatch(r -> r.createdAt().isBefore(now.minus(Duration.ofDays(maxAge))))) {
			problems.add("a run is older than " + maxAge + " days");
		}
		String found = failing + " failing of " + tests + " tests in " + used.size() + " run" + (used.size() == 1 ? "" : "s") + " (" + source + ")"
				+ (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
		List<Input> read = used.stream().map(r -> new Input("test-run", r.id().toString(), Digests.snapshot(r.id(), r.systemVersion(),
				r.summary().tests(), r.summary().failures(), r.summary().errors(), r.summary().skipped()))).toList();
		return new RuleVerdict("tests", expected, found, failing <= budget && problems.isEmpty(), read);
	}

	private RuleVerdict rollbackPlan(GatePolicyDocument.Rule rule, ChangeTicket change) {
		boolean mustBeTested = rule.flag("tested");
		RollbackPlan plan = change.rollbackPlan();
		String expected = "a rollback plan with steps, trigger criteria and an owner" + (mustBeTested ? ", tested" : "");
		List<String> missing = new ArrayList<>();
		if (plan.steps() == null) {
			missing.add("steps");
		}
		if (plan.triggerCriteria() == null) {
			missing.add("trigger criteria");
		}
		if (plan.owner() == null) {
			missing.add("an owner");
		}
		boolean tested = plan.tested() && plan.testedOn() != null;
		String found = missing.isEmpty() ? "a plan owned by " + plan.owner() + (tested ? ", tested on " + plan.testedOn() : ", not tested")
				: "the plan lacks " + String.join(", ", missing);
		if (mustBeTested && plan.tested() && plan.testedOn() == null) {
			found += " (marked tested without a date)";
		}
		Input input = new Input("change", change.id().toString(), Digests.snapshot(plan.steps(), plan.triggerCriteria(), plan.owner(), plan.tested(),
				plan.testedOn(), plan.evidenceId()));
		return new RuleVerdict("rollbackPlan", expected, found, missing.isEmpty() && (!mustBeTested || tested), List.of(input));
	}
}
