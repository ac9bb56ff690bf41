package org.openaims.evidence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.evidence.CompetenceArea;
import org.openaims.evidence.CompetenceChanged;
import org.openaims.evidence.CompetenceDetails;
import org.openaims.evidence.CompetenceRecorded;
import org.openaims.evidence.CompetenceView;
import org.openaims.evidence.EvidenceSummary;
import org.openaims.evidence.Validity;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** A competence record (7.2, A.4.6) of one person for one AIMS role or responsibility. */
@Table("competences")
public class Competence extends AbstractAggregateRoot<Competence> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private String person;

	private CompetenceArea area;

	private String roleDetail;

	private String competence;

	private UUID evidenceId;

	private LocalDate validUntil;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	Competence() {
	}

	public static Competence record(CompetenceDetails details, Actor actor) {
		Competence c = new Competence();
		c.id = UUID.randomUUID();
		c.apply(details);
		c.createdAt = Instant.now();
		c.createdBy = actor.username();
		c.updatedAt = c.createdAt;
		c.updatedBy = actor.username();
		c.registerEvent(new CompetenceRecorded(c.id, c.person, c.snapshot(), Stamp.of(actor)));
		return c;
	}

	public void change(CompetenceDetails details, Actor actor) {
		if (details.version() != null && !details.version().equals(version)) {
			throw new ConflictException("the competence record of " + person + " was changed meanwhile; reload and apply your change again");
		}
		Map<String, Object> before = snapshot();
		apply(details);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (!changes.isEmpty()) {
			updatedAt = Instant.now();
			updatedBy = actor.username();
			registerEvent(new CompetenceChanged(id, person, changes, Stamp.of(actor)));
		}
	}

	private void apply(CompetenceDetails d) {
		person = d.person().strip();
		area = d.area();
		roleDetail = d.roleDetail() == null || d.roleDetail().isBlank() ? null : d.roleDetail().strip();
		competence = d.competence().strip();
		evidenceId = d.evidenceId();
		validUntil = d.validUntil();
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("person", person);
		values.put("area", area.name());
		values.put("roleDetail", roleDetail);
		values.put("competence", competence);
		values.put("evidenceId", evidenceId == null ? null : evidenceId.toString());
		values.put("validUntil", validUntil == null ? null : validUntil.toString());
		return values;
	}

	public UUID id() {
		return id;
	}

	public UUID evidenceId() {
		return evidenceId;
	}

	public String person() {
		return person;
	}

	public CompetenceArea area() {
		return area;
	}

	/** The view, given the summary of its evidence (null without one). */
	public CompetenceView view(EvidenceSummary evidence, LocalDate today) {
		Validity validity = Validity.of(validUntil, today);
		String problem = null;
		if (!validity.current()) {
			problem = "the record expired on " + validUntil;
		}
		else if (evidence == null) {
			problem = "no evidence of the competence is attached";
		}
		else if (!evidence.validity().current()) {
			problem = "its evidence '" + evidence.title() + "' expired on " + evidence.validUntil();
		}
		return new CompetenceView(id, person, area, roleDetail, competence, evidence, validUntil, validity, problem == null, problem,
				createdAt, createdBy, updatedAt, updatedBy, version == null ? 0 : version);
	}
}
