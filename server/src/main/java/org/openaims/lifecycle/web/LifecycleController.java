package org.openaims.lifecycle.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.ChangeSignificance;
import org.openaims.lifecycle.ChangeDetails;
import org.openaims.lifecycle.ChangeFilter;
import org.openaims.lifecycle.ChangeService;
import org.openaims.lifecycle.ChangeType;
import org.openaims.lifecycle.ChangeView;
import org.openaims.lifecycle.DeploymentService;
import org.openaims.lifecycle.GateDecisionView;
import org.openaims.lifecycle.GatePolicyService;
import org.openaims.lifecycle.GatePolicyView;
import org.openaims.lifecycle.GateService;
import org.openaims.lifecycle.MetricThreshold;
import org.openaims.lifecycle.MetricThresholdService;
import org.openaims.lifecycle.RollbackPlan;
import org.openaims.lifecycle.TestRunFilter;
import org.openaims.lifecycle.TestRunService;
import org.openaims.lifecycle.TestRunView;
import org.openaims.lifecycle.ThresholdSetDetails;
import org.openaims.lifecycle.ThresholdSetView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lifecycle pages: the overview (changes, test runs, gate decisions, deployments), a change with
 * the gate's answer and its decisions, a test run with its metrics against the thresholds in force,
 * an AI system's metric trends (a server-rendered chart), thresholds and deployment timeline, and the
 * gate policy's versions.
 */
@Controller
@RequestMapping("/lifecycle")
class LifecycleController {

	private final ChangeService changes;

	private final TestRunService runs;

	private final GateService gate;

	private final GatePolicyService policies;

	private final MetricThresholdService thresholds;

	private final DeploymentService deployments;

	private final AiSystemService systems;

	LifecycleController(ChangeService changes, TestRunService runs, GateService gate, GatePolicyService policies,
			MetricThresholdService thresholds, DeploymentService deployments, AiSystemService systems) {
		this.changes = changes;
		this.runs = runs;
		this.gate = gate;
		this.policies = policies;
		this.thresholds = thresholds;
		this.deployments = deployments;
		this.systems = systems;
	}

	@GetMapping
	String overview(@RequestParam(required = false) UUID aiSystem, Model model) {
		model.addAttribute("changes", changes.list(new ChangeFilter(aiSystem, null, null, null), PageRequest.first(25)));
		model.addAttribute("runs", runs.list(new TestRunFilter(aiSystem, null, null, null), PageRequest.first(25)));
		model.addAttribute("decisions", gate.decisions(null, aiSystem, null, PageRequest.first(10)));
		model.addAttribute("deployments", deployments.list(aiSystem, null, null, null, PageRequest.first(10)));
		model.addAttribute("policy", policies.inForce().orElse(null));
		model.addAttribute("mayOpen", changes.mayOpen());
		model.addAttribute("systems", systems.inScope());
		model.addAttribute("aiSystem", aiSystem);
		return "lifecycle/overview";
	}

	@GetMapping("/changes/new")
	String newChange(@RequestParam(required = false) UUID aiSystem, Model model) {
		model.addAttribute("form", new ChangeForm(aiSystem, null, null, ChangeType.MODEL_RETRAINED, null, null, ChangeSignificance.SIGNIFICANT,
				null, null, null, CurrentUser.username(), null));
		return changeForm(model);
	}

	private String changeForm(Model model) {
		model.addAttribute("systems", systems.inScope());
		model.addAttribute("types", ChangeType.values());
		model.addAttribute("significances", ChangeSignificance.values());
		return "lifecycle/change-form";
	}

	/** The change form's fields. */
	record ChangeForm(UUID aiSystemId, String fromVersion, String toVersion, ChangeType type, String title, String description,
			ChangeSignificance significance, String testRunIds, String rollbackSteps, String rollbackTriggers, String rollbackOwner,
			LocalDate rollbackTestedOn) {
	}

	@PostMapping("/changes/new")
	String openChange(ChangeForm form, Model model, RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		List<UUID> runIds = runIds(form, problems);
		if (problems.isEmpty()) {
			try {
				ChangeView opened = changes.open(new ChangeDetails(form.aiSystemId(), form.fromVersion(), form.toVersion(), form.type(), form.title(),
						form.description(), form.significance(), runIds, new RollbackPlan(form.rollbackSteps(), form.rollbackTriggers(),
								form.rollbackOwner(), form.rollbackTestedOn() != null, form.rollbackTestedOn(), null), null));
				redirect.addFlashAttribute("flash", "Change opened: " + opened.aiSystemName() + " " + (opened.fromVersion() == null ? "" : opened.fromVersion() + " → ")
						+ opened.toVersion() + ". Version " + opened.toVersion() + " is registered as a " + opened.significance().name().toLowerCase(Locale.ROOT)
						+ " change" + (opened.significance() == ChangeSignificance.SIGNIFICANT ? "; the system's risks are flagged for reassessment" : "")
						+ ". Submit it for approval when it is ready.");
				return "redirect:/lifecycle/changes/" + opened.id();
			}
			catch (InvalidInputException | ConstraintViolationException | ConflictException e) {
				problems.addAll(problems(e));
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return changeForm(model);
	}

	/** What a refused change ticket form says, one line per problem. */
	private static List<String> problems(RuntimeException e) {
		if (e instanceof InvalidInputException invalid) {
			return invalid.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
		}
		if (e instanceof ConstraintViolationException violations) {
			return violations.getConstraintViolations().stream()
				.map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).toList();
		}
		return List.of(e.getMessage());
	}

	private static String lastNode(String path) {
		int dot = path.indexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	@GetMapping("/changes/{id}/edit")
	String editChange(@PathVariable UUID id, Model model) {
		ChangeView c = changes.get(id);
		RollbackPlan plan = c.rollbackPlan();
		model.addAttribute("form", new ChangeForm(c.aiSystemId(), c.fromVersion(), c.toVersion(), c.type(), c.title(), c.description(), c.significance(),
				c.testRuns().stream().map(r -> r.id().toString()).collect(Collectors.joining(" ")), plan.steps(), plan.triggerCriteria(), plan.owner(),
				plan.testedOn()));
		model.addAttribute("changeId", id);
		model.addAttribute("changeVersion", c.version());
		return changeForm(model);
	}

	@PostMapping("/changes/{id}/edit")
	String saveChange(@PathVariable UUID id, ChangeForm form, @RequestParam(required = false) Long version, Model model,
			RedirectAttributes redirect) {
		ChangeView current = changes.get(id);
		List<String> problems = new ArrayList<>();
		List<UUID> runIds = runIds(form, problems);
		if (problems.isEmpty()) {
			try {
				ChangeView saved = changes.change(id, new ChangeDetails(current.aiSystemId(), form.fromVersion(), current.toVersion(), form.type(),
						form.title(), form.description(), form.significance(), runIds, new RollbackPlan(form.rollbackSteps(), form.rollbackTriggers(),
								form.rollbackOwner(), form.rollbackTestedOn() != null, form.rollbackTestedOn(), current.rollbackPlan().evidenceId()),
						version));
				redirect.addFlashAttribute("flash", "Change saved" + (current.reviewStatus() != saved.reviewStatus()
						? "; its " + current.reviewStatus().name().toLowerCase(Locale.ROOT) + " approval is void — submit it again" : "")
						+ ". Rollback plan " + (saved.rollbackPlan().tested() ? "tested on " + saved.rollbackPlan().testedOn() : "not tested") + ".");
				return "redirect:/lifecycle/changes/" + id;
			}
			catch (InvalidInputException | ConstraintViolationException | ConflictException e) {
				problems.addAll(problems(e));
			}
		}
		model.addAttribute("form", new ChangeForm(current.aiSystemId(), form.fromVersion(), current.toVersion(), form.type(), form.title(),
				form.description(), form.significance(), form.testRunIds(), form.rollbackSteps(), form.rollbackTriggers(), form.rollbackOwner(),
				form.rollbackTestedOn()));
		model.addAttribute("changeId", id);
		model.addAttribute("changeVersion", version);
		model.addAttribute("problems", problems);
		return changeForm(model);
	}

	private static List<UUID> runIds(ChangeForm form, List<String> problems) {
		List<UUID> runIds = new ArrayList<>();
		if (form.testRunIds() != null) {
			for (String id : form.testRunIds().split("[\\s,]+")) {
				if (!id.isBlank()) {
					try {
						runIds.add(UUID.fromString(id.strip()));
					}
					catch (IllegalArgumentException e) {
						problems.add("testRunIds: '" + id.strip() + "' is not a test run id");
					}
				}
			}
		}
		return runIds;
	}

	@GetMapping("/changes/{id}")
	String change(@PathVariable UUID id, Model model) {
		ChangeView change = changes.get(id);
		model.addAttribute("change", change);
		model.addAttribute("evaluation", gate.evaluate(id));
		model.addAttribute("decisions", gate.decisions(id, null, null, PageRequest.first(50)).items());
		model.addAttribute("mayChange", changes.mayChange(change));
		model.addAttribute("history", changes.history(id));
		return "lifecycle/change";
	}

	@PostMapping("/changes/{id}/submit")
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			changes.submit(id, null, null);
			redirect.addFlashAttribute("flash", "Submitted for approval: approvers see it in their inbox; its authors cannot approve it.");
		}
		catch (ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/lifecycle/changes/" + id;
	}

	@PostMapping("/changes/{id}/gate")
	String decide(@PathVariable UUID id, RedirectAttributes redirect) {
		GateDecisionView decision = gate.decide(id);
		String failed = decision.failedRules().isEmpty() ? "" : " Failed: " + String.join(", ", decision.failedRules()) + ".";
		// A deny is the gate doing its work, not a failure of the form: it is reported like an allow.
		redirect.addFlashAttribute("flash", "Gate decision recorded: " + decision.verdict() + " for " + decision.aiSystemName() + " " + decision.systemVersion() + "." + failed
						+ " Its signed statement is in the list of decisions.");
		return "redirect:/lifecycle/changes/" + id;
	}

	@GetMapping("/test-runs/{id}")
	String testRun(@PathVariable UUID id, Model model) {
		TestRunView run = runs.get(id);
		model.addAttribute("run", run);
		model.addAttribute("evaluation", thresholds.evaluate(id));
		model.addAttribute("history", runs.history(id));
		return "lifecycle/test-run";
	}

	@GetMapping("/systems/{id}")
	String system(@PathVariable UUID id, Model model) {
		AiSystemView system = systems.get(id);
		model.addAttribute("system", system);
		model.addAttribute("trend", TrendChart.of(thresholds.trend(id, 50)));
		model.addAttribute("versions", thresholds.versions(id));
		model.addAttribute("timeline", deployments.timeline(id, null));
		model.addAttribute("mayWrite", thresholds.mayWrite(system));
		model.addAttribute("thresholdText", thresholds.inForce(id).or(() -> thresholds.versions(id).stream().findFirst())
			.map(v -> v.thresholds().stream().map(LifecycleController::line).collect(Collectors.joining("\n"))).orElse(""));
		return "lifecycle/system";
	}

	@PostMapping("/systems/{id}/thresholds")
	String saveThresholds(@PathVariable UUID id, @RequestParam(required = false) String thresholdText,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			List<MetricThreshold> parsed = ThresholdLines.parse(thresholdText);
			ThresholdSetView saved = thresholds.save(new ThresholdSetDetails(id, parsed, note));
			redirect.addFlashAttribute("flash", "Thresholds version " + saved.versionNo() + " saved (" + saved.thresholds().size()
					+ " bounds) and submitted for approval; the approved version stays in force until then.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", "Not saved: " + e.problems().stream().map(p -> p.field() + " " + p.message())
				.collect(Collectors.joining("; ")));
			redirect.addFlashAttribute("thresholdDraft", thresholdText);
		}
		catch (ConstraintViolationException e) {
			redirect.addFlashAttribute("flashError", "Not saved: " + e.getConstraintViolations().stream()
				.map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
			redirect.addFlashAttribute("thresholdDraft", thresholdText);
		}
		return "redirect:/lifecycle/systems/" + id;
	}

	/** A version of a system's thresholds, as an approval links to it: shown on the system's page. */
	@GetMapping("/thresholds/{id}")
	String thresholdVersion(@PathVariable UUID id) {
		return "redirect:/lifecycle/systems/" + thresholds.get(id).aiSystemId() + "#thresholds";
	}

	@GetMapping("/gate-policies")
	String gatePolicies(Model model) {
		List<GatePolicyView> versions = policies.versions();
		model.addAttribute("versions", versions);
		model.addAttribute("mayWrite", policies.mayWrite());
		if (!model.containsAttribute("source")) {
			model.addAttribute("source", versions.isEmpty() ? GatePolicyService.EXAMPLE : versions.get(0).source());
		}
		return "lifecycle/gate-policies";
	}

	@GetMapping("/gate-policies/{id}")
	String gatePolicy(@PathVariable UUID id, Model model) {
		model.addAttribute("policy", policies.get(id));
		model.addAttribute("history", policies.history(id));
		return "lifecycle/gate-policy";
	}

	@PostMapping("/gate-policies")
	String saveGatePolicy(@RequestParam(required = false) String source, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			GatePolicyView saved = policies.save(source, note);
			redirect.addFlashAttribute("flash", "Gate policy version " + saved.versionNo() + " saved and submitted for approval (SHA-256 "
					+ saved.digest().substring(0, 12) + "…); the approved version stays in force until then.");
			return "redirect:/lifecycle/gate-policies/" + saved.id();
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", "Not saved: " + e.problems().stream().map(p -> p.message()).collect(Collectors.joining("; ")));
			redirect.addFlashAttribute("source", source);
			return "redirect:/lifecycle/gate-policies";
		}
	}

	private static String line(MetricThreshold t) {
		return t.metric() + " " + (t.direction() == MetricThreshold.Direction.AT_LEAST ? ">=" : "<=") + " " + t.bound()
				+ (t.dataset() == null && t.slice() == null ? "" : " on " + (t.dataset() == null ? "*" : t.dataset()) + (t.slice() == null ? "" : " / " + t.slice()));
	}
}
