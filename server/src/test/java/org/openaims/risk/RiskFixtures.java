package org.openaims.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * Puts 5×5 risk criteria in force through the API (drafted by one manager, approved by an approver)
 * unless the version in force is already this one. Levels: low (risk owners), medium (risk owners),
 * high (AIMS managers, administrators), critical (administrators only).
 */
public final class RiskFixtures {

	public static final List<List<String>> MATRIX = List.of(
			List.of("low", "low", "low", "medium", "medium"),
			List.of("low", "low", "medium", "medium", "high"),
			List.of("low", "medium", "medium", "high", "high"),
			List.of("medium", "medium", "high", "high", "critical"),
			List.of("medium", "high", "high", "critical", "critical"));

	private RiskFixtures() {
	}

	public static Map<String, Object> definition(int likelihoodLevels, int impactLevels, List<List<String>> matrix) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("likelihood", scale("L", likelihoodLevels));
		d.put("impact", scale("I", impactLevels));
		d.put("levels", List.of(level("low", "Low", Set.of(Role.RISK_OWNER, Role.AIMS_MANAGER, Role.ADMIN)),
				level("medium", "Medium", Set.of(Role.RISK_OWNER, Role.AIMS_MANAGER, Role.ADMIN)),
				level("high", "High", Set.of(Role.AIMS_MANAGER, Role.ADMIN)), level("critical", "Critical", Set.of(Role.ADMIN))));
		d.put("matrix", matrix);
		return d;
	}

	static List<Map<String, String>> scale(String prefix, int n) {
		List<Map<String, String>> levels = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			levels.add(Map.of("name", prefix + i, "description", "level " + i));
		}
		return levels;
	}

	static Map<String, Object> level(String key, String name, Set<Role> roles) {
		return Map.of("key", key, "name", name, "acceptedBy", roles);
	}

	/** Makes the standard 5×5 criteria the version in force; returns its id. */
	public static String inForce(Api api, TestUsers users) {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		var current = api.get(manager, "/api/v1/risk-criteria/current");
		if (current.getResponse().getStatus() == 200) {
			JsonNode body = api.body(current, HttpStatus.OK);
			if (body.get("definition").get("matrix").toString().equals(api.write(MATRIX))
					&& body.get("definition").get("levels").size() == 4) {
				return body.get("id").asString();
			}
		}
		Map<String, Object> content = Map.of("definition", definition(5, 5, MATRIX), "changeNote", "standard test criteria");
		JsonNode versions = api.body(api.get(manager, "/api/v1/risk-criteria"), HttpStatus.OK);
		String id;
		if (!versions.isEmpty() && List.of("DRAFT", "IN_REVIEW").contains(versions.get(0).get("status").asString())) {
			id = versions.get(0).get("id").asString();
			api.body(api.put(manager, "/api/v1/risk-criteria/" + id, content), HttpStatus.OK);
		}
		else {
			id = api.body(api.post(manager, "/api/v1/risk-criteria", content), HttpStatus.CREATED).get("id").asString();
		}
		JsonNode submitted = api.body(api.post(manager, "/api/v1/risk-criteria/" + id + "/submit", Map.of()), HttpStatus.OK);
		api.body(api.post(approver, "/api/v1/approvals/" + submitted.get("approval").get("id").asString() + "/decisions",
				Map.of("decision", "APPROVE")), HttpStatus.OK);
		return id;
	}

	/** A risk body with the given system (may be null), category, scores and owner. */
	public static Map<String, Object> risk(String title, String systemId, String category, int likelihood, int impact, String owner) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("title", title);
		r.put("description", "What could go wrong: " + title);
		if (systemId != null) {
			r.put("aiSystemId", systemId);
		}
		r.put("category", category);
		r.put("cause", "cause of " + title);
		r.put("source", "source of " + title);
		r.put("consequenceOrganization", "fines and reputation");
		r.put("consequenceIndividuals", "unfair treatment");
		r.put("consequenceSociety", "loss of trust");
		r.put("inherentLikelihood", likelihood);
		r.put("inherentImpact", impact);
		r.put("existingControls", "none yet");
		r.put("owner", owner);
		r.put("reviewDate", java.time.LocalDate.now().plusMonths(6).toString());
		return r;
	}

	public static String system(Api api, TestUser owner, String name) {
		return api.body(api.post(owner, "/api/v1/ai-systems", Map.of("name", name, "intendedPurpose", "Screen applications",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner", owner.username())),
				HttpStatus.CREATED).get("id").asString();
	}
}
