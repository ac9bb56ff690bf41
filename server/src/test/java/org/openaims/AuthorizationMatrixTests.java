package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openaims.AuthorizationMatrix.Row;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.internal.SignInThrottle;
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Checks every cell of the {@link AuthorizationMatrix} against the application: each REST operation
 * and each form post, anonymously and as a user of each role, on the caller's own record and on
 * someone else's. A cell that allows sends a valid request and asserts the success status and the
 * state change (a write adds to the ledger, where every change is recorded; a read changes
 * nothing); a cell that refuses asserts the refusal and that nothing changed. An operation the
 * application has but the matrix lacks (or the other way round) fails the build.
 */
@SpringBootTest(properties = { "aims.test.context=authorization-matrix", "aims.ledger.auto-checkpoint=false" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** A user of each role, acting in the cells; and the fixtures' own actors. */
	private final Map<String, TestUser> as = new HashMap<>();

	private TestUser admin;

	private TestUser approver;

	private TestUser requester;

	private String builtInFramework;

	private final AtomicInteger serial = new AtomicInteger();

	/** Who acts in a cell: a role's user, or nobody. */
	record Who(String principal, TestUser user) {

		boolean anonymous() {
			return user == null;
		}

		String name() {
			return user == null ? null : user.username();
		}
	}

	/** A request to make in a cell, and the state it may change (besides the ledger). */
	record Cell(Supplier<MvcTestResult> call, Supplier<String> state) {

		Cell(Supplier<MvcTestResult> call) {
			this(call, () -> "");
		}
	}

	interface Scenario {

		/** Prepares the records the cell works on ({@code own}: the acting user's) and the request. */
		Cell prepare(Who who, boolean own);
	}

	record Operation(boolean reads, Scenario scenario) {
	}

	private final Map<String, Operation> operations = new LinkedHashMap<>();

	@BeforeAll
	void setUp() {
		for (String principal : AuthorizationMatrix.PRINCIPALS) {
			if (!principal.equals("anonymous")) {
				as.put(principal, users.create(Role.valueOf(principal)));
			}
		}
		admin = users.create(Role.ADMIN);
		approver = users.create(Role.APPROVER);
		requester = users.create(Role.AIMS_MANAGER);
		builtInFramework = api.body(api.get(admin, "/api/v1/frameworks"), HttpStatus.OK).get("items").get(0).get("id").asString();
		criteriaInForce();
		scenarios();
	}

	@Test
	void everyOperationOfTheApiAndEveryFormPostHasARowAndEveryRowAnOperation() {
		Set<String> live = new TreeSet<>();
		JsonNode docs = api.body(api.get(admin, "/v3/api-docs"), HttpStatus.OK);
		docs.get("paths").properties().forEach(path -> path.getValue().properties()
			.forEach(method -> live.add(method.getKey().toUpperCase() + " " + path.getKey())));
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				info.getPatternValues().stream().filter(p -> !p.startsWith("/api/")).forEach(p -> live.add("POST " + p));
			}
		});
		Set<String> tabled = new TreeSet<>();
		AuthorizationMatrix.rows().forEach(r -> tabled.add(r.operation()));
		Set<String> missing = new TreeSet<>(live);
		missing.removeAll(tabled);
		Set<String> stale = new TreeSet<>(tabled);
		stale.removeAll(live);
		assertThat(missing).as("operations without a row in AuthorizationMatrix").isEmpty();
		assertThat(stale).as("rows of AuthorizationMatrix for operations the application does not have").isEmpty();
		Set<String> untested = new TreeSet<>();
		AuthorizationMatrix.rows().forEach(r -> {
			if (!operations.containsKey(r.operation())) {
				untested.add(r.operation());
			}
		});
		assertThat(untested).as("rows without a scenario in AuthorizationMatrixTests").isEmpty();
	}

	@Test
	void docsSecurityShowsThisMatrix() throws Exception {
		String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "SECURITY.md"));
		for (String line : AuthorizationMatrix.TABLE.split("\n")) {
			if (!line.isBlank()) {
				assertThat(doc).as("docs/SECURITY.md shows the matrix row").contains(line.strip());
			}
		}
	}

	@Test
	void everyCellHasItsExpectedOutcome() {
		List<String> failures = new ArrayList<>();
		int cells = 0;
		for (Row row : AuthorizationMatrix.rows()) {
			Operation operation = operations.get(row.operation());
			if (operation == null) {
				continue;
			}
			for (String principal : AuthorizationMatrix.PRINCIPALS) {
				Who who = new Who(principal, as.get(principal));
				String expected = row.expected().get(principal);
				cells++;
				try {
					check(row, operation, who, expected);
				}
				catch (AssertionError | RuntimeException e) {
					failures.add(row.key() + " as " + principal + ": " + firstLine(e));
				}
			}
		}
		assertThat(failures).as(failures.size() + " of " + cells + " cells differ from AuthorizationMatrix").isEmpty();
	}

	private void check(Row row, Operation operation, Who who, String expected) {
		Cell cell = operation.scenario().prepare(who, row.scope().equals("own"));
		String before = state(cell);
		MvcTestResult result = cell.call().get();
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		boolean toLogin = status == 302 && location != null && location.endsWith("/login");
		String actual = toLogin ? "login" : String.valueOf(status);
		if (!actual.equals(expected)) {
			throw new AssertionError("expected " + expected + " but was " + actual + (location == null ? "" : " -> " + location)
					+ detail(result));
		}
		String after = state(cell);
		boolean allowed = expected.startsWith("2") || (expected.equals("302") && !toLogin);
		if (allowed && !operation.reads()) {
			if (before.equals(after)) {
				throw new AssertionError("allowed with " + actual + " but nothing changed" + detail(result));
			}
			// A form that answered with an error message instead of doing its work is not a success.
			Object error = result.getMvcResult().getFlashMap().get("flashError");
			if (error != null) {
				throw new AssertionError("redirected with the error: " + error);
			}
		}
		else if (!before.equals(after)) {
			throw new AssertionError((allowed ? "a read" : "refused with " + actual) + " but the state changed");
		}
	}

	/** The ledger's size once every event is recorded, and what the cell watches besides. */
	private String state(Cell cell) {
		LedgerTestSupport.awaitRecorded(jdbc);
		return jdbc.sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single() + "|" + cell.state().get();
	}

	private static String detail(MvcTestResult result) {
		try {
			String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			return body.isBlank() ? "" : " (" + (body.length() > 300 ? body.substring(0, 300) : body).replaceAll("\\s+", " ") + ")";
		}
		catch (Exception e) {
			return "";
		}
	}

	private static String firstLine(Throwable e) {
		String message = String.valueOf(e.getMessage()).strip();
		return e.getClass().getSimpleName() + ": " + (message.length() > 500 ? message.substring(0, 500) : message);
	}

	// --- the scenarios: for every operation, the records it works on and a valid request ------------------------

	private void read(String operation, Scenario scenario) {
		operations.put(operation, new Operation(true, scenario));
	}

	private void write(String operation, Scenario scenario) {
		operations.put(operation, new Operation(false, scenario));
	}

	/** The same prepared target for every cell of a read. */
	private void reads(String operation, Supplier<String> uri) {
		String[] cached = new String[1];
		read(operation, (who, own) -> {
			if (cached[0] == null) {
				cached[0] = uri.get();
			}
			return new Cell(() -> get(who, cached[0]));
		});
	}

	private void scenarios() {
		// identity
		write("POST /api/v1/auth/token", (who, own) -> {
			TestUser owner = who.anonymous() ? users.create(Role.VIEWER) : who.user();
			return new Cell(() -> call(who, mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content(api.write(Map.of("username", owner.username(), "password", TestUsers.PASSWORD)))));
		});
		reads("GET /api/v1/tokens", () -> "/api/v1/tokens");
		write("POST /api/v1/tokens", (who, own) -> new Cell(() -> post(who, "/api/v1/tokens", Map.of("name", "matrix"))));
		write("DELETE /api/v1/tokens/{id}", (who, own) -> {
			String id = token(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> delete(who, "/api/v1/tokens/" + id));
		});
		read("GET /api/v1/exports/{id}", (who, own) -> {
			String id = finishedExport(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> get(who, "/api/v1/exports/" + id));
		});
		read("GET /api/v1/exports/{id}/file", (who, own) -> {
			String id = finishedExport(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> get(who, "/api/v1/exports/" + id + "/file"));
		});
		reads("GET /api/v1/users", () -> "/api/v1/users");
		reads("GET /api/v1/users/{id}", () -> "/api/v1/users/" + userId(as.get("VIEWER").username()));
		write("POST /api/v1/users", (who, own) -> new Cell(() -> post(who, "/api/v1/users",
				Map.of("username", "matrix-" + next(), "password", "violet-harbour-lantern", "roles", List.of("VIEWER")))));
		write("PUT /api/v1/users/{id}", (who, own) -> {
			String id = userId(users.create(Role.VIEWER).username());
			return new Cell(() -> put(who, "/api/v1/users/" + id, Map.of("roles", List.of("AUDITOR"), "enabled", true)));
		});
		write("POST /api/v1/users/{id}/password", (who, own) -> {
			String id = userId(users.create(Role.VIEWER).username());
			return new Cell(() -> post(who, "/api/v1/users/" + id + "/password", Map.of("password", "violet-harbour-lantern")));
		});
		reads("GET /api/v1/role-grants", () -> "/api/v1/role-grants");
		reads("GET /api/v1/security-log", () -> "/api/v1/security-log");
		reads("GET /api/v1/sign-in-lockouts", () -> "/api/v1/sign-in-lockouts");
		write("DELETE /api/v1/sign-in-lockouts/{id}", (who, own) -> {
			UUID id = lockout();
			return new Cell(() -> delete(who, "/api/v1/sign-in-lockouts/" + id), () -> lockouts(id));
		});

		// AI systems, vendors, scope
		reads("GET /api/v1/ai-systems", () -> "/api/v1/ai-systems");
		reads("GET /api/v1/ai-systems/export", () -> "/api/v1/ai-systems/export");
		reads("GET /api/v1/ai-systems/{id}", () -> "/api/v1/ai-systems/" + system(admin.username()));
		reads("GET /api/v1/ai-systems/{id}/history", () -> "/api/v1/ai-systems/" + system(admin.username()) + "/history");
		write("POST /api/v1/ai-systems", (who, own) -> new Cell(() -> post(who, "/api/v1/ai-systems", systemBody(ownerOf(who)))));
		write("POST /api/v1/ai-systems/import", (who, own) -> new Cell(() -> postBytes(who, "/api/v1/ai-systems/import", "text/csv",
				systemCsv())));
		write("PUT /api/v1/ai-systems/{id}", (who, own) -> {
			String owner = owner(who, own);
			String id = system(owner);
			Map<String, Object> body = new HashMap<>(systemBody(owner));
			body.put("description", "changed");
			body.put("name", "System " + id);
			return new Cell(() -> put(who, "/api/v1/ai-systems/" + id, body));
		});
		write("POST /api/v1/ai-systems/{id}/retire", (who, own) -> {
			String id = system(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/ai-systems/" + id + "/retire", Map.of("reason", "replaced")));
		});
		write("POST /api/v1/ai-systems/{id}/versions", (who, own) -> {
			String id = system(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/ai-systems/" + id + "/versions", Map.of("label", "2.0")));
		});
		reads("GET /api/v1/vendors", () -> "/api/v1/vendors");
		reads("GET /api/v1/vendors/export", () -> "/api/v1/vendors/export");
		reads("GET /api/v1/vendors/{id}", () -> "/api/v1/vendors/" + vendor());
		reads("GET /api/v1/vendors/{id}/history", () -> "/api/v1/vendors/" + vendor() + "/history");
		write("POST /api/v1/vendors", (who, own) -> new Cell(() -> post(who, "/api/v1/vendors", vendorBody())));
		write("POST /api/v1/vendors/import", (who, own) -> new Cell(() -> postBytes(who, "/api/v1/vendors/import", "text/csv",
				("name,due_diligence_status\nImported vendor " + next() + ",IN_PROGRESS\n").getBytes(StandardCharsets.UTF_8))));
		write("PUT /api/v1/vendors/{id}", (who, own) -> {
			String id = vendor();
			Map<String, Object> body = new HashMap<>(vendorBody());
			body.put("services", "changed");
			return new Cell(() -> put(who, "/api/v1/vendors/" + id, body));
		});
		write("POST /api/v1/vendors/{id}/retire", (who, own) -> {
			String id = vendor();
			return new Cell(() -> post(who, "/api/v1/vendors/" + id + "/retire", Map.of("reason", "contract ended")));
		});
		reads("GET /api/v1/scope", () -> {
			scope();
			return "/api/v1/scope";
		});
		reads("GET /api/v1/scope/history", () -> "/api/v1/scope/history");
		reads("GET /api/v1/scope/versions", () -> "/api/v1/scope/versions");
		reads("GET /api/v1/scope/versions/{versionNo}", () -> "/api/v1/scope/versions/1");
		write("PUT /api/v1/scope", (who, own) -> new Cell(() -> put(who, "/api/v1/scope", scopeBody())));
		write("POST /api/v1/scope/versions/{versionNo}/submit", (who, own) -> {
			int version = scopeDraft();
			return new Cell(() -> post(who, "/api/v1/scope/versions/" + version + "/submit", Map.of()));
		});

		// approvals
		reads("GET /api/v1/approvals", () -> "/api/v1/approvals");
		reads("GET /api/v1/approvals/export", () -> "/api/v1/approvals/export");
		reads("GET /api/v1/approvals/inbox", () -> "/api/v1/approvals/inbox");
		reads("GET /api/v1/approvals/{id}", () -> "/api/v1/approvals/" + pendingApproval(requester));
		write("POST /api/v1/approvals/{id}/decisions", (who, own) -> {
			String id = pendingApproval(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> post(who, "/api/v1/approvals/" + id + "/decisions", Map.of("decision", "APPROVE")));
		});
		write("POST /api/v1/approvals/{id}/withdraw", (who, own) -> {
			String id = pendingApproval(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> post(who, "/api/v1/approvals/" + id + "/withdraw", Map.of("reason", "not yet")));
		});

		// policies
		reads("GET /api/v1/policies", () -> "/api/v1/policies");
		reads("GET /api/v1/policies/export", () -> "/api/v1/policies/export");
		reads("GET /api/v1/policies/overdue-reviews", () -> "/api/v1/policies/overdue-reviews");
		reads("GET /api/v1/policies/{id}", () -> "/api/v1/policies/" + policy(admin.username()));
		reads("GET /api/v1/policies/{id}/acknowledgements", () -> "/api/v1/policies/" + publishedPolicy(admin.username())
				+ "/acknowledgements");
		reads("GET /api/v1/policies/{id}/diff", () -> "/api/v1/policies/" + publishedPolicy(admin.username()) + "/diff?from=1&to=1");
		reads("GET /api/v1/policies/{id}/history", () -> "/api/v1/policies/" + policy(admin.username()) + "/history");
		reads("GET /api/v1/policies/{id}/versions/{no}", () -> "/api/v1/policies/" + policy(admin.username()) + "/versions/1");
		reads("GET /api/v1/policies/{id}/versions/{no}/file", () -> {
			String id = policy(admin.username());
			api.body(api.upload(admin, "/api/v1/policies/" + id + "/versions/1/file", "file", "policy.pdf", "application/pdf",
					"%PDF-1.4 matrix".getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
			return "/api/v1/policies/" + id + "/versions/1/file";
		});
		write("POST /api/v1/policies", (who, own) -> new Cell(() -> post(who, "/api/v1/policies", policyBody(ownerOf(who)))));
		write("PUT /api/v1/policies/{id}", (who, own) -> {
			String owner = owner(who, own);
			String id = policy(owner);
			JsonNode current = api.body(api.get(admin, "/api/v1/policies/" + id), HttpStatus.OK);
			return new Cell(() -> put(who, "/api/v1/policies/" + id, Map.of("title", current.get("title").asString(), "owner", owner,
					"reviewIntervalMonths", 6, "approvalsRequired", 1)));
		});
		write("POST /api/v1/policies/{id}/rename", (who, own) -> {
			String id = publishedPolicy(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/policies/" + id + "/rename", Map.of("title", "Renamed " + next())));
		});
		write("POST /api/v1/policies/{id}/retire", (who, own) -> {
			String id = publishedPolicy(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/policies/" + id + "/retire", Map.of("reason", "superseded")));
		});
		write("POST /api/v1/policies/{id}/versions", (who, own) -> {
			String id = publishedPolicy(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/policies/" + id + "/versions", Map.of()));
		});
		write("PUT /api/v1/policies/{id}/versions/{no}", (who, own) -> {
			String id = policy(owner(who, own));
			return new Cell(() -> put(who, "/api/v1/policies/" + id + "/versions/1", Map.of("body", "# Changed", "changeSummary", "x")));
		});
		write("POST /api/v1/policies/{id}/versions/{no}/file", (who, own) -> {
			String id = policy(owner(who, own));
			return new Cell(() -> upload(who, "/api/v1/policies/" + id + "/versions/1/file", "file", "policy-" + next() + ".pdf",
					("%PDF-1.4 " + next()).getBytes(StandardCharsets.UTF_8)));
		});
		write("POST /api/v1/policies/{id}/versions/{no}/submit", (who, own) -> {
			String id = policy(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/policies/" + id + "/versions/1/submit", Map.of()));
		});
		write("POST /api/v1/policies/{id}/versions/{no}/publish", (who, own) -> {
			String id = approvedPolicy(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/policies/" + id + "/versions/1/publish", Map.of()));
		});
		write("POST /api/v1/policies/{id}/acknowledgements", (who, own) -> {
			String id = publishedPolicy(admin.username());
			return new Cell(() -> post(who, "/api/v1/policies/" + id + "/acknowledgements", Map.of()));
		});

		// RACI, objectives, concerns
		reads("GET /api/v1/responsibilities", () -> "/api/v1/responsibilities");
		reads("GET /api/v1/responsibilities/export", () -> "/api/v1/responsibilities/export");
		reads("GET /api/v1/responsibilities/gaps", () -> "/api/v1/responsibilities/gaps");
		reads("GET /api/v1/responsibilities/{type}/{ref}", () -> "/api/v1/responsibilities/AI_SYSTEM/" + system(admin.username()));
		reads("GET /api/v1/responsibilities/{type}/{ref}/history",
				() -> "/api/v1/responsibilities/AI_SYSTEM/" + system(admin.username()) + "/history");
		write("PUT /api/v1/responsibilities/{type}/{ref}", (who, own) -> {
			String id = system(owner(who, own));
			return new Cell(() -> put(who, "/api/v1/responsibilities/AI_SYSTEM/" + id, Map.of("assignments",
					List.of(Map.of("letter", "A", "assigneeType", "USER", "assignee", admin.username(), "humanOversight", true)))));
		});
		reads("GET /api/v1/objectives", () -> "/api/v1/objectives");
		reads("GET /api/v1/objectives/export", () -> "/api/v1/objectives/export");
		reads("GET /api/v1/objectives/{id}", () -> "/api/v1/objectives/" + objective(admin.username()));
		reads("GET /api/v1/objectives/{id}/history", () -> "/api/v1/objectives/" + objective(admin.username()) + "/history");
		write("POST /api/v1/objectives", (who, own) -> new Cell(() -> post(who, "/api/v1/objectives", objectiveBody(ownerOf(who)))));
		write("PUT /api/v1/objectives/{id}", (who, own) -> {
			String owner = owner(who, own);
			String id = objective(owner);
			Map<String, Object> body = new HashMap<>(objectiveBody(owner));
			body.put("target", "changed");
			return new Cell(() -> put(who, "/api/v1/objectives/" + id, body));
		});
		write("POST /api/v1/objectives/{id}/progress", (who, own) -> {
			String id = objective(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/objectives/" + id + "/progress", Map.of("value", "0.81")));
		});
		reads("GET /api/v1/concerns", () -> "/api/v1/concerns");
		reads("GET /api/v1/concerns/export", () -> "/api/v1/concerns/export");
		read("GET /api/v1/concerns/{id}", (who, own) -> {
			String id = concern(reporter(who, own));
			return new Cell(() -> get(who, "/api/v1/concerns/" + id));
		});
		read("GET /api/v1/concerns/{id}/history", (who, own) -> {
			String id = concern(reporter(who, own));
			return new Cell(() -> get(who, "/api/v1/concerns/" + id + "/history"));
		});
		write("POST /api/v1/concerns", (who, own) -> new Cell(() -> post(who, "/api/v1/concerns",
				Map.of("summary", "Matrix concern " + next(), "description", "d"))));
		write("POST /api/v1/concerns/{id}/notes", (who, own) -> {
			String id = concern(reporter(who, own));
			return new Cell(() -> post(who, "/api/v1/concerns/" + id + "/notes", Map.of("note", "more")));
		});
		write("POST /api/v1/concerns/{id}/triage", (who, own) -> {
			String id = concern(reporter(who, own));
			return new Cell(() -> post(who, "/api/v1/concerns/" + id + "/triage", Map.of("status", "TRIAGED", "note", "seen")));
		});
		write("POST /api/v1/public/concerns", (who, own) -> new Cell(() -> call(who, mvc.post().uri("/api/v1/public/concerns")
			.contentType(MediaType.APPLICATION_JSON).content(api.write(Map.of("summary", "Anonymous " + next(), "description", "d"))))));
		read("POST /api/v1/public/concerns/follow", (who, own) -> {
			String receipt = receipt();
			return new Cell(() -> call(who, mvc.post().uri("/api/v1/public/concerns/follow").contentType(MediaType.APPLICATION_JSON)
				.content(api.write(Map.of("receipt", receipt)))));
		});
		write("POST /api/v1/public/concerns/notes", (who, own) -> {
			String receipt = receipt();
			return new Cell(() -> call(who, mvc.post().uri("/api/v1/public/concerns/notes").contentType(MediaType.APPLICATION_JSON)
				.content(api.write(Map.of("receipt", receipt, "note", "more")))));
		});

		// catalog, SoA
		reads("GET /api/v1/frameworks", () -> "/api/v1/frameworks");
		reads("GET /api/v1/frameworks/{id}", () -> "/api/v1/frameworks/" + builtInFramework);
		reads("GET /api/v1/frameworks/{id}/requirements", () -> "/api/v1/frameworks/" + builtInFramework + "/requirements");
		reads("GET /api/v1/frameworks/{id}/requirements/{ref}", () -> "/api/v1/frameworks/" + builtInFramework + "/requirements/A.2.2");
		write("POST /api/v1/frameworks", (who, own) -> new Cell(() -> postBytes(who, "/api/v1/frameworks", "application/yaml",
				frameworkYaml("f" + next()))));
		write("DELETE /api/v1/frameworks/{id}", (who, own) -> {
			String id = api.body(api.postBytes(admin, "/api/v1/frameworks", "application/yaml", frameworkYaml("d" + next())),
					HttpStatus.CREATED).get("id").asString();
			return new Cell(() -> delete(who, "/api/v1/frameworks/" + id + "?reason=imported%20by%20mistake"));
		});
		reads("GET /api/v1/mappings", () -> "/api/v1/mappings?framework=iso42001-2023&ref=A.2.2");
		reads("GET /api/v1/mappings/sets", () -> "/api/v1/mappings/sets");
		write("POST /api/v1/mappings", (who, own) -> new Cell(() -> postBytes(who, "/api/v1/mappings", "application/yaml",
				mappingYaml("m" + next()))));
		reads("GET /api/v1/soa", () -> "/api/v1/soa");
		reads("GET /api/v1/soa/{id}", () -> "/api/v1/soa/" + soa());
		reads("GET /api/v1/soa/{id}/diff", () -> "/api/v1/soa/" + soa() + "/diff?from=1&to=1");
		reads("GET /api/v1/soa/{id}/export", () -> "/api/v1/soa/" + soa() + "/export?format=csv");
		reads("GET /api/v1/soa/{id}/history", () -> "/api/v1/soa/" + soa() + "/history");
		write("POST /api/v1/soa", (who, own) -> {
			String framework = framework();
			return new Cell(() -> post(who, "/api/v1/soa", Map.of("frameworkId", framework)));
		});
		write("PATCH /api/v1/soa/{id}/entries", (who, own) -> {
			String id = soa();
			String requirement = soaRequirement(id);
			return new Cell(() -> patch(who, "/api/v1/soa/" + id + "/entries", Map.of("entries", List.of(Map.of("requirementId",
					requirement, "applicable", true, "justification", "needed " + next(), "status", "PLANNED")))));
		});
		write("POST /api/v1/soa/{id}/submit", (who, own) -> {
			String id = soa();
			String requirement = soaRequirement(id);
			api.body(api.patch(admin, "/api/v1/soa/" + id + "/entries", Map.of("entries", List.of(Map.of("requirementId", requirement,
					"applicable", true, "justification", "needed", "status", "PLANNED")))), HttpStatus.OK);
			return new Cell(() -> post(who, "/api/v1/soa/" + id + "/submit", Map.of()));
		});
		reads("GET /api/v1/control-implementations", () -> {
			String framework = framework();
			api.body(api.post(admin, "/api/v1/soa", Map.of("frameworkId", framework)), HttpStatus.CREATED);
			return "/api/v1/control-implementations?framework=" + framework;
		});
		reads("GET /api/v1/control-implementations/{requirementId}", () -> "/api/v1/control-implementations/" + soaRequirement(soa()));

		// risk
		reads("GET /api/v1/risk-criteria", () -> "/api/v1/risk-criteria");
		reads("GET /api/v1/risk-criteria/current", () -> "/api/v1/risk-criteria/current");
		reads("GET /api/v1/risk-criteria/{id}", () -> "/api/v1/risk-criteria/" + criteriaInForce());
		reads("GET /api/v1/risk-criteria/{id}/history", () -> "/api/v1/risk-criteria/" + criteriaInForce() + "/history");
		write("POST /api/v1/risk-criteria", (who, own) -> {
			noCriteriaDraft();
			return new Cell(() -> post(who, "/api/v1/risk-criteria", criteriaBody()));
		});
		write("PUT /api/v1/risk-criteria/{id}", (who, own) -> {
			String id = criteriaDraft();
			Map<String, Object> body = new HashMap<>(criteriaBody());
			body.put("changeNote", "edited " + next());
			return new Cell(() -> put(who, "/api/v1/risk-criteria/" + id, body));
		});
		write("POST /api/v1/risk-criteria/{id}/submit", (who, own) -> {
			String id = criteriaDraft();
			return new Cell(() -> post(who, "/api/v1/risk-criteria/" + id + "/submit", Map.of()));
		});
		reads("GET /api/v1/risks", () -> "/api/v1/risks");
		reads("GET /api/v1/risks/categories", () -> "/api/v1/risks/categories");
		reads("GET /api/v1/risks/export", () -> "/api/v1/risks/export?format=csv");
		reads("GET /api/v1/risks/heatmap", () -> "/api/v1/risks/heatmap");
		reads("GET /api/v1/risks/{id}", () -> "/api/v1/risks/" + risk(admin.username()));
		reads("GET /api/v1/risks/{id}/history", () -> "/api/v1/risks/" + risk(admin.username()) + "/history");
		write("POST /api/v1/risks", (who, own) -> new Cell(() -> post(who, "/api/v1/risks", riskBody(ownerOf(who)))));
		write("POST /api/v1/risks/categories", (who, own) -> new Cell(() -> post(who, "/api/v1/risks/categories",
				Map.of("key", "matrix-" + next(), "name", "Matrix category " + next()))));
		write("PUT /api/v1/risks/{id}", (who, own) -> {
			String owner = owner(who, own);
			String id = risk(owner);
			Map<String, Object> body = new HashMap<>(riskBody(owner));
			body.put("description", "changed " + next());
			return new Cell(() -> put(who, "/api/v1/risks/" + id, body));
		});
		write("POST /api/v1/risks/{id}/assessments", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/risks/" + id + "/assessments", Map.of("likelihood", 4, "impact", 4)));
		});
		write("PUT /api/v1/risks/{id}/treatment", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> put(who, "/api/v1/risks/" + id + "/treatment", treatmentBody()));
		});
		write("POST /api/v1/risks/{id}/residual", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1, "impact", 2)));
		});
		write("POST /api/v1/risks/{id}/actions/{actionId}/done", (who, own) -> {
			String[] action = openAction(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/risks/" + action[0] + "/actions/" + action[1] + "/done", Map.of()));
		});
		write("POST /api/v1/risks/{id}/acceptance", (who, own) -> {
			String id = residualRisk(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/risks/" + id + "/acceptance", Map.of("rationale", "low enough")));
		});
		write("POST /api/v1/risks/{id}/close", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/risks/" + id + "/close", Map.of("reason", "avoided")));
		});
		reads("GET /api/v1/impact-assessments", () -> "/api/v1/impact-assessments");
		reads("GET /api/v1/impact-assessments/{id}", () -> "/api/v1/impact-assessments/" + assessment(admin.username()));
		reads("GET /api/v1/impact-assessments/{id}/history",
				() -> "/api/v1/impact-assessments/" + assessment(admin.username()) + "/history");
		write("POST /api/v1/impact-assessments", (who, own) -> {
			String system = system(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/impact-assessments", Map.of("aiSystemId", system)));
		});
		write("PUT /api/v1/impact-assessments/{id}", (who, own) -> {
			String id = assessment(owner(who, own));
			return new Cell(() -> put(who, "/api/v1/impact-assessments/" + id, assessmentBody()));
		});
		write("POST /api/v1/impact-assessments/{id}/submit", (who, own) -> {
			String id = assessment(owner(who, own));
			api.body(api.put(admin, "/api/v1/impact-assessments/" + id, assessmentBody()), HttpStatus.OK);
			return new Cell(() -> post(who, "/api/v1/impact-assessments/" + id + "/submit", Map.of()));
		});

		// evidence and competence
		reads("GET /api/v1/evidence", () -> "/api/v1/evidence");
		reads("GET /api/v1/evidence/export", () -> "/api/v1/evidence/export");
		reads("GET /api/v1/evidence/{id}", () -> "/api/v1/evidence/" + evidence(admin.username()));
		reads("GET /api/v1/evidence/{id}/history", () -> "/api/v1/evidence/" + evidence(admin.username()) + "/history");
		reads("GET /api/v1/evidence/{id}/versions/{no}/file", () -> "/api/v1/evidence/" + evidenceFile(admin.username())
				+ "/versions/1/file");
		write("POST /api/v1/evidence", (who, own) -> new Cell(() -> post(who, "/api/v1/evidence", evidenceBody(ownerOf(who)))));
		write("POST /api/v1/evidence/files", (who, own) -> new Cell(() -> uploadWith(who, "/api/v1/evidence/files", "report-" + next()
				+ ".txt", ("Test report " + next()).getBytes(StandardCharsets.UTF_8), "title", "Uploaded " + next())));
		write("PUT /api/v1/evidence/{id}", (who, own) -> {
			String owner = owner(who, own);
			String id = evidence(owner);
			Map<String, Object> body = new HashMap<>(evidenceBody(owner));
			body.put("description", "changed " + next());
			return new Cell(() -> put(who, "/api/v1/evidence/" + id, body));
		});
		write("POST /api/v1/evidence/{id}/versions", (who, own) -> {
			String id = evidenceFile(owner(who, own));
			return new Cell(() -> upload(who, "/api/v1/evidence/" + id + "/versions", "file", "report-" + next() + ".txt",
					("Revised report " + next()).getBytes(StandardCharsets.UTF_8)));
		});
		reads("GET /api/v1/competences", () -> "/api/v1/competences");
		reads("GET /api/v1/competences/export", () -> "/api/v1/competences/export");
		reads("GET /api/v1/competences/gaps", () -> "/api/v1/competences/gaps");
		reads("GET /api/v1/competences/{id}", () -> "/api/v1/competences/" + competence());
		reads("GET /api/v1/competences/{id}/history", () -> "/api/v1/competences/" + competence() + "/history");
		write("POST /api/v1/competences", (who, own) -> new Cell(() -> post(who, "/api/v1/competences", competenceBody())));
		write("PUT /api/v1/competences/{id}", (who, own) -> {
			String id = competence();
			Map<String, Object> body = new HashMap<>(competenceBody());
			body.put("competence", "changed " + next());
			return new Cell(() -> put(who, "/api/v1/competences/" + id, body));
		});
		// assurance
		// monitoring
		reads("GET /api/v1/events", () -> "/api/v1/events?aiSystem=" + monitoredBatch()[0]);
		write("POST /api/v1/events", (who, own) -> {
			String system = system(admin.username());
			return new Cell(() -> post(who, "/api/v1/events?batchId=matrix-" + next(), List.of(Map.of("aiSystemId", system, "type", "heartbeat",
					"time", java.time.Instant.now().toString()))));
		});
		reads("GET /api/v1/event-batches", () -> "/api/v1/event-batches");
		reads("GET /api/v1/event-batches/{id}", () -> "/api/v1/event-batches/" + monitoredBatch()[1]);
		reads("GET /api/v1/event-batches/{id}/events/{index}/proof", () -> "/api/v1/event-batches/" + monitoredBatch()[1] + "/events/0/proof");
		reads("GET /api/v1/monitoring/systems/{id}/series", () -> "/api/v1/monitoring/systems/" + monitoredBatch()[0] + "/series?hours=48");
		reads("GET /api/v1/monitoring/systems/{id}/retention", () -> "/api/v1/monitoring/systems/" + monitoredBatch()[0] + "/retention");
		write("PUT /api/v1/monitoring/systems/{id}/retention", (who, own) -> {
			String system = system(admin.username());
			return new Cell(() -> put(who, "/api/v1/monitoring/systems/" + system + "/retention", Map.of("retentionDays", 30)));
		});
		reads("GET /api/v1/monitoring-rules", () -> "/api/v1/monitoring-rules");
		reads("GET /api/v1/monitoring-rules/{id}", () -> "/api/v1/monitoring-rules/" + monitoringRule(system(admin.username())));
		reads("GET /api/v1/monitoring-rules/{id}/history", () -> "/api/v1/monitoring-rules/" + monitoringRule(system(admin.username())) + "/history");
		write("POST /api/v1/monitoring-rules", (who, own) -> {
			String system = system(own && !who.anonymous() ? who.name() : admin.username());
			return new Cell(() -> post(who, "/api/v1/monitoring-rules", ruleBody(system)));
		});
		write("PUT /api/v1/monitoring-rules/{id}", (who, own) -> {
			String system = system(own && !who.anonymous() ? who.name() : admin.username());
			String id = monitoringRule(system);
			Map<String, Object> body = new HashMap<>(ruleBody(system));
			body.put("raiseValue", 0.8);
			return new Cell(() -> put(who, "/api/v1/monitoring-rules/" + id, body));
		});
		reads("GET /api/v1/incidents", () -> "/api/v1/incidents");
		reads("GET /api/v1/incidents/{id}", () -> "/api/v1/incidents/" + incident(admin.username(), false).get("id").asString());
		reads("GET /api/v1/incidents/{id}/history", () -> "/api/v1/incidents/" + incident(admin.username(), false).get("id").asString() + "/history");
		write("POST /api/v1/incidents", (who, own) -> {
			String system = system(admin.username());
			return new Cell(() -> post(who, "/api/v1/incidents", incidentBody(system, false)));
		});
		write("PUT /api/v1/incidents/{id}", (who, own) -> {
			JsonNode incident = incident(own && !who.anonymous() ? who.name() : admin.username(), false);
			Map<String, Object> body = new HashMap<>(incidentBody(incident.get("systems").get(0).get("aiSystemId").asString(), false));
			body.put("containment", "Switched to manual review " + next());
			return new Cell(() -> put(who, "/api/v1/incidents/" + incident.get("id").asString(), body));
		});
		write("POST /api/v1/incidents/{id}/notes", (who, own) -> {
			String id = incident(own && !who.anonymous() ? who.name() : admin.username(), false).get("id").asString();
			return new Cell(() -> post(who, "/api/v1/incidents/" + id + "/notes", Map.of("note", "Customers informed")));
		});
		write("POST /api/v1/incidents/{id}/reports/{reportId}/submission", (who, own) -> {
			JsonNode incident = incident(own && !who.anonymous() ? who.name() : admin.username(), true);
			String report = incident.get("reports").get(0).get("id").asString();
			return new Cell(() -> post(who, "/api/v1/incidents/" + incident.get("id").asString() + "/reports/" + report + "/submission",
					Map.of("reference", "MSA-" + next())));
		});
		write("POST /api/v1/incidents/{id}/reports/{reportId}/follow-ups", (who, own) -> {
			JsonNode incident = incident(own && !who.anonymous() ? who.name() : admin.username(), true);
			String report = incident.get("reports").get(0).get("id").asString();
			return new Cell(() -> post(who, "/api/v1/incidents/" + incident.get("id").asString() + "/reports/" + report + "/follow-ups",
					Map.of("note", "Complete report once the root cause is known")));
		});
		write("POST /api/v1/incidents/{id}/nonconformity", (who, own) -> {
			String id = incident(own && !who.anonymous() ? who.name() : admin.username(), false).get("id").asString();
			return new Cell(() -> post(who, "/api/v1/incidents/" + id + "/nonconformity", Map.of()));
		});
		write("POST /api/v1/incidents/{id}/resolution", (who, own) -> {
			String id = incident(own && !who.anonymous() ? who.name() : admin.username(), false).get("id").asString();
			return new Cell(() -> post(who, "/api/v1/incidents/" + id + "/resolution", Map.of("note", "Fixed")));
		});
		write("POST /api/v1/incidents/{id}/closure", (who, own) -> {
			String id = incident(admin.username(), false).get("id").asString();
			api.body(api.post(admin, "/api/v1/incidents/" + id + "/resolution", Map.of()), HttpStatus.OK);
			return new Cell(() -> post(who, "/api/v1/incidents/" + id + "/closure", Map.of("note", "Closed")));
		});
		reads("GET /api/v1/reporting-clocks", () -> {
			incident(admin.username(), true);
			return "/api/v1/reporting-clocks";
		});
		reads("GET /api/v1/reporting-rules", () -> "/api/v1/reporting-rules?jurisdiction=EU");
		write("PUT /api/v1/reporting-rules/{jurisdiction}", (who, own) -> new Cell(() -> put(who, "/api/v1/reporting-rules/MX" + next(),
				List.of(Map.of("role", "PROVIDER", "reportType", "serious-incident", "title", "Report", "legalBasis", "Local law", "appliesWhen",
						"SERIOUS", "deadlineHours", 72)))));
		reads("GET /api/v1/context-entries", () -> "/api/v1/context-entries");
		reads("GET /api/v1/context-entries/export", () -> "/api/v1/context-entries/export?format=xlsx");
		reads("GET /api/v1/context-entries/{id}", () -> "/api/v1/context-entries/" + contextEntry());
		reads("GET /api/v1/context-entries/{id}/history", () -> "/api/v1/context-entries/" + contextEntry() + "/history");
		write("POST /api/v1/context-entries", (who, own) -> new Cell(() -> post(who, "/api/v1/context-entries", contextBody())));
		write("PUT /api/v1/context-entries/{id}", (who, own) -> {
			String id = contextEntry();
			Map<String, Object> body = new HashMap<>(contextBody());
			body.put("description", "changed " + next());
			return new Cell(() -> put(who, "/api/v1/context-entries/" + id, body));
		});
		write("POST /api/v1/context-entries/{id}/review", (who, own) -> {
			String id = contextEntry();
			return new Cell(() -> post(who, "/api/v1/context-entries/" + id + "/review", Map.of("note", "still holds")));
		});
		reads("GET /api/v1/audit-programmes", () -> "/api/v1/audit-programmes");
		reads("GET /api/v1/audit-programmes/export", () -> "/api/v1/audit-programmes/export");
		reads("GET /api/v1/audit-programmes/{id}", () -> "/api/v1/audit-programmes/" + programme(false));
		reads("GET /api/v1/audit-programmes/{id}/history", () -> "/api/v1/audit-programmes/" + programme(false) + "/history");
		write("POST /api/v1/audit-programmes", (who, own) -> new Cell(() -> post(who, "/api/v1/audit-programmes", programmeBody())));
		write("PUT /api/v1/audit-programmes/{id}", (who, own) -> {
			String id = programme(false);
			Map<String, Object> body = new HashMap<>(programmeBody());
			body.put("method", "changed " + next());
			return new Cell(() -> put(who, "/api/v1/audit-programmes/" + id, body));
		});
		write("POST /api/v1/audit-programmes/{id}/submit", (who, own) -> {
			String id = programme(false);
			return new Cell(() -> post(who, "/api/v1/audit-programmes/" + id + "/submit", Map.of()));
		});
		reads("GET /api/v1/audits", () -> "/api/v1/audits");
		reads("GET /api/v1/audits/export", () -> "/api/v1/audits/export?format=pdf");
		reads("GET /api/v1/audits/{id}", () -> "/api/v1/audits/" + startedAudit(leadAuditor(), List.of()) + "?links=true");
		reads("GET /api/v1/audits/{id}/history", () -> "/api/v1/audits/" + startedAudit(leadAuditor(), List.of()) + "/history");
		reads("GET /api/v1/audits/{id}/report", () -> "/api/v1/audits/" + startedAudit(leadAuditor(), List.of()) + "/report");
		write("POST /api/v1/audits", (who, own) -> {
			Map<String, Object> body = auditBody(programme(true), leadAuditor(), List.of());
			return new Cell(() -> post(who, "/api/v1/audits", body));
		});
		write("PUT /api/v1/audits/{id}", (who, own) -> {
			String programme = programme(true);
			String id = audit(programme, leadAuditor(), List.of());
			Map<String, Object> body = new HashMap<>(auditBody(programme, leadAuditor(), List.of()));
			body.put("method", "changed " + next());
			return new Cell(() -> put(who, "/api/v1/audits/" + id, body));
		});
		write("POST /api/v1/audits/{id}/start", (who, own) -> {
			String id = audit(programme(true), leadAuditor(), List.of());
			return new Cell(() -> post(who, "/api/v1/audits/" + id + "/start", Map.of()));
		});
		write("PUT /api/v1/audits/{id}/items/{no}", (who, own) -> {
			String id = startedAudit(leadAuditor(), own && auditing(who) ? List.of(who.name()) : List.of());
			return new Cell(() -> put(who, "/api/v1/audits/" + id + "/items/1", Map.of("result", "CONFORMING", "notes", "seen " + next())));
		});
		write("POST /api/v1/audits/{id}/exceptions", (who, own) -> {
			String system = system(ownerAuditor().username());
			String id = startedAudit(leadAuditor(), List.of(ownerAuditor().username()), system);
			return new Cell(() -> post(who, "/api/v1/audits/" + id + "/exceptions", Map.of("item", 1, "auditor", ownerAuditor().username(),
					"justification", "the only one who knows it")));
		});
		write("POST /api/v1/audits/{id}/report", (who, own) -> {
			TestUser lead = own && auditing(who) ? who.user() : leadAuditor();
			String id = startedAudit(lead, List.of());
			api.body(api.put(lead, "/api/v1/audits/" + id + "/items/1", Map.of("result", "CONFORMING")), HttpStatus.OK);
			return new Cell(() -> post(who, "/api/v1/audits/" + id + "/report", Map.of()));
		});
		reads("GET /api/v1/nonconformities", () -> "/api/v1/nonconformities");
		reads("GET /api/v1/nonconformities/export", () -> "/api/v1/nonconformities/export");
		reads("GET /api/v1/nonconformities/overdue-actions", () -> "/api/v1/nonconformities/overdue-actions");
		reads("GET /api/v1/nonconformities/trends", () -> "/api/v1/nonconformities/trends");
		reads("GET /api/v1/nonconformities/{id}", () -> "/api/v1/nonconformities/" + nonconformity(admin.username()));
		reads("GET /api/v1/nonconformities/{id}/history", () -> "/api/v1/nonconformities/" + nonconformity(admin.username()) + "/history");
		write("POST /api/v1/nonconformities", (who, own) -> new Cell(() -> post(who, "/api/v1/nonconformities", nonconformityBody(ownerOf(who)))));
		write("PUT /api/v1/nonconformities/{id}", (who, own) -> {
			String owner = owner(who, own);
			String id = nonconformity(owner);
			Map<String, Object> body = new HashMap<>(nonconformityBody(owner));
			body.put("containment", "contained " + next());
			return new Cell(() -> put(who, "/api/v1/nonconformities/" + id, body));
		});
		write("POST /api/v1/nonconformities/{id}/accept", (who, own) -> {
			String id = candidate();
			return new Cell(() -> post(who, "/api/v1/nonconformities/" + id + "/accept", Map.of()));
		});
		write("POST /api/v1/nonconformities/{id}/dismiss", (who, own) -> {
			String id = candidate();
			return new Cell(() -> post(who, "/api/v1/nonconformities/" + id + "/dismiss", Map.of("reason", "a test deployment")));
		});
		write("POST /api/v1/nonconformities/{id}/actions", (who, own) -> {
			String id = nonconformity(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/nonconformities/" + id + "/actions", Map.of("description", "Fix " + next(), "owner",
					admin.username(), "dueDate", LocalDate.now().plusDays(9).toString())));
		});
		write("PUT /api/v1/nonconformities/{id}/actions/{actionId}", (who, own) -> {
			String id = nonconformity(admin.username());
			String action = correctiveAction(id, owner(who, own));
			return new Cell(() -> put(who, "/api/v1/nonconformities/" + id + "/actions/" + action, Map.of("status", "DONE")));
		});
		write("POST /api/v1/nonconformities/{id}/effectiveness", (who, own) -> {
			String id = nonconformity(admin.username());
			String action = correctiveAction(id, admin.username());
			api.body(api.put(admin, "/api/v1/nonconformities/" + id + "/actions/" + action, Map.of("status", "DONE")), HttpStatus.OK);
			return new Cell(() -> post(who, "/api/v1/nonconformities/" + id + "/effectiveness", Map.of("effective", true)));
		});
		write("POST /api/v1/nonconformities/{id}/submit", (who, own) -> {
			String id = nonconformity(owner(who, own));
			String action = correctiveAction(id, admin.username());
			api.body(api.put(admin, "/api/v1/nonconformities/" + id + "/actions/" + action, Map.of("status", "DONE")), HttpStatus.OK);
			api.body(api.post(requester, "/api/v1/nonconformities/" + id + "/effectiveness", Map.of("effective", true)), HttpStatus.OK);
			return new Cell(() -> post(who, "/api/v1/nonconformities/" + id + "/submit", Map.of()));
		});
		write("POST /api/v1/nonconformities/{id}/follow-up", (who, own) -> {
			String id = nonconformity(admin.username());
			String programme = programme(true);
			return new Cell(() -> post(who, "/api/v1/nonconformities/" + id + "/follow-up", Map.of("programmeId", programme, "date",
					LocalDate.now().plusDays(30).toString(), "leadAuditor", leadAuditor().username())));
		});
		reads("GET /api/v1/management-reviews", () -> "/api/v1/management-reviews");
		reads("GET /api/v1/management-reviews/export", () -> "/api/v1/management-reviews/export");
		reads("GET /api/v1/management-reviews/{id}", () -> "/api/v1/management-reviews/" + review(admin.username()));
		reads("GET /api/v1/management-reviews/{id}/inputs", () -> "/api/v1/management-reviews/" + review(admin.username()) + "/inputs");
		reads("GET /api/v1/management-reviews/{id}/pdf", () -> "/api/v1/management-reviews/" + review(admin.username()) + "/pdf");
		reads("GET /api/v1/management-reviews/{id}/history", () -> "/api/v1/management-reviews/" + review(admin.username()) + "/history");
		write("POST /api/v1/management-reviews", (who, own) -> new Cell(() -> post(who, "/api/v1/management-reviews", reviewBody(admin.username()))));
		write("PUT /api/v1/management-reviews/{id}", (who, own) -> {
			String id = review(admin.username());
			Map<String, Object> body = new HashMap<>(reviewBody(admin.username()));
			body.put("minutes", "minutes " + next());
			return new Cell(() -> put(who, "/api/v1/management-reviews/" + id, body));
		});
		write("POST /api/v1/management-reviews/{id}/hold", (who, own) -> {
			String id = review(admin.username());
			return new Cell(() -> post(who, "/api/v1/management-reviews/" + id + "/hold", Map.of()));
		});
		write("POST /api/v1/management-reviews/{id}/submit", (who, own) -> {
			String id = review(admin.username());
			api.body(api.post(requester, "/api/v1/management-reviews/" + id + "/hold", Map.of()), HttpStatus.OK);
			Map<String, Object> body = new HashMap<>(reviewBody(admin.username()));
			body.put("minutes", "minutes " + next());
			body.remove("actions");
			api.body(api.put(requester, "/api/v1/management-reviews/" + id, body), HttpStatus.OK);
			return new Cell(() -> post(who, "/api/v1/management-reviews/" + id + "/submit", Map.of()));
		});
		write("PUT /api/v1/management-reviews/{id}/actions/{actionId}", (who, own) -> {
			String id = review(owner(who, own));
			String action = api.body(api.get(admin, "/api/v1/management-reviews/" + id), HttpStatus.OK).get("actions").get(0).get("id").asString();
			return new Cell(() -> put(who, "/api/v1/management-reviews/" + id + "/actions/" + action, Map.of("status", "DONE")));
		});
		// lifecycle
		reads("GET /api/v1/test-runs", () -> "/api/v1/test-runs");
		reads("GET /api/v1/test-runs/export", () -> "/api/v1/test-runs/export");
		reads("GET /api/v1/test-runs/{id}", () -> "/api/v1/test-runs/" + testRun(system(admin.username())));
		reads("GET /api/v1/test-runs/{id}/failures", () -> "/api/v1/test-runs/" + testRun(system(admin.username())) + "/failures");
		reads("GET /api/v1/test-runs/{id}/history", () -> "/api/v1/test-runs/" + testRun(system(admin.username())) + "/history");
		reads("GET /api/v1/test-runs/{id}/evaluation", () -> "/api/v1/test-runs/" + testRun(system(admin.username())) + "/evaluation");
		write("POST /api/v1/test-runs", (who, own) -> {
			String system = system(admin.username());
			return new Cell(() -> uploadPart(who, "/api/v1/test-runs", "reports", "TEST-m.xml", "application/xml", junitReport(), "aiSystemId", system, "version",
					"1." + next()));
		});
		reads("GET /api/v1/metric-thresholds", () -> "/api/v1/metric-thresholds?aiSystem=" + system(admin.username()));
		reads("GET /api/v1/metric-thresholds/{id}", () -> "/api/v1/metric-thresholds/" + thresholds(system(admin.username())));
		reads("GET /api/v1/metric-thresholds/{id}/history", () -> "/api/v1/metric-thresholds/" + thresholds(system(admin.username())) + "/history");
		reads("GET /api/v1/metric-trends", () -> "/api/v1/metric-trends?aiSystem=" + system(admin.username()));
		write("POST /api/v1/metric-thresholds", (who, own) -> {
			String system = system(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/metric-thresholds", thresholdsBody(system)));
		});
		reads("GET /api/v1/gate-policies", () -> "/api/v1/gate-policies");
		reads("GET /api/v1/gate-policies/{id}", () -> "/api/v1/gate-policies/" + gatePolicy());
		reads("GET /api/v1/gate-policies/{id}/history", () -> "/api/v1/gate-policies/" + gatePolicy() + "/history");
		write("POST /api/v1/gate-policies", (who, own) -> new Cell(() -> post(who, "/api/v1/gate-policies", Map.of("source", GATE_POLICY))));
		read("POST /api/v1/gate-policies/check", (who, own) -> new Cell(() -> post(who, "/api/v1/gate-policies/check", Map.of("source", GATE_POLICY))));
		reads("GET /api/v1/changes", () -> "/api/v1/changes");
		reads("GET /api/v1/changes/export", () -> "/api/v1/changes/export?format=xlsx");
		reads("GET /api/v1/changes/{id}", () -> "/api/v1/changes/" + change(system(admin.username())));
		reads("GET /api/v1/changes/{id}/history", () -> "/api/v1/changes/" + change(system(admin.username())) + "/history");
		reads("GET /api/v1/changes/{id}/gate", () -> "/api/v1/changes/" + change(system(admin.username())) + "/gate");
		write("POST /api/v1/changes", (who, own) -> {
			String system = system(owner(who, own));
			return new Cell(() -> post(who, "/api/v1/changes", changeBody(system)));
		});
		write("PUT /api/v1/changes/{id}", (who, own) -> {
			String system = system(admin.username());
			String id = change(system);
			Map<String, Object> body = new HashMap<>(changeBody(system));
			body.put("toVersion", api.body(api.get(admin, "/api/v1/changes/" + id), HttpStatus.OK).get("toVersion").asString());
			body.put("description", "changed " + next());
			return new Cell(() -> put(who, "/api/v1/changes/" + id, body));
		});
		write("POST /api/v1/changes/{id}/submit", (who, own) -> {
			String id = change(system(admin.username()));
			return new Cell(() -> post(who, "/api/v1/changes/" + id + "/submit", Map.of()));
		});
		write("POST /api/v1/changes/{id}/cancel", (who, own) -> {
			String id = change(system(admin.username()));
			return new Cell(() -> post(who, "/api/v1/changes/" + id + "/cancel", Map.of("reason", "not needed")));
		});
		write("POST /api/v1/changes/{id}/gate", (who, own) -> {
			String id = change(system(admin.username()));
			return new Cell(() -> post(who, "/api/v1/changes/" + id + "/gate", Map.of()));
		});
		reads("GET /api/v1/gate-decisions", () -> "/api/v1/gate-decisions");
		reads("GET /api/v1/gate-decisions/{id}", () -> "/api/v1/gate-decisions/" + gateDecision(change(system(admin.username()))));
		reads("GET /api/v1/gate-decisions/{id}/statement",
				() -> "/api/v1/gate-decisions/" + gateDecision(change(system(admin.username()))) + "/statement");
		reads("GET /api/v1/deployments", () -> "/api/v1/deployments");
		reads("GET /api/v1/deployments/export", () -> "/api/v1/deployments/export");
		reads("GET /api/v1/deployments/timeline", () -> "/api/v1/deployments/timeline?aiSystem=" + system(admin.username()));
		reads("GET /api/v1/deployments/{id}", () -> "/api/v1/deployments/" + deployment(change(system(admin.username()))));
		reads("GET /api/v1/deployments/{id}/history", () -> "/api/v1/deployments/" + deployment(change(system(admin.username()))) + "/history");
		write("POST /api/v1/deployments", (who, own) -> {
			String system = system(admin.username());
			return new Cell(() -> post(who, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "2." + next(), "environment",
					"production")));
		});
		write("POST /api/v1/deployments/rollbacks", (who, own) -> {
			String change = change(system(admin.username()));
			deployment(change);
			return new Cell(() -> post(who, "/api/v1/deployments/rollbacks", Map.of("changeId", change, "environment", "production",
					"reason", "accuracy dropped")));
		});
		write("POST /lifecycle/changes/new", (who, own) -> {
			String system = system(owner(who, own));
			return new Cell(() -> form(who, "/lifecycle/changes/new", "aiSystemId", system, "fromVersion", "1.0", "toVersion", "2." + next(),
					"type", "MODEL_RETRAINED", "title", "Form change " + next(), "significance", "MINOR"));
		});
		write("POST /lifecycle/changes/{id}/edit", (who, own) -> {
			String id = change(system(admin.username()));
			return new Cell(() -> form(who, "/lifecycle/changes/" + id + "/edit", "fromVersion", "1.0", "type", "DATA_CHANGED", "title",
					"Edited " + next(), "significance", "MINOR", "rollbackSteps", "Redeploy 1.0", "rollbackTriggers", "errors up", "rollbackOwner",
					admin.username()));
		});
		write("POST /lifecycle/changes/{id}/submit", (who, own) -> {
			String id = change(system(admin.username()));
			return new Cell(() -> form(who, "/lifecycle/changes/" + id + "/submit"));
		});
		write("POST /lifecycle/changes/{id}/gate", (who, own) -> {
			String id = change(system(admin.username()));
			return new Cell(() -> form(who, "/lifecycle/changes/" + id + "/gate"));
		});
		write("POST /lifecycle/systems/{id}/thresholds", (who, own) -> {
			String system = system(owner(who, own));
			return new Cell(() -> form(who, "/lifecycle/systems/" + system + "/thresholds", "thresholdText", "accuracy >= 0.9"));
		});
		write("POST /assurance/programmes", (who, own) -> new Cell(() -> form(who, "/assurance/programmes", "title", "Form programme " + next(),
				"periodStart", LocalDate.now().toString(), "periodEnd", LocalDate.now().plusYears(1).toString())));
		write("POST /assurance/programmes/{id}/submit", (who, own) -> {
			String id = programme(false);
			return new Cell(() -> form(who, "/assurance/programmes/" + id + "/submit"));
		});
		write("POST /assurance/audits", (who, own) -> {
			String programme = programme(true);
			return new Cell(() -> form(who, "/assurance/audits", "programmeId", programme, "title", "Form audit " + next(), "plannedStart",
					LocalDate.now().toString(), "plannedEnd", LocalDate.now().toString(), "auditedFrom", LocalDate.now().minusDays(7).toString(),
					"auditedTo", LocalDate.now().toString(), "processes", "Form process", "leadAuditor", leadAuditor().username()));
		});
		write("POST /assurance/audits/{id}/start", (who, own) -> {
			String id = audit(programme(true), leadAuditor(), List.of());
			return new Cell(() -> form(who, "/assurance/audits/" + id + "/start"));
		});
		write("POST /assurance/audits/{id}/items/{no}", (who, own) -> {
			String id = startedAudit(leadAuditor(), own && auditing(who) ? List.of(who.name()) : List.of());
			return new Cell(() -> form(who, "/assurance/audits/" + id + "/items/1", "result", "CONFORMING", "notes", "seen " + next()));
		});
		write("POST /assurance/audits/{id}/report", (who, own) -> {
			TestUser lead = own && auditing(who) ? who.user() : leadAuditor();
			String id = startedAudit(lead, List.of());
			api.body(api.put(lead, "/api/v1/audits/" + id + "/items/1", Map.of("result", "CONFORMING")), HttpStatus.OK);
			return new Cell(() -> form(who, "/assurance/audits/" + id + "/report"));
		});
		write("POST /assurance/nonconformities", (who, own) -> new Cell(() -> form(who, "/assurance/nonconformities", "title", "Form NC " + next(),
				"source", "CONCERN", "severity", "MINOR", "owner", ownerOf(who))));
		write("POST /assurance/nonconformities/{id}/analysis", (who, own) -> {
			String owner = owner(who, own);
			String id = nonconformity(owner);
			return new Cell(() -> form(who, "/assurance/nonconformities/" + id + "/analysis", "title", "Analysed " + next(), "severity", "MINOR",
					"owner", owner, "rootCauseMethod", "FISHBONE", "rootCause", "Several causes"));
		});
		write("POST /assurance/nonconformities/{id}/actions", (who, own) -> {
			String id = nonconformity(owner(who, own));
			return new Cell(() -> form(who, "/assurance/nonconformities/" + id + "/actions", "description", "Form action " + next(), "owner",
					admin.username(), "dueDate", LocalDate.now().plusDays(9).toString()));
		});
		write("POST /assurance/nonconformities/{id}/actions/{actionId}", (who, own) -> {
			String id = nonconformity(admin.username());
			String action = correctiveAction(id, owner(who, own));
			return new Cell(() -> form(who, "/assurance/nonconformities/" + id + "/actions/" + action, "status", "DONE"));
		});
		write("POST /assurance/nonconformities/{id}/effectiveness", (who, own) -> {
			String id = nonconformity(admin.username());
			String action = correctiveAction(id, admin.username());
			api.body(api.put(admin, "/api/v1/nonconformities/" + id + "/actions/" + action, Map.of("status", "DONE")), HttpStatus.OK);
			return new Cell(() -> form(who, "/assurance/nonconformities/" + id + "/effectiveness", "effective", "true"));
		});
		write("POST /assurance/nonconformities/{id}/submit", (who, own) -> {
			String id = nonconformity(owner(who, own));
			String action = correctiveAction(id, admin.username());
			api.body(api.put(admin, "/api/v1/nonconformities/" + id + "/actions/" + action, Map.of("status", "DONE")), HttpStatus.OK);
			api.body(api.post(requester, "/api/v1/nonconformities/" + id + "/effectiveness", Map.of("effective", true)), HttpStatus.OK);
			return new Cell(() -> form(who, "/assurance/nonconformities/" + id + "/submit"));
		});
		write("POST /assurance/nonconformities/{id}/accept", (who, own) -> {
			String id = candidate();
			return new Cell(() -> form(who, "/assurance/nonconformities/" + id + "/accept"));
		});
		write("POST /assurance/reviews", (who, own) -> new Cell(() -> form(who, "/assurance/reviews", "title", "Form review " + next(), "scheduledFor",
				LocalDate.now().toString(), "periodStart", LocalDate.now().minusMonths(1).toString(), "periodEnd", LocalDate.now().toString(), "chair",
				admin.username())));
		write("POST /assurance/reviews/{id}/hold", (who, own) -> {
			String id = review(admin.username());
			return new Cell(() -> form(who, "/assurance/reviews/" + id + "/hold"));
		});
		write("POST /assurance/reviews/{id}/output", (who, own) -> {
			String id = review(admin.username());
			return new Cell(() -> form(who, "/assurance/reviews/" + id + "/output", "minutes", "Form minutes " + next(), "actions",
					admin.username() + " | " + LocalDate.now().plusDays(30) + " | Form action"));
		});
		write("POST /assurance/reviews/{id}/submit", (who, own) -> {
			String id = review(admin.username());
			api.body(api.post(requester, "/api/v1/management-reviews/" + id + "/hold", Map.of()), HttpStatus.OK);
			Map<String, Object> body = new HashMap<>(reviewBody(admin.username()));
			body.put("minutes", "minutes " + next());
			body.remove("actions");
			api.body(api.put(requester, "/api/v1/management-reviews/" + id, body), HttpStatus.OK);
			return new Cell(() -> form(who, "/assurance/reviews/" + id + "/submit"));
		});
		write("POST /assurance/context", (who, own) -> new Cell(() -> form(who, "/assurance/context", "kind", "INTERNAL_ISSUE", "title",
				"Form issue " + next(), "owner", admin.username())));
		write("POST /assurance/context/{id}/review", (who, own) -> {
			String id = contextEntry();
			return new Cell(() -> form(who, "/assurance/context/" + id + "/review"));
		});
		write("POST /assurance/audits/{id}/exceptions", (who, own) -> {
			String system = system(ownerAuditor().username());
			String id = startedAudit(leadAuditor(), List.of(ownerAuditor().username()), system);
			return new Cell(() -> form(who, "/assurance/audits/" + id + "/exceptions", "item", "1", "auditor", ownerAuditor().username(),
					"justification", "the only one who knows it"));
		});
		write("POST /assurance/nonconformities/{id}/dismiss", (who, own) -> {
			String id = candidate();
			return new Cell(() -> form(who, "/assurance/nonconformities/" + id + "/dismiss", "reason", "a test deployment"));
		});
		write("POST /assurance/reviews/{id}/actions/{actionId}", (who, own) -> {
			String id = review(owner(who, own));
			String action = api.body(api.get(admin, "/api/v1/management-reviews/" + id), HttpStatus.OK).get("actions").get(0).get("id").asString();
			return new Cell(() -> form(who, "/assurance/reviews/" + id + "/actions/" + action, "status", "DONE"));
		});
		write("POST /assurance/programmes/{id}", (who, own) -> {
			String id = programme(false);
			return new Cell(() -> form(who, "/assurance/programmes/" + id, "title", "Edited programme " + next(), "periodStart",
					LocalDate.now().toString(), "periodEnd", LocalDate.now().plusYears(1).toString(), "method", "sampling"));
		});
		write("POST /monitoring/systems/{id}/rules", (who, own) -> {
			String system = system(own && !who.anonymous() ? who.name() : admin.username());
			return new Cell(() -> form(who, "/monitoring/systems/" + system + "/rules", "name", "Accuracy floor", "kind", "THRESHOLD", "eventType",
					"metric", "eventName", "accuracy", "direction", "BELOW", "raiseValue", "0.9", "clearValue", "0.92", "forMinutes", "0"));
		});
		write("POST /monitoring/incidents/new", (who, own) -> {
			String system = system(admin.username());
			return new Cell(() -> form(who, "/monitoring/incidents/new", "title", "Complaint about a refusal " + next(), "severity", "MEDIUM",
					"aiSystemIds", system));
		});
		write("POST /monitoring/incidents/{id}/edit", (who, own) -> {
			JsonNode incident = incident(own && !who.anonymous() ? who.name() : admin.username(), false);
			return new Cell(() -> form(who, "/monitoring/incidents/" + incident.get("id").asString() + "/edit", "title", "Edited " + next(),
					"severity", "HIGH", "containment", "Paused", "rootCause", "A fault"));
		});
		write("POST /monitoring/incidents/{id}/notes", (who, own) -> {
			String id = incident(own && !who.anonymous() ? who.name() : admin.username(), false).get("id").asString();
			return new Cell(() -> form(who, "/monitoring/incidents/" + id + "/notes", "note", "Customers informed"));
		});
		write("POST /monitoring/incidents/{id}/reports/{reportId}/submit", (who, own) -> {
			JsonNode incident = incident(own && !who.anonymous() ? who.name() : admin.username(), true);
			String report = incident.get("reports").get(0).get("id").asString();
			return new Cell(() -> form(who, "/monitoring/incidents/" + incident.get("id").asString() + "/reports/" + report + "/submit", "reference",
					"MSA-" + next()));
		});
		write("POST /monitoring/incidents/{id}/resolve", (who, own) -> {
			String id = incident(own && !who.anonymous() ? who.name() : admin.username(), false).get("id").asString();
			return new Cell(() -> form(who, "/monitoring/incidents/" + id + "/resolve", "note", "Fixed"));
		});
		write("POST /monitoring/incidents/{id}/nonconformity", (who, own) -> {
			String id = incident(own && !who.anonymous() ? who.name() : admin.username(), false).get("id").asString();
			return new Cell(() -> form(who, "/monitoring/incidents/" + id + "/nonconformity"));
		});
		write("POST /monitoring/incidents/{id}/close", (who, own) -> {
			String id = incident(admin.username(), false).get("id").asString();
			api.body(api.post(admin, "/api/v1/incidents/" + id + "/resolution", Map.of()), HttpStatus.OK);
			return new Cell(() -> form(who, "/monitoring/incidents/" + id + "/close", "note", "Closed"));
		});
		write("POST /assurance/context/{id}", (who, own) -> {
			String id = contextEntry();
			return new Cell(() -> form(who, "/assurance/context/" + id, "kind", "EXTERNAL_ISSUE", "title", "Edited issue " + next(), "owner",
					admin.username()));
		});
		write("POST /lifecycle/gate-policies", (who, own) -> new Cell(() -> form(who, "/lifecycle/gate-policies", "source", GATE_POLICY)));
		write("POST /evidence/new", (who, own) -> new Cell(() -> form(who, "/evidence/new", "kind", "NOTE", "title", "Form note " + next(),
				"description", "checked", "owner", ownerOf(who))));
		write("POST /evidence/{id}/edit", (who, own) -> {
			String owner = owner(who, own);
			String id = evidence(owner);
			return new Cell(() -> form(who, "/evidence/" + id + "/edit", "kind", "NOTE", "title", "Form note " + next(), "description",
					"changed", "owner", owner));
		});
		write("POST /evidence/{id}/versions", (who, own) -> {
			String id = evidenceFile(owner(who, own));
			return new Cell(() -> formUpload(who, "/evidence/" + id + "/versions", "file", "report-" + next() + ".txt",
					("Revised by form " + next()).getBytes(StandardCharsets.UTF_8)));
		});
		write("POST /competences/new", (who, own) -> new Cell(() -> form(who, "/competences/new", "person", admin.username(), "area",
				"APPROVER", "competence", "Approver briefing " + next())));
		write("POST /competences/{id}/edit", (who, own) -> {
			String id = competence();
			return new Cell(() -> form(who, "/competences/" + id + "/edit", "person", admin.username(), "area", "APPROVER", "competence",
					"Changed " + next()));
		});

		// ledger
		reads("GET /api/v1/ledger/checkpoints", () -> "/api/v1/ledger/checkpoints");
		reads("GET /api/v1/ledger/checkpoints/latest", () -> {
			checkpoint();
			return "/api/v1/ledger/checkpoints/latest";
		});
		reads("GET /api/v1/ledger/entries", () -> "/api/v1/ledger/entries");
		reads("GET /api/v1/ledger/entries/{seq}", () -> "/api/v1/ledger/entries/1");
		reads("GET /api/v1/ledger/export", () -> "/api/v1/ledger/export?from=1&to=2");
		reads("GET /api/v1/ledger/proofs/consistency", () -> {
			long size = checkpoint();
			return "/api/v1/ledger/proofs/consistency?first=1&second=" + size;
		});
		reads("GET /api/v1/ledger/proofs/inclusion", () -> "/api/v1/ledger/proofs/inclusion?seq=1&treeSize=" + checkpoint());
		reads("GET /api/v1/ledger/verify", () -> "/api/v1/ledger/verify");
		reads("GET /api/v1/ledger/public-key", () -> "/api/v1/ledger/public-key");
		write("POST /api/v1/ledger/key-rotations", (who, own) -> new Cell(() -> post(who, "/api/v1/ledger/key-rotations",
				Map.of("publicKey", org.openaims.ledger.format.LedgerKeys.encode(org.openaims.ledger.format.LedgerKeys.generate().getPublic())))));

		uiScenarios();
	}

	private void uiScenarios() {
		write("POST /account/password", (who, own) -> {
			Who fresh = who.anonymous() ? who : new Who(who.principal(), users.create(Role.valueOf(who.principal())));
			return new Cell(() -> form(fresh, "/account/password", "currentPassword", TestUsers.PASSWORD, "newPassword",
					"violet-harbour-lantern"));
		});
		write("POST /tokens", (who, own) -> new Cell(() -> form(who, "/tokens", "name", "matrix", "expiresInDays", "30")));
		write("POST /tokens/{id}/revoke", (who, own) -> {
			String id = token(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> form(who, "/tokens/" + id + "/revoke"));
		});
		write("POST /admin/users/new", (who, own) -> new Cell(() -> form(who, "/admin/users/new", "username", "matrix-" + next(),
				"password", "violet-harbour-lantern", "roles", "VIEWER")));
		write("POST /admin/users/{id}/edit", (who, own) -> {
			String id = userId(users.create(Role.VIEWER).username());
			return new Cell(() -> form(who, "/admin/users/" + id + "/edit", "roles", "AUDITOR", "enabled", "true"));
		});
		write("POST /admin/users/{id}/password", (who, own) -> {
			String id = userId(users.create(Role.VIEWER).username());
			return new Cell(() -> form(who, "/admin/users/" + id + "/password", "password", "violet-harbour-lantern"));
		});
		write("POST /admin/security/lockouts/{id}/lift", (who, own) -> {
			UUID id = lockout();
			return new Cell(() -> form(who, "/admin/security/lockouts/" + id + "/lift"), () -> lockouts(id));
		});
		write("POST /ai-systems/new", (who, own) -> new Cell(() -> form(who, "/ai-systems/new", systemForm(ownerOf(who)))));
		write("POST /ai-systems/import", (who, own) -> new Cell(() -> formUpload(who, "/ai-systems/import", "file", "systems.csv",
				systemCsv())));
		write("POST /ai-systems/{id}/edit", (who, own) -> {
			String owner = owner(who, own);
			String id = system(owner);
			List<String> fields = new ArrayList<>(List.of(systemForm(owner)));
			fields.set(1, "System " + id);
			fields.add("description");
			fields.add("changed");
			return new Cell(() -> form(who, "/ai-systems/" + id + "/edit", fields.toArray(String[]::new)));
		});
		write("POST /ai-systems/{id}/retire", (who, own) -> {
			String id = system(owner(who, own));
			return new Cell(() -> form(who, "/ai-systems/" + id + "/retire", "reason", "replaced"));
		});
		write("POST /ai-systems/{id}/versions", (who, own) -> {
			String id = system(owner(who, own));
			return new Cell(() -> form(who, "/ai-systems/" + id + "/versions", "label", "2.0"));
		});
		write("POST /vendors/new", (who, own) -> new Cell(() -> form(who, "/vendors/new", "name", "Vendor " + next(),
				"dueDiligenceStatus", "IN_PROGRESS")));
		write("POST /vendors/import", (who, own) -> new Cell(() -> formUpload(who, "/vendors/import", "file", "vendors.csv",
				("name,due_diligence_status\nImported vendor " + next() + ",IN_PROGRESS\n").getBytes(StandardCharsets.UTF_8))));
		write("POST /vendors/{id}/edit", (who, own) -> {
			String id = vendor();
			String name = api.body(api.get(admin, "/api/v1/vendors/" + id), HttpStatus.OK).get("name").asString();
			return new Cell(() -> form(who, "/vendors/" + id + "/edit", "name", name, "services", "changed " + next(),
					"dueDiligenceStatus", "PASSED"));
		});
		write("POST /vendors/{id}/retire", (who, own) -> {
			String id = vendor();
			return new Cell(() -> form(who, "/vendors/" + id + "/retire", "reason", "contract ended"));
		});
		write("POST /scope/versions/{versionNo}/submit", (who, own) -> {
			int version = scopeDraft();
			return new Cell(() -> form(who, "/scope/versions/" + version + "/submit"));
		});
		write("POST /scope/edit", (who, own) -> new Cell(() -> form(who, "/scope/edit", "boundaries", "Everything " + next(),
				"inclusionCriteria", "All AI systems we build or buy")));
		write("POST /approvals/{id}/decide", (who, own) -> {
			String id = pendingApproval(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> form(who, "/approvals/" + id + "/decide", "decision", "APPROVE"));
		});
		write("POST /approvals/{id}/withdraw", (who, own) -> {
			String id = pendingApproval(own && !who.anonymous() ? who.user() : requester);
			return new Cell(() -> form(who, "/approvals/" + id + "/withdraw", "reason", "not yet"));
		});
		write("POST /policies/new", (who, own) -> new Cell(() -> form(who, "/policies/new", "title", "Policy " + next(), "owner",
				ownerOf(who), "reviewIntervalMonths", "12", "approvalsRequired", "1", "body", "# Policy")));
		write("POST /policies/{id}/edit", (who, own) -> {
			String owner = owner(who, own);
			String id = policy(owner);
			String title = api.body(api.get(admin, "/api/v1/policies/" + id), HttpStatus.OK).get("title").asString();
			return new Cell(() -> form(who, "/policies/" + id + "/edit", "title", title, "owner", owner, "reviewIntervalMonths", "6",
					"approvalsRequired", "1"));
		});
		write("POST /policies/{id}/rename", (who, own) -> {
			String id = publishedPolicy(owner(who, own));
			return new Cell(() -> form(who, "/policies/" + id + "/rename", "title", "Renamed " + next()));
		});
		write("POST /policies/{id}/retire", (who, own) -> {
			String id = publishedPolicy(owner(who, own));
			return new Cell(() -> form(who, "/policies/" + id + "/retire", "reason", "superseded"));
		});
		write("POST /policies/{id}/versions", (who, own) -> {
			String id = publishedPolicy(owner(who, own));
			return new Cell(() -> form(who, "/policies/" + id + "/versions"));
		});
		write("POST /policies/{id}/versions/{no}", (who, own) -> {
			String id = policy(owner(who, own));
			return new Cell(() -> form(who, "/policies/" + id + "/versions/1", "body", "# Changed " + next(), "changeSummary", "x"));
		});
		write("POST /policies/{id}/versions/{no}/file", (who, own) -> {
			String id = policy(owner(who, own));
			return new Cell(() -> formUpload(who, "/policies/" + id + "/versions/1/file", "file", "policy-" + next() + ".pdf",
					("%PDF-1.4 " + next()).getBytes(StandardCharsets.UTF_8)));
		});
		write("POST /policies/{id}/versions/{no}/submit", (who, own) -> {
			String id = policy(owner(who, own));
			return new Cell(() -> form(who, "/policies/" + id + "/versions/1/submit"));
		});
		write("POST /policies/{id}/versions/{no}/publish", (who, own) -> {
			String id = approvedPolicy(owner(who, own));
			return new Cell(() -> form(who, "/policies/" + id + "/versions/1/publish"));
		});
		write("POST /policies/{id}/acknowledge", (who, own) -> {
			String id = publishedPolicy(admin.username());
			return new Cell(() -> form(who, "/policies/" + id + "/acknowledge"));
		});
		write("POST /responsibilities/edit", (who, own) -> {
			String id = system(owner(who, own));
			return new Cell(() -> form(who, "/responsibilities/edit", "type", "AI_SYSTEM", "ref", id, "accountable", admin.username(),
					"oversight", admin.username()));
		});
		write("POST /objectives/new", (who, own) -> new Cell(() -> form(who, "/objectives/new", objectiveForm(ownerOf(who)))));
		write("POST /objectives/{id}/edit", (who, own) -> {
			String owner = owner(who, own);
			String id = objective(owner);
			List<String> fields = new ArrayList<>(List.of(objectiveForm(owner)));
			fields.set(5, "changed " + next());
			return new Cell(() -> form(who, "/objectives/" + id + "/edit", fields.toArray(String[]::new)));
		});
		write("POST /objectives/{id}/progress", (who, own) -> {
			String id = objective(owner(who, own));
			return new Cell(() -> form(who, "/objectives/" + id + "/progress", "value", "0.81"));
		});
		write("POST /concerns/new", (who, own) -> new Cell(() -> form(who, "/concerns/new", "summary", "Matrix concern " + next(),
				"description", "d")));
		write("POST /concerns/{id}/notes", (who, own) -> {
			String id = concern(reporter(who, own));
			return new Cell(() -> form(who, "/concerns/" + id + "/notes", "note", "more"));
		});
		write("POST /concerns/{id}/triage", (who, own) -> {
			String id = concern(reporter(who, own));
			return new Cell(() -> form(who, "/concerns/" + id + "/triage", "status", "TRIAGED", "note", "seen"));
		});
		write("POST /report-concern", (who, own) -> new Cell(() -> form(who, "/report-concern", "summary", "Anonymous " + next(),
				"description", "d")));
		read("POST /report-concern/follow", (who, own) -> {
			String receipt = receipt();
			return new Cell(() -> form(who, "/report-concern/follow", "receipt", receipt));
		});
		write("POST /frameworks/import", (who, own) -> new Cell(() -> formUpload(who, "/frameworks/import", "file", "library.yaml",
				frameworkYaml("u" + next()))));
		write("POST /frameworks/{id}/remove", (who, own) -> {
			String id = api.body(api.postBytes(admin, "/api/v1/frameworks", "application/yaml", frameworkYaml("r" + next())),
					HttpStatus.CREATED).get("id").asString();
			return new Cell(() -> form(who, "/frameworks/" + id + "/remove", "reason", "imported by mistake"));
		});
		read("POST /frameworks/import/preview", (who, own) -> new Cell(() -> formUpload(who, "/frameworks/import/preview", "file",
				"library.yaml", frameworkYaml("p" + next()))));
		write("POST /soa", (who, own) -> {
			String framework = framework();
			return new Cell(() -> form(who, "/soa", "frameworkId", framework));
		});
		write("POST /soa/{id}/bulk", (who, own) -> {
			String id = soa();
			String requirement = soaRequirement(id);
			return new Cell(() -> form(who, "/soa/" + id + "/bulk", "selected", requirement, "applicable", "true", "status", "PLANNED",
					"justification", "needed " + next()));
		});
		write("POST /soa/{id}/entries/{requirementId}", (who, own) -> {
			String id = soa();
			String requirement = soaRequirement(id);
			return new Cell(() -> form(who, "/soa/" + id + "/entries/" + requirement, "applicable", "true", "status", "PLANNED",
					"justification", "needed " + next()));
		});
		write("POST /soa/{id}/submit", (who, own) -> {
			String id = soa();
			String requirement = soaRequirement(id);
			api.body(api.patch(admin, "/api/v1/soa/" + id + "/entries", Map.of("entries", List.of(Map.of("requirementId", requirement,
					"applicable", true, "justification", "needed", "status", "PLANNED")))), HttpStatus.OK);
			return new Cell(() -> form(who, "/soa/" + id + "/submit"));
		});
		write("POST /risk-criteria/new", (who, own) -> {
			noCriteriaDraft();
			return new Cell(() -> form(who, "/risk-criteria/new", criteriaForm()));
		});
		write("POST /risk-criteria/{id}/submit", (who, own) -> {
			String id = criteriaDraft();
			return new Cell(() -> form(who, "/risk-criteria/" + id + "/submit"));
		});
		write("POST /risks/new", (who, own) -> new Cell(() -> form(who, "/risks/new", riskForm(ownerOf(who)))));
		write("POST /risks/{id}/edit", (who, own) -> {
			String owner = owner(who, own);
			String id = risk(owner);
			List<String> fields = new ArrayList<>(List.of(riskForm(owner)));
			fields.add("description");
			fields.add("changed " + next());
			return new Cell(() -> form(who, "/risks/" + id + "/edit", fields.toArray(String[]::new)));
		});
		write("POST /risks/{id}/assessments", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> form(who, "/risks/" + id + "/assessments", "likelihood", "4", "impact", "4"));
		});
		write("POST /risks/{id}/treatment", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> form(who, "/risks/" + id + "/treatment", "option", "MODIFY", "targetLikelihood", "1", "targetImpact", "2",
					"actions[0].title", "Guard", "actions[0].owner", admin.username(), "actions[0].dueDate",
					LocalDate.now().plusDays(20).toString(), "actions[0].status", "DONE", "actions[0].doneOn", LocalDate.now().toString(),
					"actions[0].controls", "A.6.2.8"));
		});
		write("POST /risks/{id}/residual", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> form(who, "/risks/" + id + "/residual", "likelihood", "1", "impact", "2"));
		});
		write("POST /risks/{id}/actions/{actionId}/done", (who, own) -> {
			String[] action = openAction(owner(who, own));
			return new Cell(() -> form(who, "/risks/" + action[0] + "/actions/" + action[1] + "/done"));
		});
		write("POST /risks/{id}/acceptance", (who, own) -> {
			String id = residualRisk(owner(who, own));
			return new Cell(() -> form(who, "/risks/" + id + "/acceptance", "rationale", "low enough"));
		});
		write("POST /risks/{id}/close", (who, own) -> {
			String id = risk(owner(who, own));
			return new Cell(() -> form(who, "/risks/" + id + "/close", "reason", "avoided"));
		});
		write("POST /impact-assessments", (who, own) -> {
			String system = system(owner(who, own));
			return new Cell(() -> form(who, "/impact-assessments", "aiSystemId", system));
		});
		write("POST /impact-assessments/{id}", (who, own) -> {
			String id = assessment(owner(who, own));
			return new Cell(() -> form(who, "/impact-assessments/" + id, "intendedUse", "Rank applicants " + next(),
					"impacts[0].area", "FAIRNESS", "impacts[0].description", "Older applicants ranked lower", "impacts[0].severity", "4",
					"impacts[0].likelihood", "3", "impacts[0].mitigation", "Bias audit"));
		});
		write("POST /impact-assessments/{id}/submit", (who, own) -> {
			String id = assessment(owner(who, own));
			api.body(api.put(admin, "/api/v1/impact-assessments/" + id, assessmentBody()), HttpStatus.OK);
			return new Cell(() -> form(who, "/impact-assessments/" + id + "/submit"));
		});
		read("POST /ledger/verify", (who, own) -> new Cell(() -> form(who, "/ledger/verify")));
	}

	// --- requests -------------------------------------------------------------------------------------------------

	/** Each cell from an address of its own, so rate limits and sign-in throttles do not carry over between cells. */
	private MvcTestResult call(Who who, MockMvcRequestBuilder request) {
		int n = next();
		request.with(r -> {
			r.setRemoteAddr("10.77." + (n / 250) % 250 + "." + (1 + n % 250));
			return r;
		});
		if (!who.anonymous()) {
			request.header("Authorization", who.user().bearer());
		}
		return request.exchange();
	}

	private MvcTestResult get(Who who, String uri) {
		return call(who, mvc.get().uri(uri));
	}

	private MvcTestResult post(Who who, String uri, Object body) {
		return call(who, mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(api.write(body)));
	}

	private MvcTestResult put(Who who, String uri, Object body) {
		return call(who, mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(api.write(body)));
	}

	private MvcTestResult patch(Who who, String uri, Object body) {
		return call(who, mvc.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).content(api.write(body)));
	}

	private MvcTestResult delete(Who who, String uri) {
		return call(who, mvc.delete().uri(uri));
	}

	private MvcTestResult postBytes(Who who, String uri, String type, byte[] content) {
		return call(who, mvc.post().uri(uri).contentType(type).content(content));
	}

	private MvcTestResult upload(Who who, String uri, String part, String name, byte[] content) {
		MockMvcTester.MockMultipartMvcRequestBuilder request = mvc.post().uri(uri).multipart()
			.file(new MockMultipartFile(part, name, "application/octet-stream", content));
		int n = next();
		request.with(r -> {
			r.setRemoteAddr("10.77." + (n / 250) % 250 + "." + (1 + n % 250));
			return r;
		});
		if (!who.anonymous()) {
			request.header("Authorization", who.user().bearer());
		}
		return request.exchange();
	}

	/** A form post of the web UI: signed in as the cell's user (no bearer token), with its CSRF token. */
	private MvcTestResult form(Who who, String uri, String... fields) {
		MockMvcRequestBuilder request = mvc.post().uri(uri).with(csrf());
		for (int i = 0; i + 1 < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return ui(who, request);
	}

	private MvcTestResult formUpload(Who who, String uri, String part, String name, byte[] content) {
		MockMvcTester.MockMultipartMvcRequestBuilder request = mvc.post().uri(uri).with(csrf()).multipart()
			.file(new MockMultipartFile(part, name, "application/octet-stream", content));
		if (!who.anonymous()) {
			request.with(user(who.name()).roles(who.principal()));
		}
		return request.exchange();
	}

	private MvcTestResult ui(Who who, MockMvcRequestBuilder request) {
		int n = next();
		request.with(r -> {
			r.setRemoteAddr("10.78." + (n / 250) % 250 + "." + (1 + n % 250));
			return r;
		});
		if (!who.anonymous()) {
			request.with(user(who.name()).roles(who.principal()));
		}
		return request.exchange();
	}

	// --- fixtures (made by an administrator, or by the user they belong to) ----------------------------------------

	private int next() {
		return serial.incrementAndGet();
	}

	/** The owner of a cell's record: the acting user for {@code own}, someone else otherwise. */
	private String owner(Who who, boolean own) {
		return own && !who.anonymous() ? who.name() : admin.username();
	}

	/** The owner a new record names: the acting user where there is one. */
	private String ownerOf(Who who) {
		return who.anonymous() ? admin.username() : who.name();
	}

	private TestUser reporter(Who who, boolean own) {
		return own && !who.anonymous() ? who.user() : requester;
	}

	private String token(TestUser owner) {
		return api.body(api.post(owner, "/api/v1/tokens", Map.of("name", "to revoke " + next())), HttpStatus.CREATED).get("token")
			.get("id").asString();
	}

	private String userId(String username) {
		return api.body(api.get(admin, "/api/v1/users?q=" + username), HttpStatus.OK).get("items").get(0).get("id").asString();
	}

	private UUID lockout() {
		String name = "locked-" + next();
		for (int i = 0; i < 5; i++) {
			throttle.failed(name, "10.79.0." + (1 + next() % 250), "wrong username or password");
		}
		return CurrentUser.runAsSystem(() -> throttle.lockouts()).stream().filter(l -> l.key().equals(name)).findFirst()
			.orElseThrow().id();
	}

	private String lockouts(UUID id) {
		return String.valueOf(CurrentUser.runAsSystem(() -> throttle.lockouts()).stream().anyMatch(l -> l.id().equals(id)));
	}

	@Autowired
	org.openaims.reporting.Exports exports;

	/** A background export of {@code owner}'s that has finished. */
	private String finishedExport(TestUser owner) {
		java.util.UUID id = CurrentUser.runAs(owner.username(), java.util.Set.of(Role.VIEWER), () -> exports.start(
				new org.openaims.reporting.Table("matrix", "Matrix", List.of("n"), 1, w -> w.row(List.of(1))),
				org.openaims.common.ExportFormat.XLSX).id());
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
		while (CurrentUser.runAs(owner.username(), java.util.Set.of(Role.VIEWER), () -> exports.job(id)).status()
				!= org.openaims.reporting.ExportJobView.Status.DONE) {
			assertThat(java.time.Instant.now()).as("export job " + id + " finishes").isBefore(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		return id.toString();
	}

	private Map<String, Object> systemBody(String owner) {
		return Map.of("name", "System " + next(), "intendedPurpose", "Screen applications", "organizationRoles", List.of("DEPLOYER"),
				"lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner", owner);
	}

	private String[] systemForm(String owner) {
		return new String[] { "name", "System " + next(), "intendedPurpose", "Screen applications", "organizationRoles", "DEPLOYER",
				"lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner", owner, "inScope", "true" };
	}

	private byte[] systemCsv() {
		return ("name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\nImported system " + next()
				+ ",Answer questions,DEPLOYER,IDEA,LOW," + admin.username() + "\n").getBytes(StandardCharsets.UTF_8);
	}

	// assurance fixtures

	private TestUser leadAuditorUser;

	private TestUser ownerAuditorUser;

	private TestUser leadAuditor() {
		if (leadAuditorUser == null) {
			leadAuditorUser = users.create(Role.AUDITOR);
		}
		return leadAuditorUser;
	}

	/** An auditor who also owns AI systems (not independent of them). */
	private TestUser ownerAuditor() {
		if (ownerAuditorUser == null) {
			ownerAuditorUser = users.create(Role.AUDITOR, Role.SYSTEM_OWNER);
		}
		return ownerAuditorUser;
	}

	/** Whether the principal may be on an audit team. */
	private static boolean auditing(Who who) {
		return List.of("ADMIN", "AIMS_MANAGER", "AUDITOR").contains(who.principal());
	}

	private Map<String, Object> contextBody() {
		return Map.of("kind", "EXTERNAL_ISSUE", "title", "EU AI Act obligations " + next(), "applicableLaws", "Regulation (EU) 2024/1689",
				"owner", admin.username());
	}

	private String contextEntry() {
		return api.body(api.post(admin, "/api/v1/context-entries", contextBody()), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> programmeBody() {
		return Map.of("title", "Audit programme " + next(), "periodStart", LocalDate.now().toString(), "periodEnd",
				LocalDate.now().plusYears(1).toString(), "criteria", "ISO/IEC 42001");
	}

	private String programme(boolean approved) {
		String id = api.body(api.post(requester, "/api/v1/audit-programmes", programmeBody()), HttpStatus.CREATED).get("id").asString();
		if (approved) {
			api.body(api.post(requester, "/api/v1/audit-programmes/" + id + "/submit", Map.of()), HttpStatus.OK);
			String request = api.body(api.get(admin, "/api/v1/approvals?status=PENDING&itemType=audit-programme&itemId=" + id), HttpStatus.OK)
				.get("items").get(0).get("id").asString();
			api.body(api.post(approver, "/api/v1/approvals/" + request + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		}
		return id;
	}

	private Map<String, Object> auditBody(String programme, TestUser lead, List<String> team, String... systems) {
		Map<String, Object> body = new HashMap<>();
		body.put("programmeId", programme);
		body.put("title", "Matrix audit " + next());
		body.put("plannedStart", LocalDate.now().toString());
		body.put("plannedEnd", LocalDate.now().toString());
		body.put("auditedFrom", LocalDate.now().minusDays(7).toString());
		body.put("auditedTo", LocalDate.now().toString());
		body.put("aiSystemIds", List.of(systems));
		body.put("processes", systems.length == 0 ? List.of("Matrix process " + next()) : List.of());
		body.put("leadAuditor", lead.username());
		body.put("team", team);
		return body;
	}

	private String audit(String programme, TestUser lead, List<String> team, String... systems) {
		return api.body(api.post(requester, "/api/v1/audits", auditBody(programme, lead, team, systems)), HttpStatus.CREATED).get("id").asString();
	}

	private String startedAudit(TestUser lead, List<String> team, String... systems) {
		String id = audit(programme(true), lead, team, systems);
		api.body(api.post(requester, "/api/v1/audits/" + id + "/start", Map.of()), HttpStatus.OK);
		return id;
	}

	private Map<String, Object> nonconformityBody(String owner) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Nonconformity " + next());
		body.put("source", "CONCERN");
		body.put("requirementRef", "A.6.2.5");
		body.put("severity", "MINOR");
		body.put("owner", owner);
		body.put("rootCauseMethod", "FIVE_WHYS");
		body.put("rootCause", "No step checks it");
		return body;
	}

	private String nonconformity(String owner) {
		return api.body(api.post(admin, "/api/v1/nonconformities", nonconformityBody(owner)), HttpStatus.CREATED).get("id").asString();
	}

	private String correctiveAction(String nonconformity, String owner) {
		JsonNode n = api.body(api.post(admin, "/api/v1/nonconformities/" + nonconformity + "/actions", Map.of("description", "Fix " + next(),
				"owner", owner, "dueDate", LocalDate.now().plusDays(5).toString())), HttpStatus.CREATED);
		return n.get("actions").get(n.get("actions").size() - 1).get("id").asString();
	}

	/** A candidate raised by a deployment without a gate allow. */
	private String candidate() {
		String system = system(admin.username());
		api.body(api.post(admin, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "1." + next(), "environment", "production")),
				HttpStatus.CREATED);
		for (int i = 0; i < 200; i++) {
			JsonNode items = api.body(api.get(admin, "/api/v1/nonconformities?status=CANDIDATE&aiSystem=" + system), HttpStatus.OK).get("items");
			if (items.size() > 0) {
				return items.get(0).get("id").asString();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("no candidate was raised for the deployment");
	}

	private Map<String, Object> reviewBody(String actionOwner) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Management review " + next());
		body.put("scheduledFor", LocalDate.now().toString());
		body.put("periodStart", LocalDate.now().minusMonths(3).toString());
		body.put("periodEnd", LocalDate.now().toString());
		body.put("chair", admin.username());
		body.put("attendees", List.of(admin.username()));
		body.put("actions", List.of(Map.of("description", "Act " + next(), "owner", actionOwner, "dueDate", LocalDate.now().plusDays(30).toString())));
		return body;
	}

	private String review(String actionOwner) {
		return api.body(api.post(requester, "/api/v1/management-reviews", reviewBody(actionOwner)), HttpStatus.CREATED).get("id").asString();
	}

	private String system(String owner) {
		return api.body(api.post(admin, "/api/v1/ai-systems", systemBody(owner)), HttpStatus.CREATED).get("id").asString();
	}

	private String[] monitored;

	/** A system with one accepted batch of events: its id and the batch's id. */
	private String[] monitoredBatch() {
		if (monitored == null) {
			String system = system(admin.username());
			JsonNode receipt = api.body(api.post(admin, "/api/v1/events?batchId=matrix-" + next(), List.of(Map.of("aiSystemId", system, "type",
					"metric", "name", "accuracy", "value", 0.9, "time", java.time.Instant.now().toString()))), HttpStatus.CREATED);
			monitored = new String[] { system, receipt.get("batchId").asString() };
		}
		return monitored;
	}

	private Map<String, Object> ruleBody(String system) {
		return Map.of("aiSystemId", system, "name", "Accuracy floor " + next(), "kind", "THRESHOLD", "eventType", "metric", "eventName",
				"accuracy", "direction", "BELOW", "raiseValue", 0.9, "clearValue", 0.92, "forSeconds", 0);
	}

	private String monitoringRule(String system) {
		return api.body(api.post(admin, "/api/v1/monitoring-rules", ruleBody(system)), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> incidentBody(String system, boolean serious) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Incident " + next());
		body.put("severity", "HIGH");
		body.put("aiSystemIds", List.of(system));
		body.put("classifications", serious ? List.of("SERIOUS") : List.of());
		body.put("containment", "Paused the model");
		body.put("rootCause", "A data pipeline fault");
		return body;
	}

	/** An open incident owned by {@code owner} (the owner of its system); {@code serious}: with a report due. */
	private JsonNode incident(String owner, boolean serious) {
		String system = system(owner);
		return api.body(api.post(admin, "/api/v1/incidents", incidentBody(system, serious)), HttpStatus.CREATED);
	}

	private Map<String, Object> vendorBody() {
		return Map.of("name", "Vendor " + next(), "dueDiligenceStatus", "IN_PROGRESS");
	}

	private String vendor() {
		return api.body(api.post(admin, "/api/v1/vendors", vendorBody()), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> scopeBody() {
		return Map.of("boundaries", "Everything " + next(), "inclusionCriteria", "All AI systems we build or buy");
	}

	/** A scope statement in force: saved by the administrator and approved by someone else. */
	private void scope() {
		int version = scopeDraft();
		String approval = api.body(api.post(admin, "/api/v1/scope/versions/" + version + "/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
	}

	/** The number of a new draft of the scope statement, the newest version. */
	private int scopeDraft() {
		return api.body(api.put(admin, "/api/v1/scope", scopeBody()), HttpStatus.OK).get("versionNo").asInt();
	}

	/** A risk of the administrator's with one open treatment action owned by {@code actionOwner}: its id and the action's. */
	private String[] openAction(String actionOwner) {
		String id = risk(admin.username());
		JsonNode planned = api.body(api.put(admin, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "actions",
				List.of(Map.of("title", "Guard " + next(), "owner", actionOwner, "dueDate", LocalDate.now().plusDays(20).toString(),
						"controls", List.of("A.6.2.8"))))), HttpStatus.OK);
		return new String[] { id, planned.get("actions").get(0).get("id").asString() };
	}

	private Map<String, Object> policyBody(String owner) {
		return Map.of("title", "Policy " + next(), "owner", owner, "reviewIntervalMonths", 12, "approvalsRequired", 1, "body",
				"# Policy");
	}

	private String policy(String owner) {
		return api.body(api.post(admin, "/api/v1/policies", policyBody(owner)), HttpStatus.CREATED).get("id").asString();
	}

	private String approvedPolicy(String owner) {
		String id = policy(owner);
		String approval = api.body(api.post(admin, "/api/v1/policies/" + id + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		return id;
	}

	private String publishedPolicy(String owner) {
		String id = approvedPolicy(owner);
		api.body(api.post(admin, "/api/v1/policies/" + id + "/versions/1/publish", Map.of()), HttpStatus.OK);
		return id;
	}

	/** A pending approval of a policy version that {@code requester} owns and submitted. */
	private String pendingApproval(TestUser requester) {
		String id = policy(requester.username());
		return api.body(api.post(requester, "/api/v1/policies/" + id + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
	}

	private Map<String, Object> objectiveBody(String owner) {
		return Map.of("title", "Objective " + next(), "measure", "selection rate ratio", "target", "above 0.8", "owner", owner,
				"dueDate", LocalDate.now().plusMonths(3).toString());
	}

	private Map<String, Object> evidenceBody(String owner) {
		return Map.of("kind", "NOTE", "title", "Evidence " + next(), "description", "What was checked", "owner", owner);
	}

	private String evidence(String owner) {
		return api.body(api.post(admin, "/api/v1/evidence", evidenceBody(owner)), HttpStatus.CREATED).get("id").asString();
	}

	private String evidenceFile(String owner) {
		return api.body(api.upload(admin, "/api/v1/evidence/files", "file", "report.txt", "text/plain",
				("Report " + next()).getBytes(StandardCharsets.UTF_8), "title", "File " + next(), "owner", owner), HttpStatus.CREATED)
			.get("id").asString();
	}

	private Map<String, Object> competenceBody() {
		return Map.of("person", admin.username(), "area", "APPROVER", "competence", "Approver briefing " + next());
	}

	private String competence() {
		return api.body(api.post(admin, "/api/v1/competences", competenceBody()), HttpStatus.CREATED).get("id").asString();
	}

	static final String GATE_POLICY = "tiers:\n  HIGH:\n    tests: {failureBudget: 0}\n";

	private byte[] junitReport() {
		return ("<testsuite name=\"m\"><testcase name=\"t" + next() + "\"/></testsuite>").getBytes(StandardCharsets.UTF_8);
	}

	private String testRun(String system) {
		return api.body(api.upload(admin, "/api/v1/test-runs", "reports", "TEST-a.xml", "application/xml", junitReport(), "aiSystemId", system,
				"version", "1.0"), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> thresholdsBody(String system) {
		return Map.of("aiSystemId", system, "thresholds", List.of(Map.of("metric", "accuracy", "direction", "AT_LEAST", "bound", 0.9)));
	}

	private String thresholds(String system) {
		return api.body(api.post(admin, "/api/v1/metric-thresholds", thresholdsBody(system)), HttpStatus.CREATED).get("id").asString();
	}

	private String gatePolicy() {
		return api.body(api.post(admin, "/api/v1/gate-policies", Map.of("source", GATE_POLICY)), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> changeBody(String system) {
		return Map.of("aiSystemId", system, "fromVersion", "1.0", "toVersion", "2." + next(), "type", "MODEL_RETRAINED", "title",
				"Retrain " + next(), "significance", "MINOR", "rollbackPlan", Map.of("steps", "Redeploy 1.0", "triggerCriteria", "errors up",
						"owner", admin.username(), "tested", false));
	}

	private String change(String system) {
		return api.body(api.post(admin, "/api/v1/changes", changeBody(system)), HttpStatus.CREATED).get("id").asString();
	}

	private String gateDecision(String change) {
		return api.body(api.post(admin, "/api/v1/changes/" + change + "/gate", Map.of()), HttpStatus.CREATED).get("id").asString();
	}

	/** The change's version deployed to production (without a gate decision). */
	private String deployment(String change) {
		JsonNode c = api.body(api.get(admin, "/api/v1/changes/" + change), HttpStatus.OK);
		return api.body(api.post(admin, "/api/v1/deployments", Map.of("aiSystemId", c.get("aiSystemId").asString(), "version",
				c.get("toVersion").asString(), "environment", "production", "changeId", change)), HttpStatus.CREATED).get("id").asString();
	}

	/** A multipart upload of a text file with form fields, as the cell's user. */
	private MvcTestResult uploadWith(Who who, String uri, String name, byte[] content, String... fields) {
		return uploadPart(who, uri, "file", name, "text/plain", content, fields);
	}

	/** A multipart upload of one part with form fields, as the cell's user. */
	private MvcTestResult uploadPart(Who who, String uri, String part, String name, String type, byte[] content, String... fields) {
		MockMvcTester.MockMultipartMvcRequestBuilder request = mvc.post().uri(uri).multipart()
			.file(new MockMultipartFile(part, name, type, content));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		int n = next();
		request.with(r -> {
			r.setRemoteAddr("10.77." + (n / 250) % 250 + "." + (1 + n % 250));
			return r;
		});
		if (!who.anonymous()) {
			request.header("Authorization", who.user().bearer());
		}
		return request.exchange();
	}

	private String[] objectiveForm(String owner) {
		return new String[] { "title", "Objective " + next(), "measure", "selection rate ratio", "target", "above 0.8", "owner", owner,
				"dueDate", LocalDate.now().plusMonths(3).toString(), "status", "NOT_STARTED" };
	}

	private String objective(String owner) {
		return api.body(api.post(admin, "/api/v1/objectives", objectiveBody(owner)), HttpStatus.CREATED).get("id").asString();
	}

	private String concern(TestUser reporter) {
		return api.body(api.post(reporter, "/api/v1/concerns", Map.of("summary", "Concern " + next(), "description", "d")),
				HttpStatus.CREATED).get("id").asString();
	}

	private String receipt() {
		return api.body(mvc.post().uri("/api/v1/public/concerns").with(r -> {
			r.setRemoteAddr("10.80.0." + (1 + next() % 250));
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content(api.write(Map.of("summary", "Followed " + next(), "description", "d")))
			.exchange(), HttpStatus.CREATED).get("receipt").asString();
	}

	private byte[] frameworkYaml(String key) {
		return ("""
				urn: urn:test:library:%1$s
				name: Matrix %1$s
				version: 1
				objects:
				  framework:
				    urn: urn:test:framework:%1$s
				    ref_id: %1$s
				    name: Matrix framework %1$s
				    requirement_nodes:
				    - urn: urn:test:req_node:%1$s:c-1
				      ref_id: C-1
				      name: Control one
				      assessable: true
				      implementation_groups: [soa]
				""").formatted(key).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] mappingYaml(String key) {
		return ("""
				urn: urn:test:library:%1$s
				name: Mapping %1$s
				version: 1
				objects:
				  requirement_mapping_set:
				    urn: urn:test:mapping:%1$s
				    name: Mapping %1$s
				    source_framework_urn: urn:openaims:framework:iso42001-2023
				    target_framework_urn: urn:test:framework:%1$s
				    requirement_mappings:
				    - source_requirement_urn: urn:openaims:req_node:iso42001-2023:a.6.2.4
				      target_requirement_urn: urn:test:req_node:%1$s:c-1
				      relationship: subset
				""").formatted(key).getBytes(StandardCharsets.UTF_8);
	}

	private String framework() {
		return api.body(api.postBytes(admin, "/api/v1/frameworks", "application/yaml", frameworkYaml("fx" + next())),
				HttpStatus.CREATED).get("id").asString();
	}

	private String soa() {
		return api.body(api.post(admin, "/api/v1/soa", Map.of("frameworkId", framework())), HttpStatus.CREATED).get("id").asString();
	}

	private String soaRequirement(String soaId) {
		return api.body(api.get(admin, "/api/v1/soa/" + soaId), HttpStatus.OK).get("entries").get(0).get("requirementId").asString();
	}

	/** The 5×5 criteria the risk fixtures score on; every version a cell drafts is the same, so approving one changes nothing. */
	private Map<String, Object> criteriaDefinition() {
		Map<String, Object> definition = new LinkedHashMap<>();
		List<Map<String, String>> scale = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			scale.add(Map.of("name", "Level " + i));
		}
		definition.put("likelihood", scale);
		definition.put("impact", scale);
		definition.put("levels", List.of(Map.of("key", "low", "name", "Low", "acceptedBy", List.of("RISK_OWNER", "AIMS_MANAGER", "ADMIN")),
				Map.of("key", "high", "name", "High", "acceptedBy", List.of("AIMS_MANAGER", "ADMIN"))));
		List<List<String>> matrix = new ArrayList<>();
		for (int l = 0; l < 5; l++) {
			List<String> row = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				row.add(l + i >= 6 ? "high" : "low");
			}
			matrix.add(row);
		}
		definition.put("matrix", matrix);
		return definition;
	}

	private Map<String, Object> criteriaBody() {
		return Map.of("definition", criteriaDefinition(), "changeNote", "matrix " + next());
	}

	/** The same criteria as form fields. */
	private String[] criteriaForm() {
		StringBuilder matrix = new StringBuilder();
		for (int l = 0; l < 5; l++) {
			for (int i = 0; i < 5; i++) {
				matrix.append(l + i >= 6 ? "high" : "low").append(i < 4 ? " " : "\n");
			}
		}
		return new String[] { "likelihood", "Level 1\nLevel 2\nLevel 3\nLevel 4\nLevel 5", "impact",
				"Level 1\nLevel 2\nLevel 3\nLevel 4\nLevel 5", "levels", "low | Low | RISK_OWNER, AIMS_MANAGER, ADMIN\nhigh | High | AIMS_MANAGER, ADMIN",
				"matrix", matrix.toString().strip(), "changeNote", "matrix " + next() };
	}

	/**
	 * Criteria are drafted one version at a time, and a draft is not discarded: whatever a cell left
	 * as a draft or under review is approved (it is the same 5×5 criteria), so a new draft may start.
	 */
	private void noCriteriaDraft() {
		JsonNode latest = api.body(api.get(admin, "/api/v1/risk-criteria"), HttpStatus.OK).get(0);
		if (latest == null) {
			return;
		}
		String id = latest.get("id").asString();
		String status = latest.get("status").asString();
		if (status.equals("DRAFT")) {
			api.body(api.put(admin, "/api/v1/risk-criteria/" + id, criteriaBody()), HttpStatus.OK);
			latest = api.body(api.post(admin, "/api/v1/risk-criteria/" + id + "/submit", Map.of()), HttpStatus.OK);
			status = "IN_REVIEW";
		}
		if (status.equals("IN_REVIEW")) {
			JsonNode version = api.body(api.get(admin, "/api/v1/risk-criteria/" + id), HttpStatus.OK);
			api.body(api.post(approver, "/api/v1/approvals/" + version.get("approval").get("id").asString() + "/decisions",
					Map.of("decision", "APPROVE")), HttpStatus.OK);
		}
	}

	/** A draft version of the criteria, made by an administrator. */
	private String criteriaDraft() {
		noCriteriaDraft();
		return api.body(api.post(admin, "/api/v1/risk-criteria", criteriaBody()), HttpStatus.CREATED).get("id").asString();
	}

	/** The 5×5 criteria in force (risks are scored on them). */
	private String criteriaInForce() {
		noCriteriaDraft();
		JsonNode current = api.get(admin, "/api/v1/risk-criteria/current").getResponse().getStatus() == 200
				? api.body(api.get(admin, "/api/v1/risk-criteria/current"), HttpStatus.OK) : null;
		if (current != null && current.get("definition").get("likelihood").size() == 5) {
			return current.get("id").asString();
		}
		String id = api.body(api.post(admin, "/api/v1/risk-criteria", criteriaBody()), HttpStatus.CREATED).get("id").asString();
		noCriteriaDraft();
		return id;
	}

	private Map<String, Object> riskBody(String owner) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("title", "Risk " + next());
		r.put("category", "bias");
		r.put("inherentLikelihood", 3);
		r.put("inherentImpact", 3);
		r.put("owner", owner);
		r.put("reviewDate", LocalDate.now().plusMonths(6).toString());
		return r;
	}

	private String[] riskForm(String owner) {
		return new String[] { "title", "Risk " + next(), "category", "bias", "inherentLikelihood", "3", "inherentImpact", "3", "owner",
				owner, "reviewDate", LocalDate.now().plusMonths(6).toString() };
	}

	private String risk(String owner) {
		return api.body(api.post(admin, "/api/v1/risks", riskBody(owner)), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> treatmentBody() {
		return Map.of("option", "MODIFY", "targetLikelihood", 1, "targetImpact", 2, "actions", List.of(Map.of("title", "Guard",
				"owner", admin.username(), "dueDate", LocalDate.now().plusDays(20).toString(), "status", "DONE", "doneOn",
				LocalDate.now().toString(), "controls", List.of("A.6.2.8"))));
	}

	private String residualRisk(String owner) {
		String id = risk(owner);
		api.body(api.put(admin, "/api/v1/risks/" + id + "/treatment", treatmentBody()), HttpStatus.OK);
		api.body(api.post(admin, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1, "impact", 2)), HttpStatus.OK);
		return id;
	}

	private Map<String, Object> assessmentBody() {
		return Map.of("intendedUse", "Screen applications " + next(), "impacts", List.of(Map.of("area", "FAIRNESS", "description",
				"older applicants ranked lower", "severity", 3, "likelihood", 2, "mitigation", "human review")));
	}

	private String assessment(String systemOwner) {
		String system = system(systemOwner);
		return api.body(api.post(admin, "/api/v1/impact-assessments", Map.of("aiSystemId", system)), HttpStatus.CREATED).get("id")
			.asString();
	}

	private long checkpoint() {
		LedgerTestSupport.awaitRecorded(jdbc);
		return CurrentUser.runAsSystem(() -> applicationCheckpoint());
	}

	@Autowired
	org.openaims.ledger.internal.Checkpointer checkpointer;

	private long applicationCheckpoint() {
		return checkpointer.checkpoint().orElseThrow().treeSize();
	}
}
