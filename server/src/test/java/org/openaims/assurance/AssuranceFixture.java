package org.openaims.assurance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/** What the assurance tests build on: people, an approved programme, systems, audits, nonconformities, reviews. */
public final class AssuranceFixture {

	public final Api api;

	public final TestUsers users;

	public final TestUser manager;

	public final TestUser secondManager;

	public final TestUser lead;

	public final TestUser approver;

	public final TestUser top;

	public AssuranceFixture(Api api, TestUsers users) {
		this.api = api;
		this.users = users;
		manager = users.create(Role.AIMS_MANAGER);
		secondManager = users.create(Role.AIMS_MANAGER);
		lead = users.create(Role.AUDITOR);
		approver = users.create(Role.APPROVER);
		top = users.create(Role.TOP_MANAGEMENT);
	}

	public static String id(JsonNode node) {
		return node.get("id").asString();
	}

	/** A programme planned by the manager and approved by the second manager. */
	public String approvedProgramme() {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Internal audits " + TestUsers.class.getSimpleName() + " " + System.nanoTime());
		body.put("periodStart", LocalDate.now().minusMonths(1).toString());
		body.put("periodEnd", LocalDate.now().plusMonths(11).toString());
		body.put("objectives", "Every clause and control once a year");
		body.put("criteria", "ISO/IEC 42001:2023, the AI policy");
		body.put("method", "Interviews, record sampling");
		String programme = id(api.body(api.post(manager, "/api/v1/audit-programmes", body), HttpStatus.CREATED));
		api.body(api.post(manager, "/api/v1/audit-programmes/" + programme + "/submit", Map.of()), HttpStatus.OK);
		approve("audit-programme", programme, secondManager);
		return programme;
	}

	/** An AI system owned by {@code owner}. */
	public String system(String name, TestUser owner) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("description", "Assurance test system");
		s.put("intendedPurpose", "Be audited");
		s.put("organizationRoles", List.of("PROVIDER"));
		s.put("lifecycleStage", "OPERATING");
		s.put("riskTier", "HIGH");
		s.put("owner", owner.username());
		return id(api.body(api.post(manager, "/api/v1/ai-systems", s), HttpStatus.CREATED));
	}

	public Map<String, Object> audit(String programme, List<String> clauses, List<String> controls, List<String> systems, TestUser lead,
			List<TestUser> team) {
		Map<String, Object> body = new HashMap<>();
		body.put("programmeId", programme);
		body.put("title", "Audit " + System.nanoTime());
		body.put("plannedStart", LocalDate.now().toString());
		body.put("plannedEnd", LocalDate.now().plusDays(2).toString());
		body.put("auditedFrom", LocalDate.now().minusDays(30).toString());
		body.put("auditedTo", LocalDate.now().toString());
		body.put("clauses", clauses);
		body.put("controls", controls);
		body.put("aiSystemIds", systems);
		body.put("processes", List.of());
		body.put("criteria", "ISO/IEC 42001:2023");
		body.put("method", "Interviews");
		body.put("leadAuditor", lead.username());
		body.put("team", team.stream().map(TestUser::username).toList());
		return body;
	}

	/** Plans and starts an audit; returns it with its checklist. */
	public JsonNode startedAudit(Map<String, Object> body) {
		String audit = id(api.body(api.post(manager, "/api/v1/audits", body), HttpStatus.CREATED));
		return api.body(api.post(manager, "/api/v1/audits/" + audit + "/start", Map.of()), HttpStatus.OK);
	}

	/** The 1-based number of the checklist item about {@code subjectRef}. */
	public static int item(JsonNode audit, String subjectRef) {
		for (JsonNode item : audit.get("items")) {
			if (item.get("subjectRef").asString().equals(subjectRef)) {
				return item.get("index").asInt() + 1;
			}
		}
		throw new AssertionError("no item about " + subjectRef);
	}

	public static Map<String, Object> nonconformity(String title, String source, String owner) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("description", "Found while testing");
		body.put("source", source);
		body.put("requirementRef", "A.6.2.5");
		body.put("severity", "MINOR");
		body.put("owner", owner);
		return body;
	}

	public static Map<String, Object> review(String title, LocalDate scheduled, LocalDate from, LocalDate to, TestUser chair,
			List<Map<String, Object>> actions) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("scheduledFor", scheduled.toString());
		body.put("periodStart", from.toString());
		body.put("periodEnd", to.toString());
		body.put("chair", chair.username());
		body.put("attendees", List.of(chair.username()));
		body.put("actions", new ArrayList<>(actions));
		return body;
	}

	/** Decides the pending approval request of an item (APPROVE) by each of {@code by}. */
	public void approve(String itemType, String itemId, TestUser... by) {
		String approval = pending(itemType, itemId);
		for (TestUser u : by) {
			api.body(api.post(u, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		}
	}

	public String pending(String itemType, String itemId) {
		JsonNode list = api.body(api.get(manager, "/api/v1/approvals?status=PENDING&itemType=" + itemType + "&itemId=" + itemId), HttpStatus.OK);
		return list.get("items").get(0).get("id").asString();
	}
}
