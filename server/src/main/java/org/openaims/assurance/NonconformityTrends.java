package org.openaims.assurance;

import java.util.List;
import java.util.Map;

/** Nonconformities raised per month (yyyy-MM), by source and by requirement, in a period. */
public record NonconformityTrends(List<String> months, Map<String, List<Long>> bySource, Map<String, List<Long>> byRequirement) {
}
