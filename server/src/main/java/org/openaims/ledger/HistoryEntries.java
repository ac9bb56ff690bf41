package org.openaims.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openaims.ledger.format.LedgerEntry;
import tools.jackson.databind.JsonNode;

/**
 * Turns a ledger entry into a line of history: field changes from the event's {@code changes}, the
 * initial values from {@code values}, other scalar fields as details.
 */
final class HistoryEntries {

	private static final Set<String> IDS = Set.of("aiSystemId", "vendorId", "userId", "tokenId", "scopeStatementId", "policyId", "objectiveId", "concernId");

	private HistoryEntries() {
	}

	static HistoryEntry of(LedgerEntry entry) {
		JsonNode payload = Ledger.parse(entry.payload());
		List<HistoryEntry.FieldDiff> fields = new ArrayList<>();
		List<HistoryEntry.Detail> details = new ArrayList<>();
		if (payload != null && payload.isObject()) {
			for (Map.Entry<String, JsonNode> property : payload.properties()) {
				String name = property.getKey();
				JsonNode value = property.getValue();
				if (name.equals("changes") && value.isObject()) {
					value.properties()
						.forEach(c -> fields.add(new HistoryEntry.FieldDiff(c.getKey(), text(c.getValue().get("from")),
								text(c.getValue().get("to")))));
				}
				else if (name.equals("values") && value.isObject()) {
					value.properties().forEach(v -> {
						if (!v.getValue().isNull()) {
							fields.add(new HistoryEntry.FieldDiff(v.getKey(), null, text(v.getValue())));
						}
					});
				}
				else if (!IDS.contains(name) && !value.isNull() && !value.isObject()) {
					details.add(new HistoryEntry.Detail(name, text(value)));
				}
			}
		}
		return new HistoryEntry(entry.seq(), entry.time(), entry.actor(), entry.actorToken() != null, entry.type(), fields,
				details);
	}

	static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach(v -> items.add(text(v)));
			return String.join(", ", items);
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}
}
