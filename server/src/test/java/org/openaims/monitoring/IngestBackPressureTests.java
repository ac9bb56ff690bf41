package org.openaims.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.monitoring.internal.IngestPermits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Back-pressure: with N ingest permits, N batches held inside ingest and one more arriving, exactly one
 * is refused with 429 and {@code Retry-After}, and the N complete once released — nothing waits in an
 * unbounded queue.
 */
@AimsTest
@TestPropertySource(properties = { "aims.monitoring.ingest-permits=3", "aims.monitoring.ingest-wait=PT0.2S" })
class IngestBackPressureTests {

	static final int PERMITS = 3;

	@MockitoSpyBean
	IngestPermits permits;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void nPlusOneConcurrentBatchesAgainstNPermitsGetExactlyOne429WithRetryAfter() throws Exception {
		MonitoringFixture f = new MonitoringFixture(api, users);
		String system = f.system("Busy scorer");
		CountDownLatch inside = new CountDownLatch(PERMITS);
		CountDownLatch release = new CountDownLatch(1);
		doAnswer(invocation -> {
			inside.countDown();
			release.await(30, TimeUnit.SECONDS);
			return null;
		}).when(permits).admitted();
		ExecutorService pool = Executors.newFixedThreadPool(PERMITS + 1);
		try {
			List<Future<MvcTestResult>> calls = new ArrayList<>();
			for (int i = 0; i <= PERMITS; i++) {
				byte[] body = api.write(List.of(MonitoringFixture.event(system, "heartbeat", Instant.now().minusSeconds(i)))).getBytes(StandardCharsets.UTF_8);
				calls.add(pool.submit(() -> api.postBytes(f.manager, "/api/v1/events", "application/json", body)));
				if (i == PERMITS - 1) {
					assertThat(inside.await(30, TimeUnit.SECONDS)).as("N batches hold the N permits").isTrue();
				}
			}
			// the N+1st finds no permit within the wait and is refused; then the N are let through
			MvcTestResult refused = calls.get(PERMITS).get(30, TimeUnit.SECONDS);
			release.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<MvcTestResult> c : calls) {
				statuses.add(c.get(30, TimeUnit.SECONDS).getResponse().getStatus());
			}
			assertThat(statuses.stream().filter(s -> s == 429).count()).as(statuses.toString()).isEqualTo(1);
			assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(PERMITS);
			assertThat(refused.getResponse().getStatus()).isEqualTo(429);
			assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("1");
			assertThat(refused.getResponse().getContentAsString()).contains("saturated");
			assertThat(permits.available()).as("every permit is back").isEqualTo(PERMITS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}
}
