package org.openaims.risk;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A hazard category was added to the risk taxonomy (6.1.2). */
public record RiskCategoryAdded(String key, String name, String description, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("risk-category", key);
	}
}
