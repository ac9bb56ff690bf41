package org.openaims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a stub server: what it sends, prints, stores and exits with. */
class AimsCommandTests {

	@TempDir
	Path home;

	HttpServer server;

	final List<String> requests = new ArrayList<>();

	final Map<String, Response> answers = new HashMap<>();

	record Response(int status, String body) {
	}

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::answer);
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void loginStoresTheIssuedTokenReadableOnlyByTheOwner() throws IOException {
		answers.put("POST /api/v1/auth/token", new Response(201,
				"{\"secret\":\"aims_s3cret\",\"token\":{\"expiresAt\":\"2027-01-01T00:00:00Z\"}}"));
		Result result = run("s3cret-password\n", "login", "--server", url(), "-u", "alice", "--password-stdin");
		assertThat(result.code).isZero();
		assertThat(result.out).contains("Signed in").contains("alice");
		assertThat(requests).singleElement().asString().contains("\"username\":\"alice\"").contains("\"password\":\"s3cret-password\"");
		Path config = home.resolve(".config/aims/config.json");
		assertThat(Files.readString(config)).contains("aims_s3cret").contains(url());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
	}

	@Test
	void aRefusedLoginExitsWith2AndSaysWhy() {
		answers.put("POST /api/v1/auth/token", new Response(401,
				"{\"status\":401,\"detail\":\"wrong username or password, or the account is disabled\"}"));
		Result result = run("nope\n", "login", "--server", url(), "-u", "alice", "--password-stdin");
		assertThat(result.code).isEqualTo(2);
		assertThat(result.err).contains("HTTP 401").contains("wrong username or password");
		assertThat(home.resolve(".config/aims/config.json")).doesNotExist();
	}

	@Test
	void listsEveryPageWithTheStoredToken() throws IOException {
		Files.createDirectories(home.resolve(".config/aims"));
		Files.writeString(home.resolve(".config/aims/config.json"), "{\"server\":\"" + url() + "\",\"token\":\"aims_t\"}");
		answers.put("GET /api/v1/ai-systems?stage=OPERATING&limit=500", new Response(200,
				"{\"items\":[" + system("A") + "],\"next\":\"cursor1\"}"));
		answers.put("GET /api/v1/ai-systems?stage=OPERATING&limit=500&after=cursor1", new Response(200,
				"{\"items\":[" + system("B") + "],\"next\":null}"));
		Result result = run("", "systems", "list", "--stage", "OPERATING");
		assertThat(result.code).isZero();
		assertThat(result.out).contains("A").contains("B").contains("2 system(s)");
		assertThat(requests).allSatisfy(r -> assertThat(r).contains("Bearer aims_t"));
	}

	@Test
	void environmentVariablesOverrideTheStoredLoginAndMissingLoginIsExplained() {
		Result missing = run("", "systems", "list");
		assertThat(missing.code).isEqualTo(2);
		assertThat(missing.err).contains("not signed in");

		answers.put("GET /api/v1/ai-systems?limit=500", new Response(200, "{\"items\":[],\"next\":null}"));
		Result viaEnv = run(Map.of("AIMS_SERVER", url(), "AIMS_TOKEN", "aims_env"), "", "systems", "list", "--json");
		assertThat(viaEnv.code).isZero();
		assertThat(viaEnv.out.strip()).isEqualTo("[ ]");
		assertThat(requests).singleElement().asString().contains("Bearer aims_env");
	}

	@Test
	void importsALibraryFileAndReportsRefusals() throws IOException {
		Files.createDirectories(home.resolve(".config/aims"));
		Files.writeString(home.resolve(".config/aims/config.json"), "{\"server\":\"" + url() + "\",\"token\":\"aims_t\"}");
		Path library = home.resolve("rules.yaml");
		Files.writeString(library, "objects:\n  framework:\n    urn: urn:x\n");
		answers.put("POST /api/v1/frameworks", new Response(201, "{\"kind\":\"FRAMEWORK\",\"name\":\"House rules\",\"version\":1,"
				+ "\"nodes\":3,\"assessable\":2,\"controls\":2,\"links\":0,\"notes\":[\"a note\"]}"));
		Result result = run("", "frameworks", "import", library.toString());
		assertThat(result.code).isEqualTo(0);
		assertThat(result.out).contains("imported House rules (version 1): 3 nodes, 2 assessable, 2 controls").contains("note: a note");
		assertThat(requests).singleElement().asString().startsWith("POST /api/v1/frameworks Bearer aims_t objects:");

		answers.put("POST /api/v1/frameworks", new Response(400, "{\"status\":400,\"detail\":\"file: is not a readable YAML library\"}"));
		Result refused = run("", "frameworks", "import", library.toString());
		assertThat(refused.code).isEqualTo(2);
		assertThat(refused.err).contains("HTTP 400: file: is not a readable YAML library");
		Result missing = run("", "frameworks", "import", home.resolve("nope.yaml").toString());
		assertThat(missing.code).isEqualTo(2);
		assertThat(missing.err).contains("no file");
	}

	@Test
	void importingALibraryAgainIsNoErrorAndOtherConflictsAre() throws IOException {
		Files.createDirectories(home.resolve(".config/aims"));
		Files.writeString(home.resolve(".config/aims/config.json"), "{\"server\":\"" + url() + "\",\"token\":\"aims_t\"}");
		Path library = home.resolve("iso27001-2022.yaml");
		Files.writeString(library, "objects:\n  framework:\n    urn: urn:x\n");
		answers.put("POST /api/v1/frameworks", new Response(409, "{\"status\":409,\"detail\":\"version 3 of "
				+ "urn:intuitem:risk:framework:iso27001-2022 is in the catalog already; a newer version of the library can be imported beside it\"}"));
		Result again = run("", "frameworks", "import", library.toString());
		assertThat(again.code).as(again.err).isZero();
		assertThat(again.out).contains("iso27001-2022.yaml already imported as version 3");
		answers.put("POST /api/v1/frameworks", new Response(409, "{\"status\":409,\"detail\":\"the key 'iso42001-2023' is taken by "
				+ "ISO/IEC 42001:2023\"}"));
		Result taken = run("", "frameworks", "import", library.toString());
		assertThat(taken.code).isEqualTo(2);
		assertThat(taken.err).contains("HTTP 409").contains("is taken by");
	}

	@Test
	void theFrameworkListKeepsItsColumnsWithLongKeys() throws IOException {
		Files.createDirectories(home.resolve(".config/aims"));
		Files.writeString(home.resolve(".config/aims/config.json"), "{\"server\":\"" + url() + "\",\"token\":\"aims_t\"}");
		String longKey = "annex-nis2-regulation-2024-2690-with-technical-implementation-guidance-by-enisa";
		answers.put("GET /api/v1/frameworks?limit=500", new Response(200, "{\"items\":[" + framework("a-1", "iso27001-2022", "ISO 27001")
				+ "," + framework("b-2", longKey, "NIS2 guidance") + "],\"next\":null}"));
		Result result = run("", "frameworks", "list");
		assertThat(result.code).as(result.err).isZero();
		List<String> lines = result.out.lines().toList();
		assertThat(lines).hasSize(3);
		int name = lines.get(0).indexOf("NAME");
		assertThat(lines.get(1).indexOf("ISO 27001")).isEqualTo(name);
		assertThat(lines.get(2).indexOf("NIS2 guidance")).isEqualTo(name);
	}

	/** Every command and subcommand answers --help with its usage, exit 0. */
	@Test
	void everyCommandAnswersHelp() {
		List<List<String>> paths = new ArrayList<>();
		collect(Aims.commandLine(new Environment(Map.of(), home, new java.io.BufferedReader(new java.io.StringReader("")))),
				new ArrayList<>(), paths);
		assertThat(paths).hasSizeGreaterThan(8);
		for (List<String> path : paths) {
			List<String> args = new ArrayList<>(path);
			args.add("--help");
			Result result = run("", args.toArray(String[]::new));
			assertThat(result.code).as(String.join(" ", args) + ": " + result.err).isZero();
			assertThat(result.out).as(String.join(" ", args)).contains("Usage: aims");
		}
	}

	private static void collect(picocli.CommandLine line, List<String> path, List<List<String>> paths) {
		line.getSubcommands().forEach((name, sub) -> {
			if (name.equals("help")) {
				return;
			}
			List<String> next = new ArrayList<>(path);
			next.add(name);
			paths.add(next);
			collect(sub, next, paths);
		});
	}

	private static String framework(String id, String key, String name) {
		return "{\"id\":\"" + id + "\",\"key\":\"" + key + "\",\"version\":1,\"nodeCount\":10,\"controlCount\":5,\"name\":\"" + name + "\"}";
	}

	@Test
	void unreachableServersAndUnknownOptionsAreErrors() {
		Result unreachable = run(Map.of("AIMS_SERVER", "http://127.0.0.1:1", "AIMS_TOKEN", "x"), "", "systems", "list");
		assertThat(unreachable.code).isEqualTo(2);
		assertThat(unreachable.err).contains("cannot reach");
		assertThat(run("", "systems", "list", "--colour").code).isEqualTo(2);
		assertThat(run("", "--version").out).contains("aims");
	}

	private static String system(String name) {
		return "{\"id\":\"id-" + name + "\",\"name\":\"" + name
				+ "\",\"lifecycleStage\":\"OPERATING\",\"riskTier\":\"LOW\",\"owner\":\"alice\"}";
	}

	private String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
		requests.add(key + " " + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
		Response response = answers.getOrDefault(key, new Response(404, "{\"status\":404,\"detail\":\"no stub for " + key + "\"}"));
		byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(response.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	record Result(int code, String out, String err) {
	}

	private Result run(String stdin, String... args) {
		return run(Map.of(), stdin, args);
	}

	private Result run(Map<String, String> variables, String stdin, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Environment environment = new Environment(variables, home, new BufferedReader(new StringReader(stdin)));
		int code = Aims.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
		return new Result(code, out.toString(), err.toString());
	}
}
