package org.openaims.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * AI system impact assessments through the REST API: started from the register, scored on the
 * criteria in force, approved by someone who did not write them, stale after a new system version or
 * a change of intended use, and every assessment kept with its history.
 */
@AimsTest
class ImpactAssessmentApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser owner;

	TestUser approver;

	String systemId;

	@BeforeEach
	void setUp() {
		RiskFixtures.inForce(api, users);
		owner = users.create(Role.SYSTEM_OWNER);
		approver = users.create(Role.APPROVER);
		systemId = RiskFixtures.system(api, owner, "CV ranking " + UUID.randomUUID().toString().substring(0, 8));
	}

	@Test
	void anApprovedAssessmentBecomesStaleWithANewVersionAndAFreshOneStartsFromIt() {
		JsonNode started = api.body(api.post(owner, "/api/v1/impact-assessments", Map.of("aiSystemId", systemId)), HttpStatus.CREATED);
		String id = started.get("id").asString();
		assertThat(started.get("intendedUse").asString()).isEqualTo("Screen applications");
		assertThat(started.get("status").asString()).isEqualTo("DRAFT");
		api.problem(api.post(owner, "/api/v1/impact-assessments", Map.of("aiSystemId", systemId)), HttpStatus.CONFLICT, null,
				"continue that one");
		api.problem(api.post(owner, "/api/v1/impact-assessments/" + id + "/submit", Map.of()), HttpStatus.CONFLICT, null,
				"at least one impact");

		// Scores outside the scales and unknown reviewers are refused, nothing written.
		api.problem(api.put(owner, "/api/v1/impact-assessments/" + id, details(List.of(impact("FAIRNESS", 6, 2)), List.of())),
				HttpStatus.BAD_REQUEST, "impacts[0].severity", "between 1 and 5");
		api.problem(api.put(owner, "/api/v1/impact-assessments/" + id, details(List.of(impact("FAIRNESS", 3, 2)), List.of("nobody-here"))),
				HttpStatus.BAD_REQUEST, "reviewers[0]", "no active user");
		api.problem(api.put(owner, "/api/v1/impact-assessments/" + id, details(List.of(Map.of("area", "HAPPINESS", "description", "x",
				"severity", 1, "likelihood", 1)), List.of())), HttpStatus.BAD_REQUEST, null, null);
		assertThat(api.body(api.get(owner, "/api/v1/impact-assessments/" + id), HttpStatus.OK).get("impacts")).isEmpty();

		JsonNode edited = api.body(api.put(owner, "/api/v1/impact-assessments/" + id, details(List.of(impact("FAIRNESS", 4, 3),
				impact("EMPLOYMENT", 2, 2), impact("PRIVACY", 3, 2)), List.of(approver.username()))), HttpStatus.OK);
		assertThat(edited.get("impacts").get(0).get("levelName").asString()).isEqualTo("High");
		assertThat(edited.get("impacts").get(1).get("societal").asBoolean()).isTrue();
		String approval = api.body(api.post(owner, "/api/v1/impact-assessments/" + id + "/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.problem(api.post(owner, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, null);
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		JsonNode approved = api.body(api.get(owner, "/api/v1/impact-assessments/" + id), HttpStatus.OK);
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("stale").asBoolean()).isFalse();
		api.problem(api.put(owner, "/api/v1/impact-assessments/" + id, details(List.of(impact("FAIRNESS", 1, 1)), List.of())),
				HttpStatus.CONFLICT, null, "approved");

		api.body(api.post(owner, "/api/v1/ai-systems/" + systemId + "/versions", Map.of("label", "2.0")), HttpStatus.CREATED);
		LedgerTestSupport.awaitRecorded(jdbc);
		JsonNode stale = api.body(api.get(owner, "/api/v1/impact-assessments/" + id), HttpStatus.OK);
		assertThat(stale.get("stale").asBoolean()).isTrue();
		assertThat(stale.get("staleReason").asString()).contains("version 2.0");
		assertThat(api.body(api.get(owner, "/api/v1/impact-assessments?stale=true&aiSystem=" + systemId), HttpStatus.OK).get("items")).hasSize(1);

		// A new assessment for version 2.0 starts from the stale one; both are kept.
		JsonNode next = api.body(api.post(owner, "/api/v1/impact-assessments", Map.of("aiSystemId", systemId)), HttpStatus.CREATED);
		assertThat(next.get("systemVersion").asString()).isEqualTo("2.0");
		assertThat(next.get("impacts")).hasSize(3);
		assertThat(api.body(api.get(owner, "/api/v1/impact-assessments?aiSystem=" + systemId), HttpStatus.OK).get("items")).hasSize(2);

		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(owner, "/api/v1/impact-assessments/" + id + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsSubsequence("ImpactAssessmentChanged", "ImpactAssessmentChanged", "ImpactAssessmentSubmitted",
				"ApprovalRequested", "ApprovalDecided", "ApprovalCompleted", "ImpactAssessmentApproved", "ImpactAssessmentStatusChanged");
	}

	@Test
	void aChangedIntendedUseMakesTheAssessmentStaleAndVoidsAPendingApproval() {
		String id = api.body(api.post(owner, "/api/v1/impact-assessments", Map.of("aiSystemId", systemId)), HttpStatus.CREATED)
			.get("id").asString();
		api.body(api.put(owner, "/api/v1/impact-assessments/" + id, details(List.of(impact("AUTONOMY", 2, 2)), List.of())), HttpStatus.OK);
		String approval = api.body(api.post(owner, "/api/v1/impact-assessments/" + id + "/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();

		JsonNode system = api.body(api.get(owner, "/api/v1/ai-systems/" + systemId), HttpStatus.OK);
		Map<String, Object> update = new HashMap<>();
		update.put("name", system.get("name").asString());
		update.put("intendedPurpose", "Rank applications and reject the lowest automatically");
		update.put("organizationRoles", List.of("DEPLOYER"));
		update.put("lifecycleStage", "OPERATING");
		update.put("riskTier", "HIGH");
		update.put("owner", owner.username());
		update.put("version", system.get("version").asLong());
		api.body(api.put(owner, "/api/v1/ai-systems/" + systemId, update), HttpStatus.OK);
		LedgerTestSupport.awaitRecorded(jdbc);

		JsonNode stale = api.body(api.get(owner, "/api/v1/impact-assessments/" + id), HttpStatus.OK);
		assertThat(stale.get("stale").asBoolean()).isTrue();
		assertThat(stale.get("status").asString()).isEqualTo("DRAFT");
		assertThat(stale.get("staleReason").asString()).contains("intended use");
		api.problem(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.CONFLICT, null, null);
		api.problem(api.post(owner, "/api/v1/impact-assessments/" + id + "/submit", Map.of()), HttpStatus.CONFLICT, null, "stale");
		// Editing brings it up to date; then it can be approved.
		JsonNode fresh = api.body(api.put(owner, "/api/v1/impact-assessments/" + id, details(List.of(impact("AUTONOMY", 4, 3)), List.of())),
				HttpStatus.OK);
		assertThat(fresh.get("stale").asBoolean()).isFalse();
		api.body(api.post(owner, "/api/v1/impact-assessments/" + id + "/submit", Map.of()), HttpStatus.OK);

		// Others than the owner, risk owners and managers may read but not write.
		TestUser viewer = users.create(Role.VIEWER);
		assertThat(api.get(viewer, "/api/v1/impact-assessments/" + id)).hasStatusOk();
		api.problem(api.put(viewer, "/api/v1/impact-assessments/" + id, details(List.of(), List.of())), HttpStatus.FORBIDDEN, null, null);
		api.problem(api.post(users.create(Role.SYSTEM_OWNER), "/api/v1/impact-assessments/" + id + "/submit", Map.of()), HttpStatus.FORBIDDEN,
				null, null);
		api.problem(api.post(owner, "/api/v1/impact-assessments", Map.of("aiSystemId", UUID.randomUUID().toString())), HttpStatus.BAD_REQUEST,
				"aiSystemId", null);
	}

	private static Map<String, Object> details(List<Map<String, Object>> impacts, List<String> reviewers) {
		Map<String, Object> d = new HashMap<>();
		d.put("intendedUse", "Screen applications for recruiter review");
		d.put("foreseeableMisuse", "Used as the only basis for rejection");
		d.put("affectedGroups", "Job applicants");
		d.put("vulnerableGroups", "Applicants with disabilities; career changers");
		d.put("reviewers", reviewers);
		d.put("impacts", impacts);
		return d;
	}

	private static Map<String, Object> impact(String area, int severity, int likelihood) {
		return Map.of("area", area, "description", area.toLowerCase() + " impact", "severity", severity, "likelihood", likelihood,
				"mitigation", "human review");
	}
}
