package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/** The policy life cycle, approvals with segregation of duties and acknowledgements, through the REST API. */
@AimsTest
class PolicyApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	TestUser approver;

	TestUser secondApprover;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		approver = users.create(Role.APPROVER);
		secondApprover = users.create(Role.APPROVER);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aDraftIsApprovedBySomeoneElseThenPublishedAndImmutable() {
		String id = create("AI policy " + tag, 1, "# AI policy\n\nWe use AI **responsibly**.");
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		JsonNode draft = api.body(api.get(manager, v1), HttpStatus.OK);
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("html").asString()).contains("<h1>AI policy</h1>").contains("<strong>responsibly</strong>");

		JsonNode submitted = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK);
		assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
		String approvalId = submitted.get("approval").get("id").asString();

		// The author may not approve what they wrote, even holding the AIMS manager role that may approve policies.
		JsonNode refused = api.problem(api.post(manager, "/api/v1/approvals/" + approvalId + "/decisions",
				Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN, null, "segregation of duties");
		assertThat(refused.get("detail").asString()).contains("someone else");
		// Publishing before approval is refused.
		api.problem(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.CONFLICT, null, "no valid approval");

		assertThat(inboxIds(approver)).contains(approvalId);
		assertThat(inboxIds(manager)).doesNotContain(approvalId);
		JsonNode decided = api.body(api.post(approver, "/api/v1/approvals/" + approvalId + "/decisions",
				Map.of("decision", "APPROVE", "comment", "fine")), HttpStatus.OK);
		assertThat(decided.get("status").asString()).isEqualTo("APPROVED");
		assertThat(inboxIds(approver)).doesNotContain(approvalId);
		assertThat(api.body(api.get(manager, v1), HttpStatus.OK).get("status").asString()).isEqualTo("APPROVED");

		JsonNode published = api.body(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.OK);
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		JsonNode policy = api.body(api.get(approver, "/api/v1/policies/" + id), HttpStatus.OK);
		assertThat(policy.get("publishedVersion").asInt()).isEqualTo(1);
		assertThat(policy.get("nextReviewDate").asString()).isEqualTo(LocalDate.now().plusMonths(12).toString());

		// A published version cannot change; a new draft starts from its text.
		api.problem(api.put(manager, v1, Map.of("body", "rewritten")), HttpStatus.CONFLICT, null, "published");
		api.problem(api.upload(manager, v1 + "/file", "file", "p.pdf", "application/pdf", new byte[] { 1 }), HttpStatus.CONFLICT,
				null, "published");
		JsonNode v2 = api.body(api.post(manager, "/api/v1/policies/" + id + "/versions", Map.of()), HttpStatus.CREATED);
		assertThat(v2.get("versionNo").asInt()).isEqualTo(2);
		assertThat(v2.get("body").asString()).isEqualTo("# AI policy\n\nWe use AI **responsibly**.");
		api.problem(api.post(manager, "/api/v1/policies/" + id + "/versions", Map.of()), HttpStatus.CONFLICT, null,
				"still draft");
		api.body(api.put(manager, "/api/v1/policies/" + id + "/versions/2",
				Map.of("body", "# AI policy\n\nWe use AI responsibly.\nWe tell people when they talk to an AI.",
						"changeSummary", "transparency")), HttpStatus.OK);
		JsonNode diff = api.body(api.get(manager, "/api/v1/policies/" + id + "/diff?from=1&to=2"), HttpStatus.OK);
		List<String> lines = new ArrayList<>();
		diff.forEach(l -> lines.add(l.get("kind").asString() + " " + l.get("text").asString()));
		assertThat(lines).containsExactly("SAME # AI policy", "SAME ", "REMOVED We use AI **responsibly**.",
				"ADDED We use AI responsibly.", "ADDED We tell people when they talk to an AI.");
		assertThat(api.body(api.get(manager, v1), HttpStatus.OK).get("status").asString()).isEqualTo("PUBLISHED");
	}

	@Test
	void aPolicyThatAsksForTwoApproversNeedsTwoDistinctOnes() {
		String id = create("Data policy " + tag, 2, "Data rules.");
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		String approvalId = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id").asString();
		String decisions = "/api/v1/approvals/" + approvalId + "/decisions";

		JsonNode first = api.body(api.post(approver, decisions, Map.of("decision", "APPROVE")), HttpStatus.OK);
		assertThat(first.get("status").asString()).isEqualTo("PENDING");
		assertThat(first.get("approvals").asInt()).isEqualTo(1);
		assertThat(first.get("quorum").asInt()).isEqualTo(2);
		// The same approver twice does not make two.
		api.problem(api.post(approver, decisions, Map.of("decision", "APPROVE")), HttpStatus.CONFLICT, null, "already");
		// Someone without an approving role cannot decide.
		TestUser contributor = users.create(Role.CONTRIBUTOR);
		api.problem(api.post(contributor, decisions, Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN, null, "APPROVER");
		api.problem(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.CONFLICT, null, "no valid approval");

		JsonNode second = api.body(api.post(secondApprover, decisions, Map.of("decision", "APPROVE")), HttpStatus.OK);
		assertThat(second.get("status").asString()).isEqualTo("APPROVED");
		assertThat(second.get("decisions")).hasSize(2);
		api.body(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.OK);
	}

	@Test
	void aRejectionNeedsAReasonAndSendsTheDraftBack() {
		String id = create("Use policy " + tag, 1, "Text");
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		String approvalId = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id").asString();
		api.problem(api.post(approver, "/api/v1/approvals/" + approvalId + "/decisions", Map.of("decision", "REJECT")),
				HttpStatus.BAD_REQUEST, "comment", "why");
		JsonNode rejected = api.body(api.post(approver, "/api/v1/approvals/" + approvalId + "/decisions",
				Map.of("decision", "REJECT", "comment", "too vague")), HttpStatus.OK);
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(api.body(api.get(manager, v1), HttpStatus.OK).get("status").asString()).isEqualTo("DRAFT");
		api.problem(api.post(secondApprover, "/api/v1/approvals/" + approvalId + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.CONFLICT, null, "rejected already");
	}

	@Test
	void anApprovalIsVoidOnceTheApprovedContentChanges() {
		String id = create("Change policy " + tag, 1, "Original text");
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		String approvalId = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approvalId + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		assertThat(api.body(api.get(manager, "/api/v1/approvals/" + approvalId), HttpStatus.OK).get("changedSinceRequest").asBoolean())
			.isFalse();

		api.body(api.put(manager, v1, Map.of("body", "Quietly changed text")), HttpStatus.OK);
		JsonNode approval = api.body(api.get(manager, "/api/v1/approvals/" + approvalId), HttpStatus.OK);
		assertThat(approval.get("status").asString()).isEqualTo("INVALIDATED");
		assertThat(approval.get("changedSinceRequest").asBoolean()).isTrue();
		JsonNode version = api.body(api.get(manager, v1), HttpStatus.OK);
		assertThat(version.get("status").asString()).isEqualTo("DRAFT");
		assertThat(version.get("approval").get("changedSinceRequest").asBoolean()).isTrue();
		api.problem(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.CONFLICT, null, "no valid approval");

		// Changing the text while approval is pending voids the request too: the approver is told, nothing is approved.
		String second = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id").asString();
		jdbc.sql("UPDATE policy_versions SET body = 'changed behind the service' WHERE policy_id = :id").param("id", UUID.fromString(id))
			.update();
		api.problem(api.post(approver, "/api/v1/approvals/" + second + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.CONFLICT, null, "changed after approval was requested");
		assertThat(api.body(api.get(manager, "/api/v1/approvals/" + second), HttpStatus.OK).get("status").asString())
			.isEqualTo("INVALIDATED");
		api.problem(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.CONFLICT, null, "no valid approval");
	}

	@Test
	void everyApprovalRequestAndDecisionIsInTheLedgerAndThePolicyHistory() {
		String id = create("History policy " + tag, 1, "Text");
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		JsonNode submitted = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK);
		String approvalId = submitted.get("approval").get("id").asString();
		String versionId = submitted.get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approvalId + "/decisions", Map.of("decision", "APPROVE",
				"comment", "ok")), HttpStatus.OK);
		LedgerTestSupport.awaitRecorded(jdbc);

		List<String> events = new ArrayList<>();
		List<String> actors = new ArrayList<>();
		api.body(api.get(approver, "/api/v1/policies/" + id + "/history"), HttpStatus.OK).forEach(e -> {
			events.add(e.get("event").asString());
			actors.add(e.get("actor").asString());
		});
		assertThat(events).containsSubsequence("PolicyCreated", "PolicyVersionChanged", "ApprovalRequested", "ApprovalDecided",
				"ApprovalCompleted");
		assertThat(actors.get(events.indexOf("ApprovalRequested"))).isEqualTo(manager.username());
		assertThat(actors.get(events.indexOf("ApprovalDecided"))).isEqualTo(approver.username());

		TestUser auditor = users.create(Role.AUDITOR);
		JsonNode entries = api.body(api.get(auditor, "/api/v1/ledger/entries?subjectType=policy-version&subjectId=" + versionId),
				HttpStatus.OK);
		List<String> recorded = new ArrayList<>();
		entries.get("items").forEach(e -> recorded.add(e.get("type").asString()));
		assertThat(recorded).contains("ApprovalRequested", "ApprovalDecided", "ApprovalCompleted");
		assertThat(api.body(api.get(auditor, "/api/v1/ledger/verify"), HttpStatus.OK).get("intact").asBoolean()).isTrue();
	}

	@Test
	void overdueReviewsAreListed() {
		String due = publishedPolicy("Overdue policy " + tag);
		String fresh = publishedPolicy("Fresh policy " + tag);
		// A year later: the first policy's review date has passed.
		jdbc.sql("UPDATE policies SET next_review_date = :date WHERE id = :id")
			.param("date", java.sql.Date.valueOf(LocalDate.now().minusDays(1)))
			.param("id", UUID.fromString(due))
			.update();
		List<String> overdue = new ArrayList<>();
		api.body(api.get(approver, "/api/v1/policies/overdue-reviews"), HttpStatus.OK).forEach(p -> overdue.add(p.get("id").asString()));
		assertThat(overdue).contains(due).doesNotContain(fresh);
		List<String> filtered = new ArrayList<>();
		api.body(api.get(approver, "/api/v1/policies?reviewOverdue=true&q=" + tag), HttpStatus.OK).get("items")
			.forEach(p -> filtered.add(p.get("title").asString()));
		assertThat(filtered).containsExactly("Overdue policy " + tag);
		assertThat(api.body(api.get(approver, "/api/v1/policies/" + due), HttpStatus.OK).get("reviewOverdue").asBoolean()).isTrue();
		assertThat(api.csv(api.get(approver, "/api/v1/policies/export"))).contains("Overdue policy " + tag);
	}

	@Test
	void acknowledgementCoverageNamesWhoHasNotReadThePublishedVersion() {
		String id = publishedPolicy("Read policy " + tag);
		TestUser reader = users.create(Role.VIEWER);
		TestUser other = users.create(Role.CONTRIBUTOR);
		TestUser late = users.create(Role.VIEWER);
		api.body(api.post(reader, "/api/v1/policies/" + id + "/acknowledgements", Map.of()), HttpStatus.OK);
		api.body(api.post(other, "/api/v1/policies/" + id + "/acknowledgements", Map.of()), HttpStatus.OK);
		// Acknowledging twice counts once.
		JsonNode coverage = api.body(api.post(other, "/api/v1/policies/" + id + "/acknowledgements", Map.of()), HttpStatus.OK);

		List<String> acknowledged = new ArrayList<>();
		coverage.get("acknowledged").forEach(a -> acknowledged.add(a.get("username").asString()));
		List<String> missing = new ArrayList<>();
		coverage.get("missing").forEach(m -> missing.add(m.asString()));
		assertThat(acknowledged).containsExactlyInAnyOrder(reader.username(), other.username());
		assertThat(missing).contains(late.username(), manager.username()).doesNotContain(reader.username(), other.username());
		long active = jdbc.sql("SELECT COUNT(*) FROM users WHERE enabled = TRUE").query(Long.class).single();
		assertThat(missing).hasSize((int) active - 2);
		assertThat(coverage.get("percent").asInt()).isEqualTo((int) Math.floor(200.0 / active));
		assertThat(coverage.get("versionNo").asInt()).isEqualTo(1);

		// A policy without a published version has nothing to acknowledge.
		String draftOnly = create("Unpublished " + tag, 1, "x");
		api.problem(api.post(reader, "/api/v1/policies/" + draftOnly + "/acknowledgements", Map.of()), HttpStatus.NOT_FOUND, null,
				"published version");
	}

	@Test
	void markdownIsRenderedWithoutScriptsAndDocumentsCanBeAttached() {
		String id = create("Safe policy " + tag, 1,
				"Hello <script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>");
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		String html = api.body(api.get(manager, v1), HttpStatus.OK).get("html").asString();
		assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img").contains("&lt;script&gt;");

		byte[] pdf = "%PDF-1.4 policy".getBytes(StandardCharsets.UTF_8);
		JsonNode attached = api.body(api.upload(manager, v1 + "/file", "file", "policy.pdf", "application/pdf", pdf), HttpStatus.OK);
		assertThat(attached.get("file").get("name").asString()).isEqualTo("policy.pdf");
		var download = api.get(approver, v1 + "/file");
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(download.getResponse().getHeader("Content-Disposition")).contains("policy.pdf");
		api.problem(api.upload(manager, v1 + "/file", "file", "empty.pdf", "application/pdf", new byte[0]), HttpStatus.BAD_REQUEST,
				"file", "empty");
	}

	@Test
	void badInputIsAnsweredWithFieldErrors() {
		Map<String, Object> policy = policy("Bad " + tag, 1, "x");
		policy.remove("title");
		api.problem(api.post(manager, "/api/v1/policies", policy), HttpStatus.BAD_REQUEST, "title", null);
		policy = policy("Bad " + tag, 3, "x");
		api.problem(api.post(manager, "/api/v1/policies", policy), HttpStatus.BAD_REQUEST, "approvalsRequired", null);
		policy = policy("Bad " + tag, 1, "x");
		policy.put("addresses", List.of("5.2", "drop table"));
		api.problem(api.post(manager, "/api/v1/policies", policy), HttpStatus.BAD_REQUEST, "addresses[1]", "control id");
		policy = policy("Bad " + tag, 1, "x");
		policy.put("owner", "nobody-" + tag);
		api.problem(api.post(manager, "/api/v1/policies", policy), HttpStatus.BAD_REQUEST, "owner", "no active user");
		policy = policy("Bad " + tag, 1, "x");
		policy.put("reviewIntervalMonths", "yearly");
		api.problem(api.post(manager, "/api/v1/policies", policy), HttpStatus.BAD_REQUEST, "reviewIntervalMonths", null);
		api.problem(api.raw(manager, "/api/v1/policies", "{\"title\": "), HttpStatus.BAD_REQUEST, null, null);

		String id = create("Good " + tag, 1, "x");
		api.problem(api.post(manager, "/api/v1/policies", policy("Good " + tag, 1, "y")), HttpStatus.BAD_REQUEST, "title",
				"another policy");
		api.problem(api.get(manager, "/api/v1/policies/" + id + "/diff?from=1&to=9"), HttpStatus.NOT_FOUND, null, "version 9");
		api.problem(api.get(manager, "/api/v1/policies/" + id + "/diff?from=one&to=2"), HttpStatus.BAD_REQUEST, "from", null);
		api.problem(api.get(manager, "/api/v1/policies/not-a-uuid"), HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.post(manager, "/api/v1/approvals/" + UUID.randomUUID() + "/decisions", Map.of("decision", "MAYBE")),
				HttpStatus.BAD_REQUEST, "decision", null);
		// Nobody asks for an approval with roles of their choosing: items are submitted by their own module.
		assertThat(api.post(manager, "/api/v1/approvals", Map.of("itemType", "policy-version", "itemId", "1",
				"approverRoles", List.of("VIEWER")))).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);

		// Only the owner or an AIMS manager changes a policy; a viewer cannot create one.
		TestUser viewer = users.create(Role.VIEWER);
		api.problem(api.post(viewer, "/api/v1/policies", policy("V " + tag, 1, "x")), HttpStatus.FORBIDDEN, null, null);
		api.problem(api.put(viewer, "/api/v1/policies/" + id + "/versions/1", Map.of("body", "mine")), HttpStatus.FORBIDDEN, null,
				"owner");
	}

	@Test
	void aRequesterMayWithdrawAndOthersMayNot() {
		String id = create("Withdrawn " + tag, 1, "x");
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		String approvalId = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id").asString();
		api.problem(api.post(approver, "/api/v1/approvals/" + approvalId + "/withdraw", Map.of()), HttpStatus.FORBIDDEN, null,
				"withdraw");
		JsonNode withdrawn = api.body(api.post(manager, "/api/v1/approvals/" + approvalId + "/withdraw",
				Map.of("reason", "needs more work")), HttpStatus.OK);
		assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(api.body(api.get(manager, v1), HttpStatus.OK).get("status").asString()).isEqualTo("DRAFT");
		List<String> listed = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/approvals?status=WITHDRAWN&requestedBy=" + manager.username()), HttpStatus.OK)
			.get("items").forEach(a -> listed.add(a.get("id").asString()));
		assertThat(listed).containsExactly(approvalId);
		assertThat(api.csv(api.get(manager, "/api/v1/approvals/export?requestedBy=" + manager.username()))).contains(approvalId)
			.contains("WITHDRAWN");
	}

	private String publishedPolicy(String title) {
		String id = create(title, 1, "Text of " + title);
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		String approvalId = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approvalId + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		api.body(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.OK);
		return id;
	}

	private List<String> inboxIds(TestUser user) {
		List<String> ids = new ArrayList<>();
		api.body(api.get(user, "/api/v1/approvals/inbox"), HttpStatus.OK).get("items").forEach(a -> ids.add(a.get("id").asString()));
		return ids;
	}

	private String create(String title, int approvals, String body) {
		return api.body(api.post(manager, "/api/v1/policies", policy(title, approvals, body)), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> policy(String title, int approvals, String body) {
		Map<String, Object> policy = new HashMap<>();
		policy.put("title", title);
		policy.put("owner", manager.username());
		policy.put("reviewIntervalMonths", 12);
		policy.put("approvalsRequired", approvals);
		policy.put("addresses", List.of("5.2", "A.2.2"));
		policy.put("alignedWith", "Information security policy");
		policy.put("body", body);
		return policy;
	}
}
