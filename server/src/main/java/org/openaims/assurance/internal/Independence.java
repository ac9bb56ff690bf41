package org.openaims.assurance.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.assurance.ScopeKind;
import org.openaims.compliance.ControlImplementation;
import org.openaims.evidence.EvidenceService;
import org.openaims.governance.Assignment;
import org.openaims.governance.RaciLetter;
import org.openaims.governance.RaciSubjectType;
import org.openaims.governance.ResponsibilityService;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.ledger.Ledger;

import org.springframework.stereotype.Component;

/**
 * Auditor independence (9.2.2): nobody audits an item about an AI system, control, clause or process
 * that they own (the system's owner, the control's owner in the Statement of Applicability), are
 * Accountable or Responsible for by name in its RACI, or whose records under that item they wrote in
 * the audited period (the ledger's entries of the system, or of the evidence linked to the
 * requirement). RACI lines naming a role rather than a person do not make its holders dependent.
 */
@Component
public class Independence {

	private final AiSystemService systems;

	private final ResponsibilityService responsibilities;

	private final Checklists checklists;

	private final EvidenceService evidence;

	private final Ledger ledger;

	Independence(AiSystemService systems, ResponsibilityService responsibilities, Checklists checklists, EvidenceService evidence, Ledger ledger) {
		this.systems = systems;
		this.responsibilities = responsibilities;
		this.checklists = checklists;
		this.evidence = evidence;
		this.ledger = ledger;
	}

	/** Why {@code username} is not independent of the item, in words; empty when they are. */
	public List<String> conflicts(Audit audit, AuditItem item, String username) {
		List<String> conflicts = new ArrayList<>();
		Instant from = audit.auditedFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = audit.auditedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		switch (item.subjectType()) {
			case AI_SYSTEM -> {
				AiSystemView system = systems.get(UUID.fromString(item.subjectRef()));
				if (username.equals(system.owner())) {
					conflicts.add(username + " owns the AI system " + system.name());
				}
				raci(RaciSubjectType.AI_SYSTEM, item.subjectRef(), "the AI system " + system.name(), username, conflicts);
				authored("ai-system", List.of(item.subjectRef()), from, to, username, "records of the AI system " + system.name(), conflicts);
			}
			case CONTROL, CLAUSE -> {
				if (item.requirementId() != null && item.subjectType() == ScopeKind.CONTROL) {
					ControlImplementation implementation = checklists.implementations().get(item.requirementId());
					if (implementation != null && username.equals(implementation.owner())) {
						conflicts.add(username + " owns control " + item.subjectRef() + " in the Statement of Applicability");
					}
				}
				raci(RaciSubjectType.CONTROL, item.subjectRef(), item.subjectRef(), username, conflicts);
				if (item.requirementId() != null) {
					List<String> linked = evidence.forRequirements(List.of(item.requirementId())).getOrDefault(item.requirementId(), List.of())
						.stream().map(e -> e.id().toString()).toList();
					authored("evidence", linked, from, to, username, "evidence linked to " + item.subjectRef(), conflicts);
				}
			}
			case PROCESS -> raci(RaciSubjectType.PROCESS, item.subjectRef(), "the process '" + item.subjectRef() + "'", username, conflicts);
		}
		return conflicts;
	}

	private void raci(RaciSubjectType type, String ref, String what, String username, List<String> conflicts) {
		for (Assignment a : responsibilities.of(type, ref).assignments()) {
			if (a.assigneeType() == Assignment.AssigneeType.USER && a.assignee().equals(username)
					&& (a.letter() == RaciLetter.A || a.letter() == RaciLetter.R)) {
				conflicts.add(username + " is " + (a.letter() == RaciLetter.A ? "Accountable" : "Responsible") + " for " + what + " (RACI)");
			}
		}
	}

	private void authored(String subjectType, List<String> ids, Instant from, Instant to, String username, String what, List<String> conflicts) {
		Map<String, Set<String>> authors = ledger.authors(subjectType, ids, from, to);
		long written = authors.values().stream().filter(s -> s.contains(username)).count();
		if (written > 0) {
			conflicts.add(username + " wrote " + what + " in the audited period (" + written + " record" + (written == 1 ? "" : "s") + ")");
		}
	}
}
