package org.openaims.ledger.internal;

import java.util.List;

import org.openaims.common.Audited;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Appends every domain event of every module to the ledger, after the change that raised it has
 * committed. The event publication registry stores each event with that change, so an event committed
 * before a crash is delivered (and appended) after the restart; appends are idempotent on the event id.
 *
 * <p>Appends run on one thread of their own, in the order the changes committed: a token is never
 * recorded as revoked before it is recorded as created. (This is {@code @ApplicationModuleListener}
 * with that executor.)
 */
@Component
class LedgerRecorder {

	private final LedgerAppender appender;

	LedgerRecorder(LedgerAppender appender) {
		this.appender = appender;
	}

	@Async("ledgerExecutor")
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@TransactionalEventListener
	void on(Audited event) {
		appender.append(List.of(event));
	}

	@Configuration(proxyBeanMethods = false)
	static class Executor {

		@Bean
		ThreadPoolTaskExecutor ledgerExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(1);
			executor.setMaxPoolSize(1);
			executor.setThreadNamePrefix("ledger-");
			executor.setWaitForTasksToCompleteOnShutdown(true);
			executor.setAwaitTerminationSeconds(30);
			return executor;
		}
	}
}
