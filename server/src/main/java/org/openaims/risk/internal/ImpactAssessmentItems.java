package org.openaims.risk.internal;

import java.util.Optional;

import org.openaims.governance.ApprovableItem;
import org.openaims.governance.ApprovableItems;

import org.springframework.stereotype.Component;

/** Impact assessments as approvable items ({@code impact-assessment}); their editors may not approve them. */
@Component
public class ImpactAssessmentItems implements ApprovableItems {

	public static final String TYPE = "impact-assessment";

	private final ImpactAssessments assessments;

	ImpactAssessmentItems(ImpactAssessments assessments) {
		this.assessments = assessments;
	}

	@Override
	public String itemType() {
		return TYPE;
	}

	@Override
	public Optional<ApprovableItem> find(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(assessments::findById)
			.map(a -> new ApprovableItem("Impact assessment" + (a.systemVersion() == null ? "" : " of version " + a.systemVersion()),
					a.snapshot(), a.editorSet()));
	}

	@Override
	public Optional<String> link(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(assessments::findById).map(a -> "/impact-assessments/" + a.id());
	}
}
