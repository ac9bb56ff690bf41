package org.openaims.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/**
 * Importing the libraries people have (issue 17): mapping libraries with both directions in one file,
 * links counted as the catalog resolves them, a file cut short seen in a dry run and its version
 * removed, guidance and implementation groups kept, kinds of library not supported named, and text
 * repeated through aliases refused. Real libraries where the point needs one (see
 * {@code src/test/resources/libraries/README.md}).
 */
@AimsTest
class CatalogImportTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	String tag;

	@BeforeEach
	void setUp() throws IOException {
		manager = users.create(Role.AIMS_MANAGER);
		tag = UUID.randomUUID().toString().substring(0, 8);
		if (jdbc.sql("SELECT COUNT(*) FROM frameworks WHERE framework_key = 'iso27001-2022'").query(Long.class).single() == 0) {
			api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", CatalogApiTests.fixture("iso27001-2022.yaml")),
					HttpStatus.CREATED);
		}
	}

	@Test
	void aMappingLibraryWithBothDirectionsIsImportedWholeAndShownOnce() throws IOException {
		byte[] library = resource("mapping-adobe-ccf-v5-and-iso27001-2022.excerpt.yaml");
		if (jdbc.sql("SELECT COUNT(*) FROM mapping_sets WHERE urn LIKE '%mapping-adobe-ccf-v5-and-iso27001-2022%'").query(Long.class)
			.single() == 0) {
			JsonNode preview = api.body(api.postBytes(manager, "/api/v1/mappings?dryRun=true", "application/yaml", library), HttpStatus.OK);
			assertThat(preview.get("mappingSets").size()).isEqualTo(2);
			assertThat(preview.get("mappingSets").get(0).get("id").isNull()).isTrue();
			JsonNode report = api.body(api.postBytes(manager, "/api/v1/mappings", "application/yaml", library), HttpStatus.CREATED);
			assertThat(report.get("links").asInt()).isEqualTo(16);
			List<String> sets = new ArrayList<>();
			report.get("mappingSets").forEach(s -> {
				sets.add(s.get("sourceKey").asString() + " -> " + s.get("targetKey").asString() + ": " + s.get("links").asInt() + " links, "
						+ s.get("unresolved").asInt() + " unresolved");
				assertThat(s.get("id").isNull()).isFalse();
			});
			assertThat(sets).containsExactly("adobe-ccf-v5 -> iso27001-2022: 8 links, 8 unresolved",
					"iso27001-2022 -> adobe-ccf-v5: 8 links, 8 unresolved");
			// The framework the links need is named, with how many link ends wait for it.
			assertThat(report.get("missingFrameworks").size()).isEqualTo(1);
			assertThat(report.get("missingFrameworks").get(0).get("urn").asString()).isEqualTo("urn:intuitem:risk:framework:adobe-ccf-v5");
			assertThat(report.get("missingFrameworks").get(0).get("links").asInt()).isEqualTo(16);
			assertThat(report.toString()).contains("urn:intuitem:risk:framework:adobe-ccf-v5 is not in the catalog");
		}
		// Both sets link A.5.13 and am-05 (forward and back): one row, written from the asked side.
		JsonNode rows = api.body(api.get(manager, "/api/v1/mappings?framework=iso27001-2022&ref=A.5.13"), HttpStatus.OK);
		List<String> adobe = new ArrayList<>();
		rows.forEach(r -> {
			if (r.get("frameworkKey").asString().equals("adobe-ccf-v5")) {
				adobe.add(r.get("refId").asString() + " " + r.get("relationship").asString());
			}
		});
		assertThat(adobe).containsExactly("am-05 INTERSECT");
		// Again: refused whole.
		api.problem(api.postBytes(manager, "/api/v1/mappings", "application/yaml", library), HttpStatus.CONFLICT, null, "in the catalog already");
		// A framework library is not a mapping library.
		api.problem(api.postBytes(manager, "/api/v1/mappings", "application/yaml", CatalogApiTests.fixture("iso27001-2022.yaml")),
				HttpStatus.BAD_REQUEST, "file", "is a framework library");
	}

	@Test
	void linksAreCountedAsTheCatalogResolvesThem() throws IOException {
		// Real: every source is ISO/IEC 27001:2013, which is not in the catalog; every target resolves.
		JsonNode real = api.body(api.postBytes(manager, "/api/v1/mappings?dryRun=true", "application/yaml",
				resource("mapping-iso27001-2013-to-iso27001-2022.excerpt.yaml")), HttpStatus.OK);
		assertThat(real.get("mappingSets").get(0).get("links").asInt()).isEqualTo(5);
		assertThat(real.get("mappingSets").get(0).get("unresolved").asInt()).isEqualTo(5);
		assertThat(real.get("missingFrameworks").get(0).get("urn").asString()).isEqualTo("urn:intuitem:risk:framework:iso27001-2013");
		assertThat(real.get("missingFrameworks").get(0).get("links").asInt()).isEqualTo(5);

		// CISO Assistant's URNs for ISO/IEC 42001 are not the built-in framework's, but its links resolve by key and
		// reference: of three links, only the one to a control that does not exist is unresolved (was: all three).
		String library = """
				urn: urn:test:library:%1$s
				name: 27001 to 42001 %1$s
				version: 1
				objects:
				  requirement_mapping_sets:
				  - urn: urn:test:req_mapping_set:%1$s
				    name: 27001 to 42001 %1$s
				    source_framework_urn: urn:intuitem:risk:framework:iso27001-2022
				    target_framework_urn: urn:intuitem:risk:framework:iso42001-2023
				    requirement_mappings:
				    - source_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.8.15
				      target_requirement_urn: urn:intuitem:risk:req_node:iso42001-2023:a.6.2.8
				      relationship: intersect
				    - source_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.8.25
				      target_requirement_urn: urn:intuitem:risk:req_node:iso42001-2023:a.6.2.4
				      relationship: intersect
				    - source_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.5.1
				      target_requirement_urn: urn:intuitem:risk:req_node:iso42001-2023:a.99.9
				      relationship: intersect
				""".formatted("map-" + tag);
		JsonNode report = api.body(api.postBytes(manager, "/api/v1/mappings", "application/yaml", library.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.CREATED);
		assertThat(report.get("mappingSets").get(0).get("unresolved").asInt()).isEqualTo(1);
		assertThat(report.get("missingFrameworks").size()).isZero();
		boolean resolved = false;
		for (JsonNode row : api.body(api.get(manager, "/api/v1/mappings?framework=iso42001-2023&ref=A.6.2.4"), HttpStatus.OK)) {
			if (row.get("frameworkKey").asString().equals("iso27001-2022") && row.get("refId").asString().equals("A.8.25")) {
				resolved = !row.get("requirementId").isNull();
			}
		}
		assertThat(resolved).as("A.6.2.4 shows 27001 A.8.25, resolved").isTrue();
	}

	@Test
	void aFileCutShortShowsInTheDryRunAndItsVersionCanBeRemovedForTheRealOne() throws IOException {
		String full = new String(CatalogApiTests.fixture("iso27001-2022.yaml"), StandardCharsets.UTF_8);
		int version = 5000 + Math.abs(tag.hashCode() % 1000);
		String versioned = full.replaceFirst("(?m)^version: \\d+$", "version: " + version);
		// Cut at a node boundary: still valid YAML, so it reads as a smaller framework.
		int cut = versioned.indexOf("    - urn: urn:intuitem:risk:req_node:iso27001-2022:a.6");
		assertThat(cut).isPositive();
		String truncated = versioned.substring(0, cut);
		JsonNode preview = api.body(api.postBytes(manager, "/api/v1/frameworks?dryRun=true", "application/yaml",
				truncated.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
		JsonNode whole = api.body(api.postBytes(manager, "/api/v1/frameworks?dryRun=true", "application/yaml",
				versioned.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);
		assertThat(whole.get("nodes").asInt()).isEqualTo(140);
		assertThat(preview.get("nodes").asInt()).isLessThan(140);
		assertThat(preview.get("nodesPerDepth").toString()).isNotEqualTo(whole.get("nodesPerDepth").toString());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM frameworks WHERE library_version = :v").param("v", version).query(Long.class).single())
			.as("a dry run stores nothing").isZero();
		// Cut in the middle of a node: refused.
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml",
				versioned.substring(0, cut + 30).concat("\n      parent_urn: [").getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST,
				"file", null);

		// Imported anyway (as happened), then removed, and the real file imported as that version.
		JsonNode broken = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", truncated.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.CREATED);
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", versioned.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.CONFLICT, null, "in the catalog already");
		String id = broken.get("id").asString();
		assertThat(api.delete(users.create(Role.SYSTEM_OWNER), "/api/v1/frameworks/" + id + "?reason=cut")).hasStatus(HttpStatus.FORBIDDEN);
		api.body(api.delete(manager, "/api/v1/frameworks/" + id + "?reason=file%20cut%20short"), HttpStatus.OK);
		assertThat(api.get(manager, "/api/v1/frameworks/" + id)).hasStatus(HttpStatus.NOT_FOUND);
		JsonNode real = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", versioned.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.CREATED);
		assertThat(real.get("nodes").asInt()).isEqualTo(140);
		LedgerTestSupport.awaitRecorded(jdbc);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE subject_type = 'framework' AND subject_id = :id AND event_type = "
				+ "'FrameworkRemoved'").param("id", id).query(Long.class).single()).isEqualTo(1);

		// What something uses stays: a Statement of Applicability, the built-in framework.
		String soaFramework = real.get("id").asString();
		api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", soaFramework)), HttpStatus.CREATED);
		api.problem(api.delete(manager, "/api/v1/frameworks/" + soaFramework), HttpStatus.CONFLICT, null, "Statement of Applicability");
		String builtIn = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM frameworks WHERE source = 'BUILT_IN'").query(String.class).single();
		api.problem(api.delete(manager, "/api/v1/frameworks/" + builtIn), HttpStatus.CONFLICT, null, "built in");
	}

	@Test
	void guidanceTypicalEvidenceAndImplementationGroupsAreKeptAndGroupsFilterTheSoa() {
		String library = """
				urn: urn:test:library:%1$s
				name: Groups %1$s
				version: 1
				objects:
				  framework:
				    urn: urn:test:framework:%1$s
				    ref_id: %1$s
				    name: Groups %1$s
				    implementation_groups_definition:
				    - ref_id: IG1
				      name: Basic
				    - ref_id: IG2
				      name: Extended
				    requirement_nodes:
				    - urn: urn:test:req:%1$s:c
				      ref_id: C
				      name: Controls
				      assessable: false
				    - urn: urn:test:req:%1$s:c.1
				      parent_urn: urn:test:req:%1$s:c
				      ref_id: C.1
				      name: Keep logs
				      assessable: true
				      implementation_groups:
				      - IG1
				      - IG2
				      annotation: Logs of every inference, kept a year.
				      typical_evidence:
				      - Log retention settings
				      - A sample of logs
				    - urn: urn:test:req:%1$s:c.2
				      parent_urn: urn:test:req:%1$s:c
				      ref_id: C.2
				      name: Review logs
				      assessable: true
				      implementation_groups:
				      - IG2
				""".formatted("groups-" + tag);
		JsonNode report = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", library.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.CREATED);
		String id = report.get("id").asString();
		JsonNode requirement = api.body(api.get(manager, "/api/v1/frameworks/" + id + "/requirements/C.1"), HttpStatus.OK).get("requirement");
		assertThat(requirement.get("annotation").asString()).isEqualTo("Logs of every inference, kept a year.");
		assertThat(requirement.get("evidence").asString()).isEqualTo("Log retention settings\nA sample of logs");
		assertThat(requirement.get("implementationGroups").toString()).isEqualTo("[\"IG1\",\"IG2\"]");
		String soa = api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", id)), HttpStatus.CREATED).get("id").asString();
		List<String> ig1 = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/soa/" + soa + "?group=IG1"), HttpStatus.OK).get("entries").forEach(e -> ig1.add(e.get("refId").asString()));
		List<String> ig2 = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/soa/" + soa + "?group=IG2"), HttpStatus.OK).get("entries").forEach(e -> ig2.add(e.get("refId").asString()));
		assertThat(ig1).containsExactly("C.1");
		assertThat(ig2).containsExactly("C.1", "C.2");
	}

	@Test
	void librariesOfOtherKindsAndTextRepeatedThroughAliasesAreRefused() {
		refused("""
				urn: urn:test:library:controls-%1$s
				name: Controls
				objects:
				  reference_controls:
				  - urn: urn:test:control:1
				    name: MFA
				""".formatted(tag), "holds reference controls, which OpenAIMS does not import yet");
		refused("""
				urn: urn:test:library:threats-%1$s
				name: Threats
				objects:
				  threats:
				  - urn: urn:test:threat:1
				    name: Phishing
				""".formatted(tag), "holds threats, which OpenAIMS does not import yet");
		// 10 KB of text repeated through 40 aliases would store 400 KB from a file of 10.
		StringBuilder aliases = new StringBuilder("urn: urn:test:library:alias-" + tag + "\nname: Aliases\nobjects:\n  framework:\n"
				+ "    urn: urn:test:framework:alias-" + tag + "\n    name: &text \"" + "x".repeat(10_000) + "\"\n    requirement_nodes:\n");
		for (int i = 0; i < 40; i++) {
			aliases.append("    - urn: urn:test:req:alias:").append(i).append("\n      description: *text\n");
		}
		refused(aliases.toString(), "repeats text through YAML aliases");
		refused("objects: " + "[".repeat(2000) + "]".repeat(2000) + "\n", "nested more than");
	}

	@Test
	void anOscalCatalogKeepsNistsLabelsParametersItemLabelsAndWithdrawnControls() throws IOException {
		byte[] catalog = resource("nist-sp-800-53-rev5.excerpt.json");
		JsonNode preview = api.body(api.postBytes(manager, "/api/v1/frameworks?dryRun=true", "application/json", catalog), HttpStatus.OK);
		// A short key that the next release keeps, not the title cut at 100 characters.
		assertThat(preview.get("key").asString()).isEqualTo("nist-sp-800-53");
		String id = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM frameworks WHERE framework_key = 'nist-sp-800-53'").query(String.class)
			.optional().orElse(null);
		if (id == null) {
			id = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/json", catalog), HttpStatus.CREATED).get("id").asString();
		}
		// The label people write (AC-2), not the zero-padded one; both spellings find it.
		JsonNode ac2 = api.body(api.get(manager, "/api/v1/frameworks/" + id + "/requirements/AC-2"), HttpStatus.OK).get("requirement");
		assertThat(ac2.get("refId").asString()).isEqualTo("AC-2");
		assertThat(api.body(api.get(manager, "/api/v1/frameworks/" + id + "/requirements/AC-02"), HttpStatus.OK).get("requirement")
			.get("refId").asString()).isEqualTo("AC-2");
		assertThat(ac2.get("description").asString()).isEqualTo("c. Require [Assignment: organization-defined prerequisites and criteria] "
				+ "for group and role membership;");
		// Parameters read as NIST prints them; item labels kept, nested items indented.
		String ac1 = api.body(api.get(manager, "/api/v1/frameworks/" + id + "/requirements/AC-1"), HttpStatus.OK).get("requirement")
			.get("description").asString();
		assertThat(ac1).startsWith("a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:\n"
				+ "  1. [Selection (one or more): Organization-level; Mission/business process-level; System-level] access control policy that:\n"
				+ "    (a) Addresses purpose");
		assertThat(ac1).contains("b. Designate an [Assignment: organization-defined official] to manage").doesNotContain("{{")
			.doesNotContain("Access control policy and procedures address the controls");
		// A withdrawn enhancement is no control to assess.
		JsonNode withdrawn = api.body(api.get(manager, "/api/v1/frameworks/" + id + "/requirements/AC-2(10)"), HttpStatus.OK)
			.get("requirement");
		assertThat(withdrawn.get("assessable").asBoolean()).isFalse();
		assertThat(withdrawn.get("description").asString()).isEqualTo("Withdrawn: incorporated into AC-2 (statement item k).");
		assertThat(api.body(api.get(manager, "/api/v1/frameworks/" + id + "/requirements/AC-02(10)"), HttpStatus.OK).get("requirement")
			.get("refId").asString()).isEqualTo("AC-2(10)");
	}

	@Test
	void theCatalogListsPageAndRefuseBadCursorsAndIds() {
		JsonNode first = api.body(api.get(manager, "/api/v1/frameworks?limit=1"), HttpStatus.OK);
		assertThat(first.get("items").size()).isEqualTo(1);
		JsonNode second = api.body(api.get(manager, "/api/v1/frameworks?limit=1&after=" + first.get("next").asString()), HttpStatus.OK);
		assertThat(second.get("items").get(0).get("id").asString()).isNotEqualTo(first.get("items").get(0).get("id").asString());
		String builtIn = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM frameworks WHERE source = 'BUILT_IN'").query(String.class).single();
		JsonNode nodes = api.body(api.get(manager, "/api/v1/frameworks/" + builtIn + "/requirements?limit=10"), HttpStatus.OK);
		JsonNode next = api.body(api.get(manager, "/api/v1/frameworks/" + builtIn + "/requirements?limit=10&after=" + nodes.get("next")
			.asString()), HttpStatus.OK);
		assertThat(next.get("items").get(0).get("position").asInt()).isGreaterThan(nodes.get("items").get(9).get("position").asInt());
		api.problem(api.get(manager, "/api/v1/frameworks?after=not-a-cursor"), HttpStatus.BAD_REQUEST, "after", null);
		api.problem(api.get(manager, "/api/v1/frameworks/" + builtIn + "/requirements?after=bm9wZQ"), HttpStatus.BAD_REQUEST, "after", null);
		assertThat(api.get(manager, "/api/v1/frameworks/" + builtIn + "/requirements?limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.delete(manager, "/api/v1/frameworks/not-an-id")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.delete(manager, "/api/v1/frameworks/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
	}

	private void refused(String library, String text) {
		long before = jdbc.sql("SELECT COUNT(*) FROM frameworks").query(Long.class).single();
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", library.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, "file", text);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM frameworks").query(Long.class).single()).isEqualTo(before);
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = CatalogImportTests.class.getResourceAsStream("/libraries/" + name)) {
			if (in == null) {
				throw new IOException("no test resource libraries/" + name);
			}
			return in.readAllBytes();
		}
	}
}
