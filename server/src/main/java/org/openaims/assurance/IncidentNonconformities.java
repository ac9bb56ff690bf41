package org.openaims.assurance;

import java.util.UUID;

import org.openaims.monitoring.IncidentFindings;
import org.openaims.monitoring.IncidentView;

import org.springframework.stereotype.Component;

/** An incident's nonconformity (10.2) is raised here, for the monitoring module. */
@Component
class IncidentNonconformities implements IncidentFindings {

	private final NonconformityService nonconformities;

	IncidentNonconformities(NonconformityService nonconformities) {
		this.nonconformities = nonconformities;
	}

	@Override
	public UUID raise(IncidentView incident) {
		return nonconformities.raiseFromIncident(incident);
	}
}
