package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

/** The framework browser, the import page and the Statement of Applicability editor. */
@AimsTest
class CompliancePagesTests {

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
	void theFrameworkBrowserShowsTheTreeSearchAndMappings() {
		UUID builtIn = jdbc.sql("SELECT id FROM frameworks WHERE source = 'BUILT_IN'").query(UUID.class).single();
		assertThat(page("/frameworks")).contains("ISO/IEC 42001:2023").contains("iso27001-2022");
		// The tree opens collapsed, a level at a time: a node expands to its children (htmx, or a page without it).
		String tree = page("/frameworks/" + builtIn);
		assertThat(tree).contains("hx-get=\"/frameworks/" + builtIn + "/children?parent=").doesNotContain(">A.6.2.4<");
		String parentOfControl = jdbc.sql("SELECT parent_urn FROM requirement_nodes WHERE framework_id = :f AND ref_id = 'A.6.2.4'")
			.param("f", builtIn).query(String.class).single();
		String grandparent = jdbc.sql("SELECT parent_urn FROM requirement_nodes WHERE framework_id = :f AND urn = :u").param("f", builtIn)
			.param("u", parentOfControl).query(String.class).single();
		String level = page("/frameworks/" + builtIn + "/children?parent=" + parentOfControl);
		assertThat(level).contains(">A.6.2.4<").doesNotContain("<html");
		assertThat(page("/frameworks/" + builtIn + "/children?parent=" + grandparent))
			.contains("AI system life cycle");
		assertThat(page("/frameworks/" + builtIn + "?parent=" + parentOfControl))
			.contains(">A.6.2.4<").contains("Back to the top of the tree");
		assertThat(page("/frameworks/" + builtIn + "?q=9.3.3")).contains("9.3.3");
		String searched = page("/frameworks/" + builtIn + "?q=logs");
		assertThat(searched).contains("A.6.2.8").doesNotContain(">A.2.2<");
		String requirement = page("/frameworks/" + builtIn + "/requirements/A.6.2.8");
		assertThat(requirement).contains("id=\"mappings\"").contains("A.8.15").contains("intersects");
		assertThat(mvc.get().uri("/frameworks/" + builtIn + "/requirements/Z.9").with(asManager).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theImportPageReportsWhatWasImportedOrWhyNot() {
		assertThat(page("/frameworks/import")).contains("Import a library");
		String library = "version: 1\nobjects:\n  framework:\n    urn: urn:test:framework:page-" + tag + "\n    name: Page rules " + tag
				+ "\n    requirement_nodes:\n    - urn: urn:test:page-" + tag + ":a.1\n      ref_id: A.1\n      name: Rule one\n"
				+ "      assessable: true\n";
		MvcTestResult preview = mvc.post().uri("/frameworks/import/preview").with(asManager).with(csrf()).header("HX-Request", "true")
			.multipart()
			.file(new MockMultipartFile("file", "rules.yaml", "application/yaml", library.getBytes(StandardCharsets.UTF_8))).exchange();
		assertThat(preview).hasStatusOk().bodyText().contains("id=\"preview-report\"").contains("Nodes per depth").doesNotContain("<html");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM frameworks WHERE urn = :u").param("u", "urn:test:framework:page-" + tag).query(Long.class)
			.single()).as("a preview stores nothing").isZero();
		MvcTestResult imported = mvc.post().uri("/frameworks/import").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "rules.yaml", "application/yaml", library.getBytes(StandardCharsets.UTF_8))).exchange();
		assertThat(imported).hasStatusOk().bodyText().contains("id=\"report\"").contains("Page rules " + tag).contains("1 nodes");
		UUID imported2 = jdbc.sql("SELECT id FROM frameworks WHERE urn = :u").param("u", "urn:test:framework:page-" + tag).query(UUID.class)
			.single();
		assertThat(page("/frameworks/" + imported2)).contains("Remove this version");
		MvcTestResult removed = mvc.post().uri("/frameworks/" + imported2 + "/remove").with(asManager).with(csrf())
			.param("reason", "imported to try the page").exchange();
		assertThat(removed).hasStatus(HttpStatus.FOUND);
		assertThat(String.valueOf(removed.getMvcResult().getFlashMap().get("flash"))).contains("Page rules " + tag).contains("was removed");
		MvcTestResult refused = mvc.post().uri("/frameworks/import").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "broken.yaml", "application/yaml", "objects: [".getBytes(StandardCharsets.UTF_8)))
			.exchange();
		assertThat(refused).hasStatusOk().bodyText().contains("id=\"problems\"").contains("broken.yaml was not imported")
			.contains("readable YAML");
	}

	@Test
	void theStatementIsStartedEditedInBulkSubmittedAndExported() {
		String library = "version: 1\nobjects:\n  framework:\n    urn: urn:test:framework:soa-page-" + tag + "\n    name: SoA page rules "
				+ tag + "\n    requirement_nodes:\n";
		for (int i = 1; i <= 3; i++) {
			library += "    - urn: urn:test:soa-page-" + tag + ":a." + i + "\n      ref_id: A." + i + "\n      name: Rule " + i
					+ "\n      assessable: true\n";
		}
		mvc.post().uri("/frameworks/import").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "soa.yaml", "application/yaml", library.getBytes(StandardCharsets.UTF_8))).exchange();
		UUID framework = jdbc.sql("SELECT id FROM frameworks WHERE urn = :u").param("u", "urn:test:framework:soa-page-" + tag)
			.query(UUID.class).single();
		assertThat(page("/soa")).contains("Start a Statement of Applicability").contains("SoA page rules " + tag);
		MvcTestResult started = mvc.post().uri("/soa").with(asManager).with(csrf()).param("frameworkId", framework.toString()).exchange();
		assertThat(started).hasStatus(HttpStatus.FOUND);
		String soa = started.getResponse().getRedirectedUrl();
		assertThat(page(soa)).contains("id=\"entries\"").contains("3 controls, 0 applicable, 3 not decided yet");
		List<UUID> requirements = jdbc.sql("SELECT id FROM requirement_nodes WHERE framework_id = :f ORDER BY position")
			.param("f", framework).query(UUID.class).list();

		// Excluding without a justification is refused with the reason; nothing changes.
		MvcTestResult refused = mvc.post().uri(soa + "/bulk").with(asManager).with(csrf()).param("selected", requirements.get(0).toString())
			.param("applicable", "false").exchange();
		assertThat(refused).hasStatus(HttpStatus.FOUND);
		assertThat(String.valueOf(refused.getMvcResult().getFlashMap().get("flashError"))).contains("an exclusion needs a justification");
		assertThat(mvc.post().uri(soa + "/bulk").with(asManager).with(csrf())
			.param("selected", requirements.get(0).toString(), requirements.get(1).toString())
			.param("applicable", "true").param("status", "IMPLEMENTED").param("justification", "Needed for our AI systems").exchange())
			.hasStatus(HttpStatus.FOUND);
		assertThat(page(soa + "/entries/" + requirements.get(2))).contains("Justification (required for inclusion and for exclusion)");
		assertThat(mvc.post().uri(soa + "/entries/" + requirements.get(2)).with(asManager).with(csrf()).param("applicable", "false")
			.param("justification", "Not relevant to our AI systems").exchange()).hasStatus(HttpStatus.FOUND);
		String decided = page(soa);
		assertThat(decided).contains("3 controls, 2 applicable, 0 not decided yet").contains("Not relevant to our AI systems")
			.contains("not applicable");
		assertThat(page(soa + "?applicable=no")).contains("Rule 3").doesNotContain("Rule 1");

		assertThat(mvc.post().uri(soa + "/submit").with(asManager).with(csrf()).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(page(soa)).contains("in review").contains("pending");
		assertThat(mvc.get().uri(soa + "/export?format=pdf").with(asManager).exchange()).hasStatusOk().hasContentType("application/pdf");
		assertThat(mvc.get().uri(soa + "/export?format=xlsx").with(asManager).exchange()).hasStatusOk();
		assertThat(mvc.get().uri(soa + "/export?format=csv").with(asManager).exchange()).hasStatusOk().bodyText().contains("A.3,");
		assertThat(page("/soa")).contains("SoA page rules " + tag);
	}

	private String page(String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(asManager).exchange();
		assertThat(result).as(uri).hasStatusOk();
		try {
			String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).as(uri).doesNotContain("??");
			return body;
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
