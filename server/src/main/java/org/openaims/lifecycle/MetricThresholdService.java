package org.openaims.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.lifecycle.MetricEvaluation.Found;
import org.openaims.lifecycle.MetricEvaluation.ThresholdVerdict;
import org.openaims.lifecycle.MetricEvaluation.Verdict;
import org.openaims.lifecycle.TestRunView.Metric;
import org.openaims.lifecycle.internal.TestRunStore;
import org.openaims.lifecycle.internal.ThresholdSet;
import org.openaims.lifecycle.internal.ThresholdSets;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Metric thresholds per AI system (A.6.2.4): versioned, each version submitted for approval when it is
 * saved; the newest approved version is in force and judges every run. The system's owner, AIMS
 * managers and administrators write them; everyone reads them.
 */
@Service
@Validated
@Transactional
public class MetricThresholdService {

	/** The ledger's subject type for threshold versions. */
	public static final String SUBJECT = "metric-thresholds";

	private final ThresholdSets sets;

	private final TestRunStore runs;

	private final AiSystemService systems;

	private final ApprovalService approvals;

	private final Ledger ledger;

	MetricThresholdService(ThresholdSets sets, TestRunStore runs, AiSystemService systems, ApprovalService approvals, Ledger ledger) {
		this.sets = sets;
		this.runs = runs;
		this.systems = systems;
		this.approvals = approvals;
		this.ledger = ledger;
	}

	/** Saves a new version of the system's thresholds and submits it for approval. */
	@PreAuthorize("isAuthenticated()")
	public ThresholdSetView save(@Valid ThresholdSetDetails details) {
		AiSystemView system = system(details.aiSystemId());
		requireWriter(system);
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < details.thresholds().size(); i++) {
			MetricThreshold t = details.thresholds().get(i);
			if (!Double.isFinite(t.bound())) {
				problems.add(new FieldProblem("thresholds[" + i + "].bound", "must be a finite number"));
			}
			String key = t.metric().strip() + "\u0001" + blank(t.dataset()) + "\u0001" + blank(t.slice()) + "\u0001" + t.direction();
			if (!seen.add(key)) {
				problems.add(new FieldProblem("thresholds[" + i + "]", "repeats the bound on '" + t.metric().strip() + "'"));
			}
		}
		InvalidInputException.throwIfAny(problems);
		Optional<ThresholdSet> previous = sets.findFirstByAiSystemIdOrderByVersionNoDesc(system.id());
		ThresholdSet next = ThresholdSet.next(previous.orElse(null), system.id(), details.thresholds(), details.note(), CurrentUser.actor());
		previous.ifPresent(p -> {
			if (p.superseded(next.versionNo(), CurrentUser.actor())) {
				sets.save(p);
				approvals.contentChanged(p.reviewRef(), "superseded by version " + next.versionNo());
			}
		});
		ThresholdSet saved = sets.save(next);
		approvals.submit(saved.reviewRef(), LocalDate.now().plusDays(14), "Metric thresholds of " + system.name() + ", version " + saved.versionNo());
		return view(sets.findById(saved.id()).orElseThrow(), system.name());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ThresholdSetView get(UUID id) {
		ThresholdSet set = sets.findById(id).orElseThrow(() -> new NotFoundException("metric thresholds", id));
		return view(set, system(set.aiSystemId()).name());
	}

	/** Every version of a system's thresholds, newest first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ThresholdSetView> versions(UUID aiSystemId) {
		String name = system(aiSystemId).name();
		List<ThresholdSet> all = sets.findByAiSystemIdOrderByVersionNoDesc(aiSystemId);
		UUID inForce = all.stream().filter(s -> s.review().isApproved()).findFirst().map(ThresholdSet::id).orElse(null);
		return all.stream().map(s -> s.view(name, s.id().equals(inForce))).toList();
	}

	/** The thresholds in force for a system, if any version was approved. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<ThresholdSetView> inForce(UUID aiSystemId) {
		String name = system(aiSystemId).name();
		return sets.findByAiSystemIdOrderByVersionNoDesc(aiSystemId).stream().filter(s -> s.review().isApproved()).findFirst()
			.map(s -> s.view(name, true));
	}

	/** A run's metrics against the thresholds in force for its system. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public MetricEvaluation evaluate(UUID testRunId) {
		TestRunStore.Row run = runs.find(testRunId).orElseThrow(() -> new NotFoundException("test run", testRunId));
		List<TestRunStore.Latest> metrics = runs.metrics(List.of(testRunId)).getOrDefault(testRunId, List.of()).stream()
			.map(m -> new TestRunStore.Latest(testRunId, run.createdAt(), m)).toList();
		return evaluate(inForce(run.aiSystemId()).orElse(null), metrics);
	}

	/** Metrics (each with the run it came from) against {@code thresholds}. */
	public static MetricEvaluation evaluate(ThresholdSetView thresholds, List<TestRunStore.Latest> metrics) {
		if (thresholds == null) {
			return new MetricEvaluation(null, null, List.of(), false);
		}
		List<ThresholdVerdict> verdicts = new ArrayList<>();
		for (MetricThreshold t : thresholds.thresholds()) {
			List<Found> found = new ArrayList<>();
			for (TestRunStore.Latest l : metrics) {
				Metric m = l.metric();
				if (t.covers(m.name(), m.dataset(), m.slice())) {
					found.add(new Found(m.value(), m.dataset(), m.slice(), l.testRunId()));
				}
			}
			Verdict verdict = found.isEmpty() ? Verdict.MISSING
					: found.stream().allMatch(f -> t.direction().passes(f.value(), t.bound())) ? Verdict.PASS : Verdict.FAIL;
			verdicts.add(new ThresholdVerdict(t, found, verdict));
		}
		return new MetricEvaluation(thresholds.id(), thresholds.versionNo(), verdicts,
				verdicts.stream().allMatch(v -> v.verdict() == Verdict.PASS));
	}

	/** Each metric's values across a system's versions (the newest {@code runs} runs), oldest first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public MetricTrend trend(UUID aiSystemId, Integer runLimit) {
		String name = system(aiSystemId).name();
		int limit = runLimit == null ? 50 : runLimit;
		if (limit < 1 || limit > 500) {
			throw new InvalidInputException("runs", "must be between 1 and 500");
		}
		return MetricTrend.of(aiSystemId, name, runs.trend(aiSystemId, limit), inForce(aiSystemId).orElse(null));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		sets.findById(id).orElseThrow(() -> new NotFoundException("metric thresholds", id));
		return ledger.history(SUBJECT, id.toString());
	}

	public boolean mayWrite(AiSystemView system) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER)
				|| CurrentUser.hasAnyRole(Role.SYSTEM_OWNER) && system.owner().equals(CurrentUser.username());
	}

	private void requireWriter(AiSystemView system) {
		if (!mayWrite(system)) {
			throw new AccessDeniedException("only the owner of " + system.name() + ", AIMS managers and administrators set its metric thresholds");
		}
	}

	private ThresholdSetView view(ThresholdSet set, String systemName) {
		boolean inForce = set.review().isApproved() && sets.findByAiSystemIdOrderByVersionNoDesc(set.aiSystemId()).stream()
			.filter(s -> s.review().isApproved()).findFirst().map(s -> s.id().equals(set.id())).orElse(false);
		return set.view(systemName, inForce);
	}

	private AiSystemView system(UUID id) {
		Map<UUID, String> names = systems.names(List.of(id));
		if (names.isEmpty()) {
			throw new InvalidInputException("aiSystemId", "no AI system has id " + id);
		}
		return systems.get(id);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
