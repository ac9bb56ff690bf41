package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.TestUsers;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The ledger page: verification on demand, export download, and only for managers, auditors, admins. */
@AimsTest
class LedgerPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void auditorsVerifyAndDownloadFromTheLedgerPage() throws Exception {
		TestUsers.TestUser auditor = users.create(Role.AUDITOR);
		LedgerTestSupport.awaitRecorded(jdbc);
		var asAuditor = user(auditor.username()).roles("AUDITOR");
		assertThat(mvc.get().uri("/ledger").with(asAuditor).exchange()).hasStatusOk().bodyText().contains("Key id")
			.contains("Verify the whole ledger now");
		MvcTestResult verified = mvc.post().uri("/ledger/verify").with(asAuditor).with(csrf()).header("HX-Request", "true").exchange();
		assertThat(verified).hasStatusOk().bodyText().contains("Intact.").doesNotContain("<nav");
		MvcTestResult export = mvc.get().uri("/ledger/export").with(asAuditor).exchange();
		assertThat(export).hasStatusOk();
		String file = export.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(LedgerTestSupport.aimsVerify(file).exitCode()).isZero();

		var asOwner = user(users.create(Role.SYSTEM_OWNER).username()).roles("SYSTEM_OWNER");
		assertThat(mvc.get().uri("/ledger").with(asOwner).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/ai-systems").with(asOwner).exchange()).bodyText().doesNotContain("href=\"/ledger\"");
		assertThat(mvc.get().uri("/ai-systems").with(asAuditor).exchange()).bodyText().contains("href=\"/ledger\"");
	}
}
