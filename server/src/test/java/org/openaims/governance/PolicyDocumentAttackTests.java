package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The probe's critical finding: a policy document ran in the application's origin. An HTML
 * attachment was served with the type its uploader chose and, with a non-Latin-1 file name, without
 * its Content-Disposition header; it loaded a JavaScript attachment of another policy that created
 * an ADMIN user. Every download of user content must now be an attachment of a type detected from
 * its content, never runnable. (The same attack in a real browser: BrowserIntegrationTests.)
 */
@AimsTest
class PolicyDocumentAttackTests {

	static final String HTML = "<!DOCTYPE html><html><head><script src=\"/policies/x/versions/1/file\"></script></head>"
			+ "<body>policy</body></html>";

	static final String SCRIPT = "fetch('/admin/users/new').then(r => r.text()).then(page => document.title = 'PWNED');";

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvcTester mvc;

	@Test
	void htmlAttachmentWithANonLatin1NameIsServedAsAnAttachmentOfNoRunnableType() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String version = draft(manager, "HTML attack");
		String name = "Richtlinie–KI 政策 “v1”.html";
		api.body(api.upload(manager, version + "/file", "file", name, "text/html", HTML.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.OK);
		for (MockHttpServletResponse download : downloads(manager, version)) {
			assertThat(download.getStatus()).isEqualTo(200);
			assertThat(download.getContentType()).isEqualTo("application/octet-stream");
			String disposition = download.getHeader("Content-Disposition");
			assertThat(disposition).startsWith("attachment; ");
			// Only ASCII in the header, so no server can drop it; the real name in filename* (RFC 6266).
			assertThat(disposition.chars().allMatch(c -> c < 0x7F)).as(disposition).isTrue();
			assertThat(disposition).contains("filename=\"Richtlinie_KI __ _v1_.html\"")
				.contains("filename*=UTF-8''Richtlinie%E2%80%93KI%20%E6%94%BF%E7%AD%96%20%E2%80%9Cv1%E2%80%9D.html");
			assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(download.getHeader("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
		}
	}

	@Test
	void javascriptAttachmentIsNotServedAsAScript() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String version = draft(manager, "Script attack");
		api.body(api.upload(manager, version + "/file", "file", "helper.js", "text/javascript",
				SCRIPT.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
		for (MockHttpServletResponse download : downloads(manager, version)) {
			assertThat(download.getContentType()).doesNotContain("javascript").doesNotContain("html");
			assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
		}
	}

	@Test
	void typeIsDetectedFromTheContentNotTheUploadersDeclaration() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		Map<String, String> expected = Map.of(
				// a polyglot: declared and named PDF, content HTML
				"report.pdf|application/pdf|<html><body><script>alert(1)</script></body></html>", "application/octet-stream",
				"drawing.svg|image/svg+xml|<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "application/octet-stream",
				"real.pdf|text/html|%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "application/pdf",
				"notes.md|text/html|# Notes\n\nplain text", "text/markdown",
				"data.csv|text/html|a,b\n1,2\n", "text/csv",
				"data.json|text/html|{\"a\": 1}", "application/json",
				"image.png|text/html|\u0089PNG\r\n\u001a\n", "image/png");
		int n = 0;
		for (Map.Entry<String, String> file : expected.entrySet()) {
			String[] parts = file.getKey().split("\\|", 3);
			String version = draft(manager, "Detected " + n++);
			byte[] bytes = parts[2].getBytes(StandardCharsets.ISO_8859_1);
			assertThat(api.body(api.upload(manager, version + "/file", "file", parts[0], parts[1], bytes), HttpStatus.OK)
				.get("file").get("mediaType").asString()).as(parts[0]).isEqualTo(file.getValue());
			assertThat(api.get(manager, version + "/file").getResponse().getContentType()).as(parts[0]).isEqualTo(file.getValue());
		}
	}

	@Test
	void fileNamesThatArePathsOrHoldControlCharactersAreRefused() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String version = draft(manager, "Names");
		for (String name : new String[] { "../../etc/passwd", "..\\boot.ini", "a/b.pdf", "tab\there.pdf", "x\u202Efdp.exe",
				"a".repeat(300) + ".pdf" }) {
			api.problem(api.upload(manager, version + "/file", "file", name, "application/pdf", "%PDF-1.4".getBytes()),
					HttpStatus.BAD_REQUEST, "file", "file name");
		}
		assertThat(api.body(api.get(manager, version), HttpStatus.OK).get("file").isNull()).isTrue();
	}

	private MockHttpServletResponse[] downloads(TestUser user, String apiVersion) {
		String page = apiVersion.replace("/api/v1", "") + "/file";
		return new MockHttpServletResponse[] { api.get(user, apiVersion + "/file").getResponse(),
				mvc.get().uri(page).with(user(user.username()).roles("AIMS_MANAGER")).exchange().getResponse() };
	}

	private String draft(TestUser manager, String title) {
		String id = api.body(api.post(manager, "/api/v1/policies", Map.of("title", title + " " + System.nanoTime(), "owner",
				manager.username(), "reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "text")), HttpStatus.CREATED)
			.get("id").asString();
		return "/api/v1/policies/" + id + "/versions/1";
	}
}
