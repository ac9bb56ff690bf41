package org.openaims;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.risk.RiskFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds a large organization on PostgreSQL for the scale benchmark: 100,000 AI systems, 20,000
 * vendors, 1,000,000 risks with 690,000 treatment actions (1,380,000 control links), 10,000 approval
 * requests, 5,000 objectives, 10,000 concerns, 2,000 policies and 2,000 users. One record of each kind
 * is made through the API (so every column and child holds what the application writes), then cloned
 * with {@code INSERT … SELECT … generate_series} as the schema owner, with deterministic ids
 * ({@code md5(kind || n)}) so that children find their parents. Maintained tables (the controls risks
 * select, the heat map's counts) are rebuilt as their migrations build them, and the tables are vacuumed
 * and analyzed as autovacuum would leave them.
 */
final class LargeOrganization {

	static final int USERS = 2_000;

	static final int VENDORS = 20_000;

	static final int SYSTEMS = 100_000;

	static final int RISKS = 1_000_000;

	/** Risks with a treatment action: 69 of every 100. */
	static final int ACTIONS = 690_000;

	static final int APPROVALS = 10_000;

	static final int OBJECTIVES = 5_000;

	static final int CONCERNS = 10_000;

	static final int POLICIES = 2_000;

	/**
	 * A word that 100 risks' descriptions hold, for the search benchmark: each description ends with one
	 * of 10,000 ten-letter words (the first hex digits of {@code md5('w' || n % 10000)}), a vocabulary
	 * whose letter triples are spread as in ordinary text rather than shared by every row.
	 */
	static final String RARE_WORD = word(4242);

	static String word(int n) {
		try {
			byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(("w" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(md5).substring(0, 10);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static final List<String> WORDS = List.of("prompt", "injection", "bias", "drift", "leakage", "poisoning", "hallucination",
			"fairness", "privacy", "robustness", "oversight", "vendor", "lineage", "jailbreak", "toxicity", "misuse", "outage",
			"explainability", "consent", "retention");

	private final Api api;

	private final TestUsers users;

	private final JdbcClient owner;

	LargeOrganization(Api api, TestUsers users, JdbcClient owner) {
		this.api = api;
		this.users = users;
		this.owner = owner;
	}

	/** Seeds everything; answers how long each kind took. */
	Map<String, Duration> seed(TestUser admin) {
		Map<String, Duration> took = new LinkedHashMap<>();
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		RiskFixtures.inForce(api, users);
		Instant t = Instant.now();

		String vendor = api.body(api.post(admin, "/api/v1/vendors", Map.of("name", "Template vendor", "dueDiligenceStatus", "IN_PROGRESS")),
				HttpStatus.CREATED).get("id").asString();
		Map<String, Object> system = new LinkedHashMap<>(Map.of("name", "Template system", "intendedPurpose", "Screen applications",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner", manager.username()));
		system.put("vendorId", vendor);
		system.put("inScope", true);
		String systemId = api.body(api.post(manager, "/api/v1/ai-systems", system), HttpStatus.CREATED).get("id").asString();
		api.body(api.post(manager, "/api/v1/ai-systems/" + systemId + "/versions", Map.of("label", "1.1")), HttpStatus.CREATED);
		String risk = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Template risk", systemId, "bias", 3, 4,
				manager.username())), HttpStatus.CREATED).get("id").asString();
		api.body(api.put(manager, "/api/v1/risks/" + risk + "/treatment", Map.of("option", "MODIFY", "actions", List.of(Map.of("title",
				"Guard the prompts", "owner", manager.username(), "dueDate", LocalDate.now().plusDays(30).toString(), "controls",
				List.of("A.6.2.8", "A.6.2.4"))))), HttpStatus.OK);
		String objective = api.body(api.post(manager, "/api/v1/objectives", Map.of("title", "Template objective", "measure", "ratio",
				"target", "above 0.8", "owner", manager.username(), "dueDate", LocalDate.now().plusMonths(3).toString(), "aiSystemIds",
				List.of(systemId))), HttpStatus.CREATED).get("id").asString();
		api.body(api.post(manager, "/api/v1/objectives/" + objective + "/progress", Map.of("value", "0.7")), HttpStatus.OK);
		String policy = api.body(api.post(manager, "/api/v1/policies", Map.of("title", "Template policy", "owner", manager.username(),
				"reviewIntervalMonths", 12, "approvalsRequired", 2, "body", "# Policy")), HttpStatus.CREATED).get("id").asString();
		String approval = api.body(api.post(manager, "/api/v1/policies/" + policy + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		String concern = api.body(api.post(manager, "/api/v1/concerns", Map.of("summary", "Template concern", "description", "d",
				"aiSystemId", systemId)), HttpStatus.CREATED).get("id").asString();
		api.body(api.post(admin, "/api/v1/concerns/" + concern + "/notes", Map.of("note", "looking")), HttpStatus.OK);
		JsonNode template = api.body(api.get(admin, "/api/v1/users?q=" + manager.username()), HttpStatus.OK).get("items").get(0);
		String userTemplate = template.get("id").asString();
		took.put("templates through the API", Duration.between(t, Instant.now()));

		String words = "ARRAY[" + WORDS.stream().map(w -> "'" + w + "'").collect(Collectors.joining(",")) + "]";
		t = Instant.now();
		clone("users", "id = '" + userTemplate + "'", USERS, Map.of("id", id("user", "g"), "username", "'person' || g", "display_name",
				"'Person ' || g", "email", "NULL"));
		clone("user_roles", "user_id = '" + userTemplate + "'", USERS, Map.of("user_id", id("user", "g"), "role",
				"(ARRAY['VIEWER','RISK_OWNER','SYSTEM_OWNER','APPROVER','AUDITOR'])[1 + g % 5]"));
		took.put(USERS + " users", Duration.between(t, Instant.now()));

		t = Instant.now();
		clone("vendors", "id = '" + vendor + "'", VENDORS, Map.of("id", id("vendor", "g"), "name", "'Vendor ' || lpad(g::text, 6, '0')",
				"due_diligence_status", "(ARRAY['NOT_STARTED','IN_PROGRESS','PASSED','PASSED_WITH_CONDITIONS','FAILED'])[1 + g % 5]",
				"next_review_date", "DATE '2027-01-01' + (g % 700)", "updated_at", "t.updated_at - (g || ' minutes')::interval",
				"created_at", "t.created_at - (g || ' minutes')::interval"));
		took.put(VENDORS + " vendors", Duration.between(t, Instant.now()));

		t = Instant.now();
		for (int from = 0; from < SYSTEMS; from += 50_000) {
			int first = from + 1;
			int last = Math.min(SYSTEMS, from + 50_000);
			cloneRange("ai_systems", "id = '" + systemId + "'", first, last, Map.of("id", id("system", "g"), "name",
					"'System ' || lpad(g::text, 6, '0') || ' ' || (" + words + ")[1 + g % 20]", "owner", "'person' || (1 + g % " + USERS + ")",
					"vendor_id", id("vendor", "1 + g % " + VENDORS), "lifecycle_stage",
					"(ARRAY['IDEA','DESIGN','DEVELOPMENT','VERIFICATION','DEPLOYED','OPERATING','RETIRED'])[1 + g % 7]", "risk_tier",
					"(ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4]", "in_scope", "g % 3 <> 0", "updated_at",
					"t.updated_at - (g || ' minutes')::interval", "created_at", "t.created_at - (g || ' minutes')::interval"));
			cloneRange("ai_system_roles", "ai_system_id = '" + systemId + "'", first, last, Map.of("ai_system_id", id("system", "g")));
			cloneRange("ai_system_versions", "ai_system_id = '" + systemId + "'", first, last, Map.of("ai_system_id", id("system", "g")));
		}
		took.put(SYSTEMS + " AI systems", Duration.between(t, Instant.now()));

		t = Instant.now();
		String level = "(ARRAY[ARRAY['low','low','low','medium','medium'],ARRAY['low','low','medium','medium','high'],"
				+ "ARRAY['low','medium','medium','high','high'],ARRAY['medium','medium','high','high','critical'],"
				+ "ARRAY['medium','high','high','critical','critical']])";
		for (int from = 0; from < RISKS; from += 100_000) {
			int first = from + 1;
			int last = Math.min(RISKS, from + 100_000);
			Map<String, String> columns = new LinkedHashMap<>();
			columns.put("id", id("risk", "g"));
			columns.put("ref_no", "1000 + g");
			columns.put("title", "'Risk ' || g || ' ' || (" + words + ")[1 + g % 20] || ' ' || (" + words + ")[1 + (g / 20) % 20]");
			columns.put("description", "'What could go wrong with ' || (" + words + ")[1 + (g / 400) % 20] || ' ' || substr(md5('w' || (g % 10000)), 1, 10)");
			columns.put("ai_system_id", "CASE WHEN g % 10 = 0 THEN NULL ELSE " + id("system", "1 + g % " + SYSTEMS) + " END");
			columns.put("category", "(ARRAY['prompt-injection','jailbreak','data-poisoning','data-lineage','privacy-leakage','bias','misuse',"
					+ "'hallucination','robustness','security','safety','transparency','human-oversight','third-party','legal'])[1 + g % 15]");
			columns.put("owner", "'person' || (1 + g % " + USERS + ")");
			columns.put("review_date", "DATE '2026-06-01' + CAST(CAST(g AS BIGINT) * 7919 % 1500 AS INT)");
			columns.put("status", "(ARRAY['OPEN','TREATMENT','TREATMENT','ACCEPTED','CLOSED'])[1 + g % 5]");
			columns.put("inherent_likelihood", "1 + g % 5");
			columns.put("inherent_impact", "1 + (g / 5) % 5");
			columns.put("inherent_level", level + "[1 + g % 5][1 + (g / 5) % 5]");
			columns.put("residual_criteria_id", "CASE WHEN g % 2 = 0 THEN t.criteria_id END");
			columns.put("residual_likelihood", "CASE WHEN g % 2 = 0 THEN 1 + (g / 25) % 3 END");
			columns.put("residual_impact", "CASE WHEN g % 2 = 0 THEN 1 + (g / 75) % 4 END");
			columns.put("residual_level", "CASE WHEN g % 2 = 0 THEN " + level + "[1 + (g / 25) % 3][1 + (g / 75) % 4] END");
			columns.put("reassessment_due", "g % 50 = 0");
			columns.put("updated_at", "t.updated_at - (g || ' seconds')::interval");
			columns.put("created_at", "t.created_at - (g || ' seconds')::interval");
			cloneRange("risks", "id = '" + risk + "'", first, last, columns);
		}
		owner.sql("SELECT setval('risk_numbers', " + (RISKS + 1000) + ")").query(Long.class).single();
		took.put(RISKS + " risks", Duration.between(t, Instant.now()));

		t = Instant.now();
		// 69 of every 100 risks have the template's treatment action and its two control links.
		String withAction = "(g % 100) < 69";
		for (int from = 0; from < RISKS; from += 200_000) {
			int first = from + 1;
			int last = Math.min(RISKS, from + 200_000);
			cloneRange("risk_actions", "risk_id = '" + risk + "'", first, last,
					Map.of("risk_id", id("risk", "g"), "action_id", id("action", "g"), "status", "(ARRAY['OPEN','DONE','OPEN','CANCELLED'])[1 + g % 4]"),
					withAction);
			cloneRange("risk_action_controls", "risk_id = '" + risk + "'", first, last,
					Map.of("risk_id", id("risk", "g"), "action_id", id("action", "g")), withAction);
		}
		// The tables kept at every save of a risk, built as their migrations build them.
		rebuild("risk_control_selections (requirement_id, risk_id, ref_no, title)", "SELECT DISTINCT c.requirement_id, r.id, r.ref_no, "
				+ "r.title FROM risk_action_controls c JOIN risk_actions a ON a.risk_id = c.risk_id AND a.action_id = c.action_id "
				+ "JOIN risks r ON r.id = c.risk_id WHERE r.status <> 'CLOSED' AND a.status <> 'CANCELLED'");
		rebuild("control_selection_counts (requirement_id, risks)", "SELECT requirement_id, COUNT(*) FROM risk_control_selections "
				+ "GROUP BY requirement_id");
		rebuild("risk_cells (risk_id, category, status, organization_only, criteria_id, likelihood, impact, residual_criteria_id, "
				+ "residual_likelihood, residual_impact)", "SELECT id, category, status, ai_system_id IS NULL, criteria_id, inherent_likelihood, "
						+ "inherent_impact, residual_criteria_id, residual_likelihood, residual_impact FROM risks");
		owner.sql("DELETE FROM risk_cell_counts").update();
		for (List<String> k : List.of(List.of("INHERENT", "criteria_id", "likelihood", "impact"),
				List.of("RESIDUAL", "residual_criteria_id", "residual_likelihood", "residual_impact"))) {
			String cell = "category, status, organization_only, " + k.get(1) + ", " + k.get(2) + ", " + k.get(3);
			owner.sql("INSERT INTO risk_cell_counts (kind, category, status, organization_only, criteria_id, likelihood, impact, risks) SELECT '"
					+ k.get(0) + "', " + cell + ", COUNT(*) FROM risk_cells WHERE " + k.get(1) + " IS NOT NULL AND " + k.get(2)
					+ " IS NOT NULL AND " + k.get(3) + " IS NOT NULL GROUP BY " + cell).update();
		}

		took.put(ACTIONS + " treatment actions", Duration.between(t, Instant.now()));

		t = Instant.now();
		clone("objectives", "id = '" + objective + "'", OBJECTIVES, Map.of("id", id("objective", "g"), "title", "'Objective ' || g || ' on ' || ("
				+ words + ")[1 + g % 20]", "owner", "'person' || (1 + g % " + USERS + ")", "due_date", "DATE '2026-01-01' + (g % 900)",
				"status", "(ARRAY['NOT_STARTED','ON_TRACK','AT_RISK','ACHIEVED','MISSED','CANCELLED'])[1 + g % 6]", "updated_at",
				"t.updated_at - (g || ' minutes')::interval"));
		clone("objective_systems", "objective_id = '" + objective + "'", OBJECTIVES, Map.of("objective_id", id("objective", "g"),
				"ai_system_id", id("system", "1 + g % " + SYSTEMS)));
		clone("objective_progress", "objective_id = '" + objective + "'", OBJECTIVES, Map.of("objective_id", id("objective", "g")));
		clone("policies", "id = '" + policy + "'", POLICIES, Map.of("id", id("policy", "g"), "title", "'Policy ' || lpad(g::text, 5, '0')",
				"updated_at", "t.updated_at - (g || ' minutes')::interval"));
		clone("policy_versions", "policy_id = '" + policy + "'", POLICIES, Map.of("id", id("pversion", "g"), "policy_id", id("policy", "g")));
		clone("approval_requests", "id = '" + approval + "'", APPROVALS, Map.of("id", id("approval", "g"), "item_id",
				"CAST(" + id("pversion", "1 + g % " + POLICIES) + " AS VARCHAR(100))", "status",
				"(ARRAY['PENDING','APPROVED','REJECTED','WITHDRAWN','PENDING'])[1 + g % 5]", "requested_by", "'person' || (1 + g % " + USERS + ")",
				"authors", "'person' || (1 + g % " + USERS + ")", "deciders", "'person' || (1 + (g + 7) % " + USERS + ")", "created_at",
				"t.created_at - (g || ' minutes')::interval"));
		clone("approval_decisions", "approval_request_id = '" + approval + "'", APPROVALS, Map.of("approval_request_id", id("approval", "g"),
				"approver", "'person' || (1 + (g + 7) % " + USERS + ")"));
		clone("concerns", "id = '" + concern + "'", CONCERNS, Map.of("id", id("concern", "g"), "summary", "'Concern ' || g || ' about ' || ("
				+ words + ")[1 + g % 20]", "ai_system_id", id("system", "1 + g % " + SYSTEMS), "status",
				"(ARRAY['NEW','TRIAGED','INVESTIGATING','RESOLVED','DISMISSED'])[1 + g % 5]", "created_at",
				"t.created_at - (g || ' minutes')::interval", "updated_at", "t.updated_at - (g || ' minutes')::interval"));
		clone("concern_notes", "concern_id = '" + concern + "'", CONCERNS, Map.of("concern_id", id("concern", "g")));
		took.put("objectives, policies, approvals, concerns", Duration.between(t, Instant.now()));

		t = Instant.now();
		owner.sql("VACUUM ANALYZE").update();
		took.put("VACUUM ANALYZE", Duration.between(t, Instant.now()));
		return took;
	}

	private void rebuild(String table, String select) {
		owner.sql("DELETE FROM " + table.substring(0, table.indexOf(' '))).update();
		owner.sql("INSERT INTO " + table + " " + select).update();
	}

	/** A deterministic id of the {@code n}-th record of a kind (an SQL expression of {@code n}). */
	static String id(String kind, String n) {
		return "CAST(md5('" + kind + "-' || (" + n + ")) AS UUID)";
	}

	private void clone(String table, String template, int n, Map<String, String> columns) {
		cloneRange(table, template, 1, n, columns);
	}

	private void cloneRange(String table, String template, int first, int last, Map<String, String> columns) {
		cloneRange(table, template, first, last, columns, "TRUE");
	}

	/** Inserts a copy of the template row(s) for each {@code g} in first..last where {@code when} holds, with the columns given replaced. */
	private void cloneRange(String table, String template, int first, int last, Map<String, String> columns, String when) {
		List<String> names = owner.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
				+ "AND table_name = :t ORDER BY ordinal_position")
			.param("t", table)
			.query(String.class)
			.list();
		for (String column : columns.keySet()) {
			if (!names.contains(column)) {
				throw new IllegalStateException(table + " has no column " + column);
			}
		}
		String select = names.stream().map(c -> columns.getOrDefault(c, "t." + c)).collect(Collectors.joining(", "));
		owner.sql("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + select + " FROM " + table
				+ " t CROSS JOIN generate_series(" + first + ", " + last + ") g WHERE " + template.replace("g % ", "0 % ")
				+ " AND (" + when + ")")
			.update();
	}
}
