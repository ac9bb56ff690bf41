package org.openaims.inventory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openaims.common.csv.CsvProblem;
import org.openaims.common.csv.CsvRow;
import org.openaims.inventory.AiRole;
import org.openaims.inventory.AiSystemDetails;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.EuAiActClass;
import org.openaims.inventory.LifecycleStage;
import org.openaims.inventory.RiskTier;
import org.openaims.inventory.internal.VendorQueries.VendorRef;

/**
 * The CSV layout of the AI system register. The vendor is written by name so a file moves between
 * installations; {@code latest_version} and {@code updated_at} are written for reading and ignored on
 * import.
 */
public final class AiSystemCsv {

	/** Field of {@link AiSystemDetails} by CSV column. */
	private static final Map<String, String> FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("id", "id");
		FIELDS.put("name", "name");
		FIELDS.put("description", "description");
		FIELDS.put("intended_purpose", "intendedPurpose");
		FIELDS.put("organization_roles", "organizationRoles");
		FIELDS.put("lifecycle_stage", "lifecycleStage");
		FIELDS.put("risk_tier", "riskTier");
		FIELDS.put("eu_ai_act_class", "euAiActClass");
		FIELDS.put("owner", "owner");
		FIELDS.put("business_unit", "businessUnit");
		FIELDS.put("vendor", "vendorId");
		FIELDS.put("personal_data", "personalData");
		FIELDS.put("personal_data_categories", "personalDataCategories");
		FIELDS.put("affected_parties", "affectedParties");
		FIELDS.put("data_resources", "dataResources");
		FIELDS.put("in_scope", "inScope");
		FIELDS.put("scope_justification", "scopeJustification");
	}

	private static final List<String> EXPORT_ONLY = List.of("latest_version", "updated_at");

	public static final List<String> HEADER = concat(new ArrayList<>(FIELDS.keySet()), EXPORT_ONLY);

	public static final Set<String> ALLOWED = new LinkedHashSet<>(HEADER);

	public static final Set<String> REQUIRED = Set.of("name", "intended_purpose", "organization_roles",
			"lifecycle_stage", "risk_tier", "owner");

	private AiSystemCsv() {
	}

	/** One parsed data row: the id (null for a new system) and the details. */
	public record Parsed(int row, UUID id, AiSystemDetails details) {
	}

	public static List<?> row(AiSystemView s) {
		return Arrays.asList(s.id(), s.name(), s.description(), s.intendedPurpose(),
				String.join(";", new TreeSet<>(s.organizationRoles().stream().map(Enum::name).toList())),
				s.lifecycleStage(), s.riskTier(), s.euAiActClass(), s.owner(), s.businessUnit(), s.vendorName(),
				s.personalData(), s.personalDataCategories(), s.affectedParties(), s.dataResources(), s.inScope(),
				s.scopeJustification(), s.latestVersion(), s.updatedAt());
	}

	/** Parses a row; cells that do not parse add problems and the row is returned anyway (for more checks). */
	public static Parsed parse(CsvRow row, Map<String, VendorRef> vendorsByLowerName, List<CsvProblem> problems) {
		CsvCells cells = new CsvCells(row, problems);
		UUID vendorId = null;
		String vendorName = cells.text("vendor");
		if (vendorName != null) {
			VendorRef vendor = vendorsByLowerName.get(vendorName.strip().toLowerCase(Locale.ROOT));
			if (vendor == null) {
				cells.problem("vendor", "no vendor is named '" + vendorName + "'");
			}
			else {
				vendorId = vendor.id();
			}
		}
		AiSystemDetails details = new AiSystemDetails(cells.text("name"), cells.text("description"),
				cells.text("intended_purpose"), cells.enumSet("organization_roles", AiRole.class),
				cells.enumValue("lifecycle_stage", LifecycleStage.class), cells.enumValue("risk_tier", RiskTier.class),
				cells.enumValue("eu_ai_act_class", EuAiActClass.class), cells.text("owner"), cells.text("business_unit"),
				vendorId, cells.bool("personal_data"), cells.text("personal_data_categories"),
				cells.text("affected_parties"), cells.text("data_resources"), cells.bool("in_scope"),
				cells.text("scope_justification"), null);
		return new Parsed(row.row(), cells.uuid("id"), details);
	}

	/** The CSV column of a field of {@link AiSystemDetails}. */
	public static String column(String field) {
		String base = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
		return FIELDS.entrySet().stream().filter(e -> e.getValue().equals(base)).map(Map.Entry::getKey).findFirst().orElse(base);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		a.addAll(b);
		return List.copyOf(a);
	}
}
