package org.openaims.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Exports of any size with bounded memory, shown with small limits: CSV read in batches of two rows,
 * a PDF refused beyond three rows, an XLSX of more than three rows built by a background job.
 */
@AimsTest
@TestPropertySource(properties = { "aims.test.context=exports", "aims.reporting.pdf-rows=3", "aims.reporting.direct-xlsx-rows=3",
		"aims.reporting.batch-rows=2" })
class ExportsTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.openaims.common.AimsProperties properties;

	@Autowired
	Exports exports;

	TestUser manager;

	String tag;

	@BeforeEach
	void seed() {
		RiskFixtures.inForce(api, users);
		manager = users.create(Role.AIMS_MANAGER);
		tag = "x" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 1; i <= 5; i++) {
			api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Exported " + i + " " + tag, null, "bias", 2, 3,
					manager.username())), HttpStatus.CREATED);
		}
	}

	@Test
	void csvHoldsEveryRowReadBatchByBatch() {
		String csv = api.csv(api.get(manager, "/api/v1/risks/export?format=csv&q=" + tag));
		assertThat(csv.lines().count()).isEqualTo(6);
		for (int i = 1; i <= 5; i++) {
			assertThat(csv).containsOnlyOnce("Exported " + i + " " + tag);
		}
	}

	@Test
	void aPdfOfMoreRowsThanAPdfHoldsIsRefusedNamingCsvAndXlsx() throws Exception {
		JsonNode problem = api.problem(api.get(manager, "/api/v1/risks/export?format=pdf&q=" + tag), HttpStatus.UNPROCESSABLE_CONTENT,
				null, "export CSV or XLSX");
		assertThat(problem.get("detail").asString()).contains("at most 3 rows", "has 5");
		// Narrowed by a filter to what a PDF holds, it is made.
		MvcTestResult pdf = api.get(manager, "/api/v1/risks/export?format=pdf&q=Exported 1 " + tag);
		assertThat(pdf).hasStatusOk();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Exported 1 " + tag);
		}
	}

	@Test
	void aLargeWorkbookIsBuiltByAJobThatItsStarterFollowsAndDownloads() throws Exception {
		MvcTestResult started = api.get(manager, "/api/v1/risks/export?format=xlsx&q=" + tag);
		JsonNode job = api.body(started, HttpStatus.ACCEPTED);
		String id = job.get("id").asString();
		assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/v1/exports/" + id);
		assertThat(job.get("rowsTotal").asLong()).isEqualTo(5);

		// Nobody else sees it; an id that is not one is a 400, an unknown one a 404.
		TestUser other = users.create(Role.AIMS_MANAGER);
		api.problem(api.get(other, "/api/v1/exports/" + id), HttpStatus.NOT_FOUND, null, null);
		api.problem(api.get(other, "/api/v1/exports/" + id + "/file"), HttpStatus.NOT_FOUND, null, null);
		api.problem(api.get(manager, "/api/v1/exports/not-a-job"), HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.get(manager, "/api/v1/exports/" + UUID.randomUUID()), HttpStatus.NOT_FOUND, null, null);

		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!job.get("status").asString().equals("DONE")) {
			assertThat(job.get("status").asString()).isNotEqualTo("FAILED");
			assertThat(Instant.now()).as("the export job finishes").isBefore(deadline);
			Thread.sleep(100);
			job = api.body(api.get(manager, "/api/v1/exports/" + id), HttpStatus.OK);
		}
		assertThat(job.get("rowsDone").asLong()).isEqualTo(5);
		assertThat(job.get("percent").asInt()).isEqualTo(100);
		MvcTestResult file = api.get(manager, "/api/v1/exports/" + id + "/file");
		assertThat(file).hasStatusOk();
		assertThat(file.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2 + 5);
			StringBuilder titles = new StringBuilder();
			for (int r = 3; r <= 7; r++) {
				titles.append(workbook.getSheetAt(0).getRow(r).getCell(1).getStringCellValue()).append('\n');
			}
			for (int i = 1; i <= 5; i++) {
				assertThat(titles.toString()).contains("Exported " + i + " " + tag);
			}
		}
		// The page that follows a job shows the link to the file.
		assertThat(mvc.get().uri("/exports/" + id).with(user(manager.username()).roles("AIMS_MANAGER")).exchange()).hasStatusOk()
			.bodyText().contains("/exports/" + id + "/file");
		assertThat(mvc.get().uri("/exports/" + id).with(user(other.username()).roles("AIMS_MANAGER")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);

		// A day later the job and its file are gone.
		jdbc.sql("UPDATE export_jobs SET created_at = :old WHERE id = :id").param("old", java.sql.Timestamp.from(Instant.now()
			.minus(Duration.ofHours(25)))).param("id", UUID.fromString(id)).update();
		java.nio.file.Path file2 = properties.dataDir().resolve("exports").resolve(id + ".xlsx");
		assertThat(file2).exists();
		java.nio.file.Files.setLastModifiedTime(file2, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(25))));
		assertThat(exports.purge()).isGreaterThanOrEqualTo(1);
		assertThat(file2).doesNotExist();
		api.problem(api.get(manager, "/api/v1/exports/" + id), HttpStatus.NOT_FOUND, null, null);
	}
}
