package org.openaims.governance;

import java.util.List;
import java.util.UUID;

/** An in-scope AI system whose RACI lacks an accountable person or anyone exercising human oversight. */
public record RaciGap(UUID aiSystemId, String name, List<String> missing) {
}
