package org.openaims.common;

import java.time.Duration;

/** The server takes no more work of this kind now; answered with 429 and {@code Retry-After}. */
public class TooBusyException extends RuntimeException {

	private final Duration retryAfter;

	public TooBusyException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
