package org.openaims.risk;

/**
 * What an AI system may affect (6.1.4, A.5.4, A.5.5, in the shape of ISO/IEC 42005): individuals and
 * groups (fundamental rights, safety, fairness, privacy, autonomy) and society (environment, economy,
 * democratic processes, employment).
 */
public enum ImpactArea {
	FUNDAMENTAL_RIGHTS(false), SAFETY(false), FAIRNESS(false), PRIVACY(false), AUTONOMY(false), ENVIRONMENT(true), ECONOMY(true),
	DEMOCRATIC_PROCESSES(true), EMPLOYMENT(true);

	private final boolean societal;

	ImpactArea(boolean societal) {
		this.societal = societal;
	}

	/** Whether the area concerns society as a whole rather than individuals and groups. */
	public boolean societal() {
		return societal;
	}
}
