package org.openaims.lifecycle;

/** A version put into an environment, or a rollback to an earlier one. */
public enum DeploymentKind {
	DEPLOYMENT, ROLLBACK
}
