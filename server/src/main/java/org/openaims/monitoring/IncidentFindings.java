package org.openaims.monitoring;

import java.util.UUID;

/**
 * Where an incident's nonconformity goes (10.2): the assurance module implements it, so monitoring
 * knows nothing of assurance. Raising twice for one incident returns the nonconformity raised first.
 */
public interface IncidentFindings {

	/** Raises (or finds) the nonconformity of {@code incident} and returns its id. */
	UUID raise(IncidentView incident);
}
