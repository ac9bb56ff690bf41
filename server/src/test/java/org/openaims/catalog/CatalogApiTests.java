package org.openaims.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.SharedFiles;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The catalog through its REST API: the built-in ISO/IEC 42001 catalog against the reference table,
 * imports of CISO Assistant libraries (the real ISO 42001 and ISO 27001 files) and OSCAL catalogs,
 * refusal of broken and hostile libraries, and the mapping between ISO 42001 and ISO 27001.
 */
@AimsTest
class CatalogApiTests {

	private static final Pattern NODE = Pattern.compile("^    - urn: (\\S+)$");

	private static final Pattern FIELD = Pattern.compile("^      (parent_urn|depth|assessable): (\\S+)$");

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
	}

	@Test
	void theBuiltInCatalogHasExactlyTheReferenceIdsWithTheirParents() throws IOException {
		Path reference = SharedFiles.find("reference/iso42001-catalog.tsv").orElse(null);
		byte[] table = reference != null ? Files.readAllBytes(reference)
				: getClass().getResourceAsStream("/catalog/iso42001-2023.tsv").readAllBytes();
		System.out.println("[catalog] checking the built-in catalog against " + (reference != null ? reference : "the bundled table"));
		if (reference != null) {
			assertThat(getClass().getResourceAsStream("/catalog/iso42001-2023.tsv").readAllBytes())
				.as("the bundled catalog table is the reference table").isEqualTo(table);
		}
		Map<String, String[]> expected = new LinkedHashMap<>();
		String[] lines = new String(table, StandardCharsets.UTF_8).split("\\R");
		for (int i = 1; i < lines.length; i++) {
			if (!lines[i].isBlank()) {
				String[] row = lines[i].split("\t");
				expected.put(row[0], row);
			}
		}
		assertThat(expected.values().stream().filter(r -> r[1].equals("control"))).hasSize(38);

		JsonNode framework = builtIn();
		Map<String, JsonNode> byRef = new HashMap<>();
		Map<String, String> refByUrn = new HashMap<>();
		api.body(api.get(manager, "/api/v1/frameworks/" + framework.get("id").asString() + "/requirements?limit=500"), HttpStatus.OK)
			.get("items").forEach(n -> {
				byRef.put(n.get("refId").asString(), n);
				refByUrn.put(n.get("urn").asString(), n.get("refId").asString());
			});
		List<String> clausesAndControls = new ArrayList<>();
		byRef.forEach((ref, n) -> {
			String kind = n.get("kind").asString();
			if (kind.equals("CLAUSE") || kind.equals("CONTROL")) {
				clausesAndControls.add(ref);
			}
		});
		assertThat(clausesAndControls).as("clauses and controls of the built-in catalog, nothing else")
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		expected.forEach((id, row) -> {
			JsonNode node = byRef.get(id);
			assertThat(node.get("kind").asString()).as(id).isEqualTo(row[1].toUpperCase());
			String parent = node.get("parentUrn").isNull() ? "-" : refByUrn.get(node.get("parentUrn").asString());
			String expectedParent = row[2].equals("-") ? "-" : row[2].split(" ")[0];
			assertThat(parent).as("parent of " + id).isEqualTo(expectedParent);
		});
		// The other nodes are exactly the control objectives the controls are grouped under.
		byRef.forEach((ref, n) -> {
			if (!clausesAndControls.contains(ref)) {
				assertThat(n.get("kind").asString()).as(ref).isEqualTo("OBJECTIVE");
			}
		});
		assertThat(byRef.get("A.6.2").get("parentUrn").asString()).isEqualTo(byRef.get("A.6").get("urn").asString());
		assertThat(framework.get("controlCount").asInt()).isEqualTo(38);
		assertThat(byRef.get("A.6.2.4").get("evidence").asString()).isNotBlank();
	}

	@Test
	void importsTheCisoAssistantLibrariesWithTheirCountsAndHierarchy() throws IOException {
		// CISO Assistant's own ISO/IEC 42001 library: read whole in a dry run (its counts and tree), but not
		// imported — its key is the built-in framework's, and one key names one framework.
		byte[] iso42001 = fixture("iso42001-2023.yaml");
		Map<String, Map<String, String>> stated42001 = statedNodes(iso42001);
		JsonNode preview = api.body(api.postBytes(manager, "/api/v1/frameworks?dryRun=true", "application/yaml", iso42001), HttpStatus.OK);
		assertThat(preview.get("dryRun").asBoolean()).isTrue();
		assertThat(preview.get("nodes").asInt()).isEqualTo(stated42001.size()).isEqualTo(88);
		assertThat(preview.get("assessable").asInt()).isEqualTo(67);
		assertThat(preview.get("controls").asInt()).isEqualTo(38);
		Map<String, Integer> depths = new java.util.TreeMap<>();
		stated42001.values().forEach(f -> depths.merge(f.get("depth"), 1, Integer::sum));
		Map<String, Integer> previewDepths = new java.util.TreeMap<>();
		preview.get("nodesPerDepth").properties().forEach(d -> previewDepths.put(d.getKey(), d.getValue().asInt()));
		assertThat(previewDepths).isEqualTo(depths);
		assertThat(preview.get("notes").get(0).asString()).startsWith("would be refused: the key 'iso42001-2023' is taken");
		long before = frameworkCount();
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", iso42001), HttpStatus.CONFLICT, null,
				"the key 'iso42001-2023' is taken by ISO/IEC 42001:2023");
		assertThat(frameworkCount()).isEqualTo(before);

		byte[] library = fixture("iso27001-2022.yaml");
		Map<String, Map<String, String>> stated = statedNodes(library);
		long assessable = stated.values().stream().filter(f -> "true".equals(f.get("assessable"))).count();
		String urn = "urn:intuitem:risk:framework:iso27001-2022";
		String id;
		if (countFrameworks(urn) == 0) {
			JsonNode report = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", library), HttpStatus.CREATED);
			System.out.printf("[catalog] iso27001-2022.yaml: %d nodes, %d assessable, %d controls%n", report.get("nodes").asInt(),
					report.get("assessable").asInt(), report.get("controls").asInt());
			assertThat(report.get("kind").asString()).isEqualTo("FRAMEWORK");
			assertThat(report.get("nodes").asInt()).isEqualTo(stated.size());
			assertThat(report.get("assessable").asInt()).isEqualTo((int) assessable);
			assertThat(report.get("notes")).as("stated depths agree with the tree").isEmpty();
			id = report.get("id").asString();
		}
		else {
			// Imported by another test of this class already.
			id = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM frameworks WHERE urn = :u ORDER BY library_version LIMIT 1").param("u", urn)
				.query(String.class).single();
		}
		JsonNode framework = api.body(api.get(manager, "/api/v1/frameworks/" + id), HttpStatus.OK);
		assertThat(framework.get("nodeCount").asInt()).isEqualTo(stated.size());
		assertThat(framework.get("assessableCount").asInt()).isEqualTo((int) assessable);
		JsonNode nodes = api.body(api.get(manager, "/api/v1/frameworks/" + id + "/requirements?limit=500"), HttpStatus.OK).get("items");
		assertThat(nodes).hasSize(stated.size());
		nodes.forEach(n -> {
			Map<String, String> fields = stated.get(n.get("urn").asString());
			assertThat(fields).as(n.get("urn").asString()).isNotNull();
			assertThat(n.get("parentUrn").isNull() ? null : n.get("parentUrn").asString()).isEqualTo(fields.get("parent_urn"));
			assertThat(String.valueOf(n.get("depth").asInt())).isEqualTo(fields.get("depth"));
		});
		// Known counts of this file, as a check on the line scan above.
		assertThat(jdbc.sql("SELECT node_count || '/' || assessable_count || '/' || control_count FROM frameworks WHERE urn = :u "
				+ "AND library_version = (SELECT MIN(library_version) FROM frameworks WHERE urn = :u)")
			.param("u", urn).query(String.class).single()).isEqualTo("140/123/93");

		// The same version again is refused; a newer version is imported beside it, the old one kept.
		long versions = countFrameworks(urn);
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", library), HttpStatus.CONFLICT, null,
				"in the catalog already");
		String text = new String(library, StandardCharsets.UTF_8);
		long current = Long.parseLong(text.replaceFirst("(?s).*?(?m)^version: (\\d+)$.*", "$1"));
		String newer = text.replaceFirst("(?m)^version: \\d+$", "version: " + (current + 100 + versions));
		JsonNode second = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml",
				newer.getBytes(StandardCharsets.UTF_8)), HttpStatus.CREATED);
		assertThat(second.get("version").asInt()).isEqualTo(current + 100 + versions);
		assertThat(countFrameworks(urn)).isEqualTo(versions + 1);
	}

	@Test
	void brokenAndHostileLibrariesAreRefusedAndNothingIsImported() throws IOException {
		long before = frameworkCount();
		refuse("objects: [unclosed", "readable YAML");
		refuse("hello: world\n", "no 'objects'");
		refuse("objects:\n  something: else\n", "neither a framework nor a mapping");
		refuse("- just\n- a list\n", "mapping at the top");
		refuse("{\"not\": \"oscal\"}", "not an OSCAL catalog");
		refuse("{\"catalog\": ", "not readable JSON");
		refuse("a: 1\na: 2\n", "duplicate");
		refuse("!!java.lang.Runtime {}\n", "readable YAML");
		byte[] garbage = new byte[4096];
		new java.util.Random(42).nextBytes(garbage);
		assertThat(api.postBytes(manager, "/api/v1/frameworks", "application/octet-stream", garbage)).hasStatus(HttpStatus.BAD_REQUEST);

		String library = new String(fixture("iso42001-2023.yaml"), StandardCharsets.UTF_8);
		String duplicate = library.replace("- urn: urn:intuitem:risk:req_node:iso42001-2023:a.2.3\n",
				"- urn: urn:intuitem:risk:req_node:iso42001-2023:a.2.2\n");
		assertThat(duplicate).isNotEqualTo(library);
		refuse(duplicate, "is used by more than one node");
		String orphan = library.replace("parent_urn: urn:intuitem:risk:req_node:iso42001-2023:a.6.2\n",
				"parent_urn: urn:intuitem:risk:req_node:iso42001-2023:a.6.9\n");
		assertThat(orphan).isNotEqualTo(library);
		refuse(orphan, "a.6.9 of");
		refuse("""
				version: 1
				objects:
				  framework:
				    urn: urn:test:framework:circle
				    name: Circle
				    requirement_nodes:
				    - urn: urn:test:a
				      parent_urn: urn:test:b
				      assessable: true
				    - urn: urn:test:b
				      parent_urn: urn:test:a
				      assessable: true
				""", "go round in a circle");
		refuse("""
				objects:
				  framework:
				    urn: urn:test:framework:bad
				    name: Bad
				    requirement_nodes:
				    - urn: urn:test:x
				      assessable: perhaps
				""", "is not true or false");

		// An alias expansion bomb: a few hundred bytes that would expand to gigabytes.
		StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'j'; c++) {
			char p = (char) (c - 1);
			bomb.append(c).append(": &").append(c).append(" [*").append(p);
			for (int i = 0; i < 8; i++) {
				bomb.append(",*").append(p);
			}
			bomb.append("]\n");
		}
		refuse(bomb.toString(), "aliases");
		// A 50 MB file is refused before it is read.
		byte[] big = new byte[50 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) ' ');
		MvcTestResult tooBig = api.postBytes(manager, "/api/v1/frameworks", "application/yaml", big);
		assertThat(tooBig.getResponse().getStatus()).isIn(400, 413);
		assertThat(tooBig.getResponse().getContentAsString()).containsPattern("larger than|at most");
		// Just over the catalog's own limit of 10 MB (but under the API's 12 MB) is refused by the importer.
		byte[] eleven = new byte[11 * 1024 * 1024];
		java.util.Arrays.fill(eleven, (byte) ' ');
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", eleven), HttpStatus.BAD_REQUEST, "file",
				"larger than 10 MB");

		// A viewer may not import.
		api.problem(api.postBytes(users.create(Role.VIEWER), "/api/v1/frameworks", "application/yaml", fixture("iso42001-2023.yaml")),
				HttpStatus.FORBIDDEN, null, null);
		assertThat(frameworkCount()).isEqualTo(before);
	}

	@Test
	void theMappingAnswersBothWaysBetweenIso42001AndIso27001() throws IOException {
		if (jdbc.sql("SELECT COUNT(*) FROM frameworks WHERE urn = 'urn:intuitem:risk:framework:iso27001-2022'").query(Long.class)
			.single() == 0) {
			api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", fixture("iso27001-2022.yaml")), HttpStatus.CREATED);
		}
		JsonNode toIso42001 = api.body(api.get(manager, "/api/v1/mappings?framework=iso27001-2022&ref=A.5.1"), HttpStatus.OK);
		List<String> related = new ArrayList<>();
		toIso42001.forEach(m -> {
			related.add(m.get("frameworkKey").asString() + " " + m.get("refId").asString() + " " + m.get("relationship").asString());
			assertThat(m.get("requirementId").isNull()).isFalse();
			assertThat(m.get("rationale").asString()).isNotBlank();
		});
		assertThat(related).containsExactly("iso42001-2023 A.2.2 INTERSECT", "iso42001-2023 A.2.3 INTERSECT",
				"iso42001-2023 A.2.4 INTERSECT");

		String builtIn = builtIn().get("id").asString();
		JsonNode a22 = api.body(api.get(manager, "/api/v1/frameworks/" + builtIn + "/requirements/A.2.2"), HttpStatus.OK);
		assertThat(a22.get("mappings")).hasSize(1);
		assertThat(a22.get("mappings").get(0).get("refId").asString()).isEqualTo("A.5.1");
		assertThat(a22.get("mappings").get(0).get("name").asString()).isEqualTo("Policies for information security");
		// The management-system clauses map one to one.
		JsonNode clause = api.body(api.get(manager, "/api/v1/mappings?framework=iso42001-2023&ref=9.2.1"), HttpStatus.OK);
		assertThat(clause.get(0).get("refId").asString()).isEqualTo("9.2.1");
		assertThat(clause.get(0).get("relationship").asString()).isEqualTo("EQUAL");
		// Every link of the built-in mapping lands on a requirement of the imported ISO 27001 library.
		List<String> unresolved = jdbc.sql("SELECT m.target_ref FROM requirement_mappings m JOIN mapping_sets s ON s.id = m.mapping_set_id "
				+ "WHERE s.source = 'BUILT_IN' AND NOT EXISTS (SELECT 1 FROM requirement_nodes n JOIN frameworks f ON f.id = n.framework_id "
				+ "WHERE f.framework_key = 'iso27001-2022' AND n.ref_id = m.target_ref)").query(String.class).list();
		assertThat(unresolved).isEmpty();
		assertThat(api.body(api.get(manager, "/api/v1/mappings/sets"), HttpStatus.OK).toString()).contains("iso27001-2022");
		api.problem(api.get(manager, "/api/v1/mappings"), HttpStatus.BAD_REQUEST, "framework", null);
	}

	@Test
	void importsAMappingLibraryAndAnOscalCatalog() {
		String mapping = """
				urn: urn:test:library:mapping-demo
				name: Demo mapping
				version: 1
				objects:
				  requirement_mapping_set:
				    urn: urn:test:mapping:demo
				    name: Demo mapping
				    source_framework_urn: urn:openaims:framework:iso42001-2023
				    target_framework_urn: urn:test:framework:house-rules
				    requirement_mappings:
				    - source_requirement_urn: urn:openaims:req_node:iso42001-2023:a.6.2.4
				      target_requirement_urn: urn:test:req_node:house-rules:HR-7
				      relationship: subset
				      rationale: House rule 7 asks for more testing than A.6.2.4
				""";
		JsonNode report = api.body(api.postBytes(manager, "/api/v1/mappings", "application/yaml",
				mapping.getBytes(StandardCharsets.UTF_8)), HttpStatus.CREATED);
		assertThat(report.get("kind").asString()).isEqualTo("MAPPING");
		assertThat(report.get("links").asInt()).isEqualTo(1);
		JsonNode reverse = api.body(api.get(manager, "/api/v1/mappings?framework=house-rules&ref=HR-7"), HttpStatus.OK);
		assertThat(reverse.get(0).get("refId").asString()).isEqualTo("A.6.2.4");
		assertThat(reverse.get(0).get("relationship").asString()).isEqualTo("SUPERSET");
		refuse(mapping.replace("subset", "kind of"), "relationship");

		String oscal = """
				{"catalog": {"uuid": "0c3c3b3e-1111-4222-8333-444455556666",
				  "metadata": {"title": "Demo Controls", "version": "1.0"},
				  "groups": [
				    {"id": "ac", "title": "Access control", "controls": [
				      {"id": "ac-1", "title": "Policy", "props": [{"name": "label", "value": "AC-1"}],
				       "parts": [{"name": "statement", "prose": "Have an access control policy."}]},
				      {"id": "ac-2", "title": "Accounts", "controls": [
				        {"id": "ac-2.1", "title": "Automated account management"}]}]},
				    {"id": "au", "title": "Audit", "groups": [{"id": "au-x", "title": "Sub group", "controls": [
				      {"id": "au-2", "title": "Event logging"}]}]}]}}
				""";
		JsonNode catalog = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/json",
				oscal.getBytes(StandardCharsets.UTF_8)), HttpStatus.CREATED);
		assertThat(catalog.get("nodes").asInt()).isEqualTo(7);
		assertThat(catalog.get("assessable").asInt()).isEqualTo(4);
		JsonNode nodes = api.body(api.get(manager, "/api/v1/frameworks/" + catalog.get("id").asString() + "/requirements?limit=500"),
				HttpStatus.OK).get("items");
		Map<String, JsonNode> byRef = new HashMap<>();
		nodes.forEach(n -> byRef.put(n.get("refId").asString(), n));
		assertThat(byRef.get("AC-1").get("description").asString()).isEqualTo("Have an access control policy.");
		assertThat(byRef.get("AC-2.1").get("depth").asInt()).isEqualTo(3);
		assertThat(byRef.get("AU-2").get("depth").asInt()).isEqualTo(3);
		api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/json", oscal.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.CONFLICT, null, "already");
		refuse("[".repeat(100_000), "JSON");
	}

	private void refuse(String library, String reason) {
		long before = frameworkCount() + jdbc.sql("SELECT COUNT(*) FROM mapping_sets").query(Long.class).single();
		JsonNode problem = api.problem(api.postBytes(manager, "/api/v1/frameworks", "application/yaml",
				library.getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "file", null);
		assertThat(problem.toString()).as(problem.toString()).containsIgnoringCase(reason);
		assertThat(frameworkCount() + jdbc.sql("SELECT COUNT(*) FROM mapping_sets").query(Long.class).single()).isEqualTo(before);
	}

	private JsonNode builtIn() {
		for (JsonNode f : api.body(api.get(manager, "/api/v1/frameworks?limit=500"), HttpStatus.OK).get("items")) {
			if (f.get("source").asString().equals("BUILT_IN")) {
				return f;
			}
		}
		throw new AssertionError("no built-in framework");
	}

	private long frameworkCount() {
		return jdbc.sql("SELECT COUNT(*) FROM frameworks").query(Long.class).single();
	}

	private long countFrameworks(String urn) {
		return jdbc.sql("SELECT COUNT(*) FROM frameworks WHERE urn = :u").param("u", urn).query(Long.class).single();
	}

	/** Every requirement node of a CISO Assistant file, read line by line (independently of the importer). */
	private static Map<String, Map<String, String>> statedNodes(byte[] library) {
		Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
		Map<String, String> current = null;
		boolean inNodes = false;
		for (String line : new String(library, StandardCharsets.UTF_8).split("\\R")) {
			if (line.equals("    requirement_nodes:")) {
				inNodes = true;
				continue;
			}
			if (!inNodes) {
				continue;
			}
			Matcher node = NODE.matcher(line);
			if (node.matches()) {
				current = new HashMap<>();
				nodes.put(node.group(1), current);
				continue;
			}
			Matcher field = FIELD.matcher(line);
			if (current != null && field.matches()) {
				current.put(field.group(1), field.group(2));
			}
		}
		return nodes;
	}

	static byte[] fixture(String name) throws IOException {
		Optional<Path> path = SharedFiles.find("fixtures/ciso-assistant/" + name);
		assumeTrue(path.isPresent(), "the fixture shared/fixtures/ciso-assistant/" + name
				+ " is not beside this repository; these import tests need it");
		return Files.readAllBytes(path.get());
	}
}
