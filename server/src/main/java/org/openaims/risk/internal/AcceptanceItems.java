package org.openaims.risk.internal;

import java.util.Optional;
import java.util.Set;

import org.openaims.governance.ApprovableItem;
import org.openaims.governance.ApprovableItems;

import org.springframework.stereotype.Component;

/**
 * Residual risk acceptances as approvable items ({@code risk-acceptance}, id = the risk's id). The
 * risk's author may not accept it; the content approved is the risk's scores, treatment and rationale.
 */
@Component
public class AcceptanceItems implements ApprovableItems {

	public static final String TYPE = "risk-acceptance";

	private final Risks risks;

	AcceptanceItems(Risks risks) {
		this.risks = risks;
	}

	@Override
	public String itemType() {
		return TYPE;
	}

	@Override
	public Optional<ApprovableItem> find(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(risks::findById)
			.map(r -> new ApprovableItem("Acceptance of residual risk " + r.ref() + " " + r.title(), r.acceptanceSnapshot(),
					Set.of(r.createdBy())));
	}

	@Override
	public Optional<String> link(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(risks::findById).map(r -> "/risks/" + r.id());
	}
}
