package org.openaims.inventory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openaims.common.PageRequest;
import org.openaims.inventory.internal.AiSystemQueries;
import org.openaims.inventory.internal.VendorQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures about the register for the dashboard: systems per stage and tier, scope, vendor reviews due. */
@Service
@Transactional(readOnly = true)
public class InventoryOverview {

	private final AiSystemQueries systems;

	private final VendorQueries vendors;

	private final ScopeService scope;

	InventoryOverview(AiSystemQueries systems, VendorQueries vendors, ScopeService scope) {
		this.systems = systems;
		this.vendors = vendors;
		this.scope = scope;
	}

	/** The register in figures. */
	public record Summary(Map<LifecycleStage, Integer> byStage, Map<RiskTier, Integer> byTier, int active,
			int inScope, int outOfScope, List<VendorView> vendorReviewsDue, boolean scopeWritten) {
	}

	public Summary summary() {
		Map<String, Map<String, Integer>> counts = systems.counts();
		Map<LifecycleStage, Integer> byStage = new EnumMap<>(LifecycleStage.class);
		for (LifecycleStage stage : LifecycleStage.values()) {
			byStage.put(stage, counts.getOrDefault("stage", Map.of()).getOrDefault(stage.name(), 0));
		}
		Map<RiskTier, Integer> byTier = new EnumMap<>(RiskTier.class);
		for (RiskTier tier : RiskTier.values()) {
			byTier.put(tier, counts.getOrDefault("tier", Map.of()).getOrDefault(tier.name(), 0));
		}
		int in = counts.getOrDefault("scope", Map.of()).getOrDefault("in", 0);
		int out = counts.getOrDefault("scope", Map.of()).getOrDefault("out", 0);
		List<VendorView> due = vendors
			.page(new VendorFilter(null, null, java.time.LocalDate.now().plusDays(30), true), PageRequest.first(20))
			.items();
		return new Summary(byStage, byTier, in + out, in, out, due, scope.exists());
	}
}
