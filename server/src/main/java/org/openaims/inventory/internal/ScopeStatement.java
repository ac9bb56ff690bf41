package org.openaims.inventory.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.common.FieldChange;
import org.openaims.inventory.ScopeStatementDetails;
import org.openaims.inventory.ScopeStatementRevised;
import org.openaims.inventory.ScopeStatementView;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of the AIMS scope statement (4.3, mandatory documented information). Versions are
 * never changed: each save is a new version numbered one above the latest.
 */
@Table("scope_statements")
public class ScopeStatement extends AbstractAggregateRoot<ScopeStatement> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private int versionNo;

	private String boundaries;

	private String inclusionCriteria;

	@MappedCollection(idColumn = "scope_statement_id", keyColumn = "list_index")
	private List<ScopeExclusion> exclusions;

	private String changeNote;

	private Instant createdAt;

	private String createdBy;

	ScopeStatement() {
	}

	/** The version following {@code previous} (null for the first). */
	public static ScopeStatement revise(ScopeStatement previous, ScopeStatementDetails details, Actor actor) {
		ScopeStatement next = new ScopeStatement();
		next.id = UUID.randomUUID();
		next.versionNo = previous == null ? 1 : previous.versionNo + 1;
		next.boundaries = details.boundaries().strip();
		next.inclusionCriteria = details.inclusionCriteria().strip();
		next.exclusions = details.exclusionList()
			.stream()
			.map(e -> new ScopeExclusion(e.subject().strip(), e.justification().strip()))
			.toList();
		next.changeNote = details.changeNote() == null || details.changeNote().isBlank() ? null
				: details.changeNote().strip();
		next.createdAt = Instant.now();
		next.createdBy = actor.username();
		Map<String, FieldChange> changes = FieldChange.diff(previous == null ? Map.of() : previous.snapshot(),
				next.snapshot());
		next.registerEvent(new ScopeStatementRevised(next.id, next.versionNo, next.changeNote, changes, Stamp.of(actor)));
		return next;
	}

	/** Whether {@code details} says the same as this version (saving it would add nothing). */
	public boolean sameAs(ScopeStatementDetails details) {
		return snapshot().equals(revise(null, details, Actor.SYSTEM).snapshot());
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("boundaries", boundaries);
		values.put("inclusionCriteria", inclusionCriteria);
		values.put("exclusions", exclusions.stream().map(e -> e.subject() + ": " + e.justification()).toList());
		return values;
	}

	public int versionNo() {
		return versionNo;
	}

	public ScopeStatementView view(boolean current) {
		return new ScopeStatementView(id, versionNo, boundaries, inclusionCriteria,
				exclusions.stream().map(e -> new ScopeStatementDetails.Exclusion(e.subject(), e.justification())).toList(),
				changeNote, createdAt, createdBy, current, null, null);
	}
}
