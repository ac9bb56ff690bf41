package org.openaims;

import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/** Wraps the application's data source (e.g. in a datasource-proxy that counts or records statements) for one test context. */
final class DataSourceWrapping {

	private DataSourceWrapping() {
	}

	static BeanPostProcessor of(UnaryOperator<DataSource> wrap) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource && beanName.equals("dataSource") ? wrap.apply(dataSource) : bean;
			}
		};
	}
}
