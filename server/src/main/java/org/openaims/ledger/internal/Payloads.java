package org.openaims.ledger.internal;

import java.util.Map;
import java.util.TreeMap;

import org.openaims.common.Audited;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payload the ledger keeps of an event: its fields as JSON with every object's keys sorted and no
 * white space, without the stamp (whose id, time and actor the entry records itself).
 */
final class Payloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Payloads() {
	}

	static String of(Audited event) {
		ObjectNode tree = JSON.valueToTree(event);
		tree.remove("stamp");
		return JSON.writeValueAsString(sorted(tree));
	}

	/** A copy of {@code node} with the keys of every object in sorted order. */
	static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach(p -> fields.put(p.getKey(), sorted(p.getValue())));
			ObjectNode copy = JSON.createObjectNode();
			fields.forEach(copy::set);
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JSON.createArrayNode();
			node.forEach(item -> copy.add(sorted(item)));
			return copy;
		}
		return node;
	}
}
