package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The register pages: lists, forms with field-level messages, detail pages, retire, import. */
@AimsTest
class RegisterPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	RequestPostProcessor asManager;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		asManager = user(manager.username()).roles("AIMS_MANAGER");
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void registersASystemThroughTheFormAndShowsFieldErrors() {
		MvcTestResult form = mvc.get().uri("/ai-systems/new").with(asManager).exchange();
		assertThat(form).hasStatusOk().bodyText().contains("Register AI system").contains("name=\"organizationRoles\"");

		MvcTestResult invalid = mvc.post().uri("/ai-systems/new").with(asManager).with(csrf())
			.param("name", "").param("intendedPurpose", "Answer questions").param("organizationRoles", "DEPLOYER")
			.param("lifecycleStage", "IDEA").param("riskTier", "LOW").param("owner", manager.username())
			.param("_inScope", "on").exchange();
		assertThat(invalid).hasStatusOk();
		assertThat(invalid).bodyText().contains("is-invalid").contains("must not be blank")
			.contains("is required when the system is out of the AIMS scope");

		MvcTestResult created = mvc.post().uri("/ai-systems/new").with(asManager).with(csrf())
			.param("name", "Form system " + tag).param("intendedPurpose", "Answer questions")
			.param("organizationRoles", "DEPLOYER", "USER").param("lifecycleStage", "IDEA").param("riskTier", "LOW")
			.param("owner", manager.username()).param("inScope", "true").param("personalData", "true").exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/ai-systems/");
		assertThat(mvc.get().uri(location).with(asManager).exchange()).hasStatusOk().bodyText()
			.contains("Form system " + tag).contains("Deployer").contains("User").contains("Add version");
		assertThat(jdbc.sql("SELECT personal_data FROM ai_systems WHERE name = :n").param("n", "Form system " + tag)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void editsRetiresAndVersionsASystemFromItsPage() {
		String id = createSystem("Page system " + tag);
		MvcTestResult edit = mvc.get().uri("/ai-systems/" + id + "/edit").with(asManager).exchange();
		assertThat(edit).hasStatusOk().bodyText().contains("value=\"Page system " + tag + "\"");

		assertThat(mvc.post().uri("/ai-systems/" + id + "/versions").with(asManager).with(csrf()).param("label", "")
			.exchange()).hasStatusOk().bodyText().contains("must not be blank");
		assertThat(mvc.post().uri("/ai-systems/" + id + "/versions").with(asManager).with(csrf()).param("label", "4.2")
			.param("releasedOn", "2026-10-01").exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri("/ai-systems/" + id + "/retire").with(asManager).with(csrf()).param("reason", "replaced")
			.exchange()).hasStatus(HttpStatus.FOUND);
		MvcTestResult page = mvc.get().uri("/ai-systems/" + id).with(asManager).exchange();
		assertThat(page).bodyText().contains("4.2").contains("Retired on").contains("replaced").doesNotContain("Add version");
	}

	@Test
	void listFiltersAndAnswersHtmxWithTheTableOnly() {
		createSystem("Listed " + tag);
		MvcTestResult full = mvc.get().uri("/ai-systems?q=" + tag).with(asManager).exchange();
		assertThat(full).hasStatusOk().bodyText().contains("Listed " + tag).contains("<nav");
		MvcTestResult partial = mvc.get().uri("/ai-systems?q=" + tag).header("HX-Request", "true").with(asManager).exchange();
		assertThat(partial).hasStatusOk().bodyText().contains("Listed " + tag).doesNotContain("<nav class=\"navbar");
		assertThat(mvc.get().uri("/ai-systems?q=nothing-" + tag).with(asManager).exchange()).bodyText().contains("Nothing matches");
		MvcTestResult export = mvc.get().uri("/ai-systems/export?q=" + tag).with(asManager).exchange();
		assertThat(export).hasStatusOk();
		assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".csv");
	}

	@Test
	void importPageReportsEveryProblemOrWhatWasImported() throws Exception {
		String bad = "name,intended_purpose,organization_roles,lifecycle_stage,risk_tier,owner\r\n"
				+ "Imported " + tag + ",x,ROBOT,IDEA,LOW," + manager.username() + "\r\n";
		MvcTestResult refused = mvc.post().uri("/ai-systems/import").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "s.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8))).exchange();
		assertThat(refused).hasStatusOk().bodyText().contains("Nothing was imported").contains("organization_roles")
			.contains("ROBOT");
		String good = bad.replace("ROBOT", "USER");
		MvcTestResult imported = mvc.post().uri("/ai-systems/import").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "s.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))).exchange();
		assertThat(imported).hasStatusOk().bodyText().contains("1 created");
	}

	@Test
	void viewersSeeNoWriteButtonsAndAreRefusedWrites() {
		String id = createSystem("Viewer page " + tag);
		TestUser viewer = users.create(Role.VIEWER);
		RequestPostProcessor asViewer = user(viewer.username()).roles("VIEWER");
		assertThat(mvc.get().uri("/ai-systems").with(asViewer).exchange()).bodyText().doesNotContain("Register AI system");
		assertThat(mvc.get().uri("/ai-systems/" + id).with(asViewer).exchange()).bodyText().doesNotContain("/edit\"");
		assertThat(mvc.post().uri("/ai-systems/" + id + "/retire").with(asViewer).with(csrf()).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/users").with(asViewer).exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void vendorAndScopePagesWork() {
		MvcTestResult created = mvc.post().uri("/vendors/new").with(asManager).with(csrf()).param("name", "Page vendor " + tag)
			.param("dueDiligenceStatus", "IN_PROGRESS").param("nextReviewDate", "2027-02-01").exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(created.getResponse().getRedirectedUrl()).with(asManager).exchange()).bodyText()
			.contains("Page vendor " + tag).contains("2027-02-01");
		assertThat(mvc.post().uri("/vendors/new").with(asManager).with(csrf()).param("name", "Page vendor " + tag)
			.param("dueDiligenceStatus", "IN_PROGRESS").exchange()).hasStatusOk().bodyText().contains("another vendor");
		assertThat(mvc.post().uri("/vendors/new").with(asManager).with(csrf()).param("name", "Dated " + tag)
			.param("dueDiligenceStatus", "IN_PROGRESS").param("nextReviewDate", "soon").exchange()).hasStatusOk().bodyText()
			.contains("is not a date");

		assertThat(mvc.get().uri("/scope/edit").with(asManager).exchange()).hasStatusOk();
		MvcTestResult missingJustification = mvc.post().uri("/scope/edit").with(asManager).with(csrf())
			.param("boundaries", "All of " + tag).param("inclusionCriteria", "Everything")
			.param("exclusions[0].subject", "Treasury").param("exclusions[0].justification", "")
			.param("exclusions[1].subject", "").param("exclusions[1].justification", "").exchange();
		assertThat(missingJustification).hasStatusOk().bodyText().contains("exclusions[0].justification");
	}

	@Test
	void userAdministrationAndTokensPages() {
		TestUser admin = users.create(Role.ADMIN);
		RequestPostProcessor asAdmin = user(admin.username()).roles("ADMIN");
		String name = "page-user-" + tag;
		assertThat(mvc.post().uri("/admin/users/new").with(asAdmin).with(csrf()).param("username", name)
			.param("password", "short").param("roles", "VIEWER").exchange()).hasStatusOk().bodyText().contains("12 to 200");
		assertThat(mvc.post().uri("/admin/users/new").with(asAdmin).with(csrf()).param("username", name)
			.param("password", "long-enough-password").param("roles", "VIEWER", "AUDITOR").exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/admin/users?q=" + name).with(asAdmin).exchange()).bodyText().contains(name).contains("AUDITOR");

		MvcTestResult issued = mvc.post().uri("/tokens").with(asAdmin).with(csrf()).param("name", "laptop")
			.param("expiresInDays", "30").exchange();
		assertThat(issued).hasStatus(HttpStatus.FOUND);
		Object secret = issued.getMvcResult().getFlashMap().get("issued");
		assertThat(secret).asString().startsWith("aims_");
		assertThat(mvc.get().uri("/tokens").with(asAdmin).exchange()).bodyText().contains("laptop").doesNotContain((String) secret);
	}

	private String createSystem(String name) {
		MvcTestResult created = mvc.post().uri("/ai-systems/new").with(asManager).with(csrf()).param("name", name)
			.param("intendedPurpose", "Answer questions").param("organizationRoles", "DEPLOYER").param("lifecycleStage", "IDEA")
			.param("riskTier", "LOW").param("owner", manager.username()).param("inScope", "true").exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		return created.getResponse().getRedirectedUrl().substring("/ai-systems/".length());
	}
}
