package org.openaims.risk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.openaims.risk.ControlRef;
import org.openaims.risk.RiskView;

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

	/** One risk as a row of {@link #header()}. */
	public List<?> row(RiskView r) {
		return rows(List.of(r)).get(0);
	}

	/** One risk as a row of {@link #pdfHeader()}. */
	public List<?> pdfRow(RiskView r) {
		List<?> all = row(r);
		return PDF_COLUMNS.stream().map(all::get).toList();
	}

	private static List<List<?>> rows(List<RiskView> risks) {
		List<List<?>> rows = new ArrayList<>();
		for (RiskView r : risks) {
			rows.add(Arrays.asList(r.ref(), r.title(), r.about().aiSystemName() == null ? "organization" : r.about().aiSystemName(), r.about().categoryName(),
					r.about().owner(), r.status(), r.assessment().criteriaVersionNo(), score(r.assessment().inherent()), r.assessment().inherent().levelName(), r.plan().treatmentOption(),
					r.plan().actions().stream().map(a -> a.title() + " (" + a.status() + ", due " + a.dueDate() + ")").collect(Collectors.joining("; ")),
					r.plan().actions().stream().flatMap(a -> a.controls().stream()).map(ControlRef::refId).distinct().collect(Collectors.joining("; ")),
					score(r.assessment().target()), score(r.assessment().residual()), r.assessment().residual() == null ? null : r.assessment().residual().levelName(), r.acceptance().acceptedBy(),
					r.acceptance().acceptedAt(), r.schedule().reassessmentDue(), r.schedule().reviewDate()));
		}
		return rows;
	}

	private static String score(RiskView.Score s) {
		return s == null ? null : "L" + s.likelihood() + " × I" + s.impact();
	}
}
