package org.openaims.risk;

/** How a risk is treated (6.1.3): change it with controls, stop the activity, share it (insurance, contract) or retain it. */
public enum TreatmentOption {
	MODIFY, AVOID, SHARE, RETAIN
}
