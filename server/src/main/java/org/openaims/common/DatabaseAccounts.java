package org.openaims.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two database accounts on PostgreSQL: Flyway migrates as the schema's owner
 * ({@code AIMS_DB_MIGRATION_USER} / {@code AIMS_DB_MIGRATION_PASSWORD}), and the application connects
 * as {@code AIMS_DB_USER}, which after every migration is granted what it needs and no more: use of
 * the schema, SELECT/INSERT/UPDATE/DELETE on the registers, SELECT and INSERT only on the
 * {@link AppendOnlyTables}, no DDL, no TRUNCATE. With one account for both (a quick start) the
 * application owns its tables and the ledger is protected by triggers alone, which an owner can drop.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseAccounts {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAccounts.class);

	/**
	 * Database account settings ({@code aims.db.*}).
	 *
	 * @param migrationUser the account Flyway migrates with (the owner of the schema); blank: the application's own
	 * @param migrationPassword its password
	 */
	@ConfigurationProperties("aims.db")
	record Settings(String migrationUser, String migrationPassword) {

		boolean separate() {
			return migrationUser != null && !migrationUser.isBlank();
		}
	}

	@Bean
	FlywayConfigurationCustomizer migrationAccount(Settings settings, DataSourceProperties dataSource) {
		return configuration -> {
			if (settings.separate()) {
				configuration.dataSource(dataSource.determineUrl(), settings.migrationUser().strip(),
						settings.migrationPassword() == null ? "" : settings.migrationPassword());
			}
		};
	}

	@Bean
	Callback applicationGrants(Settings settings, DataSourceProperties dataSource, ObjectProvider<AppendOnlyTables> appendOnly) {
		return new Grants(settings, dataSource.determineUsername(), appendOnly);
	}

	/** Grants the application's role its privileges after every migration (PostgreSQL, separate accounts). */
	static final class Grants implements Callback {

		private final Settings settings;

		private final String applicationUser;

		private final ObjectProvider<AppendOnlyTables> appendOnly;

		Grants(Settings settings, String applicationUser, ObjectProvider<AppendOnlyTables> appendOnly) {
			this.settings = settings;
			this.applicationUser = applicationUser;
			this.appendOnly = appendOnly;
		}

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.AFTER_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			Connection connection = context.getConnection();
			try {
				if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
					return;
				}
				if (!settings.separate() || applicationUser == null
						|| applicationUser.equalsIgnoreCase(settings.migrationUser().strip())) {
					log.warn("The application connects to PostgreSQL as the owner of its tables: the ledger is protected by "
							+ "triggers only, which the owner can drop. Set AIMS_DB_MIGRATION_USER to the owner and AIMS_DB_USER "
							+ "to a role of its own (docs/SECURITY.md).");
					return;
				}
				String schema;
				try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT current_schema()")) {
					rs.next();
					schema = rs.getString(1);
				}
				Set<String> readAndAppend = new TreeSet<>();
				appendOnly.orderedStream().forEach(t -> readAndAppend.addAll(t.appendOnlyTables()));
				String role = quote(applicationUser);
				String in = quote(schema);
				List<String> statements = new java.util.ArrayList<>(List.of("GRANT USAGE ON SCHEMA " + in + " TO " + role,
						"REVOKE CREATE ON SCHEMA " + in + " FROM " + role,
						"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + in + " TO " + role,
						"REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA " + in + " FROM " + role,
						"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + in + " TO " + role,
						"REVOKE INSERT, UPDATE, DELETE ON " + in + ".flyway_schema_history FROM " + role));
				for (String table : readAndAppend) {
					statements.add("REVOKE UPDATE, DELETE, TRUNCATE ON " + in + "." + quote(table) + " FROM " + role);
				}
				try (Statement s = connection.createStatement()) {
					for (String sql : statements) {
						s.execute(sql);
					}
				}
				log.info("Granted the application's role {} its privileges in schema {}; append-only for it: {}", applicationUser,
						schema, readAndAppend);
			}
			catch (SQLException e) {
				throw new IllegalStateException("cannot grant the application's database role its privileges: " + e.getMessage(), e);
			}
		}

		@Override
		public String getCallbackName() {
			return "openaims-application-grants";
		}

		private static String quote(String identifier) {
			return "\"" + identifier.replace("\"", "\"\"") + "\"";
		}
	}
}
