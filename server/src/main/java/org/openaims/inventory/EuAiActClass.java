package org.openaims.inventory;

/** The system's class under the EU AI Act (Regulation (EU) 2024/1689), when it has been classified. */
public enum EuAiActClass {
	PROHIBITED, HIGH, LIMITED, MINIMAL, GENERAL_PURPOSE
}
