package org.openaims.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** The vendor register through its REST API. */
@AimsTest
class VendorApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	TestUser manager;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void registersReadsUpdatesAndRetiresAVendor() {
		JsonNode created = api.body(api.post(manager, "/api/v1/vendors", vendor("Acme " + tag)), HttpStatus.CREATED);
		String id = created.get("id").asString();
		Map<String, Object> changed = vendor("Acme " + tag);
		changed.put("dueDiligenceStatus", "PASSED");
		changed.put("nextReviewDate", "2027-03-01");
		changed.put("contractReference", "C-1");
		JsonNode updated = api.body(api.put(manager, "/api/v1/vendors/" + id, changed), HttpStatus.OK);
		assertThat(updated.get("dueDiligenceStatus").asString()).isEqualTo("PASSED");
		assertThat(updated.get("nextReviewDate").asString()).isEqualTo("2027-03-01");
		JsonNode retired = api.body(api.post(manager, "/api/v1/vendors/" + id + "/retire", Map.of("reason", "contract ended")),
				HttpStatus.OK);
		assertThat(retired.get("retiredReason").asString()).isEqualTo("contract ended");
		api.problem(api.put(manager, "/api/v1/vendors/" + id, changed), HttpStatus.CONFLICT, null, "retired");
	}

	@Test
	void showsTheSystemsAVendorSuppliesAndRefusesToRetireItWhileTheyAreActive() {
		String id = api.body(api.post(manager, "/api/v1/vendors", vendor("Supplier " + tag)), HttpStatus.CREATED).get("id").asString();
		Map<String, Object> system = new HashMap<>(Map.of("name", "Supplied " + tag, "intendedPurpose", "x",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "OPERATING", "riskTier", "LOW", "owner",
				manager.username(), "vendorId", id));
		String systemId = api.body(api.post(manager, "/api/v1/ai-systems", system), HttpStatus.CREATED).get("id").asString();

		JsonNode vendor = api.body(api.get(manager, "/api/v1/vendors/" + id), HttpStatus.OK);
		assertThat(vendor.get("suppliedSystems").get(0).get("name").asString()).isEqualTo("Supplied " + tag);
		assertThat(vendor.get("suppliedSystemCount").asInt()).isEqualTo(1);
		api.problem(api.post(manager, "/api/v1/vendors/" + id + "/retire", Map.of()), HttpStatus.CONFLICT, null,
				"still supplies 1 active AI system");

		api.body(api.post(manager, "/api/v1/ai-systems/" + systemId + "/retire", Map.of()), HttpStatus.OK);
		api.body(api.post(manager, "/api/v1/vendors/" + id + "/retire", Map.of()), HttpStatus.OK);
		// A retired vendor cannot be chosen for another system.
		system.put("name", "Another " + tag);
		api.problem(api.post(manager, "/api/v1/ai-systems", system), HttpStatus.BAD_REQUEST, "vendorId", "retired");
	}

	@Test
	void filtersByTextStatusReviewDateAndActivity() {
		Map<String, Object> due = vendor("Due " + tag);
		due.put("nextReviewDate", LocalDate.now().minusDays(1).toString());
		due.put("dueDiligenceStatus", "FAILED");
		api.post(manager, "/api/v1/vendors", due);
		Map<String, Object> later = vendor("Later " + tag);
		later.put("nextReviewDate", LocalDate.now().plusYears(1).toString());
		api.post(manager, "/api/v1/vendors", later);

		assertThat(api.names(api.get(manager, "/api/v1/vendors?q=" + tag))).containsExactly("Due " + tag, "Later " + tag);
		assertThat(api.names(api.get(manager, "/api/v1/vendors?q=" + tag + "&status=FAILED"))).containsExactly("Due " + tag);
		assertThat(api.names(api.get(manager, "/api/v1/vendors?q=" + tag + "&reviewDueBy=" + LocalDate.now())))
			.containsExactly("Due " + tag);
		JsonNode overdue = api.body(api.get(manager, "/api/v1/vendors?q=Due " + tag), HttpStatus.OK).get("items").get(0);
		assertThat(overdue.get("reviewOverdue").asBoolean()).isTrue();
		assertThat(api.names(api.get(manager, "/api/v1/vendors?q=" + tag + "&active=false"))).isEmpty();
		api.problem(api.get(manager, "/api/v1/vendors?reviewDueBy=tomorrow"), HttpStatus.BAD_REQUEST, "reviewDueBy", null);
	}

	@Test
	void refusesDuplicateNamesAndBadInput() {
		api.post(manager, "/api/v1/vendors", vendor("Twin " + tag));
		api.problem(api.post(manager, "/api/v1/vendors", vendor("TWIN " + tag)), HttpStatus.BAD_REQUEST, "name", "another vendor");
		// A change is checked the same way: another vendor's name in any case is refused, a vendor's own name in another case is not.
		String other = api.body(api.post(manager, "/api/v1/vendors", vendor("Other " + tag)), HttpStatus.CREATED).get("id").asString();
		api.problem(api.put(manager, "/api/v1/vendors/" + other, vendor("  twin " + tag + " ")), HttpStatus.BAD_REQUEST, "name",
				"another vendor is named 'Twin " + tag + "'");
		assertThat(api.body(api.put(manager, "/api/v1/vendors/" + other, vendor("OTHER " + tag)), HttpStatus.OK).get("name").asString())
			.isEqualTo("OTHER " + tag);
		api.problem(api.post(manager, "/api/v1/vendors", Map.of("name", "No status " + tag)), HttpStatus.BAD_REQUEST,
				"dueDiligenceStatus", null);
		Map<String, Object> badDate = vendor("Bad date " + tag);
		badDate.put("nextReviewDate", "31/12/2026");
		api.problem(api.post(manager, "/api/v1/vendors", badDate), HttpStatus.BAD_REQUEST, "nextReviewDate", "date");
		Map<String, Object> badStatus = vendor("Bad status " + tag);
		badStatus.put("dueDiligenceStatus", "OK");
		api.problem(api.post(manager, "/api/v1/vendors", badStatus), HttpStatus.BAD_REQUEST, "dueDiligenceStatus", "one of");
		api.problem(api.post(users.create(Role.VIEWER), "/api/v1/vendors", vendor("Viewer " + tag)), HttpStatus.FORBIDDEN,
				null, null);
		assertThat(api.names(api.get(manager, "/api/v1/vendors?q=" + tag))).containsExactlyInAnyOrder("Twin " + tag, "OTHER " + tag);
	}

	@Test
	void csvExportThenImportRoundTripsAndABadRowImportsNothing() {
		Map<String, Object> a = vendor("Csv one " + tag);
		a.put("services", "LLM API, embeddings");
		a.put("nextReviewDate", "2027-01-31");
		api.post(manager, "/api/v1/vendors", a);
		api.post(manager, "/api/v1/vendors", vendor("Csv two " + tag));
		String exported = api.csv(api.get(manager, "/api/v1/vendors/export?q=" + tag));
		JsonNode same = api.body(api.postCsv(manager, "/api/v1/vendors/import", exported), HttpStatus.OK);
		assertThat(same.get("unchanged").asInt()).isEqualTo(2);
		assertThat(api.csv(api.get(manager, "/api/v1/vendors/export?q=" + tag))).isEqualTo(exported);

		String bad = "name,due_diligence_status,next_review_date\r\n" + "Csv three " + tag + ",PASSED,2027-01-01\r\n"
				+ "Csv four " + tag + ",PASSED,next spring\r\n";
		JsonNode problem = api.problem(api.postCsv(manager, "/api/v1/vendors/import", bad), HttpStatus.BAD_REQUEST, null,
				"row 3, column next_review_date");
		assertThat(problem.get("errors")).hasSize(1);
		assertThat(api.names(api.get(manager, "/api/v1/vendors?q=" + tag))).hasSize(2);

		String good = "name,due_diligence_status\r\nCsv three " + tag + ",passed\r\n";
		assertThat(api.body(api.postCsv(manager, "/api/v1/vendors/import", good), HttpStatus.OK).get("created").asInt())
			.isEqualTo(1);
	}

	static Map<String, Object> vendor(String name) {
		return new HashMap<>(Map.of("name", name, "dueDiligenceStatus", "IN_PROGRESS"));
	}
}
