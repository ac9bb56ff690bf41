package org.openaims.inventory;

/** Where an AI system is in its life cycle (A.6.2). */
public enum LifecycleStage {
	IDEA, DESIGN, DEVELOPMENT, VERIFICATION, DEPLOYED, OPERATING, RETIRED
}
