package org.openaims;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several application instances ("nodes") on one database, each with its own connection pool,
 * HTTP port and schedulers: a fresh PostgreSQL schema with {@code -Ppostgres}, else a shared
 * in-memory H2 database.
 */
public final class TestNodes implements AutoCloseable {

	private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

	private final Map<String, Object> database = new HashMap<>();

	public TestNodes() {
		if (TestDatabase.postgres()) {
			database.putAll(TestDatabase.postgresProperties(schema));
		}
		else {
			database.put("spring.datasource.url", "jdbc:h2:mem:" + schema
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			database.put("spring.datasource.username", "sa");
			database.put("spring.datasource.password", "");
		}
	}

	/** Starts a node; only the first one migrates the schema. */
	public ConfigurableApplicationContext start(boolean migrate, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("spring.flyway.enabled", migrate);
		properties.put("aims.ledger.auto-checkpoint", false);
		properties.put("aims.demo-data", false);
		properties.put("aims.data-dir", "target/test-data");
		properties.put("spring.main.banner-mode", "off");
		properties.put("server.port", 0);
		properties.putAll(extra);
		// As command-line arguments, so they win over application.yml (builder properties are only defaults).
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(OpenAims.class).web(WebApplicationType.SERVLET).run(args);
	}

	public ConfigurableApplicationContext start(boolean migrate) {
		return start(migrate, Map.of());
	}

	/** A client connected as the owner of the nodes' schema (an attacker with the owner's rights). */
	public static org.springframework.jdbc.core.simple.JdbcClient owner(ConfigurableApplicationContext node) {
		return TestDatabase.owner(node);
	}

	/** The HTTP port a started node listens on. */
	public static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	@Override
	public void close() throws Exception {
		if (TestDatabase.postgres()) {
			TestDatabase.dropSchema((String) database.get("spring.datasource.url"), schema);
		}
	}
}
