package org.openaims.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.common.AimsProperties;
import org.openaims.common.Digests;
import org.openaims.evidence.internal.ExpiryNotices;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Evidence items (7.5, A.4.6) through the REST API: files stored by content in versions and always
 * served as downloads, hostile uploads refused, links to requirements of any framework and to AI
 * systems found from both sides, and expiry — lists at 30, 7 and 1 days and the event.
 */
@AimsTest
class EvidenceApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AimsProperties properties;

	@Autowired
	ExpiryNotices expiry;

	TestUser manager;

	TestUser contributor;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		contributor = users.create(Role.CONTRIBUTOR);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anUploadIsTypedFromItsContentHashedStoredOnceAndVersioned() throws IOException {
		byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% model card " + tag + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		JsonNode first = api.body(api.upload(contributor, "/api/v1/evidence/files", "file", "model-card.pdf", "application/pdf", pdf,
				"title", "Model card " + tag, "validUntil", LocalDate.now().plusYears(1).toString(), "requirements", "A.6.2.7"),
				HttpStatus.CREATED);
		String sha = Digests.sha256Hex(pdf);
		JsonNode version = first.get("versions").get(0);
		assertThat(version.get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(version.get("sha256").asString()).isEqualTo(sha);
		assertThat(version.get("size").asLong()).isEqualTo(pdf.length);
		assertThat(first.get("kind").asString()).isEqualTo("FILE");
		assertThat(first.get("owner").asString()).isEqualTo(contributor.username());
		assertThat(first.get("receivedOn").asString()).isEqualTo(LocalDate.now().toString());
		assertThat(first.get("validity").asString()).isEqualTo("VALID");

		// The same bytes named differently as another item: the same content address, one stored file.
		JsonNode again = api.body(api.upload(manager, "/api/v1/evidence/files", "file", "card-copy.pdf", "application/pdf", pdf,
				"title", "Model card copy " + tag), HttpStatus.CREATED);
		assertThat(again.get("versions").get(0).get("sha256").asString()).isEqualTo(sha);
		assertThat(again.get("id").asString()).isNotEqualTo(first.get("id").asString());
		assertThat(storedFilesNamed(sha)).hasSize(1);

		// A second version keeps the first readable.
		String id = first.get("id").asString();
		byte[] text = ("Model card, revised " + tag + "\n").getBytes(StandardCharsets.UTF_8);
		JsonNode second = api.body(api.upload(contributor, "/api/v1/evidence/" + id + "/versions", "file", "model-card-v2.txt",
				"text/plain", text, "note", "revised after the bias review"), HttpStatus.CREATED);
		assertThat(second.get("currentVersion").asInt()).isEqualTo(2);
		assertThat(second.get("versions").size()).isEqualTo(2);
		assertThat(second.get("versions").get(1).get("mediaType").asString()).isEqualTo("text/plain");
		assertThat(second.get("versions").get(1).get("note").asString()).isEqualTo("revised after the bias review");
		MvcTestResult v1 = api.get(manager, "/api/v1/evidence/" + id + "/versions/1/file");
		assertThat(v1.getResponse().getStatus()).isEqualTo(200);
		assertThat(v1.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(v1.getResponse().getHeader("Content-Disposition")).startsWith("attachment;").contains("model-card.pdf");
		MvcTestResult v2 = api.get(manager, "/api/v1/evidence/" + id + "/versions/2/file");
		assertThat(v2.getResponse().getContentAsByteArray()).isEqualTo(text);
		assertThat(api.get(manager, "/api/v1/evidence/" + id + "/versions/3/file").getResponse().getStatus()).isEqualTo(404);

		// Someone who neither owns nor added it may not add a version.
		TestUser other = users.create(Role.CONTRIBUTOR);
		assertThat(api.upload(other, "/api/v1/evidence/" + id + "/versions", "file", "x.txt", "text/plain", text).getResponse()
			.getStatus()).isEqualTo(403);

		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/evidence/" + id + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsExactly("EvidenceAdded", "EvidenceVersionAdded");
	}

	@Test
	void htmlAndSvgAreKeptButNeverServedInline() throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("saved-page.html", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
		files.put("diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>");
		for (Map.Entry<String, String> file : files.entrySet()) {
			JsonNode item = api.body(api.upload(contributor, "/api/v1/evidence/files", "file", file.getKey(),
					file.getKey().endsWith(".svg") ? "image/svg+xml" : "text/html", file.getValue().getBytes(StandardCharsets.UTF_8),
					"title", file.getKey() + " " + tag), HttpStatus.CREATED);
			assertThat(item.get("versions").get(0).get("mediaType").asString()).as(file.getKey()).isEqualTo("application/octet-stream");
			MvcTestResult download = api.get(manager, item.get("versions").get(0).get("download").asString());
			assertThat(download.getResponse().getStatus()).isEqualTo(200);
			assertThat(download.getResponse().getContentType()).as(file.getKey()).isEqualTo("application/octet-stream");
			assertThat(download.getResponse().getHeader("Content-Disposition")).as(file.getKey()).startsWith("attachment;");
			assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(download.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
		}
	}

	@Test
	void hostileUploadsAreRefusedAndLeaveNothingBehind() throws IOException {
		long before = items();
		// A zip bomb: 60 MB of zeros in a few kilobytes, as a ZIP and as a "Word document".
		byte[] bomb = zipOf("zeros.bin", 60L * 1024 * 1024);
		assertThat(bomb.length).isLessThan(200_000);
		refused("bomb.zip", "application/zip", bomb, "expands more than 100 times");
		refused("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb, "expands more than 100 times");
		// A polyglot: declared a PDF, the content is HTML.
		byte[] html = "<html><body><script>fetch('/api/v1/tokens')</script>%PDF-1.4</body></html>".getBytes(StandardCharsets.UTF_8);
		refused("report.pdf", "application/pdf", html, "is named 'report.pdf' but its content is HTML");
		refused("report", "application/pdf", html, "was sent as application/pdf but its content is HTML");
		// A PNG that is a script.
		refused("photo.png", "image/png", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), "is named 'photo.png'");
		// Path traversal, control characters in the name.
		byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		refused("../../etc/passwd", "text/plain", pdf, "a name, not a path");
		refused("..\\..\\boot.ini", "text/plain", pdf, "a name, not a path");
		refused("evil\u0000.pdf", "application/pdf", pdf, "file name");
		// Empty and oversized.
		refused("empty.pdf", "application/pdf", new byte[0], "is empty");
		byte[] big = new byte[(int) FileStore.MAX_BYTES + 1];
		System.arraycopy(pdf, 0, big, 0, pdf.length);
		refused("big.pdf", "application/pdf", big, "larger than 10 MB");
		assertThat(items()).isEqualTo(before);
		assertThat(scratchFiles()).isEmpty();

		// A real document built on ZIP passes: an XLSX written by POI.
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			workbook.createSheet("Results").createRow(0).createCell(0).setCellValue("accuracy 0.93");
			workbook.write(xlsx);
		}
		JsonNode sheet = api.body(api.upload(contributor, "/api/v1/evidence/files", "file", "results.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.toByteArray(), "title", "Results " + tag),
				HttpStatus.CREATED);
		assertThat(sheet.get("versions").get(0).get("mediaType").asString())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@Test
	void expiringAndExpiredEvidenceIsListedAtThirtySevenAndOneDaysAndExpiryIsAnnouncedOnce() {
		LocalDate today = LocalDate.now();
		Map<String, String> ids = new LinkedHashMap<>();
		for (int days : new int[] { -3, 0, 1, 5, 20, 90 }) {
			ids.put(String.valueOf(days), note("Certificate " + days + " " + tag, today.plusDays(days)));
		}
		ids.put("none", note("Policy note " + tag, null));
		assertThat(titles("expiringWithin=1")).containsExactlyInAnyOrder("Certificate 0 " + tag, "Certificate 1 " + tag);
		assertThat(titles("expiringWithin=7")).containsExactlyInAnyOrder("Certificate 0 " + tag, "Certificate 1 " + tag,
				"Certificate 5 " + tag);
		assertThat(titles("expiringWithin=30")).containsExactlyInAnyOrder("Certificate 0 " + tag, "Certificate 1 " + tag,
				"Certificate 5 " + tag, "Certificate 20 " + tag);
		assertThat(titles("validity=EXPIRING")).isEqualTo(titles("expiringWithin=30"));
		assertThat(titles("validity=EXPIRED")).containsExactly("Certificate -3 " + tag);
		assertThat(titles("validity=VALID")).containsExactly("Certificate 90 " + tag);
		assertThat(titles("validity=NO_EXPIRY")).containsExactly("Policy note " + tag);
		// Soonest to expire first.
		assertThat(titles("sort=expiry")).containsExactly("Certificate -3 " + tag, "Certificate 0 " + tag, "Certificate 1 " + tag,
				"Certificate 5 " + tag, "Certificate 20 " + tag, "Certificate 90 " + tag, "Policy note " + tag);
		JsonNode expired = api.body(api.get(manager, "/api/v1/evidence/" + ids.get("-3")), HttpStatus.OK);
		assertThat(expired.get("validity").asString()).isEqualTo("EXPIRED");
		assertThat(expired.get("daysLeft").asLong()).isEqualTo(-3);
		JsonNode five = api.body(api.get(manager, "/api/v1/evidence/" + ids.get("5")), HttpStatus.OK);
		assertThat(five.get("validity").asString()).isEqualTo("EXPIRING");
		assertThat(five.get("daysLeft").asLong()).isEqualTo(5);

		// The hourly job announces the expiry once; a renewal that expires again is announced again.
		assertThat(expiry.announce(today)).isPositive();
		assertThat(expiry.announce(today)).isZero();
		assertThat(expiry.announce(today.plusDays(1))).isPositive(); // "Certificate 0" expires the next day
		LedgerTestSupport.awaitRecorded(jdbc);
		assertThat(events(ids.get("-3"))).containsExactly("EvidenceAdded", "EvidenceExpired");
		assertThat(events(ids.get("1"))).containsExactly("EvidenceAdded");
		JsonNode item = api.body(api.get(manager, "/api/v1/evidence/" + ids.get("-3")), HttpStatus.OK);
		Map<String, Object> renewed = new LinkedHashMap<>(Map.of("kind", "NOTE", "title", item.get("title").asString(), "description",
				"renewed", "validUntil", today.minusDays(1).toString()));
		api.body(api.put(manager, "/api/v1/evidence/" + ids.get("-3"), renewed), HttpStatus.OK);
		expiry.announce(today);
		LedgerTestSupport.awaitRecorded(jdbc);
		assertThat(events(ids.get("-3"))).containsExactly("EvidenceAdded", "EvidenceExpired", "EvidenceChanged", "EvidenceExpired");
	}

	@Test
	void evidenceLinkedToARequirementOfAnImportedFrameworkAndToAnAiSystemIsFoundFromBoth() {
		String key = "evidence-test-" + tag;
		String library = """
				urn: urn:test:library:%1$s
				name: Evidence test %1$s
				version: 1
				objects:
				  framework:
				    urn: urn:test:framework:%1$s
				    ref_id: %1$s
				    name: Evidence test framework
				    requirement_nodes:
				    - urn: urn:test:req:%1$s:ev
				      ref_id: EV
				      name: Evidence
				      assessable: false
				    - urn: urn:test:req:%1$s:ev.1
				      parent_urn: urn:test:req:%1$s:ev
				      ref_id: EV.1
				      name: Keep test reports
				      assessable: true
				""".formatted(key);
		JsonNode report = api.body(api.postBytes(users.create(Role.ADMIN), "/api/v1/frameworks", "application/yaml",
				library.getBytes(StandardCharsets.UTF_8)), HttpStatus.CREATED);
		String frameworkKey = report.get("key").asString();
		String system = api.body(api.post(manager, "/api/v1/ai-systems", Map.of("name", "Credit scoring " + tag, "intendedPurpose",
				"Score applications", "organizationRoles", List.of("DEVELOPER"), "lifecycleStage", "OPERATING", "riskTier", "HIGH",
				"owner", manager.username())), HttpStatus.CREATED).get("id").asString();
		Map<String, Object> link = new LinkedHashMap<>(Map.of("kind", "LINK", "title", "Test report " + tag, "url",
				"https://ci.example.org/reports/" + tag, "requirements", List.of(frameworkKey + ":EV.1", "A.6.2.4"), "aiSystemIds",
				List.of(system)));
		JsonNode added = api.body(api.post(contributor, "/api/v1/evidence", link), HttpStatus.CREATED);
		String id = added.get("id").asString();
		Set<String> refs = new TreeSet<>();
		added.get("requirements").forEach(r -> refs.add(r.get("framework").asString() + ":" + r.get("refId").asString()));
		assertThat(refs).containsExactly(frameworkKey + ":EV.1", "iso42001-2023:A.6.2.4");
		assertThat(added.get("aiSystems").get(0).get("name").asString()).isEqualTo("Credit scoring " + tag);

		String requirementId = null;
		for (JsonNode r : added.get("requirements")) {
			if (r.get("refId").asString().equals("EV.1")) {
				requirementId = r.get("id").asString();
			}
		}
		assertThat(ids("requirement=" + frameworkKey + ":EV.1")).containsExactly(id);
		assertThat(ids("requirement=" + requirementId)).containsExactly(id);
		assertThat(ids("aiSystem=" + system)).containsExactly(id);
		assertThat(ids("requirement=A.6.2.4&q=" + tag)).containsExactly(id);
		api.problem(api.get(manager, "/api/v1/evidence?requirement=" + frameworkKey + ":EV.9"), HttpStatus.BAD_REQUEST, "requirement",
				"no requirement or control");

		// The Statement of Applicability of that framework shows the control's evidence with its validity.
		String soa = api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", report.get("id").asString())), HttpStatus.CREATED)
			.get("id").asString();
		JsonNode entry = null;
		for (JsonNode e : api.body(api.get(manager, "/api/v1/soa/" + soa), HttpStatus.OK).get("entries")) {
			if (e.get("refId").asString().equals("EV.1")) {
				entry = e;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(entry.get("evidence").size()).isEqualTo(1);
		assertThat(entry.get("evidence").get(0).get("title").asString()).isEqualTo("Test report " + tag);
		assertThat(entry.get("evidence").get(0).get("validity").asString()).isEqualTo("NO_EXPIRY");
		String csv = api.csv(api.get(manager, "/api/v1/soa/" + soa + "/export?format=csv"));
		assertThat(csv).contains("Test report " + tag + " (no expiry)");

		// A reference to another module's record, found by that record.
		UUID riskId = UUID.randomUUID();
		JsonNode reference = api.body(api.post(contributor, "/api/v1/evidence", Map.of("kind", "RECORD", "title", "Risk review " + tag,
				"record", Map.of("type", "risk", "id", riskId.toString()))), HttpStatus.CREATED);
		assertThat(ids("record=risk:" + riskId)).containsExactly(reference.get("id").asString());
	}

	@Test
	void badInputIsRefusedWithTheFieldAndNothingIsAdded() {
		long before = items();
		bad(Map.of("kind", "LINK", "title", "No address " + tag), "url", "needs its address");
		bad(Map.of("kind", "LINK", "title", "Script " + tag, "url", "javascript:alert(1)"), "url", "http or https");
		bad(Map.of("kind", "NOTE", "title", "Empty note " + tag), "description", "needs its text");
		bad(Map.of("kind", "RECORD", "title", "No record " + tag), "record", "names its record");
		bad(Map.of("kind", "NOTE", "title", "Note " + tag, "description", "d", "requirements", List.of("A.99.1")), "requirements",
				"no requirement or control 'A.99.1'");
		bad(Map.of("kind", "NOTE", "title", "Note " + tag, "description", "d", "aiSystemIds", List.of(UUID.randomUUID().toString())),
				"aiSystemIds", "no AI system has id");
		bad(Map.of("kind", "NOTE", "title", "Note " + tag, "description", "d", "owner", "nobody-" + tag), "owner", "no active user");
		bad(Map.of("kind", "NOTE", "title", "Note " + tag, "description", "d", "effectiveFrom", "2026-06-01", "effectiveTo",
				"2026-01-01"), "effectiveTo", "must not be before");
		bad(Map.of("kind", "NOTE", "title", "Note " + tag, "description", "d", "receivedOn", LocalDate.now().plusDays(3).toString()),
				"receivedOn", "future");
		bad(Map.of("kind", "FILE", "title", "File " + tag), "kind", "upload");
		bad(Map.of("kind", "NOTE", "title", "Note " + tag, "description", "d", "url", "https://example.org"), "url", "only a LINK");
		bad(Map.of("kind", "RECORD", "title", "Ref " + tag, "record", Map.of("type", "Risk; DROP", "id", UUID.randomUUID().toString())),
				"record.type", "record type");
		assertThat(api.post(users.create(Role.VIEWER), "/api/v1/evidence", Map.of("kind", "NOTE", "title", "t", "description", "d"))
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(api.post(users.create(Role.AUDITOR), "/api/v1/evidence", Map.of("kind", "NOTE", "title", "t", "description", "d"))
			.getResponse().getStatus()).isEqualTo(403);
		api.problem(api.get(manager, "/api/v1/evidence?record=risk:nope"), HttpStatus.BAD_REQUEST, "record", "type:id");
		api.problem(api.get(manager, "/api/v1/evidence?expiringWithin=-1"), HttpStatus.BAD_REQUEST, "expiringWithin", "0 to 3660");
		api.problem(api.get(manager, "/api/v1/evidence?sort=size"), HttpStatus.BAD_REQUEST, "sort", "must be one of");
		api.problem(api.get(manager, "/api/v1/evidence/export?format=doc"), HttpStatus.BAD_REQUEST, "format", "csv, xlsx or pdf");
		assertThat(items()).isEqualTo(before);

		// A change of kind is refused; a change meanwhile is a conflict.
		String id = note("Kind " + tag, null);
		api.problem(api.put(manager, "/api/v1/evidence/" + id, Map.of("kind", "LINK", "title", "Kind " + tag, "url",
				"https://example.org")), HttpStatus.BAD_REQUEST, "kind", "stays NOTE");
		api.problem(api.put(manager, "/api/v1/evidence/" + id, Map.of("kind", "NOTE", "title", "Kind " + tag, "description", "x",
				"version", 99)), HttpStatus.CONFLICT, null, "changed meanwhile");
	}

	@Test
	void theListExportsAsCsvAndXlsx() {
		note("Exported note " + tag, LocalDate.now().plusDays(10));
		String csv = api.csv(api.get(manager, "/api/v1/evidence/export?q=" + tag));
		assertThat(csv.lines().toList()).hasSize(2);
		assertThat(csv).startsWith("id,kind,title,owner,received_on").contains("Exported note " + tag).contains("EXPIRING");
		MvcTestResult xlsx = api.get(manager, "/api/v1/evidence/export?format=xlsx&q=" + tag);
		assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
		assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	private String note(String title, LocalDate validUntil) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "NOTE", "title", title, "description", "What was checked"));
		if (validUntil != null) {
			body.put("validUntil", validUntil.toString());
		}
		return api.body(api.post(contributor, "/api/v1/evidence", body), HttpStatus.CREATED).get("id").asString();
	}

	private List<String> titles(String query) {
		List<String> titles = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/evidence?q=" + tag + "&" + query), HttpStatus.OK).get("items")
			.forEach(i -> titles.add(i.get("title").asString()));
		return titles;
	}

	private List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/evidence?" + query), HttpStatus.OK).get("items").forEach(i -> ids.add(i.get("id").asString()));
		return ids;
	}

	private List<String> events(String id) {
		List<String> events = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/evidence/" + id + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		return events;
	}

	private void bad(Map<String, Object> body, String field, String text) {
		api.problem(api.post(contributor, "/api/v1/evidence", body), HttpStatus.BAD_REQUEST, field, text);
	}

	private void refused(String name, String type, byte[] content, String text) {
		MvcTestResult result = api.upload(contributor, "/api/v1/evidence/files", "file", name, type, content, "title", "Hostile " + tag);
		api.problem(result, HttpStatus.BAD_REQUEST, "file", text);
	}

	private long items() {
		return jdbc.sql("SELECT COUNT(*) FROM evidence_items").query(Long.class).single();
	}

	private static byte[] zipOf(String entry, long zeros) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry(entry));
			byte[] block = new byte[1024 * 1024];
			for (long written = 0; written < zeros; written += block.length) {
				zip.write(block);
			}
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private List<Path> storedFilesNamed(String sha) throws IOException {
		try (Stream<Path> walk = Files.walk(properties.dataDir().resolve("files"))) {
			return walk.filter(p -> p.getFileName().toString().equals(sha)).toList();
		}
	}

	private List<Path> scratchFiles() throws IOException {
		Path scratch = properties.dataDir().resolve("files").resolve("incoming");
		if (!Files.isDirectory(scratch)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(scratch)) {
			return list.toList();
		}
	}
}
