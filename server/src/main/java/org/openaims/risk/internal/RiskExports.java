package org.openaims.risk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;


import org.springframework.stereotype.Component;

/** The risk register as CSV, an Excel workbook or a PDF, one line per risk with its scores, treatment and acceptance. */
@Component
public class RiskExports {

	private static final List<Integer> PDF_COLUMNS = List.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 13, 14, 15, 18);

	private static final List<String> HEADER = List.of("ref", "title", "ai_system", "category", "owner", "status", "criteria_version",
			"inherent", "inherent_level", "treatment", "actions", "controls", "target", "residual", "residual_level", "accepted_by",
			"accepted_at", "reassessment_due", "review_date");

	/** The columns of the CSV and XLSX exports. */
	public List<String> header() {
		return HEADER;
	}

	/** The columns a PDF shows (a page is narrower than a spreadsheet). */
	public List<String> pdfHeader() {
		return PDF_COLUMNS.stream().map(HEADER::get).toList();
	}

	/** What an export row names: looked up by the caller once per export or batch. */
	public interface Names {

		String system(UUID aiSystemId);

		String category(String key);

		int criteriaVersionNo(UUID criteriaId);

		String level(UUID criteriaId, String levelKey);

		/** The references of the controls, ordered by framework and reference (unknown ones left out). */
		List<String> controlRefs(List<UUID> requirementIds);
	}

	/** One risk as a row of {@link #header()}. */
	public List<?> row(RiskQueries.ExportRow r, Names names) {
		List<String> actions = new ArrayList<>();
		LinkedHashSet<String> refs = new LinkedHashSet<>();
		for (RiskQueries.ExportAction a : r.actions()) {
			actions.add(a.title() + " (" + a.status() + ", due " + a.dueDate() + ")");
			refs.addAll(names.controlRefs(a.requirements()));
		}
		return Arrays.asList("RISK-" + r.refNo(), r.title(), r.aiSystemId() == null ? "organization" : names.system(r.aiSystemId()),
				names.category(r.category()), r.owner(), r.status(), names.criteriaVersionNo(r.criteriaId()),
				score(r.inherentLikelihood(), r.inherentImpact()), names.level(r.criteriaId(), r.inherentLevel()), r.treatmentOption(),
				String.join("; ", actions), String.join("; ", refs),
				r.targetLikelihood() == null ? null : score(r.targetLikelihood(), r.targetImpact()),
				r.residualLikelihood() == null ? null : score(r.residualLikelihood(), r.residualImpact()),
				r.residualLevel() == null ? null : names.level(r.residualCriteriaId(), r.residualLevel()), r.acceptedBy(), r.acceptedAt(),
				r.reassessmentDue(), r.reviewDate());
	}

	/** The columns of a {@link #header()} row that a PDF shows. */
	public List<?> pdfColumns(List<?> all) {
		return PDF_COLUMNS.stream().map(all::get).toList();
	}

	private static String score(int likelihood, int impact) {
		return "L" + likelihood + " × I" + impact;
	}
}
