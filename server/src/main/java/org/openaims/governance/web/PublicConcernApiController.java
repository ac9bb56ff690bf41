package org.openaims.governance.web;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.openaims.common.web.Problems;
import org.openaims.governance.AnonymousReceipt;
import org.openaims.governance.ConcernService;
import org.openaims.governance.ConcernView;
import org.openaims.governance.PublicConcern;
import org.openaims.governance.ReceiptNote;
import org.openaims.governance.internal.PublicReportLimit;
import org.openaims.identity.SecurityLog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous concerns over REST, without signing in (A.3.3): report one (the answer carries the receipt
 * code, once), follow it and add to it with the code. No session, no token, nothing naming a person
 * is kept; each client address is rate-limited (in memory).
 */
@RestController
@RequestMapping("/api/v1/public/concerns")
class PublicConcernApiController {

	private final ConcernService concerns;

	private final PublicReportLimit limit;

	private final SecurityLog log;

	PublicConcernApiController(ConcernService concerns, PublicReportLimit limit, SecurityLog log) {
		this.concerns = concerns;
		this.limit = limit;
		this.log = log;
	}

	@PostMapping
	ResponseEntity<AnonymousReceipt> report(@Valid @RequestBody PublicConcern concern, HttpServletRequest request) {
		refuseOver(limit.refuseReport(request.getRemoteAddr()));
		return ResponseEntity.status(HttpStatus.CREATED).body(concerns.reportAnonymously(concern));
	}

	/** The concern a receipt code belongs to (the code in the body, never in a URL that gets logged). */
	@PostMapping("/follow")
	ConcernView follow(@Valid @RequestBody ReceiptNote receipt, HttpServletRequest request) {
		refuseOver(limit.refuseLookup(request.getRemoteAddr()));
		return concerns.followAnonymously(receipt.receipt());
	}

	@PostMapping("/notes")
	ConcernView note(@Valid @RequestBody ReceiptNote note, HttpServletRequest request) {
		refuseOver(limit.refuseLookup(request.getRemoteAddr()));
		return concerns.commentAnonymously(note);
	}

	private void refuseOver(Instant until) {
		if (until != null) {
			// Logged without subject or address: nothing here may name the reporter.
			log.record(SecurityLog.RATE_LIMITED, null, null, "anonymous concern requests over the hourly limit of an address");
			throw new RateLimited(until);
		}
	}

	@ExceptionHandler(RateLimited.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimited e) {
		long seconds = Math.max(1, Duration.between(Instant.now(), e.until).toSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"too many anonymous reports from your address this hour; try again in " + (seconds + 59) / 60 + " minutes"));
	}

	/** The address used its hourly quota. */
	static final class RateLimited extends RuntimeException {

		final Instant until;

		RateLimited(Instant until) {
			super("rate limited until " + until);
			this.until = until;
		}
	}
}
