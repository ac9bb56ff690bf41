package org.openaims.compliance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by modules whose records select controls (risk treatment, 6.1.3): for requirement ids,
 * the labels of what selected each one (e.g. "RISK-12 Prompt injection on the support assistant"). The
 * Statement of Applicability shows them as "selected by".
 */
public interface ControlSelections {

	Map<UUID, List<String>> selections(Collection<UUID> requirementIds);
}
