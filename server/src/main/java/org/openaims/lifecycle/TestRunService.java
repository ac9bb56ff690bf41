package org.openaims.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.common.Digests;
import org.openaims.common.FileNames;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.Stamp;
import org.openaims.evidence.EvidenceDetails;
import org.openaims.evidence.EvidenceKind;
import org.openaims.evidence.EvidenceService;
import org.openaims.evidence.EvidenceView;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.lifecycle.TestRunView.FailedCase;
import org.openaims.lifecycle.TestRunView.Metric;
import org.openaims.lifecycle.TestRunView.ReportFile;
import org.openaims.lifecycle.TestRunView.Summary;
import org.openaims.lifecycle.TestRunView.Totals;
import org.openaims.lifecycle.internal.JunitXml;
import org.openaims.lifecycle.internal.MetricsJson;
import org.openaims.lifecycle.internal.TestRunStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Test runs and evaluations (A.6.2.4): a CI pipeline or a person pushes the JUnit XML reports and/or
 * the metrics of one AI system version; every file is read completely before anything is kept, then
 * each is kept as an evidence item and the run with its counted summary, failing cases and metrics is
 * recorded (and in the ledger, with each file's SHA-256). Runs are never changed. Everyone reads them;
 * administrators, AIMS managers, system owners and contributors push them.
 */
@Service
@Validated
@Transactional
public class TestRunService {

	/** The ledger's subject type for test runs. */
	public static final String SUBJECT = "test-run";

	static final Role[] PUSHERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.CONTRIBUTOR };

	/** At most this many report files in one run. */
	public static final int MAX_REPORTS = 50;

	/** Failing cases shown with a run; the rest are paged. */
	static final int FAILURES_SHOWN = 20;

	private final TestRunStore store;

	private final EvidenceService evidence;

	private final AiSystemService systems;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	TestRunService(TestRunStore store, EvidenceService evidence, AiSystemService systems, Ledger ledger, ApplicationEventPublisher events) {
		this.store = store;
		this.evidence = evidence;
		this.systems = systems;
		this.ledger = ledger;
		this.events = events;
	}

	/** Records a run from its report files ({@code reports}, JUnit XML) and/or a metrics file. */
	@PreAuthorize("isAuthenticated()")
	public TestRunView push(@Valid TestRunDetails details, List<ReceivedFile> reports, ReceivedFile metricsFile) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers, system owners and contributors may push test runs", PUSHERS);
		List<ReceivedFile> files = reports == null ? List.of() : reports.stream().filter(f -> f != null).toList();
		if (files.isEmpty() && metricsFile == null) {
			throw new InvalidInputException("reports", "a test run needs at least one JUnit XML report or a metrics file");
		}
		if (files.size() > MAX_REPORTS) {
			throw new InvalidInputException("reports", "at most " + MAX_REPORTS + " report files make one run; " + files.size() + " were sent");
		}
		String systemName = systems.names(List.of(details.aiSystemId())).get(details.aiSystemId());
		if (systemName == null) {
			throw new InvalidInputException("aiSystemId", "no AI system has id " + details.aiSystemId());
		}
		// Everything is read and checked before anything is kept.
		List<JunitXml.Report> parsed = new ArrayList<>();
		for (ReceivedFile f : files) {
			parsed.add(JunitXml.parse("reports", FileNames.check("reports", f.name()), f.content()));
		}
		List<Metric> metrics = metricsFile == null ? List.of()
				: MetricsJson.parse("metrics", FileNames.check("metrics", metricsFile.name()), metricsFile.content());

		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		int tests = 0, failures = 0, errors = 0, skipped = 0, flaky = 0;
		long millis = 0;
		Integer dTests = null, dFailures = null, dErrors = null, dSkipped = null;
		List<TestRunStore.Named<FailedCase>> failed = new ArrayList<>();
		for (JunitXml.Report r : parsed) {
			tests += r.tests();
			failures += r.failures();
			errors += r.errors();
			skipped += r.skipped();
			flaky += r.flaky();
			millis += r.durationMillis();
			if (r.declared() != null) {
				dTests = plus(dTests, r.declared().tests());
				dFailures = plus(dFailures, r.declared().failures());
				dErrors = plus(dErrors, r.declared().errors());
				dSkipped = plus(dSkipped, r.declared().skipped());
			}
			r.failed().forEach(c -> failed.add(new TestRunStore.Named<>(r.fileName(), c)));
		}
		Totals declared = dTests == null && dFailures == null && dErrors == null && dSkipped == null ? null
				: new Totals(dTests, dFailures, dErrors, dSkipped);
		Summary summary = new Summary(tests, tests - failures - errors - skipped, failures, errors, skipped, flaky, millis);

		List<ReportFile> kept = new ArrayList<>();
		String what = systemName + " " + details.systemVersion().strip();
		for (ReceivedFile f : files) {
			kept.add(keep("JUNIT_XML", f, "Test report " + f.name() + " — " + what, details, id));
		}
		if (metricsFile != null) {
			kept.add(keep("METRICS", metricsFile, "Metrics " + metricsFile.name() + " — " + what, details, id));
		}
		store.insert(new TestRunStore.NewRun(id, details.aiSystemId(), details.systemVersion().strip(), blankToNull(details.dataset()),
				blankToNull(details.commitRef()), blankToNull(details.evaluator()), summary, declared, kept, failed, metrics, now,
				CurrentUser.username()));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("tests", tests);
		values.put("failures", failures);
		values.put("errors", errors);
		values.put("skipped", skipped);
		values.put("flaky", flaky);
		values.put("durationMillis", millis);
		values.put("dataset", blankToNull(details.dataset()));
		values.put("evaluator", blankToNull(details.evaluator()));
		events.publishEvent(new TestRunRecorded(id, details.aiSystemId(), details.systemVersion().strip(), blankToNull(details.commitRef()),
				values, kept.stream().map(f -> f.name() + " sha256:" + f.sha256()).toList(),
				metrics.stream().map(TestRunService::metricValues).toList(), Stamp.of(CurrentUser.actor())));
		// The view from what is in hand: nothing is read back.
		return new TestRunView(id, details.aiSystemId(), systemName, details.systemVersion().strip(), blankToNull(details.dataset()),
				blankToNull(details.commitRef()), blankToNull(details.evaluator()), summary, declared, disagree(summary, declared), metrics, kept,
				failed.size(), failed.stream().limit(FAILURES_SHOWN).map(TestRunStore.Named::value).toList(), now, CurrentUser.username());
	}

	private ReportFile keep(String kind, ReceivedFile f, String title, TestRunDetails details, UUID runId) {
		EvidenceDetails item = new EvidenceDetails(EvidenceKind.FILE, JunitXml.cut(title, 300),
				"Received with test run " + runId + (details.commitRef() == null ? "" : " (commit " + details.commitRef().strip() + ")"), null,
				null, null, null, null, null, null, List.of("A.6.2.4"), List.of(details.aiSystemId()),
				List.of(new EvidenceDetails.RecordRef(SUBJECT, runId)), null);
		EvidenceView view = evidence.keepReceived(item, f.name(), f.content(), JunitXml.MAX_BYTES);
		return new ReportFile(kind, f.name(), view.id(), Digests.sha256Hex(f.content()), f.content().length);
	}

	private static Map<String, Object> metricValues(Metric m) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("name", m.name());
		v.put("value", m.value());
		v.put("unit", m.unit());
		v.put("dataset", m.dataset());
		v.put("slice", m.slice());
		v.put("count", m.count());
		v.put("passShare", m.passShare());
		return v;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public TestRunView get(UUID id) {
		TestRunStore.Row row = store.find(id).orElseThrow(() -> new NotFoundException("test run", id));
		List<FailedCase> first = store.failures(id, 0, FAILURES_SHOWN).stream().map(TestRunStore.Named::value).toList();
		return views(List.of(row), Map.of(id, first)).get(0);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<TestRunView> list(TestRunFilter filter, PageRequest request) {
		Page<TestRunStore.Row> page = store.page(filter, request);
		return new Page<>(views(page.items(), Map.of()), page.next());
	}

	/** A run's failing cases, {@code limit} at a time; {@code after} is the previous page's {@code next}. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<FailedCase> failures(UUID id, Integer limit, String after) {
		store.find(id).orElseThrow(() -> new NotFoundException("test run", id));
		int size = new PageRequest(limit, null, null).effectiveLimit();
		int from;
		try {
			from = after == null || after.isBlank() ? 0 : Integer.parseInt(after);
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("after", "is not a cursor returned by this list");
		}
		if (from < 0) {
			throw new InvalidInputException("after", "is not a cursor returned by this list");
		}
		List<FailedCase> rows = store.failures(id, from, size + 1).stream().map(TestRunStore.Named::value).toList();
		return rows.size() > size ? new Page<>(rows.subList(0, size), String.valueOf(from + size)) : new Page<>(rows, null);
	}

	/** The list (same filters) for an export, read a page at a time. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public org.openaims.reporting.Table exportTable(TestRunFilter filter, int batchRows) {
		List<String> header = List.of("id", "ai_system", "version", "tests", "passed", "failures", "errors", "skipped", "flaky", "duration_ms",
				"declared_tests", "metrics", "dataset", "commit", "evaluator", "files", "created_at", "created_by");
		int size = Math.min(batchRows, PageRequest.MAX_LIMIT);
		long total = store.count(filter);
		return new org.openaims.reporting.Table("test-runs", "Test runs — " + total + " — generated " + java.time.LocalDate.now(), header, total,
				writer -> {
			PageRequest request = new PageRequest(size, null, null);
			while (request != null) {
				Page<TestRunView> page = list(filter, request);
				for (TestRunView r : page.items()) {
					TestRunView.Summary s = r.summary();
					writer.row(java.util.Arrays.asList(r.id(), r.aiSystemName(), r.systemVersion(), s.tests(), s.passed(), s.failures(), s.errors(),
							s.skipped(), s.flaky(), s.durationMillis(), r.declared() == null ? null : r.declared().tests(),
							r.metrics().stream().map(m -> m.name() + "=" + m.value() + (m.slice() == null ? "" : "[" + m.slice() + "]"))
								.collect(Collectors.joining(";")),
							r.dataset(), r.commitRef(), r.evaluator(), r.files().stream().map(f -> f.name() + " sha256:" + f.sha256())
								.collect(Collectors.joining(";")), r.createdAt(), r.createdBy()));
				}
				request = page.next() == null ? null : request.withAfter(page.next());
			}
		});
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		store.find(id).orElseThrow(() -> new NotFoundException("test run", id));
		return ledger.history(SUBJECT, id.toString());
	}

	/** Whether the signed-in user may push runs (for buttons). */
	public boolean mayPush() {
		return CurrentUser.hasAnyRole(PUSHERS);
	}

	private List<TestRunView> views(List<TestRunStore.Row> rows, Map<UUID, List<FailedCase>> failures) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Set<UUID> ids = rows.stream().map(TestRunStore.Row::id).collect(Collectors.toSet());
		Map<UUID, List<Metric>> metrics = store.metrics(ids);
		Map<UUID, List<ReportFile>> files = store.files(ids);
		Map<UUID, String> names = systems.names(rows.stream().map(TestRunStore.Row::aiSystemId).collect(Collectors.toSet()));
		return rows.stream().map(r -> new TestRunView(r.id(), r.aiSystemId(), names.get(r.aiSystemId()), r.systemVersion(), r.dataset(),
				r.commitRef(), r.evaluator(), r.summary(), r.declared(), disagree(r.summary(), r.declared()),
				metrics.getOrDefault(r.id(), List.of()), files.getOrDefault(r.id(), List.of()), r.failedCount(),
				failures.getOrDefault(r.id(), List.of()), r.createdAt(), r.createdBy())).toList();
	}

	/** Whether the files' own totals say something else than the cases counted. */
	static boolean disagree(Summary s, Totals d) {
		if (d == null) {
			return false;
		}
		return d.tests() != null && d.tests() != s.tests() || d.failures() != null && d.failures() != s.failures()
				|| d.errors() != null && d.errors() != s.errors() || d.skipped() != null && d.skipped() != s.skipped();
	}

	private static Integer plus(Integer a, Integer b) {
		if (b == null) {
			return a;
		}
		return a == null ? b : (int) Math.min(Integer.MAX_VALUE, (long) a + b);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
