package org.openaims.risk.internal;

import org.openaims.risk.CriteriaDefinition;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Risk criteria definitions as canonical JSON (how a version stores them). */
final class CriteriaJson {

	private static final JsonMapper JSON = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

	private CriteriaJson() {
	}

	static String write(CriteriaDefinition definition) {
		return JSON.writeValueAsString(definition);
	}

	static CriteriaDefinition read(String json) {
		return JSON.readValue(json, CriteriaDefinition.class);
	}
}
