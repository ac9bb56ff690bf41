package org.openaims.governance.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.openaims.governance.ApprovableItem;
import org.openaims.governance.ApprovableItems;

import org.springframework.stereotype.Component;

/** Policy versions as approvable items ({@code policy-version}, id = the version's id). */
@Component
public class PolicyVersionItems implements ApprovableItems {

	public static final String TYPE = "policy-version";

	private final PolicyVersions versions;

	private final Policies policies;

	PolicyVersionItems(PolicyVersions versions, Policies policies) {
		this.versions = versions;
		this.policies = policies;
	}

	@Override
	public String itemType() {
		return TYPE;
	}

	@Override
	public Optional<ApprovableItem> find(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(versions::findById).map(v -> new ApprovableItem(title(v), v.snapshot(), v.authors()));
	}

	@Override
	public Optional<String> link(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(versions::findById).map(v -> "/policies/" + v.policyId() + "/versions/" + v.versionNo());
	}

	@Override
	public Map<String, String> snapshots(Collection<String> itemIds) {
		Map<String, String> snapshots = new HashMap<>();
		versions.findAllById(itemIds.stream().map(ApprovableItems::uuid).flatMap(Optional::stream).toList())
			.forEach(v -> snapshots.put(v.id().toString(), v.snapshot()));
		return snapshots;
	}

	private String title(PolicyVersion v) {
		return policies.findById(v.policyId()).map(Policy::title).orElse("policy") + ", version " + v.versionNo();
	}
}
