package org.openaims.inventory.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.common.csv.CsvProblem;
import org.openaims.common.csv.CsvRow;
import org.openaims.inventory.DueDiligenceStatus;
import org.openaims.inventory.VendorDetails;
import org.openaims.inventory.VendorView;

/** The CSV layout of the vendor register; {@code supplied_systems} is written for reading and ignored on import. */
public final class VendorCsv {

	private static final Map<String, String> FIELDS = Map.of("id", "id", "name", "name", "services", "services",
			"contract_reference", "contractReference", "due_diligence_status", "dueDiligenceStatus",
			"next_review_date", "nextReviewDate");

	public static final List<String> HEADER = List.of("id", "name", "services", "contract_reference",
			"due_diligence_status", "next_review_date", "supplied_systems", "retired_at");

	public static final Set<String> ALLOWED = new LinkedHashSet<>(HEADER);

	public static final Set<String> REQUIRED = Set.of("name", "due_diligence_status");

	private VendorCsv() {
	}

	/** One parsed data row: the id (null for a new vendor) and the details. */
	public record Parsed(int row, UUID id, VendorDetails details) {
	}

	public static List<?> row(VendorView v) {
		return Arrays.asList(v.id(), v.name(), v.services(), v.contractReference(), v.dueDiligenceStatus(),
				v.nextReviewDate(), v.suppliedSystemCount(), v.retiredAt());
	}

	public static Parsed parse(CsvRow row, List<CsvProblem> problems) {
		CsvCells cells = new CsvCells(row, problems);
		VendorDetails details = new VendorDetails(cells.text("name"), cells.text("services"),
				cells.text("contract_reference"), cells.enumValue("due_diligence_status", DueDiligenceStatus.class),
				cells.date("next_review_date"), null);
		return new Parsed(row.row(), cells.uuid("id"), details);
	}

	public static String column(String field) {
		return FIELDS.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey).findFirst().orElse(field);
	}
}
