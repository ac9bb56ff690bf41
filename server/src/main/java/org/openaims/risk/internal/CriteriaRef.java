package org.openaims.risk.internal;

import java.util.UUID;

import org.openaims.risk.CriteriaDefinition;

/** The criteria version a score is given on: its id, number and definition. */
public record CriteriaRef(UUID id, int versionNo, CriteriaDefinition definition) {

	public static CriteriaRef of(CriteriaVersion v) {
		return new CriteriaRef(v.id(), v.versionNo(), v.definition());
	}
}
