package org.openaims.ledger.internal;

import java.util.List;

import org.openaims.common.Audited;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appends every domain event of every module to the ledger. The event publication registry stores
 * each event with the change that raised it, so an event committed before a crash is delivered (and
 * appended) after the restart; appends are idempotent on the event id.
 */
@Component
class LedgerRecorder {

	private final LedgerAppender appender;

	LedgerRecorder(LedgerAppender appender) {
		this.appender = appender;
	}

	@ApplicationModuleListener
	void on(Audited event) {
		appender.append(List.of(event));
	}
}
