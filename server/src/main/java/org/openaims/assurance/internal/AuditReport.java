package org.openaims.assurance.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.approvals.ReviewStatus;
import org.openaims.assurance.AuditItemView;
import org.openaims.assurance.AuditResult;
import org.openaims.assurance.AuditView;
import org.openaims.assurance.NonconformitySummary;
import org.openaims.common.PdfDocuments;

/**
 * The internal audit report (9.2.2): programme, scope, criteria, method, team, audited period, the
 * results counted and item by item, the nonconformities raised, and every independence exception
 * asked for — approved or not.
 */
public final class AuditReport {

	private AuditReport() {
	}

	public static void render(AuditView a, Map<UUID, NonconformitySummary> nonconformities, OutputStream out) {
		Xhtml x = new Xhtml("Internal audit report: " + a.title());
		if (a.reportIssuedAt() == null) {
			x.p("draft", "DRAFT — not issued: " + a.open() + " of " + a.items().size() + " checklist items have no result yet.");
		}
		else {
			x.p("Issued " + a.reportIssuedAt() + " by " + a.reportIssuedBy() + ".");
		}
		x.field("Audit programme", a.programmeTitle())
			.field("Planned", a.plannedStart() + " to " + a.plannedEnd())
			.field("Audited period", a.auditedFrom() + " to " + a.auditedTo())
			.field("Scope: clauses", a.clauses().isEmpty() ? null : String.join(", ", a.clauses()))
			.field("Scope: Annex A controls", a.controls().isEmpty() ? null : String.join(", ", a.controls()))
			.field("Scope: AI systems", a.aiSystemIds().size())
			.field("Scope: processes", a.processes().isEmpty() ? null : String.join(", ", a.processes()))
			.field("Criteria", a.criteria())
			.field("Method", a.method())
			.field("Lead auditor", a.leadAuditor())
			.field("Team", a.team().isEmpty() ? null : String.join(", ", a.team()));
		x.h2("Results");
		List<List<String>> counts = new ArrayList<>();
		for (AuditResult r : AuditResult.values()) {
			counts.add(List.of(words(r), String.valueOf(a.results().getOrDefault(r, 0L))));
		}
		x.table(List.of("Result", "Items"), counts);
		x.h2("Checklist");
		List<List<String>> rows = new ArrayList<>();
		for (AuditItemView i : a.items()) {
			rows.add(List.of(String.valueOf(i.index() + 1), i.title(), i.auditor() == null ? "" : i.auditor(), i.result() == null ? "(open)" : words(i.result()),
					(i.notes() == null ? "" : i.notes()) + (i.sampled() == null ? "" : " Sampled: " + i.sampled())));
		}
		x.table(List.of("#", "Item", "Auditor", "Result", "Notes and records sampled"), rows);
		x.h2("Nonconformities raised");
		if (nonconformities.isEmpty()) {
			x.p("None.");
		}
		else {
			x.table(List.of("Nonconformity", "Severity", "Requirement", "Owner", "Status"), nonconformities.values().stream()
				.map(n -> List.of(n.title(), n.severity().name(), n.requirementRef() == null ? "" : n.requirementRef(), n.owner(), n.status().name()))
				.toList());
		}
		x.h2("Independence exceptions");
		if (a.exceptions().isEmpty()) {
			x.p("None: every item was audited by someone independent of it.");
		}
		else {
			x.table(List.of("Item", "Auditor", "Conflict", "Justification", "Approval"), a.exceptions().stream()
				.map(e -> List.of((e.itemIndex() + 1) + ". " + e.itemTitle(), e.auditor(), e.conflict(), e.justification(),
						e.reviewStatus() == ReviewStatus.APPROVED ? "approved" : e.reviewStatus().name().toLowerCase()))
				.toList());
		}
		PdfDocuments.render(x.done(), out);
	}

	private static String words(Enum<?> e) {
		return e.name().toLowerCase().replace('_', ' ');
	}
}
