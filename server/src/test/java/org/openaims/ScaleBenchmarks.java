package org.openaims;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registers of a large organization (see {@link LargeOrganization}) on PostgreSQL, measured over
 * HTTP against the running server: for every list endpoint, its sorts and filters, the SQL statements
 * per request (authentication included), p50 / p95 of the first page, of page 50 (after row 2,450) and
 * of a deep page (after row 900,000 of the risk register; 90 % into the other large lists), each beside
 * the raw SQL of the same page (the page statement the request ran, re-run over plain JDBC and planned
 * for its values each time, as the literal query is; same run);
 * text search; the heat map; the Statement of Applicability; the risk register's CSV export and its XLSX
 * job with the heap the JVM may use; and concurrent single-record writes beside a raw single-row
 * transaction rate. Prints {@code [scale]} lines, asserts nothing (docs/BENCHMARKS.md):
 * {@code ./mvnw -pl server -am verify -Ppostgres,benchmark -Dtest=ScaleBenchmarks -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "aims.test.context=scale",
		"aims.ledger.auto-checkpoint=true", "spring.datasource.hikari.maximum-pool-size=8",
		"aims.aggregates.cross-check=false" })
@AutoConfigureMockMvc
@Import(ScaleBenchmarks.Recording.class)
class ScaleBenchmarks {

	static final int RUNS = 20;

	static final AtomicLong STATEMENTS = new AtomicLong();

	/** Every statement the requests' threads ran since it was last cleared, with its parameters as they were set. */
	static final ConcurrentLinkedQueue<Ran> REQUEST_STATEMENTS = new ConcurrentLinkedQueue<>();

	/** A statement a request ran: its SQL and the calls that set its parameters. */
	record Ran(String sql, List<ParameterSetOperation> parameters) {
	}

	/** The last statement with LIMIT a request ran (its page query) and its parameters. */
	static final AtomicReference<Object[]> PAGE_QUERY = new AtomicReference<>();

	@TestConfiguration
	static class Recording {

		@Bean
		static BeanPostProcessor recordingDataSource() {
			return DataSourceWrapping.of(dataSource -> ProxyDataSourceBuilder.create(dataSource).name("scale").listener(new QueryExecutionListener() {
				@Override
				public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
				}

				@Override
				public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
					STATEMENTS.incrementAndGet();
					boolean request = Thread.currentThread().getName().startsWith("http-nio");
					for (QueryInfo q : queries) {
						String sql = q.getQuery();
						List<ParameterSetOperation> args = execInfo.isBatch() || q.getParametersList().isEmpty() ? List.of()
								: q.getParametersList().get(0);
						if (request && !execInfo.isBatch()) {
							REQUEST_STATEMENTS.add(new Ran(sql, List.copyOf(args)));
						}
						if (sql.contains(" LIMIT ") && sql.contains("ORDER BY") && !execInfo.isBatch()) {
							PAGE_QUERY.set(new Object[] { sql, args.stream().map(ParameterSetOperation::getArgs).toList(), execInfo.getElapsedTime() });
						}
					}
				}
			}).build());
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	TestUser admin;

	@Test
	void aLargeOrganizationsRegisters() throws Exception {
		if (!TestDatabase.postgres()) {
			System.out.println("[scale] runs on PostgreSQL only (-Ppostgres)");
			return;
		}
		admin = users.create(Role.ADMIN, Role.APPROVER);
		JdbcClient owner = TestDatabase.owner(context);
		Instant started = Instant.now();
		if (owner.sql("SELECT COUNT(*) FROM risks").query(Long.class).single() >= LargeOrganization.RISKS) {
			print("seed: the kept schema holds the organization already (-Daims.test.db.keep)");
		}
		else {
			Map<String, Duration> seeding = new LargeOrganization(api, users, owner).seed(admin);
			seeding.forEach((k, v) -> print("seed %-45s %7.1f s", k, v.toMillis() / 1000.0));
			print("seed %-45s %7.1f s", "in all", Duration.between(started, Instant.now()).toMillis() / 1000.0);
		}
		Instant vacuum = Instant.now();
		owner.sql("VACUUM ANALYZE").update();
		print("VACUUM ANALYZE (as autovacuum leaves the tables): %.1f s", Duration.between(vacuum, Instant.now()).toMillis() / 1000.0);
		if (get("/api/v1/soa").isEmpty()) {
			api.body(api.post(admin, "/api/v1/soa", Map.of("frameworkId", builtIn())), HttpStatus.CREATED);
		}
		print("heap the JVM may use: %d MB", Runtime.getRuntime().maxMemory() / (1024 * 1024));

		// -Dscale.only=lists,profile,search,heatmap,exports,writes runs some parts only.
		String only = System.getProperty("scale.only", "lists,profile,search,heatmap,exports,writes");
		// Warm up: the JIT compiles the paths the measured requests take.
		for (int i = 0; i < 100; i++) {
			for (String uri : List.of("/api/v1/risks", "/api/v1/risks?sort=title", "/api/v1/ai-systems", "/api/v1/vendors",
					"/api/v1/objectives", "/api/v1/approvals", "/api/v1/concerns")) {
				get(uri);
			}
		}
		if (only.contains("lists")) {
			lists(owner);
		}
		if (only.contains("profile")) {
			profileAList();
		}
		if (only.contains("search")) {
			search();
		}
		if (only.contains("heatmap")) {
			heatMapAndSoa();
		}
		if (only.contains("exports")) {
			exports();
		}
		if (only.contains("writes")) {
			writes();
		}
	}

	// --- lists -------------------------------------------------------------------------------------------

	record Sort(String key, String column, String kind) {
	}

	private void lists(JdbcClient owner) throws Exception {
		print("%-58s %5s %8s %8s %11s %7s %6s %8s %8s %11s %7s %6s %8s %8s %11s %7s %6s", "list (ms; sql = page statement in request / raw; "
				+ "all = all statements raw)", "stmts", "1st p50", "1st p95", "1st sql", "1st all", "ratio", "p50 p50", "p50 p95", "p50 sql",
				"p50 all", "ratio", "deep p50", "deep p95", "deep sql", "deep all", "ratio");
		floor();
		Map<String, List<Sort>> sorts = new LinkedHashMap<>();
		sorts.put("/api/v1/risks", List.of(new Sort("review", "review_date", "date"), new Sort("-review", "review_date", "date"),
				new Sort("title", "title", "text"), new Sort("updated", "updated_at", "time")));
		sorts.put("/api/v1/ai-systems", List.of(new Sort("name", "name", "text"), new Sort("-name", "name", "text"),
				new Sort("updated", "updated_at", "time"), new Sort("created", "created_at", "time")));
		sorts.put("/api/v1/vendors", List.of(new Sort("name", "name", "text"), new Sort("updated", "updated_at", "time"),
				new Sort("created", "created_at", "time")));
		sorts.put("/api/v1/objectives", List.of(new Sort("due", "due_date", "date"), new Sort("title", "title", "text"),
				new Sort("updated", "updated_at", "time")));
		sorts.put("/api/v1/concerns", List.of(new Sort("-created", "created_at", "time"), new Sort("updated", "updated_at", "time"),
				new Sort("summary", "summary", "text")));
		sorts.put("/api/v1/policies", List.of(new Sort("title", "title", "text"), new Sort("updated", "updated_at", "time")));
		sorts.put("/api/v1/approvals", List.of(new Sort("-created", "created_at", "time"), new Sort("created", "created_at", "time")));
		sorts.put("/api/v1/users", List.of(new Sort("username", "username", "text"), new Sort("created", "created_at", "time")));
		Map<String, String> tables = Map.of("/api/v1/risks", "risks", "/api/v1/ai-systems", "ai_systems", "/api/v1/vendors", "vendors",
				"/api/v1/objectives", "objectives", "/api/v1/concerns", "concerns", "/api/v1/policies", "policies", "/api/v1/approvals",
				"approval_requests", "/api/v1/users", "users");
		for (var list : sorts.entrySet()) {
			String table = tables.get(list.getKey());
			long rows = owner.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
			long deep = table.equals("risks") ? 900_000 : rows * 9 / 10;
			for (Sort sort : list.getValue()) {
				String uri = list.getKey() + "?sort=" + sort.key();
				String cursor = deep > 2_500 ? cursorAt(owner, table, sort, deep) : null;
				measure(uri + " (deep: after row " + deep + ")", uri, cursor);
			}
		}
		String system = LargeOrganization.id("system", "7");
		String someSystem = owner.sql("SELECT CAST(" + system + " AS VARCHAR)").query(String.class).single();
		String control = owner.sql("SELECT CAST(requirement_id AS VARCHAR) FROM control_selection_counts ORDER BY risks DESC LIMIT 1")
			.query(String.class).single();
		List<String> filtered = List.of("/api/v1/risks?residualLevel=high", "/api/v1/risks?level=critical", "/api/v1/risks?status=OPEN",
				"/api/v1/risks?category=bias", "/api/v1/risks?owner=person42", "/api/v1/risks?reassessment=true",
				"/api/v1/risks?organization=true", "/api/v1/risks?aiSystem=" + someSystem, "/api/v1/risks?control=" + control,
				"/api/v1/risks?scores=INHERENT&likelihood=3&impact=4", "/api/v1/risks?residualLevel=high&sort=title",
				"/api/v1/ai-systems?stage=OPERATING", "/api/v1/ai-systems?tier=HIGH", "/api/v1/ai-systems?inScope=true",
				"/api/v1/ai-systems?owner=person42", "/api/v1/ai-systems?vendor=" + owner.sql("SELECT CAST(" + LargeOrganization.id("vendor", "7")
						+ " AS VARCHAR)").query(String.class).single(),
				"/api/v1/vendors?status=PASSED", "/api/v1/vendors?active=true", "/api/v1/objectives?status=AT_RISK",
				"/api/v1/objectives?owner=person42", "/api/v1/objectives?aiSystem=" + someSystem, "/api/v1/objectives?overdue=true",
				"/api/v1/concerns?status=NEW", "/api/v1/approvals?status=PENDING", "/api/v1/approvals?itemType=policy-version",
				"/api/v1/approvals?requestedBy=person42", "/api/v1/approvals/inbox", "/api/v1/impact-assessments",
				"/api/v1/impact-assessments?aiSystem=" + someSystem, "/api/v1/users?role=APPROVER", "/api/v1/security-log",
				"/api/v1/ledger/entries", "/api/v1/ledger/checkpoints", "/api/v1/role-grants", "/api/v1/tokens", "/api/v1/soa",
				"/api/v1/risk-criteria", "/api/v1/frameworks", "/api/v1/frameworks/" + builtIn() + "/requirements",
				"/api/v1/control-implementations?framework=" + builtIn(), "/api/v1/responsibilities", "/api/v1/responsibilities/gaps",
				"/api/v1/policies/overdue-reviews", "/api/v1/scope/versions");
		for (String uri : filtered) {
			measure(uri, uri, null);
		}
		everyOtherList(someSystem);
	}

	/** Where a list request's time goes: the risk register's first page, 300 times, request threads sampled. */
	private void profileAList() throws Exception {
		SampledProfile profile = SampledProfile.of(name -> name.startsWith("http-nio"), () -> {
			for (int i = 0; i < 300; i++) {
				get("/api/v1/risks");
			}
			return null;
		});
		print("where a risk register page's time goes, request threads:");
		profile.lines().forEach(line -> print("  %s", line));
	}

	/** Paths of the lists measured (without their query). */
	private final java.util.Set<String> measuredPaths = new java.util.TreeSet<>();

	/** The fixed cost of a list request: an empty list, authentication, HTTP and JSON included. */
	private void floor() throws Exception {
		String empty = "/api/v1/gate-policies";
		for (int i = 0; i < 300; i++) {
			get(empty);
		}
		STATEMENTS.set(0);
		JsonNode body = get(empty);
		print("%-58s %5d %s  (%d rows: the floor of any list request)", "floor: " + empty, STATEMENTS.get(), timing(empty),
				body.get("items").size());
	}

	/**
	 * Every other list operation of the API (the OpenAPI document, as the statement-count test walks it),
	 * the modules built later included: a path's record is the first of its parent list; a required
	 * {@code aiSystem} or {@code framework} is a seeded one. Prints which it could not reach.
	 */
	private void everyOtherList(String someSystem) throws Exception {
		JsonNode docs = get("/v3/api-docs");
		List<String> unreached = new ArrayList<>();
		int lists = 0;
		for (var path : docs.get("paths").properties()) {
			JsonNode op = path.getValue().get("get");
			if (op == null || !QueryBudgetTests.answersAList(docs, op)) {
				continue;
			}
			lists++;
			String uri = path.getKey();
			while (uri.contains("{")) {
				int open = uri.indexOf('{');
				String parent = uri.substring(0, open - 1);
				JsonNode list = null;
				try {
					list = parent.contains("{") ? null : get(parent + "?limit=1");
				}
				catch (IllegalStateException notAList) {
					// the parent path is not a list (or needs a parameter): the path is not reached
				}
				JsonNode first = list == null ? null : list.isArray() ? list.path(0) : list.path("items").path(0);
				if (first == null || !first.has("id")) {
					uri = null;
					break;
				}
				uri = parent + "/" + first.get("id").asString() + uri.substring(uri.indexOf('}', open) + 1);
			}
			List<String> query = new ArrayList<>();
			for (JsonNode parameter : op.path("parameters")) {
				if (parameter.path("required").asBoolean(false) && "query".equals(parameter.path("in").asString(""))) {
					switch (parameter.get("name").asString()) {
						case "aiSystem" -> query.add("aiSystem=" + someSystem);
						case "framework" -> query.add("framework=" + builtIn());
						default -> uri = null;
					}
				}
			}
			if (uri == null) {
				unreached.add(path.getKey());
				continue;
			}
			if (!measuredPaths.contains(uri)) {
				try {
					measure(path.getKey(), query.isEmpty() ? uri : uri + "?" + String.join("&", query), null);
				}
				catch (IllegalStateException refused) {
					unreached.add(path.getKey() + " (" + refused.getMessage().lines().findFirst().orElse("") + ")");
				}
			}
		}
		print("list operations in the API: %d; not reached (no record to name, or a required parameter): %s", lists, unreached);
	}

	private String builtInId;

	private String builtIn() throws Exception {
		if (builtInId == null) {
			builtInId = get("/api/v1/frameworks").get("items").get(0).get("id").asString();
		}
		return builtInId;
	}

	/** The cursor of the row at {@code position} in a sort order (the list's own cursor format: sort, id, value). */
	private static String cursorAt(JdbcClient owner, String table, Sort sort, long position) {
		boolean descending = sort.key().startsWith("-");
		String dir = descending ? " DESC" : "";
		Map<String, Object> row = owner.sql("SELECT CAST(id AS VARCHAR) AS id, " + sort.column() + " AS v FROM " + table + " ORDER BY "
				+ sort.column() + dir + ", id" + dir + " OFFSET " + (position - 1) + " LIMIT 1").query().singleRow();
		Object v = row.get("v");
		String value = switch (sort.kind()) {
			case "time" -> ((java.sql.Timestamp) v).toInstant().toString();
			case "date" -> v.toString();
			default -> (String) v;
		};
		String raw = sort.key() + "\n" + row.get("id") + "\n" + value;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private void measure(String label, String uri, String deepCursor) throws Exception {
		measuredPaths.add(uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri);
		String sep = uri.contains("?") ? "&" : "?";
		STATEMENTS.set(0);
		JsonNode first = get(uri);
		long statements = STATEMENTS.get();
		Timing firstPage = timing(uri);
		String page50 = null;
		if (first.has("next")) {
			String after = null;
			int walked = 0;
			while (walked < 2_450) {
				JsonNode page = get(uri + sep + "limit=490" + (after == null ? "" : "&after=" + after));
				walked += page.get("items").size();
				if (page.get("next").isNull()) {
					break;
				}
				after = page.get("next").asString();
			}
			page50 = walked >= 2_450 ? after : null;
		}
		Timing fifty = page50 == null ? null : timing(uri + sep + "after=" + page50);
		Timing deep = deepCursor == null ? null : timing(uri + sep + "after=" + deepCursor);
		print("%-58s %5d %s %s %s", label.length() > 58 ? label.substring(0, 58) : label, statements, firstPage, fifty == null ? Timing.NONE : fifty,
				deep == null ? Timing.NONE : deep);
	}

	/**
	 * Request p50 and p95; the page statement's time inside the request (p50, whole ms) and re-run raw
	 * (p50); and every statement of the request re-run raw in one transaction (p50), ms.
	 */
	record Timing(double p50, double p95, double sql, double raw, double all) {

		static final String NONE = String.format("%8s %8s %11s %7s %6s", "—", "—", "—", "—", "—");

		@Override
		public String toString() {
			return String.format("%8.2f %8.2f %11s %7.2f %6s", p50, p95,
					Double.isNaN(raw) ? "—" : String.format("%.0f/%.2f", Double.isNaN(sql) ? 0 : sql, raw), all,
					String.format("%.1f×", p50 / all));
		}
	}

	/**
	 * p50 and p95 of the request (ms); p50 of its page statement re-run over plain JDBC; p50 of all the
	 * statements the request ran, re-run in the same order over plain JDBC in one transaction.
	 */
	private Timing timing(String uri) throws Exception {
		for (int i = 0; i < 3; i++) {
			get(uri);
		}
		List<Double> times = new ArrayList<>();
		List<Double> inRequest = new ArrayList<>();
		PAGE_QUERY.set(null);
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			get(uri);
			times.add((System.nanoTime() - t) / 1e6);
			Object[] ran = PAGE_QUERY.get();
			if (ran != null) {
				inRequest.add(((Long) ran[2]).doubleValue());
			}
		}
		Object[] page = PAGE_QUERY.get();
		REQUEST_STATEMENTS.clear();
		get(uri);
		List<Ran> statements = new ArrayList<>(REQUEST_STATEMENTS);
		double raw = Double.NaN;
		if (page != null) {
			List<Double> rawTimes = new ArrayList<>();
			try (Connection c = plain().getConnection()) {
				for (int i = 0; i < RUNS + 3; i++) {
					long t = System.nanoTime();
					try (PreparedStatement ps = c.prepareStatement((String) page[0])) {
						// Planned for its values at every run, as the literal query would be (no server-side generic plan).
						ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
						for (Object a : (List<?>) page[1]) {
							Object[] args = (Object[]) a;
							ps.setObject((Integer) args[0], args[1]);
						}
						readAll(ps.executeQuery());
					}
					if (i >= 3) {
						rawTimes.add((System.nanoTime() - t) / 1e6);
					}
				}
			}
			raw = percentile(rawTimes, 50);
		}
		return new Timing(percentile(times, 50), percentile(times, 95), percentile(inRequest, 50), raw, replay(statements));
	}

	/**
	 * The statements of a request re-run raw: in order, on one pooled connection, in one transaction
	 * (rolled back, so a write in them repeats nothing), parameters set by the same calls; p50 of 20 runs, ms.
	 */
	private double replay(List<Ran> statements) throws Exception {
		List<Double> times = new ArrayList<>();
		try (Connection c = plain().getConnection()) {
			c.setAutoCommit(false);
			for (int i = 0; i < RUNS + 3; i++) {
				long t = System.nanoTime();
				for (Ran r : statements) {
					try (PreparedStatement ps = c.prepareStatement(r.sql())) {
						for (ParameterSetOperation op : r.parameters()) {
							op.getMethod().invoke(ps, op.getArgs());
						}
						if (ps.execute()) {
							readAll(ps.getResultSet());
						}
					}
				}
				c.rollback();
				if (i >= 3) {
					times.add((System.nanoTime() - t) / 1e6);
				}
			}
			c.setAutoCommit(true);
		}
		return percentile(times, 50);
	}

	private static void readAll(ResultSet results) throws Exception {
		try (ResultSet rs = results) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int col = 1; col <= columns; col++) {
					rs.getObject(col);
				}
			}
		}
	}

	/** The application's connection pool without the statement recording around it. */
	private DataSource plain() throws Exception {
		return dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class) ? dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class)
				: dataSource;
	}

	// --- search, heat map, SoA -----------------------------------------------------------------------------

	private void search() throws Exception {
		for (String q : List.of(LargeOrganization.RARE_WORD, "drift", "RISK-777777", "qqqqqqqq")) {
			String uri = "/api/v1/risks?q=" + q;
			STATEMENTS.set(0);
			JsonNode page = get(uri);
			long statements = STATEMENTS.get();
			print("%-58s %5d %s  (%d on the first page)", "search " + uri, statements, timing(uri), page.get("items").size());
		}
	}

	private void heatMapAndSoa() throws Exception {
		for (String uri : List.of("/api/v1/risks/heatmap?kind=INHERENT", "/api/v1/risks/heatmap?kind=RESIDUAL",
				"/api/v1/risks/heatmap?kind=INHERENT&category=bias")) {
			STATEMENTS.set(0);
			get(uri);
			print("%-58s %5d %s", uri, STATEMENTS.get(), timing(uri));
		}
		String soa = get("/api/v1/soa").get(0).get("id").asString();
		STATEMENTS.set(0);
		JsonNode view = get("/api/v1/soa/" + soa);
		long selected = 0;
		for (JsonNode e : view.get("entries")) {
			selected += e.get("selectedByCount").asLong();
		}
		print("%-58s %5d %s  (%d selections counted, %d bytes)", "/api/v1/soa/{id}", STATEMENTS.get(), timing("/api/v1/soa/" + soa),
				selected, json.writeValueAsBytes(view).length);
		print("%-58s %5s %s", "/api/v1/soa (list)", "", timing("/api/v1/soa"));
	}

	// --- exports -------------------------------------------------------------------------------------------

	private void exports() throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong peak = new AtomicLong();
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		sampler.start();
		long t = System.nanoTime();
		HttpResponse<InputStream> csv = http.send(request("/api/v1/risks/export?format=csv").build(), HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		long lines = 0;
		double firstByte = -1;
		try (InputStream in = csv.body()) {
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) > 0) {
				if (firstByte < 0) {
					firstByte = (System.nanoTime() - t) / 1e9;
				}
				bytes += n;
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		double csvSeconds = (System.nanoTime() - t) / 1e9;
		print("risk register CSV: HTTP %d, %d lines, %.1f MB, first byte after %.2f s, all in %.1f s; heap used before %d MB, peak %d MB",
				csv.statusCode(), lines, bytes / 1e6, firstByte, csvSeconds, before >> 20, peak.get() >> 20);

		peak.set(0);
		t = System.nanoTime();
		HttpResponse<String> started = http.send(request("/api/v1/risks/export?format=xlsx").build(), HttpResponse.BodyHandlers.ofString());
		JsonNode job = json.readTree(started.body());
		String id = job.get("id").asString();
		while (!List.of("DONE", "FAILED").contains(job.get("status").asString())) {
			Thread.sleep(1000);
			job = get("/api/v1/exports/" + id);
		}
		double xlsxSeconds = (System.nanoTime() - t) / 1e9;
		print("risk register XLSX job: HTTP %d then %s, %d rows, %.1f MB, in %.1f s; heap peak %d MB", started.statusCode(),
				job.get("status").asString(), job.get("rowsDone").asLong(), job.path("fileSize").asLong() / 1e6, xlsxSeconds, peak.get() >> 20);
		HttpResponse<String> pdf = http.send(request("/api/v1/risks/export?format=pdf").build(), HttpResponse.BodyHandlers.ofString());
		print("risk register PDF: HTTP %d (%s)", pdf.statusCode(), json.readTree(pdf.body()).path("detail").asString(""));
		t = System.nanoTime();
		HttpResponse<InputStream> systems = http.send(request("/api/v1/ai-systems/export").build(), HttpResponse.BodyHandlers.ofInputStream());
		long systemBytes;
		try (InputStream in = systems.body()) {
			systemBytes = in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		print("AI systems CSV: HTTP %d, %.1f MB in %.1f s; heap peak %d MB", systems.statusCode(), systemBytes / 1e6,
				(System.nanoTime() - t) / 1e9, peak.get() >> 20);
		sampling.set(false);
		sampler.join();
	}

	// --- writes --------------------------------------------------------------------------------------------

	private void writes() throws Exception {
		JdbcClient owner = TestDatabase.owner(context);
		List<String> vendors = owner.sql("SELECT CAST(id AS VARCHAR) FROM vendors ORDER BY name LIMIT 400").query(String.class).list();
		int clients = 4;
		Duration length = Duration.ofSeconds(20);
		long ledgerBefore = owner.sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single();
		// Where a write's time goes: one vendor change alone, statement by statement.
		String probe = vendors.get(vendors.size() - 1);
		for (int i = 0; i < 20; i++) {
			http.send(request("/api/v1/vendors/" + probe).PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name",
					"Vendor probed " + i, "dueDiligenceStatus", "IN_PROGRESS")))).header("Content-Type", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
		}
		Thread.sleep(1000);
		STATEMENTS.set(0);
		List<Double> alone = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			long t = System.nanoTime();
			http.send(request("/api/v1/vendors/" + probe).PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name",
					"Vendor probe " + i, "dueDiligenceStatus", "IN_PROGRESS")))).header("Content-Type", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
			alone.add((System.nanoTime() - t) / 1e6);
		}
		Thread.sleep(2000);
		print("vendor PUT from one client: p50 %.1f ms, p95 %.1f ms; %.1f SQL statements per write, ledger append included",
				percentile(alone, 50), percentile(alone, 95), STATEMENTS.get() / 50.0);
		// Where those milliseconds go: the request threads sampled over 200 more writes from one client.
		SampledProfile profile = SampledProfile.of(name -> name.startsWith("http-nio"), () -> {
			for (int i = 0; i < 200; i++) {
				http.send(request("/api/v1/vendors/" + probe).PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name",
						"Vendor profiled " + i, "dueDiligenceStatus", "IN_PROGRESS")))).header("Content-Type", "application/json").build(),
						HttpResponse.BodyHandlers.ofString());
			}
			return null;
		});
		print("where a vendor write's time goes, request threads:");
		profile.lines().forEach(line -> print("  %s", line));
		Thread.sleep(2000);
		ledgerBefore = owner.sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single();
		ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch done = new CountDownLatch(clients);
		Instant end = Instant.now().plus(length);
		for (int c = 0; c < clients; c++) {
			int client = c;
			pool.submit(() -> {
				int i = 0;
				while (Instant.now().isBefore(end)) {
					String id = vendors.get((client * 100 + i++ % 100) % vendors.size());
					long t = System.nanoTime();
					try {
						HttpResponse<String> answer = http.send(request("/api/v1/vendors/" + id).PUT(HttpRequest.BodyPublishers.ofString(
								json.writeValueAsString(Map.of("name", "Vendor changed " + client + "-" + i + "-" + UUID.randomUUID(),
										"dueDiligenceStatus", "IN_PROGRESS", "services", "run " + i))))
							.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
						if (answer.statusCode() != 200) {
							failures.incrementAndGet();
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
					latencies.add((System.nanoTime() - t) / 1e6);
				}
				done.countDown();
			});
		}
		done.await();
		pool.shutdown();
		List<Double> all = new ArrayList<>(latencies);
		long ledgerAtEnd = owner.sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single();
		Instant caughtUp = Instant.now();
		long ledgerNow = ledgerAtEnd;
		while (ledgerNow - ledgerBefore < all.size() - failures.get() && Duration.between(caughtUp, Instant.now()).toSeconds() < 120) {
			Thread.sleep(200);
			ledgerNow = owner.sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single();
		}
		double lagSeconds = Duration.between(caughtUp, Instant.now()).toMillis() / 1000.0;
		print("vendor PUT from %d clients for %d s: %d requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, %d refused or failed", clients,
				length.toSeconds(), all.size(), all.size() / (double) length.toSeconds(), percentile(all, 50), percentile(all, 95), failures.get());
		print("ledger: %d entries behind the acknowledged writes at the end, caught up %.1f s later (%d entries)",
				Math.max(0, all.size() - failures.get() - (ledgerAtEnd - ledgerBefore)), lagSeconds, ledgerNow - ledgerBefore);

		owner.sql("DROP TABLE IF EXISTS bench_writes").update();
		owner.sql("CREATE TABLE bench_writes (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL)").update();
		AtomicLong inserted = new AtomicLong();
		ExecutorService raw = Executors.newFixedThreadPool(clients);
		CountDownLatch rawDone = new CountDownLatch(clients);
		Instant rawEnd = Instant.now().plusSeconds(10);
		for (int c = 0; c < clients; c++) {
			raw.submit(() -> {
				try (Connection connection = TestDatabase.ownerConnection(context)) {
					connection.setAutoCommit(false);
					try (PreparedStatement ps = connection.prepareStatement("INSERT INTO bench_writes (id, name, at) VALUES (?, ?, now())")) {
						while (Instant.now().isBefore(rawEnd)) {
							ps.setObject(1, UUID.randomUUID());
							ps.setString(2, "row");
							ps.executeUpdate();
							connection.commit();
							inserted.incrementAndGet();
						}
					}
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				finally {
					rawDone.countDown();
				}
			});
		}
		rawDone.await();
		raw.shutdown();
		print("raw single-row insert transactions from %d JDBC clients, same run: %.0f/s", clients, inserted.get() / 10.0);
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private HttpRequest.Builder request(String uri) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri.replace(" ", "%20")))
			.timeout(Duration.ofMinutes(10))
			.header("Authorization", admin.bearer());
	}

	private JsonNode get(String uri) throws Exception {
		HttpResponse<String> answer = http.send(request(uri).build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return json.readTree(answer.body());
	}

	static double percentile(List<Double> values, int p) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static void print(String format, Object... args) {
		System.out.println("[scale] " + String.format(format, args));
	}
}
