package org.openaims.inventory;

import java.util.UUID;

/** Which AI systems a list shows; every part is optional. {@code q} searches name, description, purpose and unit. */
public record AiSystemFilter(LifecycleStage stage, AiRole role, RiskTier tier, String owner, UUID vendor, String q,
		Boolean inScope) {

	public static AiSystemFilter none() {
		return new AiSystemFilter(null, null, null, null, null, null, null);
	}
}
