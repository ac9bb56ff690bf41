package org.openaims.inventory;

/** The organization's role for an AI system (4.1); a system may have several. */
public enum AiRole {
	PROVIDER, DEVELOPER, DEPLOYER, USER
}
