package org.openaims;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

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
 * either way, so the whole suite runs unchanged on both.
 */
public final class TestDatabase implements ContextCustomizer {

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("aims.test.db"));
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		Map<String, Object> properties = new HashMap<>();
		if (postgres()) {
			String url = System.getProperty("aims.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
			properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
			properties.put("spring.datasource.username", System.getProperty("aims.test.db.user", "postgres"));
			properties.put("spring.datasource.password", System.getProperty("aims.test.db.password", ""));
			properties.put("spring.flyway.schemas", name);
			properties.put("spring.flyway.create-schemas", "true");
			context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
				@Override
				public void onApplicationEvent(ContextClosedEvent event) {
					drop(event, name);
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

	private static void drop(ContextClosedEvent event, String schema) {
		try (Connection connection = event.getApplicationContext().getBean(DataSource.class).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (Exception e) {
			// A leftover schema costs disk space only; .ci/run drops them before each run.
		}
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
