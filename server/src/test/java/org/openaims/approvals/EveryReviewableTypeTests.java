package org.openaims.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.risk.RiskFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * The review life cycle, once for every type of reviewable record, through the REST API as people
 * use it: the item's author and anyone who changed it are refused, who may approve is decided by the
 * item's module and never by whoever asks, content changed under a request or after an approval
 * makes it void, and a quorum counts distinct approvers.
 */
@AimsTest
// A context (and database) of its own: these tests write the one scope statement and the risk criteria
// in force, which tests of an empty register expect untouched.
@TestPropertySource(properties = "aims.test.context=every-reviewable-type")
class EveryReviewableTypeTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	static Stream<String> types() {
		return Stream.of("policy-version", "policy-change", "soa-version", "risk-criteria", "impact-assessment", "risk-acceptance",
				"scope-version", "role-grant", "audit-programme", "nonconformity", "management-review");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void theAuthorCoAuthorsAndTheRequesterAreRefusedAndAnotherApproverApproves(String type) {
		Kind kind = kind(type);
		TestUser author = kind.writer();
		TestUser coAuthor = kind.writer();
		Item item = kind.create(author, coAuthor);
		TestUser requester = kind.separateRequester() ? kind.writer() : author;
		String approval = kind.submit(item, requester);
		JsonNode request = api.body(api.get(author, "/api/v1/approvals/" + approval), HttpStatus.OK);
		assertThat(request.get("itemType").asString()).isEqualTo(type);

		decide(author, approval, HttpStatus.FORBIDDEN, "segregation of duties");
		if (kind.coAuthors()) {
			assertThat(names(request.get("authors"))).contains(author.username(), coAuthor.username());
			decide(coAuthor, approval, HttpStatus.FORBIDDEN, "wrote this item");
		}
		else {
			// One person writes the whole of it in one step (a proposal, a grant): its only author asked for it.
			assertThat(names(request.get("authors"))).containsExactly(author.username());
		}
		decide(requester, approval, HttpStatus.FORBIDDEN, "segregation of duties");
		approveFully(kind, approval);
		assertThat(status(approval)).isEqualTo("APPROVED");
		kind.assertApproved(item);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void whoMayApproveIsTheModulesRuleAndNeverTheRequestersChoice(String type) {
		Kind kind = kind(type);
		TestUser author = kind.writer();
		Item item = kind.create(author, kind.writer());
		// The generic request with roles of the caller's choosing is gone.
		assertThat(api.post(author, "/api/v1/approvals", Map.of("itemType", type, "itemId", String.valueOf(item.id()), "approverRoles",
				List.of("VIEWER"), "quorum", 1))).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
		String approval = kind.submit(item, kind.separateRequester() ? kind.writer() : author);
		JsonNode request = api.body(api.get(author, "/api/v1/approvals/" + approval), HttpStatus.OK);
		assertThat(names(request.get("approverRoles"))).isEqualTo(kind.approverRoles());
		assertThat(request.get("quorum").asInt()).isEqualTo(kind.quorum());
		decide(users.create(Role.VIEWER), approval, HttpStatus.FORBIDDEN, "needs one of the roles");
		// What is approved is shown to the approver.
		assertThat(request.get("review").get("summary").asString()).isNotBlank();
		assertThat(status(approval)).isEqualTo("PENDING");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void contentChangedUnderARequestOrAfterAnApprovalMakesItVoid(String type) {
		Kind kind = kind(type);
		TestUser author = kind.writer();
		Item item = kind.create(author, kind.writer());
		String approval = kind.submit(item, kind.separateRequester() ? kind.writer() : author);
		if (kind.changeable()) {
			kind.change(item, author);
			assertThat(status(approval)).isEqualTo("INVALIDATED");
			decide(kind.approver(), approval, HttpStatus.CONFLICT, null);
			approval = kind.submit(item, kind.separateRequester() ? kind.writer() : author);
		}
		else {
			// What is under review cannot be changed while it is: a second proposal is refused.
			kind.change(item, author);
			assertThat(status(approval)).isEqualTo("PENDING");
		}
		approveFully(kind, approval);
		assertThat(status(approval)).isEqualTo("APPROVED");
		if (kind.changesAfterApproval()) {
			kind.changeApproved(item, author);
			assertThat(status(approval)).isEqualTo("INVALIDATED");
			kind.assertNotApproved(item);
		}
		else {
			kind.changeApproved(item, author);
			assertThat(status(approval)).isEqualTo("APPROVED");
			kind.assertApproved(item);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void aQuorumCountsDistinctApprovers(String type) {
		Kind kind = kind(type);
		TestUser author = kind.writer();
		Item item = kind.create(author, kind.writer());
		String approval = kind.submit(item, kind.separateRequester() ? kind.writer() : author);
		TestUser first = kind.approver();
		decide(first, approval, HttpStatus.OK, null);
		if (kind.quorum() > 1) {
			assertThat(status(approval)).isEqualTo("PENDING");
			decide(first, approval, HttpStatus.CONFLICT, "decided on this request already");
			assertThat(status(approval)).isEqualTo("PENDING");
			for (int i = 1; i < kind.quorum(); i++) {
				decide(kind.approver(), approval, HttpStatus.OK, null);
			}
		}
		assertThat(status(approval)).isEqualTo("APPROVED");
		assertThat(api.body(api.get(author, "/api/v1/approvals/" + approval), HttpStatus.OK).get("approvals").asInt())
			.isEqualTo(kind.quorum());
		decide(kind.approver(), approval, HttpStatus.CONFLICT, "approved already");
	}

	// -- the reviewable types -------------------------------------------------------------------------

	/** An item under test: its id (as the approvals store it) and whatever else its kind needs. */
	record Item(String id, Map<String, String> more) {

		String get(String key) {
			return more.get(key);
		}
	}

	/** One reviewable type as its users drive it through the API. */
	abstract class Kind {

		/** A user who may write (and submit) items of this type. */
		TestUser writer() {
			return users.create(Role.AIMS_MANAGER);
		}

		/** A user who may approve items of this type, independent of everyone else here. */
		TestUser approver() {
			return users.create(Role.APPROVER);
		}

		Set<String> approverRoles() {
			return Set.of("APPROVER", "AIMS_MANAGER", "ADMIN");
		}

		int quorum() {
			return 1;
		}

		/** Whether someone other than the author may change the content before it is submitted. */
		boolean coAuthors() {
			return true;
		}

		/** Whether someone other than the author may ask for the approval. */
		boolean separateRequester() {
			return true;
		}

		/** Whether the content under review can change (it cannot for a proposal: it is withdrawn and made anew). */
		boolean changeable() {
			return true;
		}

		/** Whether the approved content itself can still change (otherwise a change is a new version). */
		boolean changesAfterApproval() {
			return false;
		}

		/** A new item written by {@code author} and, where the type allows, changed by {@code coAuthor}. */
		abstract Item create(TestUser author, TestUser coAuthor);

		/** Asks for the item's approval as {@code requester}; the approval request's id. */
		abstract String submit(Item item, TestUser requester);

		/** Changes what is under review. */
		abstract void change(Item item, TestUser who);

		/** Changes the item after its approval (or, where approved content is immutable, starts its next version). */
		abstract void changeApproved(Item item, TestUser who);

		abstract void assertApproved(Item item);

		void assertNotApproved(Item item) {
		}
	}

	private Kind kind(String type) {
		return switch (type) {
			case "policy-version" -> new PolicyVersionKind();
			case "policy-change" -> new PolicyChangeKind();
			case "soa-version" -> new SoaVersionKind();
			case "risk-criteria" -> new CriteriaKind();
			case "impact-assessment" -> new ImpactAssessmentKind();
			case "risk-acceptance" -> new RiskAcceptanceKind();
			case "scope-version" -> new ScopeVersionKind();
			case "role-grant" -> new RoleGrantKind();
			case "audit-programme" -> new AuditProgrammeKind();
			case "nonconformity" -> new NonconformityKind();
			case "management-review" -> new ManagementReviewKind();
			default -> throw new IllegalArgumentException(type);
		};
	}

	/** Policy versions: two approvers (the policy asks for them), approved text editable until published. */
	class PolicyVersionKind extends Kind {

		@Override
		Set<String> approverRoles() {
			return Set.of("APPROVER", "AIMS_MANAGER");
		}

		@Override
		int quorum() {
			return 2;
		}

		@Override
		boolean changesAfterApproval() {
			return true;
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			String policy = api.body(api.post(author, "/api/v1/policies", Map.of("title", "Policy " + UUID.randomUUID(), "owner",
					author.username(), "reviewIntervalMonths", 12, "approvalsRequired", 2, "body", "# Rules\nFirst rule.")),
					HttpStatus.CREATED).get("id").asString();
			api.body(api.put(coAuthor, "/api/v1/policies/" + policy + "/versions/1", Map.of("body", "# Rules\nFirst rule.\nSecond rule.",
					"changeSummary", "second rule")), HttpStatus.OK);
			String version = api.body(api.get(author, "/api/v1/policies/" + policy + "/versions/1"), HttpStatus.OK).get("id").asString();
			return new Item(version, new HashMap<>(Map.of("policy", policy)));
		}

		@Override
		String submit(Item item, TestUser requester) {
			return api.body(api.post(requester, "/api/v1/policies/" + item.get("policy") + "/versions/1/submit", Map.of()), HttpStatus.OK)
				.get("approval").get("id").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.put(who, "/api/v1/policies/" + item.get("policy") + "/versions/1", Map.of("body", "# Rules\nChanged " + UUID.randomUUID())),
					HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			change(item, who);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(versionStatus(item)).isEqualTo("APPROVED");
		}

		@Override
		void assertNotApproved(Item item) {
			assertThat(versionStatus(item)).isEqualTo("DRAFT");
			api.problem(api.post(users.create(Role.ADMIN), "/api/v1/policies/" + item.get("policy") + "/versions/1/publish", Map.of()),
					HttpStatus.CONFLICT, null, "no valid approval");
		}

		private String versionStatus(Item item) {
			return api.body(api.get(users.create(Role.VIEWER), "/api/v1/policies/" + item.get("policy") + "/versions/1"), HttpStatus.OK)
				.get("status").asString();
		}
	}

	/** Renames of published policies: proposed in one step by one person, two approvers, applied once approved. */
	class PolicyChangeKind extends Kind {

		@Override
		Set<String> approverRoles() {
			return Set.of("APPROVER", "AIMS_MANAGER");
		}

		@Override
		int quorum() {
			return 2;
		}

		@Override
		boolean coAuthors() {
			return false;
		}

		@Override
		boolean separateRequester() {
			return false;
		}

		@Override
		boolean changeable() {
			return false;
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			TestUser writer = users.create(Role.AIMS_MANAGER);
			String policy = api.body(api.post(writer, "/api/v1/policies", Map.of("title", "Published " + UUID.randomUUID(), "owner",
					author.username(), "reviewIntervalMonths", 12, "approvalsRequired", 2, "body", "# In force")), HttpStatus.CREATED)
				.get("id").asString();
			String approval = api.body(api.post(writer, "/api/v1/policies/" + policy + "/versions/1/submit", Map.of()), HttpStatus.OK)
				.get("approval").get("id").asString();
			decide(approver(), approval, HttpStatus.OK, null);
			decide(approver(), approval, HttpStatus.OK, null);
			api.body(api.post(writer, "/api/v1/policies/" + policy + "/versions/1/publish", Map.of()), HttpStatus.OK);
			return new Item(policy, new HashMap<>(Map.of("policy", policy)));
		}

		@Override
		String submit(Item item, TestUser requester) {
			String title = "Renamed " + UUID.randomUUID();
			JsonNode proposed = api.body(api.post(requester, "/api/v1/policies/" + item.id() + "/rename", Map.of("title", title, "reason",
					"clearer")), HttpStatus.OK);
			item.more().put("title", title);
			return proposed.get("pendingChange").get("approvalId").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			api.problem(api.post(who, "/api/v1/policies/" + item.id() + "/rename", Map.of("title", "Other " + UUID.randomUUID())),
					HttpStatus.CONFLICT, null, "awaits approval already");
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			// Approved, the rename took effect; a new proposal is a new review of its own.
			api.body(api.post(who, "/api/v1/policies/" + item.id() + "/rename", Map.of("title", "Again " + UUID.randomUUID())),
					HttpStatus.OK);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/policies/" + item.id()), HttpStatus.OK).get("title").asString())
				.isEqualTo(item.get("title"));
		}
	}

	/** Statements of Applicability: every control decided, approved versions immutable (an edit opens the next version). */
	class SoaVersionKind extends Kind {

		@Override
		Set<String> approverRoles() {
			return Set.of("APPROVER", "AIMS_MANAGER");
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			String tag = UUID.randomUUID().toString().substring(0, 8);
			StringBuilder library = new StringBuilder("version: 1\nobjects:\n  framework:\n    urn: urn:test:framework:review-" + tag
					+ "\n    name: Review rules " + tag + "\n    requirement_nodes:\n");
			for (int i = 1; i <= 2; i++) {
				library.append("    - urn: urn:test:req_node:review-").append(tag).append(":a.").append(i).append("\n      ref_id: A.")
					.append(i).append("\n      name: Rule ").append(i).append("\n      assessable: true\n");
			}
			String framework = api.body(api.postBytes(author, "/api/v1/frameworks", "application/yaml",
					library.toString().getBytes(StandardCharsets.UTF_8)), HttpStatus.CREATED).get("id").asString();
			JsonNode soa = api.body(api.post(author, "/api/v1/soa", Map.of("frameworkId", framework)), HttpStatus.CREATED);
			List<Map<String, Object>> all = new ArrayList<>();
			List<String> requirements = new ArrayList<>();
			soa.get("entries").forEach(e -> requirements.add(e.get("requirementId").asString()));
			requirements.forEach(r -> all.add(Map.of("requirementId", r, "applicable", true, "justification", "needed", "status",
					"PLANNED")));
			String id = soa.get("id").asString();
			api.body(api.patch(author, "/api/v1/soa/" + id + "/entries", Map.of("entries", all)), HttpStatus.OK);
			api.body(api.patch(coAuthor, "/api/v1/soa/" + id + "/entries", Map.of("entries", List.of(Map.of("requirementId",
					requirements.get(0), "justification", "needed, see the RACI")))), HttpStatus.OK);
			return new Item(id, new HashMap<>(Map.of("soa", id, "requirement", requirements.get(1))));
		}

		@Override
		String submit(Item item, TestUser requester) {
			JsonNode submitted = api.body(api.post(requester, "/api/v1/soa/" + item.get("soa") + "/submit", Map.of()), HttpStatus.OK);
			item.more().put("version", submitted.get("versionNo").asString());
			return submitted.get("approval").get("id").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.patch(who, "/api/v1/soa/" + item.get("soa") + "/entries", Map.of("entries", List.of(Map.of("requirementId",
					item.get("requirement"), "justification", "changed " + UUID.randomUUID())))), HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			JsonNode next = api.body(api.patch(who, "/api/v1/soa/" + item.get("soa") + "/entries", Map.of("entries",
					List.of(Map.of("requirementId", item.get("requirement"), "justification", "next version")))), HttpStatus.OK);
			assertThat(next.get("versionNo").asInt()).isEqualTo(Integer.parseInt(item.get("version")) + 1);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/soa/" + item.get("soa") + "?version=" + item.get("version")),
					HttpStatus.OK).get("status").asString()).isEqualTo("APPROVED");
		}
	}

	/** Versions of the risk criteria: the same standard content, so the criteria in force stay what other tests expect. */
	class CriteriaKind extends Kind {

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			RiskFixtures.inForce(api, users);
			Map<String, Object> content = criteria("drafted " + UUID.randomUUID());
			JsonNode latest = api.body(api.get(author, "/api/v1/risk-criteria"), HttpStatus.OK).get(0);
			String id;
			if (List.of("DRAFT", "IN_REVIEW").contains(latest.get("status").asString())) {
				// One version is drafted at a time: an earlier test's draft is taken over.
				id = latest.get("id").asString();
				api.body(api.put(author, "/api/v1/risk-criteria/" + id, content), HttpStatus.OK);
			}
			else {
				id = api.body(api.post(author, "/api/v1/risk-criteria", content), HttpStatus.CREATED).get("id").asString();
			}
			api.body(api.put(coAuthor, "/api/v1/risk-criteria/" + id, criteria("reviewed " + UUID.randomUUID())), HttpStatus.OK);
			return new Item(id, new HashMap<>());
		}

		@Override
		String submit(Item item, TestUser requester) {
			return api.body(api.post(requester, "/api/v1/risk-criteria/" + item.id() + "/submit", Map.of()), HttpStatus.OK).get("approval")
				.get("id").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.put(who, "/api/v1/risk-criteria/" + item.id(), criteria("changed " + UUID.randomUUID())), HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			api.problem(api.put(who, "/api/v1/risk-criteria/" + item.id(), criteria("too late")), HttpStatus.CONFLICT, null,
					"cannot change");
		}

		@Override
		void assertApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/risk-criteria/current"), HttpStatus.OK).get("id").asString())
				.isEqualTo(item.id());
		}

		private Map<String, Object> criteria(String note) {
			return Map.of("definition", RiskFixtures.definition(5, 5, RiskFixtures.MATRIX), "changeNote", note);
		}
	}

	/** Impact assessments: a new version of the system makes an approved one stale, and its approval void. */
	class ImpactAssessmentKind extends Kind {

		@Override
		boolean changesAfterApproval() {
			return true;
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			RiskFixtures.inForce(api, users);
			String system = RiskFixtures.system(api, author, "Assessed " + UUID.randomUUID());
			String id = api.body(api.post(author, "/api/v1/impact-assessments", Map.of("aiSystemId", system)), HttpStatus.CREATED)
				.get("id").asString();
			api.body(api.put(coAuthor, "/api/v1/impact-assessments/" + id, details("Screen applications")), HttpStatus.OK);
			return new Item(id, new HashMap<>(Map.of("system", system)));
		}

		@Override
		String submit(Item item, TestUser requester) {
			return api.body(api.post(requester, "/api/v1/impact-assessments/" + item.id() + "/submit", Map.of()), HttpStatus.OK)
				.get("approval").get("id").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.put(who, "/api/v1/impact-assessments/" + item.id(), details("Rank applications " + UUID.randomUUID())),
					HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			api.body(api.post(who, "/api/v1/ai-systems/" + item.get("system") + "/versions", Map.of("label", "2." + UUID.randomUUID(),
					"notes", "retrained")), HttpStatus.CREATED);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(assessment(item).get("status").asString()).isEqualTo("APPROVED");
		}

		@Override
		void assertNotApproved(Item item) {
			assertThat(assessment(item).get("stale").asBoolean()).isTrue();
		}

		private JsonNode assessment(Item item) {
			return api.body(api.get(users.create(Role.VIEWER), "/api/v1/impact-assessments/" + item.id()), HttpStatus.OK);
		}

		private Map<String, Object> details(String use) {
			return Map.of("intendedUse", use, "impacts", List.of(Map.of("area", "FAIRNESS", "description", "older applicants ranked lower",
					"severity", 3, "likelihood", 2, "mitigation", "human review")));
		}
	}

	/** Residual-risk acceptances: the roles the criteria allow for the level; who planned the treatment or scored it wrote it. */
	class RiskAcceptanceKind extends Kind {

		@Override
		TestUser approver() {
			return users.create(Role.RISK_OWNER);
		}

		@Override
		Set<String> approverRoles() {
			return Set.of("RISK_OWNER", "AIMS_MANAGER", "ADMIN");
		}

		@Override
		boolean changesAfterApproval() {
			return true;
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			RiskFixtures.inForce(api, users);
			String id = api.body(api.post(author, "/api/v1/risks", RiskFixtures.risk("Accepted " + UUID.randomUUID(), null, "bias", 3, 3,
					author.username())), HttpStatus.CREATED).get("id").asString();
			api.body(api.put(coAuthor, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "actions", List.of(Map.of("title",
					"Bias tests", "owner", coAuthor.username(), "dueDate", LocalDate.now().plusDays(30).toString(), "status", "DONE",
					"controls", List.of("A.6.2.4"))))), HttpStatus.OK);
			api.body(api.post(coAuthor, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1, "impact", 2)), HttpStatus.OK);
			return new Item(id, new HashMap<>());
		}

		@Override
		String submit(Item item, TestUser requester) {
			return api.body(api.post(requester, "/api/v1/risks/" + item.id() + "/acceptance", Map.of("rationale", "within appetite")),
					HttpStatus.OK).get("approval").get("id").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.post(who, "/api/v1/risks/" + item.id() + "/residual", Map.of("likelihood", 2, "impact", 1)), HttpStatus.OK);
			api.body(api.post(who, "/api/v1/risks/" + item.id() + "/residual", Map.of("likelihood", 1, "impact", 2)), HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			api.body(api.post(who, "/api/v1/risks/" + item.id() + "/residual", Map.of("likelihood", 2, "impact", 1)), HttpStatus.OK);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(risk(item).get("status").asString()).isEqualTo("ACCEPTED");
		}

		@Override
		void assertNotApproved(Item item) {
			assertThat(risk(item).get("status").asString()).isEqualTo("TREATMENT");
		}

		private JsonNode risk(Item item) {
			return api.body(api.get(users.create(Role.VIEWER), "/api/v1/risks/" + item.id()), HttpStatus.OK);
		}
	}

	/** The scope statement: every save a new version; the drafts since the version in force are all their writers'. */
	class ScopeVersionKind extends Kind {

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			save(author, "Drafted " + UUID.randomUUID());
			int version = save(coAuthor, "Reviewed " + UUID.randomUUID());
			return new Item(String.valueOf(version), new HashMap<>(Map.of("version", String.valueOf(version))));
		}

		@Override
		String submit(Item item, TestUser requester) {
			return api.body(api.post(requester, "/api/v1/scope/versions/" + item.get("version") + "/submit", Map.of()), HttpStatus.OK)
				.get("approval").get("id").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			item.more().put("version", String.valueOf(save(who, "Changed " + UUID.randomUUID())));
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			int next = save(who, "Next " + UUID.randomUUID());
			assertThat(next).isGreaterThan(Integer.parseInt(item.get("version")));
		}

		@Override
		void assertApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/scope/versions/" + item.get("version")), HttpStatus.OK)
				.get("current").asBoolean()).isTrue();
		}

		private int save(TestUser who, String boundaries) {
			return api.body(api.put(who, "/api/v1/scope", Map.of("boundaries", boundaries, "inclusionCriteria", "All AI systems")),
					HttpStatus.OK).get("versionNo").asInt();
		}
	}

	/** Grants of approving roles: asked for by one administrator, approved by a second. */
	class RoleGrantKind extends Kind {

		@Override
		TestUser writer() {
			return users.create(Role.ADMIN);
		}

		@Override
		TestUser approver() {
			return users.create(Role.ADMIN);
		}

		@Override
		Set<String> approverRoles() {
			return Set.of("ADMIN");
		}

		@Override
		boolean coAuthors() {
			return false;
		}

		@Override
		boolean separateRequester() {
			return false;
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			String username = "granted-" + UUID.randomUUID().toString().substring(0, 8);
			return new Item(null, new HashMap<>(Map.of("username", username, "author", author.username())));
		}

		@Override
		String submit(Item item, TestUser requester) {
			JsonNode created;
			if (item.get("user") == null) {
				created = api.body(api.post(requester, "/api/v1/users", Map.of("username", item.get("username"), "password",
						"violet-harbour-lantern", "roles", List.of("VIEWER", "APPROVER"))), HttpStatus.CREATED);
				item.more().put("user", created.get("id").asString());
			}
			else {
				created = api.body(api.put(requester, "/api/v1/users/" + item.get("user"), Map.of("roles", List.of("VIEWER", "APPROVER"),
						"enabled", true)), HttpStatus.OK);
			}
			assertThat(names(created.get("pendingRoles"))).containsExactly("APPROVER");
			String grant = null;
			for (JsonNode g : api.body(api.get(requester, "/api/v1/role-grants"), HttpStatus.OK)) {
				if (g.get("username").asString().equals(item.get("username"))) {
					grant = g.get("id").asString();
				}
			}
			JsonNode requests = api.body(api.get(requester, "/api/v1/approvals?itemType=role-grant&status=PENDING&itemId=" + grant),
					HttpStatus.OK).get("items");
			assertThat(requests).hasSize(1);
			return requests.get(0).get("id").asString();
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.put(who, "/api/v1/users/" + item.get("user"), Map.of("roles", List.of("VIEWER"), "enabled", true)), HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			// Granted, the role is held; other changes of the account leave the grant as it was.
			api.body(api.put(who, "/api/v1/users/" + item.get("user"), Map.of("displayName", "Renamed", "roles", List.of("VIEWER", "APPROVER"),
					"enabled", true)), HttpStatus.OK);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(names(user(item).get("roles"))).contains("APPROVER");
		}

		private JsonNode user(Item item) {
			return api.body(api.get(users.create(Role.VIEWER), "/api/v1/users/" + item.get("user")), HttpStatus.OK);
		}
	}

	// -- helpers ----------------------------------------------------------------------------------------

	/** The pending approval request of an item. */
	private String pendingRequest(String type, String itemId) {
		JsonNode items = api.body(api.get(users.create(Role.VIEWER), "/api/v1/approvals?status=PENDING&itemType=" + type + "&itemId=" + itemId),
				HttpStatus.OK).get("items");
		assertThat(items).hasSize(1);
		return items.get(0).get("id").asString();
	}

	/** Audit programmes: approved before their audits start; an edit after the approval voids it. */
	class AuditProgrammeKind extends Kind {

		@Override
		Set<String> approverRoles() {
			return Set.of("APPROVER", "AIMS_MANAGER", "ADMIN", "TOP_MANAGEMENT");
		}

		@Override
		boolean changesAfterApproval() {
			return true;
		}

		private Map<String, Object> body(String method) {
			return Map.of("title", "Programme", "periodStart", "2031-01-01", "periodEnd", "2031-12-31", "method", method);
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			String id = api.body(api.post(author, "/api/v1/audit-programmes", body("interviews")), HttpStatus.CREATED).get("id").asString();
			api.body(api.put(coAuthor, "/api/v1/audit-programmes/" + id, body("interviews and sampling")), HttpStatus.OK);
			return new Item(id, new HashMap<>());
		}

		@Override
		String submit(Item item, TestUser requester) {
			api.body(api.post(requester, "/api/v1/audit-programmes/" + item.id() + "/submit", Map.of()), HttpStatus.OK);
			return pendingRequest("audit-programme", item.id());
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.put(who, "/api/v1/audit-programmes/" + item.id(), body("changed " + UUID.randomUUID())), HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			change(item, who);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/audit-programmes/" + item.id()), HttpStatus.OK).get("reviewStatus")
				.asString()).isEqualTo("APPROVED");
		}

		@Override
		void assertNotApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/audit-programmes/" + item.id()), HttpStatus.OK).get("reviewStatus")
				.asString()).isNotEqualTo("APPROVED");
		}
	}

	/**
	 * Nonconformities' closure: asked for once every action is done and found effective by an auditor who
	 * owns none of them; a change voids the effectiveness review and the closure request; a closed one
	 * no longer changes.
	 */
	class NonconformityKind extends Kind {

		@Override
		Set<String> approverRoles() {
			return Set.of("APPROVER", "AIMS_MANAGER", "ADMIN", "TOP_MANAGEMENT");
		}

		private Map<String, Object> body(String owner, String containment) {
			Map<String, Object> body = new HashMap<>();
			body.put("title", "Nonconformity");
			body.put("source", "CONCERN");
			body.put("severity", "MINOR");
			body.put("owner", owner);
			body.put("rootCauseMethod", "FIVE_WHYS");
			body.put("rootCause", "No step checks it");
			body.put("containment", containment);
			return body;
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			String id = api.body(api.post(author, "/api/v1/nonconformities", body(author.username(), "stopped")), HttpStatus.CREATED).get("id")
				.asString();
			api.body(api.put(coAuthor, "/api/v1/nonconformities/" + id, body(author.username(), "stopped and checked")), HttpStatus.OK);
			TestUser doer = users.create(Role.CONTRIBUTOR);
			JsonNode n = api.body(api.post(coAuthor, "/api/v1/nonconformities/" + id + "/actions", Map.of("description", "Add the check", "owner",
					doer.username(), "dueDate", "2031-01-01")), HttpStatus.CREATED);
			api.body(api.put(doer, "/api/v1/nonconformities/" + id + "/actions/" + n.get("actions").get(0).get("id").asString(),
					Map.of("status", "DONE")), HttpStatus.OK);
			return new Item(id, new HashMap<>(Map.of("owner", author.username())));
		}

		@Override
		String submit(Item item, TestUser requester) {
			JsonNode n = api.body(api.get(requester, "/api/v1/nonconformities/" + item.id()), HttpStatus.OK);
			if (n.get("effectivenessReviewedBy").isNull()) {
				api.body(api.post(users.create(Role.AUDITOR), "/api/v1/nonconformities/" + item.id() + "/effectiveness", Map.of("effective", true)),
						HttpStatus.OK);
			}
			api.body(api.post(requester, "/api/v1/nonconformities/" + item.id() + "/submit", Map.of()), HttpStatus.OK);
			return pendingRequest("nonconformity", item.id());
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.put(who, "/api/v1/nonconformities/" + item.id(), body(item.get("owner"), "changed " + UUID.randomUUID())), HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			api.problem(api.put(who, "/api/v1/nonconformities/" + item.id(), body(item.get("owner"), "after closure")), HttpStatus.CONFLICT, null,
					"closed");
		}

		@Override
		void assertApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/nonconformities/" + item.id()), HttpStatus.OK).get("status")
				.asString()).isEqualTo("CLOSED");
		}
	}

	/** Management reviews' output: approved by top management only; an edit of the output voids the approval. */
	class ManagementReviewKind extends Kind {

		@Override
		TestUser approver() {
			return users.create(Role.TOP_MANAGEMENT);
		}

		@Override
		Set<String> approverRoles() {
			return Set.of("TOP_MANAGEMENT");
		}

		@Override
		boolean changesAfterApproval() {
			return true;
		}

		private Map<String, Object> body(String chair, String minutes) {
			Map<String, Object> body = new HashMap<>();
			body.put("title", "Review");
			body.put("scheduledFor", "2031-07-01");
			body.put("periodStart", "2031-01-01");
			body.put("periodEnd", "2031-06-30");
			body.put("chair", chair);
			body.put("minutes", minutes);
			return body;
		}

		@Override
		Item create(TestUser author, TestUser coAuthor) {
			String id = api.body(api.post(author, "/api/v1/management-reviews", body(author.username(), "Draft minutes")), HttpStatus.CREATED)
				.get("id").asString();
			api.body(api.post(author, "/api/v1/management-reviews/" + id + "/hold", Map.of()), HttpStatus.OK);
			api.body(api.put(coAuthor, "/api/v1/management-reviews/" + id, body(author.username(), "Minutes")), HttpStatus.OK);
			return new Item(id, new HashMap<>(Map.of("chair", author.username())));
		}

		@Override
		String submit(Item item, TestUser requester) {
			api.body(api.post(requester, "/api/v1/management-reviews/" + item.id() + "/submit", Map.of()), HttpStatus.OK);
			return pendingRequest("management-review", item.id());
		}

		@Override
		void change(Item item, TestUser who) {
			api.body(api.put(who, "/api/v1/management-reviews/" + item.id(), body(item.get("chair"), "changed " + UUID.randomUUID())),
					HttpStatus.OK);
		}

		@Override
		void changeApproved(Item item, TestUser who) {
			change(item, who);
		}

		@Override
		void assertApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/management-reviews/" + item.id()), HttpStatus.OK).get("reviewStatus")
				.asString()).isEqualTo("APPROVED");
		}

		@Override
		void assertNotApproved(Item item) {
			assertThat(api.body(api.get(users.create(Role.VIEWER), "/api/v1/management-reviews/" + item.id()), HttpStatus.OK).get("reviewStatus")
				.asString()).isNotEqualTo("APPROVED");
		}
	}

	private void decide(TestUser who, String approval, HttpStatus expected, String text) {
		var result = api.post(who, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE", "comment", "ok"));
		if (expected.is2xxSuccessful()) {
			api.body(result, expected);
		}
		else {
			api.problem(result, expected, null, text);
		}
	}

	private void approveFully(Kind kind, String approval) {
		for (int i = 0; i < kind.quorum(); i++) {
			decide(kind.approver(), approval, HttpStatus.OK, null);
		}
	}

	private String status(String approval) {
		return api.body(api.get(users.create(Role.VIEWER), "/api/v1/approvals/" + approval), HttpStatus.OK).get("status").asString();
	}

	private static Set<String> names(JsonNode array) {
		Set<String> names = new LinkedHashSet<>();
		array.forEach(n -> names.add(n.asString()));
		return names;
	}
}
