package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.common.Actor;
import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.identity.Role;
import org.openaims.identity.UserCreated;
import org.openaims.inventory.AiSystemChanged;
import org.openaims.inventory.AiSystemVersionAdded;
import org.openaims.inventory.ScopeStatementRevised;
import org.openaims.ledger.LedgerTestSupport.Something;
import org.openaims.ledger.internal.Payloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Payloads are compact JSON with every object's keys sorted and without the stamp. */
class PayloadsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void keysAreSortedAtEveryLevelAndTheStampIsLeftOut() {
		Stamp stamp = Stamp.of(Actor.user("alice"));
		List<Audited> events = List.of(
				new UserCreated(UUID.randomUUID(), "alice", EnumSet.of(Role.VIEWER, Role.ADMIN), stamp),
				new AiSystemChanged(UUID.randomUUID(), "Scorer", Map.of("riskTier", new FieldChange("LOW", "HIGH"),
						"owner", new FieldChange(null, "bob"), "b", new FieldChange(List.of("X"), List.of())), stamp),
				new AiSystemVersionAdded(UUID.randomUUID(), "Scorer", "1.0", LocalDate.of(2026, 1, 31), true, stamp),
				new ScopeStatementRevised(UUID.randomUUID(), 3, null, Map.of(), stamp),
				new Something("n", 7, Map.of("z", Map.of("y", 1, "a", List.of(Map.of("q", 1, "b", 2))), "a", "line\n\"x\""),
						"thing", stamp));
		for (Audited event : events) {
			String payload = Payloads.of(event);
			assertThat(payload).doesNotContain("stamp").doesNotContain("alice\",\"tokenId").doesNotContain(" ");
			assertThat(payload).isEqualTo(JSON.writeValueAsString(sortedWithoutStamp(event)));
		}
	}

	/** The oracle: the event as a tree, stamp removed, every object rebuilt with sorted keys. */
	private static JsonNode sortedWithoutStamp(Audited event) {
		ObjectNode tree = JSON.valueToTree(event);
		tree.remove("stamp");
		return sorted(tree);
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach(p -> fields.put(p.getKey(), sorted(p.getValue())));
			ObjectNode copy = JSON.createObjectNode();
			fields.forEach(copy::set);
			return copy;
		}
		if (node.isArray()) {
			var copy = JSON.createArrayNode();
			node.forEach(item -> copy.add(sorted(item)));
			return copy;
		}
		return node;
	}
}
