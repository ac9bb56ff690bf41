package org.openaims.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.lifecycle.TestOutcome;
import org.openaims.lifecycle.TestRunFilter;
import org.openaims.lifecycle.TestRunView;
import org.openaims.lifecycle.TestRunView.FailedCase;
import org.openaims.lifecycle.TestRunView.Metric;
import org.openaims.lifecycle.TestRunView.ReportFile;
import org.openaims.lifecycle.TestRunView.Summary;
import org.openaims.lifecycle.TestRunView.Totals;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test runs in their tables: written once (the run, its files, failing cases and metrics in batched
 * inserts), read a page at a time with each child table read once per page.
 */
@Component
public class TestRunStore {

	/** A run as stored, before its system is named. */
	public record Row(UUID id, UUID aiSystemId, String systemVersion, String dataset, String commitRef, String evaluator, Summary summary,
			Totals declared, int failedCount, Instant createdAt, String createdBy) {
	}

	/** What is written. */
	public record NewRun(UUID id, UUID aiSystemId, String systemVersion, String dataset, String commitRef, String evaluator, Summary summary,
			Totals declared, List<ReportFile> files, List<Named<FailedCase>> failures, List<Metric> metrics, Instant createdAt,
			String createdBy) {
	}

	/** A failing case with the file it came from. */
	public record Named<T>(String fileName, T value) {
	}

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("r.id", Row::id, "-created")
		.time("created", "r.created_at", Row::createdAt);

	private static final String COLUMNS = "r.id, r.ai_system_id, r.system_version, r.dataset, r.commit_ref, r.evaluator, r.tests, r.failures,"
			+ " r.errors, r.skipped, r.flaky, r.duration_ms, r.declared_tests, r.declared_failures, r.declared_errors, r.declared_skipped,"
			+ " r.failed_count, r.created_at, r.created_by";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	TestRunStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	public void insert(NewRun run) {
		Summary s = run.summary();
		Totals d = run.declared() == null ? new Totals(null, null, null, null) : run.declared();
		jdbc.sql("INSERT INTO test_runs (id, ai_system_id, system_version, dataset, commit_ref, evaluator, tests, failures, errors, skipped,"
				+ " flaky, duration_ms, declared_tests, declared_failures, declared_errors, declared_skipped, failed_count, passing, created_at,"
				+ " created_by) VALUES (:id, :system, :version, :dataset, :commit, :evaluator, :tests, :failures, :errors, :skipped, :flaky,"
				+ " :duration, :dt, :df, :de, :ds, :failed, :passing, :at, :by)")
			.param("id", run.id()).param("system", run.aiSystemId()).param("version", run.systemVersion()).param("dataset", run.dataset())
			.param("commit", run.commitRef()).param("evaluator", run.evaluator()).param("tests", s.tests()).param("failures", s.failures())
			.param("errors", s.errors()).param("skipped", s.skipped()).param("flaky", s.flaky()).param("duration", s.durationMillis())
			.param("dt", d.tests()).param("df", d.failures()).param("de", d.errors()).param("ds", d.skipped())
			.param("failed", run.failures().size()).param("passing", s.passing())
			.param("at", Timestamp.from(run.createdAt())).param("by", run.createdBy())
			.update();
		List<MapSqlParameterSource> files = new ArrayList<>();
		for (int i = 0; i < run.files().size(); i++) {
			ReportFile f = run.files().get(i);
			files.add(new MapSqlParameterSource().addValue("run", run.id()).addValue("i", i).addValue("kind", f.kind())
				.addValue("name", f.name()).addValue("evidence", f.evidenceId()).addValue("sha", f.sha256()).addValue("size", f.size()));
		}
		batch("INSERT INTO test_run_files (test_run_id, list_index, kind, file_name, evidence_id, sha256, size_bytes)"
				+ " VALUES (:run, :i, :kind, :name, :evidence, :sha, :size)", files);
		List<MapSqlParameterSource> failures = new ArrayList<>();
		for (int i = 0; i < run.failures().size(); i++) {
			Named<FailedCase> n = run.failures().get(i);
			FailedCase c = n.value();
			failures.add(new MapSqlParameterSource().addValue("run", run.id()).addValue("i", i).addValue("file", n.fileName())
				.addValue("suite", JunitXml.cut(c.suite(), 1000)).addValue("class", JunitXml.cut(c.className(), 1000))
				.addValue("name", JunitXml.cut(c.name(), 2000)).addValue("outcome", c.outcome().name())
				.addValue("message", JunitXml.cut(c.message(), 1000)).addValue("detail", JunitXml.cut(c.detail(), 4000)));
		}
		batch("INSERT INTO test_run_failures (test_run_id, list_index, file_name, suite, class_name, test_name, outcome, message, detail)"
				+ " VALUES (:run, :i, :file, :suite, :class, :name, :outcome, :message, :detail)", failures);
		List<MapSqlParameterSource> metrics = new ArrayList<>();
		for (int i = 0; i < run.metrics().size(); i++) {
			Metric m = run.metrics().get(i);
			metrics.add(new MapSqlParameterSource().addValue("run", run.id()).addValue("i", i).addValue("name", m.name())
				.addValue("value", m.value()).addValue("unit", m.unit()).addValue("dataset", m.dataset()).addValue("slice", m.slice())
				.addValue("count", m.count()).addValue("share", m.passShare()));
		}
		batch("INSERT INTO test_run_metrics (test_run_id, list_index, name, metric_value, unit, dataset, slice, sample_count, pass_share)"
				+ " VALUES (:run, :i, :name, :value, :unit, :dataset, :slice, :count, :share)", metrics);
	}

	private void batch(String sql, List<MapSqlParameterSource> rows) {
		for (int from = 0; from < rows.size(); from += 1000) {
			named.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)).toArray(MapSqlParameterSource[]::new));
		}
	}

	public java.util.Optional<Row> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM test_runs r WHERE r.id = :id").param("id", id).query(TestRunStore::row).optional();
	}

	public List<Row> find(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM test_runs r WHERE r.id IN (:ids)").param("ids", ids).query(TestRunStore::row).list();
	}

	public Page<Row> page(TestRunFilter filter, PageRequest request) {
		SqlWhere where = where(filter);
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT " + COLUMNS + " FROM test_runs r" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query(TestRunStore::row)
			.list());
	}

	public long count(TestRunFilter filter) {
		SqlWhere where = where(filter);
		return jdbc.sql("SELECT COUNT(*) FROM test_runs r" + where.sql()).params(where.params()).query(Long.class).single();
	}

	private static SqlWhere where(TestRunFilter filter) {
		return new SqlWhere().and("r.ai_system_id = :system", "system", filter.aiSystemId())
			.and("r.system_version = :version", "version", blankToNull(filter.systemVersion()))
			.and("r.passing = :passing", "passing", filter.passing())
			.and("r.commit_ref = :commit", "commit", blankToNull(filter.commitRef()));
	}

	/** The newest runs of a system version, newest first (at most {@code limit}). */
	public List<Row> newest(UUID aiSystemId, String systemVersion, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM test_runs r WHERE r.ai_system_id = :system AND r.system_version = :version"
				+ " ORDER BY r.created_at DESC, r.id DESC LIMIT " + limit)
			.param("system", aiSystemId).param("version", systemVersion)
			.query(TestRunStore::row).list();
	}

	/**
	 * The newest value of each metric on a system version, with the run it came from: one row per
	 * metric, dataset and slice.
	 */
	public List<Latest> latestMetrics(UUID aiSystemId, String systemVersion) {
		List<Latest> rows = jdbc.sql("SELECT m.test_run_id, r.created_at, m.name, m.metric_value, m.unit, m.dataset, m.slice, m.sample_count,"
				+ " m.pass_share FROM test_run_metrics m JOIN test_runs r ON r.id = m.test_run_id"
				+ " WHERE r.ai_system_id = :system AND r.system_version = :version ORDER BY r.created_at DESC, r.id DESC, m.list_index")
			.param("system", aiSystemId).param("version", systemVersion)
			.query((rs, n) -> new Latest(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), metric(rs, 3)))
			.list();
		Map<String, Latest> newest = new LinkedHashMap<>();
		rows.forEach(l -> newest.putIfAbsent(l.metric().name() + "\u0001" + l.metric().dataset() + "\u0001" + l.metric().slice(), l));
		return List.copyOf(newest.values());
	}

	/** A metric's value with the run it came from and when that run was recorded. */
	public record Latest(UUID testRunId, Instant recordedAt, Metric metric) {
	}

	/** One metric's values on every version of a system, oldest run first (at most {@code limit} runs). */
	public List<Trend> trend(UUID aiSystemId, int limit) {
		return jdbc.sql("SELECT r.id, r.system_version, r.created_at, m.name, m.metric_value, m.unit, m.dataset, m.slice, m.sample_count,"
				+ " m.pass_share FROM (SELECT id, system_version, created_at FROM test_runs WHERE ai_system_id = :system"
				+ " ORDER BY created_at DESC, id DESC LIMIT " + limit + ") r JOIN test_run_metrics m ON m.test_run_id = r.id"
				+ " ORDER BY r.created_at, r.id, m.list_index")
			.param("system", aiSystemId)
			.query((rs, n) -> new Trend(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), metric(rs, 4)))
			.list();
	}

	/** A metric of one run, for trends. */
	public record Trend(UUID testRunId, String systemVersion, Instant recordedAt, Metric metric) {
	}

	public Map<UUID, List<Metric>> metrics(Collection<UUID> runIds) {
		Map<UUID, List<Metric>> byRun = new LinkedHashMap<>();
		if (runIds.isEmpty()) {
			return byRun;
		}
		jdbc.sql("SELECT m.test_run_id, m.name, m.metric_value, m.unit, m.dataset, m.slice, m.sample_count, m.pass_share"
				+ " FROM test_run_metrics m WHERE m.test_run_id IN (:ids) ORDER BY m.test_run_id, m.list_index")
			.param("ids", runIds)
			.query((ResultSet rs) -> {
				byRun.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(metric(rs, 2));
			});
		return byRun;
	}

	public Map<UUID, List<ReportFile>> files(Collection<UUID> runIds) {
		Map<UUID, List<ReportFile>> byRun = new LinkedHashMap<>();
		if (runIds.isEmpty()) {
			return byRun;
		}
		jdbc.sql("SELECT f.test_run_id, f.kind, f.file_name, f.evidence_id, f.sha256, f.size_bytes FROM test_run_files f"
				+ " WHERE f.test_run_id IN (:ids) ORDER BY f.test_run_id, f.list_index")
			.param("ids", runIds)
			.query((ResultSet rs) -> {
				byRun.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new ReportFile(rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getLong(6)));
			});
		return byRun;
	}

	/** Failing cases of a run from position {@code from}, at most {@code limit}. */
	public List<Named<FailedCase>> failures(UUID runId, int from, int limit) {
		return jdbc.sql("SELECT f.file_name, f.suite, f.class_name, f.test_name, f.outcome, f.message, f.detail FROM test_run_failures f"
				+ " WHERE f.test_run_id = :run AND f.list_index >= :from ORDER BY f.list_index LIMIT " + limit)
			.param("run", runId).param("from", from)
			.query((rs, n) -> new Named<>(rs.getString(1), new FailedCase(rs.getString(2), rs.getString(3), rs.getString(4),
					TestOutcome.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7))))
			.list();
	}

	private static Metric metric(ResultSet rs, int first) throws SQLException {
		Integer count = (Integer) rs.getObject(first + 5, Integer.class);
		Double share = rs.getObject(first + 6) == null ? null : rs.getDouble(first + 6);
		return new Metric(rs.getString(first), rs.getDouble(first + 1), rs.getString(first + 2), rs.getString(first + 3),
				rs.getString(first + 4), count, share);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		int tests = rs.getInt("tests");
		int failures = rs.getInt("failures");
		int errors = rs.getInt("errors");
		int skipped = rs.getInt("skipped");
		Summary summary = new Summary(tests, tests - failures - errors - skipped, failures, errors, skipped, rs.getInt("flaky"),
				rs.getLong("duration_ms"));
		Totals declared = new Totals(rs.getObject("declared_tests", Integer.class), rs.getObject("declared_failures", Integer.class),
				rs.getObject("declared_errors", Integer.class), rs.getObject("declared_skipped", Integer.class));
		if (declared.tests() == null && declared.failures() == null && declared.errors() == null && declared.skipped() == null) {
			declared = null;
		}
		return new Row(rs.getObject("id", UUID.class), rs.getObject("ai_system_id", UUID.class), rs.getString("system_version"),
				rs.getString("dataset"), rs.getString("commit_ref"), rs.getString("evaluator"), summary, declared, rs.getInt("failed_count"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
