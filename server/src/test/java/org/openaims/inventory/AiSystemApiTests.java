package org.openaims.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The AI system register through its REST API, with real tokens, roles and database. */
@AimsTest
class AiSystemApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	/** A business unit unique to each test, so filters see only that test's systems. */
	String unit;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		unit = "unit-" + UUID.randomUUID();
	}

	@Test
	void registersReadsUpdatesAndRetiresASystem() {
		JsonNode created = body(post(manager, "/api/v1/ai-systems", system("Loan triage " + unit)), HttpStatus.CREATED);
		String id = created.get("id").asString();
		assertThat(created.get("lifecycleStage").asString()).isEqualTo("DEVELOPMENT");
		assertThat(created.get("createdBy").asString()).isEqualTo(manager.username());

		JsonNode read = body(get(manager, "/api/v1/ai-systems/" + id), HttpStatus.OK);
		assertThat(read.get("name").asString()).isEqualTo("Loan triage " + unit);
		assertThat(read.get("versions").isArray()).isTrue();

		Map<String, Object> changed = system("Loan triage " + unit);
		changed.put("lifecycleStage", "OPERATING");
		changed.put("riskTier", "CRITICAL");
		changed.put("version", read.get("version").asLong());
		JsonNode updated = body(put(manager, "/api/v1/ai-systems/" + id, changed), HttpStatus.OK);
		assertThat(updated.get("lifecycleStage").asString()).isEqualTo("OPERATING");
		assertThat(updated.get("riskTier").asString()).isEqualTo("CRITICAL");
		assertThat(updated.get("version").asLong()).isGreaterThan(read.get("version").asLong());

		JsonNode retired = body(post(manager, "/api/v1/ai-systems/" + id + "/retire", Map.of("reason", "replaced")),
				HttpStatus.OK);
		assertThat(retired.get("lifecycleStage").asString()).isEqualTo("RETIRED");
		assertThat(retired.get("retiredReason").asString()).isEqualTo("replaced");

		changed.remove("version");
		assertProblem(put(manager, "/api/v1/ai-systems/" + id, changed), HttpStatus.CONFLICT, null, "retired");
	}

	@Test
	void listsInKeysetPagesWithoutGapsOrDuplicates() {
		for (int i = 0; i < 7; i++) {
			post(manager, "/api/v1/ai-systems", system("Paged " + i + " " + unit));
		}
		List<String> names = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			JsonNode page = body(get(manager, "/api/v1/ai-systems?q=" + unit + "&limit=3" + (after == null ? "" : "&after=" + after)),
					HttpStatus.OK);
			page.get("items").forEach(item -> names.add(item.get("name").asString()));
			after = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (after != null);
		assertThat(pages).isEqualTo(3);
		assertThat(names).hasSize(7).doesNotHaveDuplicates().isSorted();

		List<String> descending = new ArrayList<>();
		body(get(manager, "/api/v1/ai-systems?q=" + unit + "&sort=-name"), HttpStatus.OK).get("items")
			.forEach(item -> descending.add(item.get("name").asString()));
		List<String> reversed = new ArrayList<>(names);
		java.util.Collections.reverse(reversed);
		assertThat(descending).containsExactlyElementsOf(reversed);
	}

	@Test
	void filtersByStageRoleTierOwnerVendorScopeAndText() {
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		String vendorId = body(post(manager, "/api/v1/vendors", vendor("Vendor " + unit)), HttpStatus.CREATED).get("id").asString();
		Map<String, Object> a = system("Alpha " + unit);
		a.put("lifecycleStage", "OPERATING");
		a.put("organizationRoles", List.of("DEPLOYER"));
		a.put("vendorId", vendorId);
		Map<String, Object> b = system("Beta " + unit);
		b.put("riskTier", "HIGH");
		b.put("owner", owner.username());
		b.put("description", "detects needle-in-haystack patterns");
		Map<String, Object> c = system("Gamma " + unit);
		c.put("inScope", false);
		c.put("scopeJustification", "pilot only");
		post(manager, "/api/v1/ai-systems", a);
		post(manager, "/api/v1/ai-systems", b);
		post(manager, "/api/v1/ai-systems", c);

		assertThat(names("q=" + unit + "&stage=OPERATING")).containsExactly("Alpha " + unit);
		assertThat(names("q=" + unit + "&role=DEPLOYER")).containsExactly("Alpha " + unit);
		assertThat(names("q=" + unit + "&role=DEVELOPER")).containsExactly("Beta " + unit, "Gamma " + unit);
		assertThat(names("q=" + unit + "&tier=HIGH")).containsExactly("Beta " + unit);
		assertThat(names("owner=" + owner.username())).containsExactly("Beta " + unit);
		assertThat(names("vendor=" + vendorId)).containsExactly("Alpha " + unit);
		assertThat(names("q=" + unit + "&inScope=false")).containsExactly("Gamma " + unit);
		assertThat(names("q=NEEDLE-in-haystack")).contains("Beta " + unit);
		assertThat(names("q=" + unit.toUpperCase())).hasSize(3);
		// LIKE wildcards in the search text are taken literally.
		assertThat(names("q=%25" + unit)).isEmpty();
	}

	@Test
	void rejectsBadPagingParameters() {
		assertProblem(get(manager, "/api/v1/ai-systems?limit=0"), HttpStatus.BAD_REQUEST, "limit", "between");
		assertProblem(get(manager, "/api/v1/ai-systems?limit=501"), HttpStatus.BAD_REQUEST, "limit", "between");
		assertProblem(get(manager, "/api/v1/ai-systems?sort=owner"), HttpStatus.BAD_REQUEST, "sort", "one of");
		assertProblem(get(manager, "/api/v1/ai-systems?after=not-a-cursor"), HttpStatus.BAD_REQUEST, "after", "cursor");
		assertProblem(get(manager, "/api/v1/ai-systems?limit=abc"), HttpStatus.BAD_REQUEST, "limit", "number");
		assertProblem(get(manager, "/api/v1/ai-systems?stage=SOMEDAY"), HttpStatus.BAD_REQUEST, "stage", "one of");
		assertProblem(get(manager, "/api/v1/ai-systems/not-a-uuid"), HttpStatus.BAD_REQUEST, "id", "UUID");
		assertProblem(get(manager, "/api/v1/ai-systems/" + UUID.randomUUID()), HttpStatus.NOT_FOUND, null, "not found");
	}

	@Test
	void answersBadJsonWithAProblemNamingTheField() {
		assertProblem(raw(manager, "/api/v1/ai-systems", "{\"name\": \"x\", "), HttpStatus.BAD_REQUEST, "body", "malformed JSON");
		assertProblem(raw(manager, "/api/v1/ai-systems", "[1, 2]"), HttpStatus.BAD_REQUEST, "body", null);
		assertProblem(raw(manager, "/api/v1/ai-systems", ""), HttpStatus.BAD_REQUEST, "body", null);

		Map<String, Object> missing = system("Missing " + unit);
		missing.remove("intendedPurpose");
		assertProblem(post(manager, "/api/v1/ai-systems", missing), HttpStatus.BAD_REQUEST, "intendedPurpose", "blank");

		Map<String, Object> unknownEnum = system("Enum " + unit);
		unknownEnum.put("lifecycleStage", "SOMEDAY");
		assertProblem(post(manager, "/api/v1/ai-systems", unknownEnum), HttpStatus.BAD_REQUEST, "lifecycleStage",
				"one of [IDEA");

		Map<String, Object> unknownRole = system("Role " + unit);
		unknownRole.put("organizationRoles", List.of("DEPLOYER", "OVERLORD"));
		assertProblem(post(manager, "/api/v1/ai-systems", unknownRole), HttpStatus.BAD_REQUEST, "organizationRoles[1]",
				"OVERLORD");

		Map<String, Object> wrongType = system("Type " + unit);
		wrongType.put("personalData", List.of("maybe"));
		assertProblem(post(manager, "/api/v1/ai-systems", wrongType), HttpStatus.BAD_REQUEST, "personalData", null);

		Map<String, Object> tooLong = system("x".repeat(201));
		assertProblem(post(manager, "/api/v1/ai-systems", tooLong), HttpStatus.BAD_REQUEST, "name", "size");

		assertProblem(mvc.post().uri("/api/v1/ai-systems").header("Authorization", manager.bearer())
			.contentType(MediaType.APPLICATION_XML).content("<x/>").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, null);
		assertThat(count(unit)).isZero();
	}

	@Test
	void enforcesTheRulesThatSpanFieldsAndRecords() {
		Map<String, Object> outOfScope = system("Out " + unit);
		outOfScope.put("inScope", false);
		assertProblem(post(manager, "/api/v1/ai-systems", outOfScope), HttpStatus.BAD_REQUEST, "scopeJustification",
				"required");

		Map<String, Object> ghostOwner = system("Ghost " + unit);
		ghostOwner.put("owner", "nobody-" + unit);
		assertProblem(post(manager, "/api/v1/ai-systems", ghostOwner), HttpStatus.BAD_REQUEST, "owner", "no active user");

		Map<String, Object> ghostVendor = system("Vendorless " + unit);
		ghostVendor.put("vendorId", UUID.randomUUID().toString());
		assertProblem(post(manager, "/api/v1/ai-systems", ghostVendor), HttpStatus.BAD_REQUEST, "vendorId", "no vendor");

		Map<String, Object> retiredStage = system("Retired " + unit);
		retiredStage.put("lifecycleStage", "RETIRED");
		assertProblem(post(manager, "/api/v1/ai-systems", retiredStage), HttpStatus.BAD_REQUEST, "lifecycleStage", "retire");

		post(manager, "/api/v1/ai-systems", system("Unique " + unit));
		assertProblem(post(manager, "/api/v1/ai-systems", system("UNIQUE " + unit)), HttpStatus.BAD_REQUEST, "name",
				"another AI system");
		assertThat(count(unit)).isEqualTo(1);
	}

	@Test
	void refusesAChangeBasedOnAStaleVersion() {
		JsonNode created = body(post(manager, "/api/v1/ai-systems", system("Stale " + unit)), HttpStatus.CREATED);
		String id = created.get("id").asString();
		Map<String, Object> first = system("Stale " + unit);
		first.put("description", "first edit");
		first.put("version", created.get("version").asLong());
		body(put(manager, "/api/v1/ai-systems/" + id, first), HttpStatus.OK);
		first.put("description", "second edit from the same old version");
		assertProblem(put(manager, "/api/v1/ai-systems/" + id, first), HttpStatus.CONFLICT, null, "changed meanwhile");
	}

	@Test
	void addsVersionsWithUniqueLabels() {
		String id = body(post(manager, "/api/v1/ai-systems", system("Versioned " + unit)), HttpStatus.CREATED).get("id").asString();
		body(post(manager, "/api/v1/ai-systems/" + id + "/versions", Map.of("label", "1.0.0", "releasedOn", "2026-01-15")),
				HttpStatus.CREATED);
		JsonNode second = body(post(manager, "/api/v1/ai-systems/" + id + "/versions", Map.of("label", "1.1.0")),
				HttpStatus.CREATED);
		assertThat(second.get("versions").get(0).get("label").asString()).isEqualTo("1.1.0");
		assertThat(second.get("versions")).hasSize(2);
		assertProblem(post(manager, "/api/v1/ai-systems/" + id + "/versions", Map.of("label", "1.0.0")),
				HttpStatus.BAD_REQUEST, "label", "registered already");
		assertProblem(post(manager, "/api/v1/ai-systems/" + id + "/versions", Map.of("releasedOn", "2026-13-40")),
				HttpStatus.BAD_REQUEST, "releasedOn", "date");
		assertThat(names("q=" + unit).size()).isEqualTo(1);
		assertThat(body(get(manager, "/api/v1/ai-systems?q=" + unit), HttpStatus.OK).get("items").get(0).get("latestVersion")
			.asString()).isEqualTo("1.1.0");
	}

	@Test
	void withoutATokenAnswers401AndWithABadToken401() {
		MvcTestResult none = mvc.get().uri("/api/v1/ai-systems").exchange();
		assertThat(none).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(none.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(none.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(mvc.get().uri("/api/v1/ai-systems").header("Authorization", "Bearer aims_forged").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/ai-systems").header("Authorization", "Basic YWRtaW46YWRtaW4=").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/v1/ai-systems").contentType(MediaType.APPLICATION_JSON).content("{}").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void readOnlyRolesCannotWrite() {
		String id = body(post(manager, "/api/v1/ai-systems", system("Guarded " + unit)), HttpStatus.CREATED).get("id").asString();
		for (Role role : List.of(Role.VIEWER, Role.AUDITOR, Role.CONTRIBUTOR, Role.APPROVER)) {
			TestUser reader = users.create(role);
			assertThat(get(reader, "/api/v1/ai-systems/" + id)).hasStatusOk();
			assertProblem(post(reader, "/api/v1/ai-systems", system("Sneaky " + role + unit)), HttpStatus.FORBIDDEN, null, null);
			assertProblem(put(reader, "/api/v1/ai-systems/" + id, system("Guarded " + unit)), HttpStatus.FORBIDDEN, null, null);
			assertProblem(post(reader, "/api/v1/ai-systems/" + id + "/retire", Map.of()), HttpStatus.FORBIDDEN, null, null);
			assertProblem(post(reader, "/api/v1/ai-systems/" + id + "/versions", Map.of("label", "9")), HttpStatus.FORBIDDEN,
					null, null);
		}
		assertThat(body(get(manager, "/api/v1/ai-systems/" + id), HttpStatus.OK).get("versions")).isEmpty();
		assertThat(count(unit)).isEqualTo(1);
	}

	@Test
	void systemOwnersChangeOnlyTheSystemsTheyOwn() {
		TestUser alice = users.create(Role.SYSTEM_OWNER);
		TestUser bob = users.create(Role.SYSTEM_OWNER);
		Map<String, Object> mine = system("Alice's " + unit);
		mine.put("owner", alice.username());
		String id = body(post(alice, "/api/v1/ai-systems", mine), HttpStatus.CREATED).get("id").asString();

		mine.put("description", "edited by the owner");
		assertThat(put(alice, "/api/v1/ai-systems/" + id, mine)).hasStatusOk();
		mine.put("description", "edited by someone else");
		assertProblem(put(bob, "/api/v1/ai-systems/" + id, mine), HttpStatus.FORBIDDEN, null,
				"only the owner of AI system");
		assertProblem(post(bob, "/api/v1/ai-systems/" + id + "/retire", Map.of()), HttpStatus.FORBIDDEN, null, "owner");
		assertThat(body(get(bob, "/api/v1/ai-systems/" + id), HttpStatus.OK).get("description").asString())
			.isEqualTo("edited by the owner");
	}

	// CSV export and import

	@Test
	void csvExportThenImportRoundTrips() {
		String vendorName = "Round vendor " + unit;
		String vendorId = body(post(manager, "/api/v1/vendors", vendor(vendorName)), HttpStatus.CREATED).get("id").asString();
		Map<String, Object> a = system("=cmd|' /C calc'!A0 " + unit);
		a.put("description", "Line one\nline two, with \"quotes\" and ; semicolons");
		a.put("vendorId", vendorId);
		a.put("organizationRoles", List.of("PROVIDER", "DEPLOYER"));
		a.put("euAiActClass", "GENERAL_PURPOSE");
		Map<String, Object> b = system("Plain " + unit);
		b.put("inScope", false);
		b.put("scopeJustification", "-not used in production");
		b.put("personalData", true);
		b.put("personalDataCategories", "+names, @handles");
		post(manager, "/api/v1/ai-systems", a);
		post(manager, "/api/v1/ai-systems", b);

		String exported = csv(get(manager, "/api/v1/ai-systems/export?q=" + unit));
		assertThat(exported).startsWith("id,name,description,intended_purpose,organization_roles");
		// Cells a spreadsheet would run as formulas are defused.
		assertThat(exported).contains("'=cmd|").contains("'-not used").contains("'+names");

		JsonNode result = body(importCsv(manager, exported), HttpStatus.OK);
		assertThat(result.get("created").asInt()).isZero();
		assertThat(result.get("updated").asInt()).isZero();
		assertThat(result.get("unchanged").asInt()).isEqualTo(2);
		// Nothing changed, so not even updated_at moved.
		assertThat(csv(get(manager, "/api/v1/ai-systems/export?q=" + unit))).isEqualTo(exported);

		JsonNode read = body(get(manager, "/api/v1/ai-systems?q=Plain " + unit), HttpStatus.OK).get("items").get(0);
		assertThat(read.get("scopeJustification").asString()).isEqualTo("-not used in production");
		assertThat(read.get("personalDataCategories").asString()).isEqualTo("+names, @handles");

		// Edited in a spreadsheet: one change is one update.
		String edited = exported.replace("Plain " + unit + ",", "Plain " + unit + " renamed,");
		JsonNode second = body(importCsv(manager, edited), HttpStatus.OK);
		assertThat(second.get("updated").asInt()).isEqualTo(1);
		assertThat(second.get("unchanged").asInt()).isEqualTo(1);
		assertThat(names("q=" + unit)).contains("Plain " + unit + " renamed");
	}

	@Test
	void csvImportCreatesNewSystemsAndMatchesByName() {
		String csv = "name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner,business_unit\r\n"
				+ "New one " + unit + ",Sort mail,deployer;user,design,high," + manager.username() + ",Ops\r\n"
				+ "New two " + unit + ",Route calls,PROVIDER,IDEA,LOW," + manager.username() + ",\r\n";
		JsonNode result = body(importCsv(manager, csv), HttpStatus.OK);
		assertThat(result.get("created").asInt()).isEqualTo(2);
		assertThat(names("q=" + unit + "&role=USER")).containsExactly("New one " + unit);

		String update = "name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\r\n"
				+ "new ONE " + unit + ",Sort mail and parcels,DEPLOYER,DESIGN,HIGH," + manager.username() + "\r\n";
		JsonNode updated = body(importCsv(manager, update), HttpStatus.OK);
		assertThat(updated.get("updated").asInt()).isEqualTo(1);
		assertThat(count(unit)).isEqualTo(2);
	}

	@Test
	void csvImportWithOneBadRowImportsNothingAndNamesRowAndColumn() {
		int before = count(unit);
		String csv = "name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\r\n"
				+ "Good " + unit + ",Sort mail,DEPLOYER,DESIGN,HIGH," + manager.username() + "\r\n"
				+ "Also good " + unit + ",Route calls,PROVIDER,IDEA,LOW," + manager.username() + "\r\n"
				+ "Bad " + unit + ",Score people,DEPLOYER,SOMEDAY,LOW," + manager.username() + "\r\n";
		JsonNode problem = assertProblem(importCsv(manager, csv), HttpStatus.BAD_REQUEST, null, "row 4, column lifecycle_stage");
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(4);
		assertThat(error.get("column").asString()).isEqualTo("lifecycle_stage");
		assertThat(error.get("message").asString()).contains("SOMEDAY");
		assertThat(problem.get("errors")).hasSize(1);
		assertThat(count(unit)).isEqualTo(before);
	}

	@Test
	void csvImportListsEveryProblemOfEveryRow() {
		String csv = "id,name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner,in_scope,vendor\r\n"
				+ "not-a-uuid,A " + unit + ",,ROBOT,IDEA,EXTREME,ghost-" + unit + ",perhaps,\r\n"
				+ ",B " + unit + ",Route,USER,IDEA,LOW," + manager.username() + ",false,No such vendor " + unit + "\r\n"
				+ ",b " + unit + ",Route,USER,IDEA,LOW," + manager.username() + ",,\r\n";
		JsonNode problem = assertProblem(importCsv(manager, csv), HttpStatus.BAD_REQUEST, null, null);
		Set<String> found = new HashSet<>();
		problem.get("errors").forEach(e -> found.add(e.get("row").asInt() + ":" + e.get("column").asString()));
		assertThat(found).contains("2:id", "2:intended_purpose", "2:organization_roles", "2:risk_tier", "2:owner",
				"2:in_scope", "3:vendor", "3:scope_justification", "4:name");
		assertThat(count(unit)).isZero();
	}

	@Test
	void csvImportRefusesBrokenAndHostileFiles() {
		assertProblem(importCsv(manager, ""), HttpStatus.BAD_REQUEST, null, "empty");
		assertProblem(importCsv(manager, "name,colour\r\nx,red\r\n"), HttpStatus.BAD_REQUEST, null, "unknown column");
		assertProblem(importCsv(manager, "name,name\r\n"), HttpStatus.BAD_REQUEST, null, null);
		assertProblem(importCsv(manager, "name\r\nx\r\n"), HttpStatus.BAD_REQUEST, null, "required column");
		String header = "name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\r\n";
		assertProblem(importCsv(manager, header + "\"unterminated " + unit + ",x,USER,IDEA,LOW,admin\r\n"),
				HttpStatus.BAD_REQUEST, null, "malformed CSV");
		assertProblem(importCsv(manager, header + "a,b,c\r\n"), HttpStatus.BAD_REQUEST, null, "cells");
		byte[] latin1 = (header + "Caf\u00e9 " + unit + ",x,USER,IDEA,LOW," + manager.username() + "\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertProblem(mvc.post().uri("/api/v1/ai-systems/import").header("Authorization", manager.bearer())
			.contentType("text/csv").content(latin1).exchange(), HttpStatus.BAD_REQUEST, null, "UTF-8");
		StringBuilder tooMany = new StringBuilder(header);
		for (int i = 0; i <= 10_000; i++) {
			tooMany.append("Row ").append(i).append(' ').append(unit).append(",x,USER,IDEA,LOW,").append(manager.username()).append("\r\n");
		}
		assertProblem(importCsv(manager, tooMany.toString()), HttpStatus.BAD_REQUEST, null, "more than 10000");
		assertThat(count(unit)).isZero();
	}

	@Test
	void csvImportTakesAByteOrderMarkAndMultipartUploads() {
		String csv = "\uFEFFname,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\r\n"
				+ "Bom " + unit + ",Sort mail,DEPLOYER,DESIGN,HIGH," + manager.username() + "\r\n";
		assertThat(body(importCsv(manager, csv), HttpStatus.OK).get("created").asInt()).isEqualTo(1);
		String upload = "name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\r\n"
				+ "Upload " + unit + ",Sort mail,DEPLOYER,DESIGN,HIGH," + manager.username() + "\r\n";
		MvcTestResult uploaded = mvc.post().uri("/api/v1/ai-systems/import").header("Authorization", manager.bearer())
			.multipart().file("file", upload.getBytes(StandardCharsets.UTF_8)).exchange();
		assertThat(body(uploaded, HttpStatus.OK).get("created").asInt()).isEqualTo(1);
		assertThat(count(unit)).isEqualTo(2);
	}

	@Test
	void onlyManagersImport() {
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		String csv = "name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\r\n"
				+ "Owner import " + unit + ",Sort mail,DEPLOYER,DESIGN,HIGH," + owner.username() + "\r\n";
		assertProblem(importCsv(owner, csv), HttpStatus.FORBIDDEN, null, null);
		assertThat(count(unit)).isZero();
	}

	@Test
	void refusesOversizedBodies() {
		byte[] big = new byte[13 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) ' ');
		assertThat(mvc.post().uri("/api/v1/ai-systems").header("Authorization", manager.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(big).exchange()).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
	}

	// helpers

	Map<String, Object> system(String name) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("description", "Test system");
		s.put("intendedPurpose", "Help the " + unit + " team decide faster");
		s.put("organizationRoles", List.of("DEVELOPER"));
		s.put("lifecycleStage", "DEVELOPMENT");
		s.put("riskTier", "MEDIUM");
		s.put("owner", manager.username());
		s.put("businessUnit", unit);
		return s;
	}

	static Map<String, Object> vendor(String name) {
		return new HashMap<>(Map.of("name", name, "dueDiligenceStatus", "IN_PROGRESS"));
	}

	List<String> names(String query) {
		return api.names(get(manager, "/api/v1/ai-systems?limit=500&" + query));
	}

	int count(String unit) {
		return jdbc.sql("SELECT COUNT(*) FROM ai_systems WHERE business_unit = :unit OR name LIKE :pattern")
			.param("unit", unit)
			.param("pattern", "%" + unit + "%")
			.query(Integer.class)
			.single();
	}

	MvcTestResult get(TestUser user, String uri) {
		return api.get(user, uri);
	}

	MvcTestResult post(TestUser user, String uri, Object body) {
		return api.post(user, uri, body);
	}

	MvcTestResult put(TestUser user, String uri, Object body) {
		return api.put(user, uri, body);
	}

	MvcTestResult raw(TestUser user, String uri, String body) {
		return api.raw(user, uri, body);
	}

	MvcTestResult importCsv(TestUser user, String csv) {
		return api.postCsv(user, "/api/v1/ai-systems/import", csv);
	}

	String csv(MvcTestResult result) {
		return api.csv(result);
	}

	JsonNode body(MvcTestResult result, HttpStatus status) {
		return api.body(result, status);
	}

	JsonNode assertProblem(MvcTestResult result, HttpStatus status, String field, String text) {
		return api.problem(result, status, field, text);
	}
}
