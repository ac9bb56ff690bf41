package org.openaims.evidence.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openaims.evidence.EvidenceDetails;
import org.openaims.evidence.EvidenceKind;
import org.openaims.evidence.EvidenceService;

/** Evidence details from form fields (a multipart upload or a page's form). */
final class EvidenceForms {

	private EvidenceForms() {
	}

	static EvidenceDetails details(EvidenceKind kind, String title, String description, String owner, String url, String record,
			LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate receivedOn, LocalDate validUntil, List<String> requirements,
			List<UUID> aiSystemIds, List<String> records, Long version) {
		return new EvidenceDetails(kind, title, description, owner, blankToNull(url),
				blankToNull(record) == null ? null : EvidenceService.parseRecord("record", record), effectiveFrom, effectiveTo, receivedOn,
				validUntil, clean(requirements), aiSystemIds, clean(records) == null ? null
						: clean(records).stream().map(r -> EvidenceService.parseRecord("records", r)).toList(),
				version);
	}

	/** The non-blank entries; a text field may hold several separated by commas or new lines. */
	static List<String> clean(List<String> values) {
		if (values == null) {
			return null;
		}
		return values.stream()
			.filter(v -> v != null)
			.flatMap(v -> java.util.Arrays.stream(v.split("[,\\n]")))
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.distinct()
			.toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
