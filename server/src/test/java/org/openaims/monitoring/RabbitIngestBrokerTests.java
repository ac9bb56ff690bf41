package org.openaims.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.NewUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserAdministration;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The RabbitMQ adapter against the real broker (127.0.0.1:5672, guest/guest; run with {@code -Pbroker},
 * as {@code .ci/run} does): a message is a batch taken through the same port as HTTP — stored with its
 * Merkle root and ledger entry —, a redelivered message id is stored once, and a bad batch is rejected
 * and not stored.
 */
@AimsTest
class RabbitIngestBrokerTests {

	static final String QUEUE = "aims.test.events." + System.nanoTime();

	static final String PUSHER = "amqp-ingest-" + System.nanoTime() % 1_000_000;

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		registry.add("aims.monitoring.amqp.enabled", () -> "true");
		registry.add("aims.monitoring.amqp.queue", () -> QUEUE);
		registry.add("aims.monitoring.amqp.as-user", () -> PUSHER);
	}

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	UserAdministration administration;

	@Autowired
	CachingConnectionFactory connections;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMessageIsABatchThroughTheSamePortStoredOnceAndABadOneIsRejected() throws Exception {
		CurrentUser.runAsSystem(() -> administration.create(new NewUser(PUSHER, "AMQP ingest", null, TestUsers.PASSWORD, Set.of(Role.CONTRIBUTOR))));
		MonitoringFixture f = new MonitoringFixture(api, users);
		String system = f.system("Brokered scorer");
		RabbitTemplate rabbit = new RabbitTemplate(connections);
		try {
			String id = "amqp-" + System.nanoTime();
			byte[] body = api.write(List.of(MonitoringFixture.metric(system, "accuracy", 0.93, Instant.now()),
					MonitoringFixture.event(system, "heartbeat", Instant.now()))).getBytes(StandardCharsets.UTF_8);
			rabbit.send(QUEUE, message(id, body));
			awaitTrue(() -> count("SELECT COUNT(*) FROM event_batches WHERE client_batch_id = '" + id + "'") == 1);
			assertThat(jdbc.sql("SELECT channel, received_by, events FROM event_batches WHERE client_batch_id = :id").param("id", id)
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).single()).isEqualTo("AMQP " + PUSHER + " 2");
			// the same message again (a redelivery): stored once
			rabbit.send(QUEUE, message(id, body));
			String bad = "amqp-bad-" + System.nanoTime();
			rabbit.send(QUEUE, message(bad, "[{\"aiSystemId\":\"nope\"}]".getBytes(StandardCharsets.UTF_8)));
			String after = "amqp-after-" + System.nanoTime();
			rabbit.send(QUEUE, message(after, api.write(List.of(MonitoringFixture.event(system, "heartbeat", Instant.now())))
				.getBytes(StandardCharsets.UTF_8)));
			awaitTrue(() -> count("SELECT COUNT(*) FROM event_batches WHERE client_batch_id = '" + after + "'") == 1);
			awaitTrue(() -> new RabbitAdmin(connections).getQueueInfo(QUEUE).getMessageCount() == 0);
			assertThat(count("SELECT COUNT(*) FROM event_batches WHERE client_batch_id = '" + id + "'")).isEqualTo(1);
			assertThat(count("SELECT COUNT(*) FROM event_batches WHERE client_batch_id = '" + bad + "'")).as("rejected, not stored").isZero();
			assertThat(count("SELECT COUNT(*) FROM monitoring_events WHERE ai_system_id = '" + system + "'")).isEqualTo(3);
			assertThat(api.body(api.get(f.manager, "/api/v1/ledger/entries?subjectType=event-batch&limit=500"),
					org.springframework.http.HttpStatus.OK).toString()).contains("\"channel\":\"AMQP\"");
		}
		finally {
			new RabbitAdmin(connections).deleteQueue(QUEUE);
		}
	}

	private static Message message(String id, byte[] body) {
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(id);
		properties.setContentType("application/json");
		return new Message(body, properties);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 30 s");
			}
			Thread.sleep(50);
		}
	}
}
