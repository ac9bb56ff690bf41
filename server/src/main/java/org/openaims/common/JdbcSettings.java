package org.openaims.common;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC writes table and column names unquoted. All names in the schema are plain
 * lower-case words, which PostgreSQL and H2 (with {@code DATABASE_TO_LOWER}) resolve alike; quoting
 * would make H2 look for upper-case column names.
 */
@Configuration(proxyBeanMethods = false)
class JdbcSettings {

	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}
}
