package org.openaims.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The Statement of Applicability of ISO/IEC 42001 Annex A through the REST API: justification both
 * ways, approval by someone other than the editors, immutable approved versions, differences between
 * versions, exports listing all 38 controls, and what implemented controls support in ISO 27001.
 */
@AimsTest
class SoaApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	TestUser approver;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		approver = users.create(Role.APPROVER);
	}

	@Test
	void theAnnexAStatementIsDecidedApprovedByAnotherPersonAndThenImmutable() throws IOException {
		JsonNode soa = soa();
		String id = soa.get("id").asString();
		Map<String, String> controls = controls(soa);
		assertThat(controls).hasSize(38);
		assertThat(soa.get("status").asString()).isEqualTo("DRAFT");

		// Justification is required both ways, and the status must fit the decision.
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId", controls.get("A.2.2"),
				"applicable", false))), HttpStatus.BAD_REQUEST, "entries[0].justification", "an exclusion needs a justification");
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId", controls.get("A.2.2"),
				"applicable", true, "status", "IMPLEMENTED"))), HttpStatus.BAD_REQUEST, "entries[0].justification",
				"say why the control is included");
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId", controls.get("A.2.2"),
				"applicable", true, "justification", "x", "status", "NOT_APPLICABLE"))), HttpStatus.BAD_REQUEST, "entries[0].status", null);
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId", controls.get("A.2.2"),
				"applicable", false, "justification", "x", "status", "IMPLEMENTED"))), HttpStatus.BAD_REQUEST, "entries[0].status",
				"NOT_APPLICABLE");
		// Nothing of a refused batch is written, even its valid lines.
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(
				Map.of("requirementId", controls.get("A.2.3"), "applicable", true, "justification", "ok", "status", "PLANNED"),
				Map.of("requirementId", controls.get("A.2.4"), "applicable", false))), HttpStatus.BAD_REQUEST, "entries[1].justification",
				null);
		assertThat(entry(api.body(api.get(manager, "/api/v1/soa/" + id), HttpStatus.OK), "A.2.3").get("applicable").isNull()).isTrue();

		// Submitting with undecided controls is refused and names them.
		api.problem(api.post(manager, "/api/v1/soa/" + id + "/submit", Map.of()), HttpStatus.CONFLICT, null, "not decided");

		List<Map<String, Object>> all = new ArrayList<>();
		controls.forEach((ref, requirementId) -> {
			Map<String, Object> change = new HashMap<>();
			change.put("requirementId", requirementId);
			if (ref.equals("A.10.4")) {
				change.put("applicable", false);
				change.put("justification", "We provide no AI system to customers");
			}
			else {
				change.put("applicable", true);
				change.put("justification", "Selected by the AI risk treatment plan");
				change.put("status", ref.startsWith("A.6") ? "PARTIAL" : "IMPLEMENTED");
				change.put("owner", manager.username());
			}
			all.add(change);
		});
		JsonNode decided = api.body(api.patch(manager, "/api/v1/soa/" + id + "/entries", Map.of("entries", all, "note", "first pass")),
				HttpStatus.OK);
		assertThat(entry(decided, "A.10.4").get("status").asString()).isEqualTo("NOT_APPLICABLE");
		JsonNode submitted = api.body(api.post(manager, "/api/v1/soa/" + id + "/submit", Map.of()), HttpStatus.OK);
		assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
		String approvalId = submitted.get("approval").get("id").asString();

		// The editor may not approve; neither may another manager who edited a line.
		api.problem(api.post(manager, "/api/v1/approvals/" + approvalId + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "segregation of duties");
		JsonNode approved = api.body(api.post(approver, "/api/v1/approvals/" + approvalId + "/decisions",
				Map.of("decision", "APPROVE", "comment", "complete")), HttpStatus.OK);
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		JsonNode v1 = api.body(api.get(manager, "/api/v1/soa/" + id), HttpStatus.OK);
		assertThat(v1.get("status").asString()).isEqualTo("APPROVED");
		assertThat(v1.get("versionNo").asInt()).isEqualTo(1);

		// An approved version never changes: an edit opens version 2.
		JsonNode v2 = api.body(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId",
				controls.get("A.6.2.4"), "status", "IMPLEMENTED"))), HttpStatus.OK);
		assertThat(v2.get("versionNo").asInt()).isEqualTo(2);
		assertThat(v2.get("status").asString()).isEqualTo("DRAFT");
		JsonNode stillV1 = api.body(api.get(manager, "/api/v1/soa/" + id + "?version=1"), HttpStatus.OK);
		assertThat(stillV1.get("status").asString()).isEqualTo("APPROVED");
		assertThat(entry(stillV1, "A.6.2.4").get("status").asString()).isEqualTo("PARTIAL");
		assertThat(stillV1.get("approval").get("changedSinceRequest").asBoolean()).isFalse();
		JsonNode diff = api.body(api.get(manager, "/api/v1/soa/" + id + "/diff?from=1&to=2"), HttpStatus.OK);
		assertThat(diff).hasSize(1);
		assertThat(diff.get(0).get("refId").asString()).isEqualTo("A.6.2.4");
		assertThat(diff.get(0).get("changes").get("status").get("from").asString()).isEqualTo("PARTIAL");
		assertThat(diff.get(0).get("changes").get("status").get("to").asString()).isEqualTo("IMPLEMENTED");

		// Exports of the approved version list all 38 controls with their status.
		String csv = api.csv(api.get(manager, "/api/v1/soa/" + id + "/export?version=1&format=csv"));
		List<String> csvLines = csv.lines().toList();
		assertThat(csvLines).hasSize(39);
		controls.keySet().forEach(ref -> assertThat(csv).contains("\n" + ref + ","));
		assertThat(csvLines.stream().filter(l -> l.startsWith("A.6.2.4,")).findFirst().orElseThrow()).contains("PARTIAL");

		MvcTestResult xlsx = api.get(manager, "/api/v1/soa/" + id + "/export?version=1&format=xlsx");
		assertThat(xlsx).hasStatusOk();
		Map<String, String> statuses = new LinkedHashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				String ref = row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
				if (controls.containsKey(ref)) {
					statuses.put(ref, row.getCell(4).getStringCellValue());
				}
			}
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("Statement of Applicability");
		}
		assertThat(statuses).hasSize(38).containsEntry("A.10.4", "NOT_APPLICABLE").containsEntry("A.6.2.4", "PARTIAL");

		MvcTestResult pdf = api.get(manager, "/api/v1/soa/" + id + "/export?version=1&format=pdf");
		assertThat(pdf).hasStatusOk();
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			text = new PDFTextStripper().getText(document);
		}
		assertThat(text).contains("Version 1").contains("approved").contains("Approved on").contains(approver.username());
		for (String ref : controls.keySet()) {
			assertThat(text).as(ref).containsPattern("(?m)^" + java.util.regex.Pattern.quote(ref) + " ");
		}
		assertThat(text).contains("IMPLEMENTED").contains("NOT_APPLICABLE");
		api.problem(api.get(manager, "/api/v1/soa/" + id + "/export?format=doc"), HttpStatus.BAD_REQUEST, "format", null);

		// Every step is in the statement's history.
		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(approver, "/api/v1/soa/" + id + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsSubsequence("SoaCreated", "SoaEntriesChanged", "SoaVersionSubmitted", "ApprovalRequested",
				"ApprovalDecided", "ApprovalCompleted", "SoaVersionApproved", "SoaVersionChanged", "SoaEntriesChanged");
	}

	@Test
	void aVersionEditedUnderReviewGoesBackToDraftAndItsApprovalIsVoid() {
		JsonNode soa = privateSoa();
		String id = soa.get("id").asString();
		assertThat(soa.get("status").asString()).isEqualTo("DRAFT");
		Map<String, String> controls = controls(soa);
		List<Map<String, Object>> all = new ArrayList<>();
		controls.values().forEach(r -> all.add(Map.of("requirementId", r, "applicable", true, "justification", "needed", "status",
				"PLANNED")));
		api.body(api.patch(manager, "/api/v1/soa/" + id + "/entries", Map.of("entries", all)), HttpStatus.OK);
		String approvalId = api.body(api.post(manager, "/api/v1/soa/" + id + "/submit", Map.of()), HttpStatus.OK).get("approval")
			.get("id").asString();
		TestUser second = users.create(Role.AIMS_MANAGER);
		JsonNode edited = api.body(api.patch(second, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId",
				controls.get("A.2"), "justification", "needed, see RACI"))), HttpStatus.OK);
		assertThat(edited.get("status").asString()).isEqualTo("DRAFT");
		assertThat(api.body(api.get(manager, "/api/v1/approvals/" + approvalId), HttpStatus.OK).get("status").asString())
			.isEqualTo("INVALIDATED");
		// The second manager edited it now, so they may not approve the new request either.
		String again = api.body(api.post(manager, "/api/v1/soa/" + id + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id")
			.asString();
		api.problem(api.post(second, "/api/v1/approvals/" + again + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN,
				null, "wrote this item");
		api.body(api.post(approver, "/api/v1/approvals/" + again + "/decisions", Map.of("decision", "REJECT", "comment", "vague")),
				HttpStatus.OK);
		assertThat(api.body(api.get(manager, "/api/v1/soa/" + id), HttpStatus.OK).get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void aNewerFrameworkVersionLeavesTheStatementMadeAgainstTheOldOneAsItWas() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String library = "version: 1\nobjects:\n  framework:\n    urn: urn:test:framework:versioned-" + tag + "\n    name: Versioned "
				+ tag + "\n    requirement_nodes:\n    - urn: urn:test:versioned-" + tag + ":a.1\n      ref_id: A.1\n      name: Old rule\n"
				+ "      assessable: true\n";
		String v1 = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml",
				library.getBytes(java.nio.charset.StandardCharsets.UTF_8)), HttpStatus.CREATED).get("id").asString();
		JsonNode soa = api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", v1)), HttpStatus.CREATED);
		api.body(api.patch(manager, "/api/v1/soa/" + soa.get("id").asString() + "/entries", changes(Map.of("requirementId",
				controls(soa).get("A.1"), "applicable", true, "justification", "assessed", "status", "IMPLEMENTED"))), HttpStatus.OK);

		String newer = library.replace("version: 1", "version: 2").replace("Old rule", "New rule") + "    - urn: urn:test:versioned-" + tag
				+ ":a.2\n      ref_id: A.2\n      name: Added rule\n      assessable: true\n";
		String v2 = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml",
				newer.getBytes(java.nio.charset.StandardCharsets.UTF_8)), HttpStatus.CREATED).get("id").asString();
		assertThat(v2).isNotEqualTo(v1);
		assertThat(api.body(api.get(manager, "/api/v1/frameworks/" + v1), HttpStatus.OK).get("latest").asBoolean()).isFalse();
		JsonNode kept = api.body(api.get(manager, "/api/v1/soa/" + soa.get("id").asString()), HttpStatus.OK);
		assertThat(kept.get("frameworkId").asString()).isEqualTo(v1);
		assertThat(kept.get("entries")).hasSize(1);
		assertThat(entry(kept, "A.1").get("name").asString()).isEqualTo("Old rule");
		assertThat(entry(kept, "A.1").get("status").asString()).isEqualTo("IMPLEMENTED");
		// The new version gets a statement of its own.
		JsonNode next = api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", v2)), HttpStatus.CREATED);
		assertThat(next.get("entries")).hasSize(2);
	}

	@Test
	void implementedControlsShowWhatTheySupportInIso27001() {
		JsonNode soa = soa();
		String framework = soa.get("frameworkId").asString();
		JsonNode implementations = api.body(api.get(manager, "/api/v1/control-implementations?framework=" + framework), HttpStatus.OK);
		assertThat(implementations).hasSize(38);
		JsonNode a622 = null;
		for (JsonNode i : implementations) {
			if (i.get("refId").asString().equals("A.6.2.8")) {
				a622 = i;
			}
		}
		assertThat(a622).isNotNull();
		List<String> supports = new ArrayList<>();
		a622.get("supports").forEach(s -> supports.add(s.get("frameworkKey").asString() + " " + s.get("refId").asString()));
		assertThat(supports).containsExactly("iso27001-2022 A.8.15");
		JsonNode one = api.body(api.get(manager, "/api/v1/control-implementations/" + a622.get("requirementId").asString()),
				HttpStatus.OK);
		assertThat(one.get("supports").get(0).get("refId").asString()).isEqualTo("A.8.15");
	}

	@Test
	void badRequestsAreRefusedWithReasons() {
		JsonNode soa = soa();
		String id = soa.get("id").asString();
		api.problem(api.post(manager, "/api/v1/soa", Map.of("frameworkId", soa.get("frameworkId").asString())), HttpStatus.CONFLICT,
				null, "already");
		api.problem(api.post(manager, "/api/v1/soa", Map.of("frameworkId", UUID.randomUUID().toString())), HttpStatus.BAD_REQUEST,
				"frameworkId", "no framework");
		api.problem(api.post(manager, "/api/v1/soa", Map.of()), HttpStatus.BAD_REQUEST, "frameworkId", null);
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId", UUID.randomUUID().toString(),
				"applicable", true))), HttpStatus.BAD_REQUEST, "entries[0].requirementId", "not a control");
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", Map.of("entries", List.of())), HttpStatus.BAD_REQUEST,
				"entries", null);
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId",
				controls(soa).get("A.2.2"), "status", "DONE"))), HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.patch(manager, "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId", controls(soa).get("A.2.2"),
				"applicable", true, "justification", "j", "status", "PLANNED", "owner", "ghost"))), HttpStatus.BAD_REQUEST,
				"entries[0].owner", "no active user");
		api.problem(api.patch(users.create(Role.SYSTEM_OWNER), "/api/v1/soa/" + id + "/entries", changes(Map.of("requirementId",
				controls(soa).get("A.2.2"), "applicable", true))), HttpStatus.FORBIDDEN, null, null);
		api.problem(api.get(manager, "/api/v1/soa/" + id + "?version=99"), HttpStatus.NOT_FOUND, null, null);
		api.problem(api.get(manager, "/api/v1/soa/" + id + "/diff?from=1&to=99"), HttpStatus.NOT_FOUND, null, null);
	}

	/** A Statement of Applicability of a small framework of this test's own (three controls A.1-A.3). */
	private JsonNode privateSoa() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder library = new StringBuilder("version: 1\nobjects:\n  framework:\n    urn: urn:test:framework:house-" + tag
				+ "\n    name: House rules " + tag + "\n    requirement_nodes:\n");
		for (int i = 1; i <= 3; i++) {
			library.append("    - urn: urn:test:req_node:house-").append(tag).append(":a.").append(i)
				.append("\n      ref_id: A.").append(i).append("\n      name: Rule ").append(i).append("\n      assessable: true\n");
		}
		String framework = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml",
				library.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), HttpStatus.CREATED).get("id").asString();
		return api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", framework)), HttpStatus.CREATED);
	}

	/** The Statement of Applicability of the built-in ISO 42001 catalog, started if needed. */
	private JsonNode soa() {
		String framework = null;
		for (JsonNode f : api.body(api.get(manager, "/api/v1/frameworks?limit=500"), HttpStatus.OK).get("items")) {
			if (f.get("source").asString().equals("BUILT_IN")) {
				framework = f.get("id").asString();
			}
		}
		for (JsonNode s : api.body(api.get(manager, "/api/v1/soa"), HttpStatus.OK)) {
			if (s.get("frameworkId").asString().equals(framework)) {
				return api.body(api.get(manager, "/api/v1/soa/" + s.get("id").asString()), HttpStatus.OK);
			}
		}
		return api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", framework)), HttpStatus.CREATED);
	}

	private static Map<String, String> controls(JsonNode soa) {
		Map<String, String> controls = new LinkedHashMap<>();
		soa.get("entries").forEach(e -> controls.put(e.get("refId").asString(), e.get("requirementId").asString()));
		return controls;
	}

	private static JsonNode entry(JsonNode soa, String ref) {
		for (JsonNode e : soa.get("entries")) {
			if (e.get("refId").asString().equals(ref)) {
				return e;
			}
		}
		throw new AssertionError("no entry " + ref);
	}

	@SafeVarargs
	private static Map<String, Object> changes(Map<String, Object>... entries) {
		return Map.of("entries", List.of(entries));
	}
}
