package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Bad input the probe sent that answered 500: NUL characters (PostgreSQL cannot store them) in every
 * kind of text field, YAML nested thousands of levels deep, and form fields with an index suffix.
 * Each is refused with a 400 naming the field, and nothing is written.
 */
@AimsTest
class HostileInputTests {

	private static final String NUL = "bad\u0000text";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void nulCharacterInAnyTextFieldOfAJsonBodyIsRefusedNamingTheField() {
		TestUser admin = users.create(Role.ADMIN);
		Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
		bodies.put("/api/v1/vendors", Map.of("name", "Acme", "services", "hosting", "contractReference", "C-1",
				"dueDiligenceStatus", "IN_PROGRESS"));
		bodies.put("/api/v1/ai-systems", Map.of("name", "Triage", "description", "d", "intendedPurpose", "p",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "IDEA", "riskTier", "LOW", "owner",
				admin.username(), "businessUnit", "ops", "dataResources", "logs"));
		bodies.put("/api/v1/objectives", Map.of("title", "t", "measure", "m", "target", "x", "owner", admin.username(),
				"dueDate", "2027-01-31"));
		bodies.put("/api/v1/policies", Map.of("title", "P", "owner", admin.username(), "reviewIntervalMonths", 12,
				"approvalsRequired", 1, "alignedWith", "ISMS", "body", "text"));
		bodies.put("/api/v1/concerns", Map.of("summary", "s", "description", "d"));
		int tried = 0;
		for (Map.Entry<String, Map<String, Object>> endpoint : bodies.entrySet()) {
			long before = rows();
			for (Map.Entry<String, Object> field : endpoint.getValue().entrySet()) {
				if (!(field.getValue() instanceof String) || field.getKey().equals("owner") || field.getKey().endsWith("Date")
						|| field.getKey().equals("lifecycleStage") || field.getKey().equals("riskTier")
						|| field.getKey().equals("dueDiligenceStatus")) {
					continue;
				}
				Map<String, Object> body = new LinkedHashMap<>(endpoint.getValue());
				body.put(field.getKey(), NUL);
				api.problem(api.post(admin, endpoint.getKey(), body), HttpStatus.BAD_REQUEST, field.getKey(), "NUL character");
				tried++;
			}
			assertThat(rows()).as("nothing written by " + endpoint.getKey()).isEqualTo(before);
		}
		assertThat(tried).isGreaterThanOrEqualTo(15);
		// Inside lists and as map keys' values too.
		api.problem(api.post(admin, "/api/v1/policies", Map.of("title", "P2", "owner", admin.username(),
				"reviewIntervalMonths", 12, "approvalsRequired", 1, "addresses", List.of("5.2", "A.2\u0000"))),
				HttpStatus.BAD_REQUEST, "addresses[1]", "NUL character");
	}

	@Test
	void nulCharacterInAFormFieldAQueryOrAnUploadedFileNameIsRefusedNamingIt() throws Exception {
		TestUser admin = users.create(Role.ADMIN);
		long before = rows();
		MvcTestResult form = mvc.post().uri("/vendors/new").with(user(admin.username()).roles("ADMIN")).with(csrf())
			.param("name", NUL).param("dueDiligenceStatus", "IN_PROGRESS").exchange();
		api.problem(form, HttpStatus.BAD_REQUEST, "name", "NUL character");
		api.problem(mvc.get().uri("/api/v1/vendors").param("q", NUL).header("Authorization", admin.bearer()).exchange(),
				HttpStatus.BAD_REQUEST, "q", "NUL character");
		String csv = "name,due_diligence_status\n" + "Acme" + "\u0000" + ",IN_PROGRESS\n";
		api.problem(api.postCsv(admin, "/api/v1/vendors/import", csv), HttpStatus.BAD_REQUEST, null, "NUL character");
		JsonPolicy policy = policy(admin);
		MvcTestResult upload = mvc.post().uri("/api/v1/policies/" + policy.id + "/versions/1/file")
			.header("Authorization", admin.bearer())
			.multipart()
			.file(new MockMultipartFile("file", "policy\u0000.pdf", "application/pdf", "%PDF-1.4 test".getBytes()))
			.exchange();
		api.problem(upload, HttpStatus.BAD_REQUEST, "file", "NUL character");
		assertThat(rows()).isEqualTo(before + policy.rows);
	}

	@Test
	void yamlLibraryNestedThousandsOfLevelsDeepIsRefusedBeforeItIsParsed() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		for (int depth : new int[] { 100, 1_000, 10_000 }) {
			String yaml = "urn: x\nobjects:\n  framework: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
			api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8)),
					HttpStatus.BAD_REQUEST, "file", "nested more than 64 levels");
			String block = "urn: x\nobjects:\n" + nestedBlock(Math.min(depth, 3_000));
			api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", block.getBytes(StandardCharsets.UTF_8)),
					HttpStatus.BAD_REQUEST, "file", "nested more than 64 levels");
		}
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/json",
				("{\"catalog\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, "file", null);
	}

	@Test
	void formFieldNamedWithAnIndexSuffixIsIgnoredNotAnError() {
		TestUser admin = users.create(Role.ADMIN);
		MvcTestResult result = mvc.post().uri("/vendors/new").with(user(admin.username()).roles("ADMIN")).with(csrf())
			.param("name[0]", "x").param("name", "Indexed Vendor").param("dueDiligenceStatus[1]", "y")
			.param("dueDiligenceStatus", "IN_PROGRESS").param("id", "00000000-0000-0000-0000-000000000001").exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM vendors WHERE name = 'Indexed Vendor' AND id <> '00000000-0000-0000-0000-000000000001'")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void datesBefore1900OrAfter2200AreRefusedInJsonFormsAndQueries() {
		TestUser admin = users.create(Role.ADMIN);
		for (String date : new String[] { "1899-12-31", "0202-01-01", "2201-01-01", "+20226-01-01" }) {
			api.problem(api.post(admin, "/api/v1/objectives", Map.of("title", "t", "measure", "m", "target", "x", "owner",
					admin.username(), "dueDate", date)), HttpStatus.BAD_REQUEST, "dueDate", null);
		}
		api.problem(api.post(admin, "/api/v1/objectives", Map.of("title", "t", "measure", "m", "target", "x", "owner",
				admin.username(), "dueDate", "1899-12-31")), HttpStatus.BAD_REQUEST, "dueDate", "between 1900-01-01 and 2200-12-31");
		api.problem(api.get(admin, "/api/v1/vendors?reviewDueBy=2300-01-01"), HttpStatus.BAD_REQUEST, "reviewDueBy",
				"between 1900-01-01 and 2200-12-31");
		MvcTestResult form = mvc.post().uri("/vendors/new").with(user(admin.username()).roles("ADMIN")).with(csrf())
			.param("name", "Old Vendor").param("dueDiligenceStatus", "IN_PROGRESS").param("nextReviewDate", "1850-06-01").exchange();
		assertThat(form).hasStatusOk();
		assertThat(form).bodyText().contains("between 1900-01-01 and 2200-12-31");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM vendors WHERE name = 'Old Vendor'").query(Long.class).single()).isZero();
		// The edges are accepted.
		assertThat(api.post(admin, "/api/v1/objectives", Map.of("title", "edge", "measure", "m", "target", "x", "owner",
				admin.username(), "dueDate", "2200-12-31"))).hasStatus(HttpStatus.CREATED);
	}

	private record JsonPolicy(String id, long rows) {
	}

	private JsonPolicy policy(TestUser admin) {
		long before = rows();
		String id = api.body(api.post(admin, "/api/v1/policies", Map.of("title", "Upload target " + System.nanoTime(), "owner",
				admin.username(), "reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "text")), HttpStatus.CREATED)
			.get("id").asString();
		return new JsonPolicy(id, rows() - before);
	}

	private static String nestedBlock(int depth) {
		StringBuilder yaml = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			yaml.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
		}
		yaml.append("  ".repeat(depth + 1)).append("end\n");
		return yaml.toString();
	}

	/** Rows of the registers these requests write to. */
	private long rows() {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM vendors) + (SELECT COUNT(*) FROM ai_systems) + "
				+ "(SELECT COUNT(*) FROM objectives) + (SELECT COUNT(*) FROM policies) + (SELECT COUNT(*) FROM policy_versions) + "
				+ "(SELECT COUNT(*) FROM concerns)").query(Long.class).single();
	}
}
