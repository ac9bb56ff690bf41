package org.openaims;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged server ({@code target/openaims-server.jar}) started as a separate process, the way the
 * README tells users to run it: embedded H2 under a fresh data directory, or, when the suite runs on
 * PostgreSQL, a fresh schema configured through {@code AIMS_DB_URL}.
 */
public final class RunningJar implements AutoCloseable {

	public static final String ADMIN_PASSWORD = "integration-ops-passphrase";

	public final int port;

	public final Path dataDir;

	public final Path log;

	public final Duration startup;

	private final Process process;

	private final String schema;

	private RunningJar(int port, Path dataDir, Path log, Duration startup, Process process, String schema) {
		this.port = port;
		this.dataDir = dataDir;
		this.log = log;
		this.startup = startup;
		this.process = process;
		this.schema = schema;
	}

	private Map<String, String> environment;

	/** Starts the jar with demo data and waits until it reports healthy (at most 90 s). */
	public static RunningJar start(Map<String, String> extraEnvironment) throws Exception {
		String schema = TestDatabase.postgres() ? "jar_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) : null;
		if (schema != null) {
			try (Connection c = postgres(); Statement s = c.createStatement()) {
				s.execute("CREATE SCHEMA " + schema);
			}
		}
		return start(extraEnvironment, Files.createTempDirectory("aims-it-"), schema);
	}

	/** Starts the jar again on the same data directory and database, after {@link #kill}. */
	public RunningJar restart() throws Exception {
		return start(environment, dataDir, schema);
	}

	/** Kills the server without warning (SIGKILL, as {@code kill -9}): no shutdown hook, nothing flushed. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/** A JDBC connection to this server's database (H2 only when the server is not running). */
	public Connection connect() throws Exception {
		if (schema != null) {
			Connection c = postgres();
			try (Statement s = c.createStatement()) {
				s.execute("SET search_path TO " + schema);
			}
			return c;
		}
		return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("aims")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
	}

	private static RunningJar start(Map<String, String> extraEnvironment, Path dataDir, String schema) throws Exception {
		Path jar = Path.of("target", "openaims-server.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("build the jar first (mvn package): " + jar.toAbsolutePath());
		}
		int port = freePort();
		Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("AIMS_DATA_DIR", dataDir.toString());
		env.put("AIMS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
		if (schema != null) {
			String url = System.getProperty("aims.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
			Map<String, Object> database = TestDatabase.postgresProperties(schema);
			env.put("AIMS_DB_URL", (String) database.get("spring.datasource.url"));
			env.put("AIMS_DB_USER", TestDatabase.APP_ROLE);
			env.put("AIMS_DB_PASSWORD", "");
			env.put("AIMS_DB_MIGRATION_USER", TestDatabase.ownerUser());
			env.put("AIMS_DB_MIGRATION_PASSWORD", TestDatabase.ownerPassword());
		}
		env.putAll(extraEnvironment);
		long started = System.nanoTime();
		Process process = builder.start();
		RunningJar jar2 = new RunningJar(port, dataDir, log, null, process, schema);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = started + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(jar2.url("/actuator/health"))).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					RunningJar running = new RunningJar(port, dataDir, log, Duration.ofNanos(System.nanoTime() - started), process, schema);
					running.environment = Map.copyOf(extraEnvironment);
					return running;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		jar2.close();
		throw new IllegalStateException("the server did not become healthy within 90 s:\n" + Files.readString(log));
	}

	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	public String logText() throws IOException {
		return Files.readString(log);
	}

	/** The server's PID. */
	public long pid() {
		return process.pid();
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
		if (schema != null) {
			try (Connection c = postgres(); Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

	private static Connection postgres() throws Exception {
		return DriverManager.getConnection(System.getProperty("aims.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test"),
				System.getProperty("aims.test.db.user", "postgres"), System.getProperty("aims.test.db.password", ""));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
