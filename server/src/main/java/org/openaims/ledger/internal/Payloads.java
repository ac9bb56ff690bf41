package org.openaims.ledger.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.openaims.common.Audited;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload the ledger keeps of an event: its fields as compact JSON with the keys of every object
 * in sorted order, without the stamp (whose id, time and actor the entry records itself).
 */
public final class Payloads {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		// Records are all constructor properties; without this they would keep declaration order.
		.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.addMixIn(Audited.class, WithoutStamp.class)
		.build();

	private Payloads() {
	}

	public static String of(Audited event) {
		return JSON.writeValueAsString(event);
	}

	// The entry records the stamp and the event type itself.
	@JsonIgnoreProperties({ "stamp", "eventType" })
	private interface WithoutStamp {
	}
}
