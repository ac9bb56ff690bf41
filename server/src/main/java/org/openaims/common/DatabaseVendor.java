package org.openaims.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, for the few queries written differently on PostgreSQL and
 * H2 (e.g. an optimization fence PostgreSQL has and H2 does not). Read once, from the first connection.
 */
@Component
public class DatabaseVendor {

	private final DataSource dataSource;

	private volatile Boolean postgres;

	DatabaseVendor(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			try (Connection connection = dataSource.getConnection()) {
				known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			}
			catch (SQLException e) {
				throw new IllegalStateException("cannot read which database this is", e);
			}
			postgres = known;
		}
		return known;
	}
}
