package org.openaims.monitoring.internal;

import java.util.Set;

import org.openaims.common.InvalidInputException;
import org.openaims.common.TooBusyException;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;
import org.openaims.monitoring.BatchReceipt;
import org.openaims.monitoring.EventIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The second adapter of ingest: batches consumed from a RabbitMQ queue ({@code aims.monitoring.amqp.*},
 * off unless {@code enabled}), for installations that put a broker in front of the server. A message is
 * one batch (its body a JSON array or NDJSON; its {@code messageId}, else its SHA-256, the batch id), taken
 * through the same port as HTTP, on behalf of the configured user ({@code as-user}, who needs a role
 * that pushes events). It is acknowledged once stored, or once it was stored before; a bad batch is
 * rejected without requeueing (to the queue's dead-letter exchange, if it has one); when ingest is
 * saturated the message goes back to the queue. At most {@code consumers} messages are worked at once,
 * each taking one ingest permit, so the broker — not the server — holds what waits.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aims.monitoring.amqp.enabled", havingValue = "true")
class RabbitIngest {

	private static final Logger log = LoggerFactory.getLogger(RabbitIngest.class);

	@Bean(destroyMethod = "destroy")
	CachingConnectionFactory monitoringRabbitConnections(@Value("${aims.monitoring.amqp.host:127.0.0.1}") String host,
			@Value("${aims.monitoring.amqp.port:5672}") int port, @Value("${aims.monitoring.amqp.username:guest}") String username,
			@Value("${aims.monitoring.amqp.password:guest}") String password, @Value("${aims.monitoring.amqp.virtual-host:/}") String virtualHost) {
		CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
		factory.setUsername(username);
		factory.setPassword(password);
		factory.setVirtualHost(virtualHost);
		return factory;
	}

	@Bean
	SimpleMessageListenerContainer monitoringRabbitListener(CachingConnectionFactory monitoringRabbitConnections, EventIngest ingest,
			UserDirectory users, @Value("${aims.monitoring.amqp.queue:aims.monitoring.events}") String queue,
			@Value("${aims.monitoring.amqp.as-user}") String asUser, @Value("${aims.monitoring.amqp.consumers:2}") int consumers) {
		RabbitAdmin admin = new RabbitAdmin(monitoringRabbitConnections);
		admin.declareQueue(new Queue(queue, true));
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(monitoringRabbitConnections);
		container.setQueueNames(queue);
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setPrefetchCount(1);
		container.setConcurrentConsumers(Math.max(1, consumers));
		container.setMessageListener((ChannelAwareMessageListener) (message, channel) -> {
			long tag = message.getMessageProperties().getDeliveryTag();
			try {
				BatchReceipt receipt = as(users, asUser, () -> ingest.ingest(message.getBody(), batchId(message), "AMQP"));
				log.debug("AMQP batch {} ({} events){}", receipt.clientBatchId(), receipt.events(), receipt.duplicate() ? ", accepted before" : "");
				channel.basicAck(tag, false);
			}
			catch (InvalidInputException e) {
				log.warn("AMQP batch {} refused: {}", batchId(message), e.problems());
				channel.basicReject(tag, false);
			}
			catch (TooBusyException e) {
				channel.basicNack(tag, false, true);
			}
			catch (org.springframework.security.access.AccessDeniedException e) {
				log.error("AMQP ingest acts as '{}', who may not push events: {}", asUser, e.getMessage());
				channel.basicNack(tag, false, true);
				Thread.sleep(1000);
			}
		});
		return container;
	}

	private static String batchId(Message message) {
		String id = message.getMessageProperties().getMessageId();
		return id == null || id.isBlank() ? null : id;
	}

	private static <T> T as(UserDirectory users, String username, java.util.function.Supplier<T> work) {
		UserView user = CurrentUser.runAsSystem(() -> users.find(username)).filter(UserView::enabled)
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no active user " + username));
		Set<Role> roles = user.roles();
		return CurrentUser.runAs(user.username(), roles, work);
	}
}
