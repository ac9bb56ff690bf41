package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.PageForms;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The evidence and competence pages: a file uploaded with the form and its next version, the page
 * saying what the upload did, the list's expiry filter, a refused upload shown on the form, and the
 * competence gap list.
 */
@AimsTest
class EvidencePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
	void aFileIsUploadedRevisedAndFoundByItsExpiry() throws Exception {
		assertThat(page("/evidence/new?requirement=A.6.2.4", asManager)).contains("Add evidence").contains("A.6.2.4");
		byte[] report = ("Red-team report " + tag).getBytes(StandardCharsets.UTF_8);
		MvcTestResult created = mvc.post().uri("/evidence/new").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "red-team.txt", "text/plain", report))
			.param("kind", "FILE").param("title", "Red-team report " + tag).param("owner", manager.username())
			.param("validUntil", LocalDate.now().plusDays(5).toString()).param("requirements", "A.6.2.4\niso42001-2023:A.6.2.5")
			.exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String item = created.getResponse().getRedirectedUrl();
		assertThat(String.valueOf(created.getMvcResult().getFlashMap().get("flash"))).contains("Evidence added: red-team.txt (text/plain, SHA-256")
			.contains("valid until " + LocalDate.now().plusDays(5)).contains("linked to 2 requirements");
		assertThat(page(item, asManager)).contains("Red-team report " + tag).contains("expires in 5 days").contains("red-team.txt")
			.contains("A.6.2.4").contains("Upload a new version");

		MvcTestResult revised = mvc.post().uri(item + "/versions").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "red-team-v2.txt", "text/plain", ("Revised " + tag).getBytes(StandardCharsets.UTF_8)))
			.param("validUntil", LocalDate.now().plusDays(60).toString())
			.exchange();
		assertThat(revised).hasStatus(HttpStatus.FOUND);
		assertThat(String.valueOf(revised.getMvcResult().getFlashMap().get("flash"))).contains("Version 2 uploaded: red-team-v2.txt")
			.contains("version 1 stays readable");
		MvcTestResult v1 = mvc.get().uri(item + "/versions/1/file").with(asManager).exchange();
		assertThat(v1.getResponse().getContentAsByteArray()).isEqualTo(report);
		assertThat(v1.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");

		// A hostile version is refused with the reason on the page, and nothing changes.
		MvcTestResult hostile = mvc.post().uri(item + "/versions").with(asManager).with(csrf()).multipart()
			.file(new MockMultipartFile("file", "scan.pdf", "application/pdf",
					"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
			.exchange();
		assertThat(String.valueOf(hostile.getMvcResult().getFlashMap().get("flashError"))).contains("not accepted").contains("its content is HTML");

		assertThat(page("/evidence?q=" + tag + "&expiringWithin=30", asManager)).doesNotContain("Red-team report " + tag);
		assertThat(page("/evidence?q=" + tag + "&validity=VALID", asManager)).contains("Red-team report " + tag)
			.contains("red-team-v2.txt · v2");
		String soa = page("/evidence?requirement=iso42001-2023:A.6.2.5&q=" + tag, asManager);
		assertThat(soa).contains("Red-team report " + tag);
		// Found from the requirement's page too, through its link to the evidence list.
		String builtIn = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM frameworks WHERE source = 'BUILT_IN'").query(String.class).single();
		String requirementId = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM requirement_nodes WHERE framework_id = CAST(:f AS UUID) "
				+ "AND ref_id = 'A.6.2.5'").param("f", builtIn).query(String.class).single();
		assertThat(page("/frameworks/" + builtIn + "/requirements/A.6.2.5", asManager)).contains("/evidence?requirement=" + requirementId);
		assertThat(page("/evidence?requirement=" + requirementId + "&q=" + tag, asManager)).contains("Red-team report " + tag);
	}

	@Test
	void aFormWithBadInputShowsItsErrors() {
		MvcTestResult invalid = mvc.post().uri("/evidence/new").with(asManager).with(csrf()).param("kind", "LINK").param("title", "Link " + tag)
			.param("url", "ftp://example.org").param("requirements", "A.99.9").exchange();
		assertThat(invalid).hasStatusOk().bodyText().contains("is-invalid").contains("http or https")
			.contains("no requirement or control");
		MvcTestResult noFile = mvc.post().uri("/evidence/new").with(asManager).with(csrf()).param("kind", "FILE").param("title", "F " + tag)
			.exchange();
		assertThat(noFile).hasStatusOk().bodyText().contains("choose the file to upload");
	}

	@Test
	void theCompetencePageListsGapsAndRecordingClosesOne() {
		TestUser auditor = users.create(Role.AUDITOR);
		assertThat(page("/competences", asManager)).contains(auditor.username()).contains("no competence record for auditor");
		MvcTestResult recorded = mvc.post().uri("/competences/new").with(asManager).with(csrf()).param("person", auditor.username())
			.param("area", "AUDITOR").param("competence", "Internal auditor course " + tag).exchange();
		assertThat(recorded).hasStatus(HttpStatus.FOUND);
		assertThat(String.valueOf(recorded.getMvcResult().getFlashMap().get("flash"))).contains("not current yet: no evidence of the competence is attached");
		assertThat(page(recorded.getResponse().getRedirectedUrl(), asManager)).contains("Internal auditor course " + tag);
		assertThat(page("/competences", asManager)).contains("no evidence of the competence is attached");
	}

	private String page(String uri, RequestPostProcessor as) {
		return new PageForms(mvc).page(uri, as);
	}
}
