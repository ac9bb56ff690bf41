package org.openaims;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test application context a database of its own: a fresh in-memory H2 database (PostgreSQL
 * mode) by default, or a fresh schema in the PostgreSQL database named by {@code aims.test.db.url}
 * when the suite runs with {@code -Ppostgres} ({@code aims.test.db=postgres}). Flyway builds the schema
 * either way, so the whole suite runs unchanged on both. On PostgreSQL it runs as in production:
 * Flyway migrates as the owner ({@code aims.test.db.user}) and the application connects as a role of
 * its own ({@value #APP_ROLE}), which holds only SELECT and INSERT on the ledger.
 */
public final class TestDatabase implements ContextCustomizer {

	/** The role the application connects as on PostgreSQL (created once, without a password: trust auth). */
	public static final String APP_ROLE = "aims_app";

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("aims.test.db"));
	}

	/** The owner account (PostgreSQL) that migrates; the application's own account on H2. */
	public static String ownerUser() {
		return System.getProperty("aims.test.db.user", "postgres");
	}

	public static String ownerPassword() {
		return System.getProperty("aims.test.db.password", "");
	}

	/** Database properties of a fresh schema {@code name}: the owner migrates, the application role connects. */
	public static Map<String, Object> postgresProperties(String name) {
		String url = System.getProperty("aims.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
		ensureAppRole(url);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
		properties.put("spring.datasource.username", APP_ROLE);
		properties.put("spring.datasource.password", "");
		properties.put("aims.db.migration-user", ownerUser());
		properties.put("aims.db.migration-password", ownerPassword());
		properties.put("spring.flyway.schemas", name);
		properties.put("spring.flyway.create-schemas", "true");
		return properties;
	}

	private static volatile boolean roleReady;

	private static synchronized void ensureAppRole(String url) {
		if (roleReady) {
			return;
		}
		try (Connection c = java.sql.DriverManager.getConnection(url, ownerUser(), ownerPassword());
				Statement s = c.createStatement()) {
			s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
					+ "CREATE ROLE " + APP_ROLE + " LOGIN; END IF; END $$");
			roleReady = true;
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("cannot create the test application role " + APP_ROLE + ": " + e.getMessage(), e);
		}
	}

	/** Drops a test schema as its owner. */
	public static void dropSchema(String url, String schema) {
		try (Connection c = java.sql.DriverManager.getConnection(url, ownerUser(), ownerPassword());
				Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (Exception e) {
			// A leftover schema costs disk space only; .ci/run drops them before each run.
		}
	}

	/**
	 * A client connected as the owner of the context's schema, for tests that play an attacker with
	 * the owner's rights (H2: the application's own connection).
	 */
	public static org.springframework.jdbc.core.simple.JdbcClient owner(org.springframework.context.ApplicationContext context) {
		if (!postgres()) {
			return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		}
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		org.springframework.jdbc.datasource.SingleConnectionDataSource owner = new org.springframework.jdbc.datasource.SingleConnectionDataSource(
				url, ownerUser(), ownerPassword(), true);
		return org.springframework.jdbc.core.simple.JdbcClient.create(owner);
	}

	/** A JDBC connection of the schema owner's to the context's database (PostgreSQL: the owner role). */
	public static Connection ownerConnection(org.springframework.context.ApplicationContext context) throws java.sql.SQLException {
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		return postgres() ? java.sql.DriverManager.getConnection(url, ownerUser(), ownerPassword())
				: java.sql.DriverManager.getConnection(url, "sa", "");
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		// -Daims.test.db.keep=<name> (benchmarks on PostgreSQL): use that schema and keep it after the run,
		// so a large seeded organization is made once.
		String kept = System.getProperty("aims.test.db.keep");
		boolean keep = postgres() && kept != null && kept.matches("[a-z][a-z0-9_]{0,40}");
		String name = keep ? kept : "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		Map<String, Object> properties = new HashMap<>();
		if (postgres()) {
			properties.putAll(postgresProperties(name));
			// The suite keeps up to a dozen contexts alive (Spring's context cache, see spring.properties)
			// on one PostgreSQL server with 100 connection slots: small pools that shrink while a context
			// sits idle in the cache (unless the test sets its own pool size).
			if (!context.getEnvironment().containsProperty("spring.datasource.hikari.maximum-pool-size")) {
				properties.put("spring.datasource.hikari.maximum-pool-size", "4");
			}
			properties.put("spring.datasource.hikari.minimum-idle", "1");
			properties.put("spring.datasource.hikari.idle-timeout", "10000");
			String url = (String) properties.get("spring.datasource.url");
			context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
				@Override
				public void onApplicationEvent(ContextClosedEvent event) {
					if (keep) {
						return;
					}
					dropSchema(url, name);
				}
			});
		}
		else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			properties.put("spring.datasource.username", "sa");
			properties.put("spring.datasource.password", "");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("aims-test-database", properties));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TestDatabase;
	}

	@Override
	public int hashCode() {
		return TestDatabase.class.hashCode();
	}

	/** Registered in {@code META-INF/spring.factories}. */
	static final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new TestDatabase();
		}
	}
}
