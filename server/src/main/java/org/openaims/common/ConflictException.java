package org.openaims.common;

/**
 * A request that contradicts the current state (stale version, duplicate name, forbidden
 * transition); answered with 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
