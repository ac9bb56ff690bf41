package org.openaims.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Privileged access is reviewed (A.3.2): an approving role (ADMIN, AIMS_MANAGER, APPROVER) given by
 * an administrator waits for a second administrator's approval, and an account may not approve the
 * items of whoever created it or granted its role — so an administrator cannot approve their own
 * policy through a second account. Single-admin mode grants at once and says so on the dashboard.
 */
@AimsTest
class RoleGrantReviewTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void anApprovingRoleWaitsForASecondAdministratorAndItsRequesterMayNotApproveIt() {
		TestUser admin = users.create(Role.ADMIN);
		String name = "pending-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = api.body(api.post(admin, "/api/v1/users", Map.of("username", name, "password", "violet-harbour-lantern",
				"roles", List.of("RISK_OWNER", "APPROVER"))), HttpStatus.CREATED);
		assertThat(names(created.get("roles"))).containsExactly("RISK_OWNER");
		assertThat(names(created.get("pendingRoles"))).containsExactly("APPROVER");
		String userId = created.get("id").asString();

		String approval = pendingGrantApproval(admin, name);
		JsonNode request = api.body(api.get(admin, "/api/v1/approvals/" + approval), HttpStatus.OK);
		assertThat(names(request.get("approverRoles"))).containsExactly("ADMIN");
		assertThat(request.get("review").get("summary").asString()).contains(name).contains("APPROVER").contains(admin.username());
		api.problem(api.post(admin, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN,
				null, "segregation of duties");
		api.problem(api.post(users.create(Role.AIMS_MANAGER), "/api/v1/approvals/" + approval + "/decisions",
				Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN, null, "needs one of the roles [ADMIN]");
		// Meanwhile the account cannot approve anything.
		assertThat(names(account(admin, userId).get("roles"))).containsExactly("RISK_OWNER");

		TestUser second = users.create(Role.ADMIN);
		api.body(api.post(second, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		JsonNode granted = account(admin, userId);
		assertThat(names(granted.get("roles"))).containsExactlyInAnyOrder("RISK_OWNER", "APPROVER");
		assertThat(names(granted.get("pendingRoles"))).isEmpty();
		JsonNode grants = api.body(api.get(second, "/api/v1/role-grants?status=GRANTED"), HttpStatus.OK);
		List<String> grantedTo = new ArrayList<>();
		grants.forEach(g -> grantedTo.add(g.get("username").asString() + ":" + g.get("requestedBy").asString() + ":"
				+ g.get("decidedBy").asString()));
		assertThat(grantedTo).contains(name + ":" + admin.username() + ":" + second.username());

		// The user's history shows the request and the grant.
		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(admin, "/api/v1/ledger/entries?subjectType=user&subjectId=" + name), HttpStatus.OK).get("items")
			.forEach(e -> events.add(e.get("type").asString()));
		assertThat(events).contains("UserCreated", "RoleGrantRequested", "RoleGrantEnded", "UserChanged");
	}

	@Test
	void aRejectedGrantIsRefusedAndAGrantTakenOutOfTheChangeIsVoid() {
		TestUser admin = users.create(Role.ADMIN);
		String name = "refused-" + UUID.randomUUID().toString().substring(0, 8);
		String userId = api.body(api.post(admin, "/api/v1/users", Map.of("username", name, "password", "violet-harbour-lantern", "roles",
				List.of("VIEWER", "AIMS_MANAGER"))), HttpStatus.CREATED).get("id").asString();
		String approval = pendingGrantApproval(admin, name);
		api.body(api.post(users.create(Role.ADMIN), "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "REJECT",
				"comment", "not a manager")), HttpStatus.OK);
		assertThat(names(account(admin, userId).get("roles"))).containsExactly("VIEWER");
		assertThat(names(account(admin, userId).get("pendingRoles"))).isEmpty();

		// Asked again, then taken out of the user's roles before a decision: the request is void.
		api.body(api.put(admin, "/api/v1/users/" + userId, Map.of("roles", List.of("VIEWER", "ADMIN"), "enabled", true)), HttpStatus.OK);
		String again = pendingGrantApproval(admin, name);
		api.body(api.put(admin, "/api/v1/users/" + userId, Map.of("roles", List.of("VIEWER"), "enabled", true)), HttpStatus.OK);
		assertThat(api.body(api.get(admin, "/api/v1/approvals/" + again), HttpStatus.OK).get("status").asString()).isEqualTo("INVALIDATED");
		api.problem(api.post(users.create(Role.ADMIN), "/api/v1/approvals/" + again + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.CONFLICT, null, null);
		assertThat(names(account(admin, userId).get("roles"))).containsExactly("VIEWER");
	}

	@Test
	void anAdministratorCannotApproveTheirOwnPolicyThroughASecondAccount() {
		TestUser admin = users.create(Role.ADMIN);
		// The administrator creates a second account, and another administrator lets it approve.
		String name = "second-" + UUID.randomUUID().toString().substring(0, 8);
		String userId = api.body(api.post(admin, "/api/v1/users", Map.of("username", name, "password", "violet-harbour-lantern", "roles",
				List.of("APPROVER"))), HttpStatus.CREATED).get("id").asString();
		api.body(api.post(users.create(Role.ADMIN), "/api/v1/approvals/" + pendingGrantApproval(admin, name) + "/decisions",
				Map.of("decision", "APPROVE")), HttpStatus.OK);
		assertThat(names(account(admin, userId).get("roles"))).containsExactly("APPROVER");
		TestUser secondAccount = new TestUser(name, "Bearer " + api.body(mvc.post().uri("/api/v1/auth/token")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + name + "\",\"password\":\"violet-harbour-lantern\",\"name\":\"second\"}").exchange(),
				HttpStatus.CREATED).get("secret").asString());

		String policy = api.body(api.post(admin, "/api/v1/policies", Map.of("title", "Own policy " + UUID.randomUUID(), "owner",
				admin.username(), "reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "# Mine")), HttpStatus.CREATED).get("id")
			.asString();
		String approval = api.body(api.post(admin, "/api/v1/policies/" + policy + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.problem(api.post(secondAccount, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "was created by " + admin.username());
		assertThat(api.body(api.get(secondAccount, "/api/v1/approvals/inbox"), HttpStatus.OK).toString()).doesNotContain(approval);
		// Someone independent approves it.
		api.body(api.post(users.create(Role.APPROVER), "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.OK);
	}

	@Test
	void anAccountMayNotApproveTheItemsOfWhoeverGrantedItsRole() {
		TestUser granter = users.create(Role.ADMIN);
		TestUser approvingAdmin = users.create(Role.ADMIN);
		// Created by the system (say, the bootstrap), given APPROVER later by the granter.
		TestUser approver = users.create(Role.VIEWER);
		String approverId = account(granter, approver).get("id").asString();
		api.body(api.put(granter, "/api/v1/users/" + approverId, Map.of("roles", List.of("VIEWER", "APPROVER"), "enabled", true)),
				HttpStatus.OK);
		api.body(api.post(approvingAdmin, "/api/v1/approvals/" + pendingGrantApproval(granter, approver.username()) + "/decisions",
				Map.of("decision", "APPROVE")), HttpStatus.OK);

		String policy = api.body(api.post(granter, "/api/v1/policies", Map.of("title", "Granter's policy " + UUID.randomUUID(), "owner",
				granter.username(), "reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "# Rules")), HttpStatus.CREATED).get("id")
			.asString();
		String approval = api.body(api.post(granter, "/api/v1/policies/" + policy + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.problem(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "was granted by " + granter.username());
	}

	@Test
	void theUserPagesShowWhatWaitsForASecondAdministrator() {
		TestUser admin = users.create(Role.ADMIN);
		String name = "paged-" + UUID.randomUUID().toString().substring(0, 8);
		var asAdmin = user(admin.username()).roles("ADMIN");
		assertThat(mvc.post().uri("/admin/users/new").with(asAdmin).with(csrf()).param("username", name)
			.param("password", "violet-harbour-lantern").param("roles", "VIEWER", "APPROVER").exchange()).hasStatus3xxRedirection()
			.flash().containsEntry("flash", "User " + name + " created. [APPROVER] waits for a second administrator's approval (Approvals).");
		assertThat(mvc.get().uri("/admin/users?q=" + name).with(asAdmin).exchange()).bodyText().contains("APPROVER · pending approval");
		String userId = api.body(api.get(admin, "/api/v1/users?q=" + name), HttpStatus.OK).get("items").get(0).get("id").asString();
		assertThat(mvc.get().uri("/admin/users/" + userId + "/edit").with(asAdmin).exchange()).bodyText().contains("role-grants")
			.contains("pending approval");
		// Single-admin mode is off here: the dashboard does not say otherwise.
		assertThat(mvc.get().uri("/").with(asAdmin).exchange()).bodyText().doesNotContain("single-admin-mode");
	}

	/** A tiny installation with one administrator: approving roles are granted at once, and everyone is told. */
	@Nested
	@TestPropertySource(properties = "aims.identity.single-admin-mode=true")
	class SingleAdminMode {

		@Test
		void approvingRolesAreGrantedAtOnceAndTheDashboardSaysSo() {
			TestUser admin = users.create(Role.ADMIN);
			String name = "direct-" + UUID.randomUUID().toString().substring(0, 8);
			JsonNode created = api.body(api.post(admin, "/api/v1/users", Map.of("username", name, "password", "violet-harbour-lantern",
					"roles", List.of("APPROVER"))), HttpStatus.CREATED);
			assertThat(names(created.get("roles"))).containsExactly("APPROVER");
			assertThat(names(created.get("pendingRoles"))).isEmpty();
			assertThat(mvc.get().uri("/").with(user(name).roles("APPROVER")).exchange()).bodyText().contains("single-admin-mode")
				.contains("Single-admin mode");
		}
	}

	private String pendingGrantApproval(TestUser admin, String username) {
		String grant = null;
		for (JsonNode g : api.body(api.get(admin, "/api/v1/role-grants"), HttpStatus.OK)) {
			if (g.get("username").asString().equals(username)) {
				grant = g.get("id").asString();
			}
		}
		assertThat(grant).as("a pending grant for " + username).isNotNull();
		JsonNode requests = api.body(api.get(admin, "/api/v1/approvals?itemType=role-grant&status=PENDING&itemId=" + grant), HttpStatus.OK)
			.get("items");
		assertThat(requests).hasSize(1);
		return requests.get(0).get("id").asString();
	}

	private JsonNode account(TestUser asker, String id) {
		return api.body(api.get(asker, "/api/v1/users/" + id), HttpStatus.OK);
	}

	private JsonNode account(TestUser asker, TestUser who) {
		return api.body(api.get(asker, "/api/v1/users?q=" + who.username()), HttpStatus.OK).get("items").get(0);
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach(n -> names.add(n.asString()));
		return names;
	}
}
