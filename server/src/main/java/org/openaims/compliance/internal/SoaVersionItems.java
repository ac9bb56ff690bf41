package org.openaims.compliance.internal;

import java.util.Optional;

import org.openaims.governance.ApprovableItem;
import org.openaims.governance.ApprovableItems;

import org.springframework.stereotype.Component;

/** Versions of Statements of Applicability as approvable items ({@code soa-version}, id = the version's id). */
@Component
public class SoaVersionItems implements ApprovableItems {

	public static final String TYPE = "soa-version";

	private final SoaVersions versions;

	private final SoaDocuments documents;

	SoaVersionItems(SoaVersions versions, SoaDocuments documents) {
		this.versions = versions;
		this.documents = documents;
	}

	@Override
	public String itemType() {
		return TYPE;
	}

	@Override
	public Optional<ApprovableItem> find(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(versions::findById)
			.map(v -> new ApprovableItem(documents.findById(v.soaId()).map(SoaDocument::title).orElse("Statement of Applicability")
					+ ", version " + v.versionNo(), v.snapshot(), v.editorSet()));
	}

	@Override
	public Optional<String> link(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(versions::findById).map(v -> "/soa/" + v.soaId() + "?version=" + v.versionNo());
	}
}
