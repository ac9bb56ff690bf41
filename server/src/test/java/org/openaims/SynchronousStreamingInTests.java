package org.openaims;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In the MockMvc tests, a streamed answer (an export's StreamingResponseBody) is written on the
 * request's own thread. With the application's executor, MockMvc's response was written by one thread
 * while the filters of the request thread read and set its headers, and a cell of the authorization
 * matrix failed now and then with a ConcurrentModificationException the running server never shows
 * (its responses are not shared between threads that way). Test sources only: the jar streams as before.
 */
@Configuration(proxyBeanMethods = false)
class SynchronousStreamingInTests implements WebMvcConfigurer {

	@Override
	public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
		configurer.setTaskExecutor(new TaskExecutorAdapter(Runnable::run));
	}
}
