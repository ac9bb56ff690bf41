package org.openaims.risk.internal;

import java.util.Optional;
import java.util.UUID;

import org.openaims.governance.ApprovableItem;
import org.openaims.governance.ApprovableItems;

import org.springframework.stereotype.Component;

/** Versions of the risk criteria as approvable items ({@code risk-criteria}, id = the version's id). */
@Component
public class CriteriaItems implements ApprovableItems {

	public static final String TYPE = "risk-criteria";

	private final CriteriaVersions versions;

	CriteriaItems(CriteriaVersions versions) {
		this.versions = versions;
	}

	@Override
	public String itemType() {
		return TYPE;
	}

	@Override
	public Optional<ApprovableItem> find(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(versions::findById)
			.map(v -> new ApprovableItem("Risk criteria, version " + v.versionNo(), v.snapshot(), v.editorSet()));
	}

	@Override
	public Optional<String> link(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(versions::findById).map(v -> "/risk-criteria/" + v.id());
	}
}
