package org.openaims.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openaims.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Statement of Applicability's evidence text box goes: an upgrade turns what the newest version of
 * each statement said of each control into an evidence note linked to that control, and leaves the text
 * of older, approved versions as it was approved. Runs the real migrations on an empty database (H2) or
 * schema (PostgreSQL), stopping before the evidence migration to write a statement as an older release
 * would have.
 */
class SoaEvidenceMigrationTests {

	private final String schema = "migration_" + UUID.randomUUID().toString().substring(0, 8);

	private SingleConnectionDataSource dataSource;

	@AfterEach
	void dropSchema() {
		if (dataSource != null) {
			dataSource.destroy();
		}
		if (TestDatabase.postgres()) {
			TestDatabase.dropSchema(baseUrl(), schema);
		}
	}

	@Test
	void theNewestVersionsEvidenceTextBecomesANoteLinkedToItsControl() {
		String url = TestDatabase.postgres() ? baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema
				: "jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		String user = TestDatabase.postgres() ? TestDatabase.ownerUser() : "sa";
		String password = TestDatabase.postgres() ? TestDatabase.ownerPassword() : "";
		dataSource = new SingleConnectionDataSource(url, user, password, true);
		migrate("34");
		JdbcClient jdbc = JdbcClient.create(dataSource);

		UUID framework = UUID.randomUUID();
		jdbc.sql("INSERT INTO frameworks (id, urn, framework_key, name, library_version, source, node_count, assessable_count,"
				+ " control_count, content_sha256, imported_at, imported_by) VALUES (:id, 'urn:test:framework:old', 'old', 'Old', 1,"
				+ " 'BUILT_IN', 2, 2, 2, :sha, :at, 'system')")
			.param("id", framework).param("sha", "0".repeat(64)).param("at", Timestamp.from(Instant.now())).update();
		UUID soa = UUID.randomUUID();
		jdbc.sql("INSERT INTO soa_documents (id, framework_id, title, created_at, created_by) VALUES (:id, :f, 'SoA', :at, 'alice')")
			.param("id", soa).param("f", framework).param("at", Timestamp.from(Instant.now())).update();
		UUID approved = version(jdbc, soa, 1, "APPROVED");
		UUID draft = version(jdbc, soa, 2, "DRAFT");
		UUID logging = UUID.randomUUID();
		UUID testing = UUID.randomUUID();
		UUID excluded = UUID.randomUUID();
		entry(jdbc, approved, logging, "A.6.2.8", 0, "Old log retention note", "bob");
		entry(jdbc, approved, testing, "A.6.2.4", 1, "Old test report", null);
		entry(jdbc, draft, logging, "A.6.2.8", 0, "Logs kept 400 days, see SIEM dashboard https://siem.example.org/ai", "bob");
		entry(jdbc, draft, testing, "A.6.2.4", 1, "   ", null);
		entry(jdbc, draft, excluded, "A.10.4", 2, null, null);

		migrate(null);

		List<Map<String, Object>> notes = jdbc.sql("SELECT i.kind, i.title, i.description, i.owner, i.created_by, i.expires_on,"
				+ " l.target_type, l.target_id FROM evidence_items i JOIN evidence_links l ON l.evidence_id = i.id").query().listOfRows();
		assertThat(notes).hasSize(1);
		Map<String, Object> note = notes.get(0);
		assertThat(note.get("kind")).isEqualTo("NOTE");
		assertThat(note.get("title")).isEqualTo("Evidence noted in the Statement of Applicability for A.6.2.8");
		assertThat(note.get("description")).isEqualTo("Logs kept 400 days, see SIEM dashboard https://siem.example.org/ai");
		assertThat(note.get("owner")).isEqualTo("bob");
		assertThat(note.get("created_by")).isEqualTo("carol");
		assertThat(note.get("expires_on").toString()).isEqualTo("9999-12-31");
		assertThat(note.get("target_type")).isEqualTo("REQUIREMENT");
		assertThat(note.get("target_id")).isEqualTo(logging.toString());
		// The approved version keeps the text it was approved with.
		assertThat(jdbc.sql("SELECT evidence FROM soa_entries WHERE soa_version_id = :v AND requirement_id = :r").param("v", approved)
			.param("r", logging).query(String.class).single()).isEqualTo("Old log retention note");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_items").query(Long.class).single()).isEqualTo(1);
	}

	private void migrate(String target) {
		var configuration = Flyway.configure().dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/" + (TestDatabase.postgres() ? "postgresql" : "h2"));
		if (TestDatabase.postgres()) {
			configuration.schemas(schema).createSchemas(true);
		}
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

	private static UUID version(JdbcClient jdbc, UUID soa, int no, String status) {
		UUID id = UUID.randomUUID();
		Timestamp at = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO soa_versions (id, version, soa_id, version_no, status, created_at, created_by, updated_at, updated_by,"
				+ " review_status, review_authors) VALUES (:id, 1, :soa, :no, :status, :at, 'alice', :at, 'carol', :review, 'carol')")
			.param("id", id).param("soa", soa).param("no", no).param("status", status).param("at", at)
			.param("review", status.equals("APPROVED") ? "APPROVED" : "DRAFT")
			.update();
		return id;
	}

	private static void entry(JdbcClient jdbc, UUID version, UUID requirement, String ref, int position, String evidence, String owner) {
		jdbc.sql("INSERT INTO soa_entries (soa_version_id, requirement_id, ref_id, position, applicable, justification, status, owner,"
				+ " evidence) VALUES (:v, :r, :ref, :p, TRUE, 'needed', 'PLANNED', :owner, :evidence)")
			.param("v", version).param("r", requirement).param("ref", ref).param("p", position).param("owner", owner)
			.param("evidence", evidence)
			.update();
	}

	private static String baseUrl() {
		return System.getProperty("aims.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
	}
}
