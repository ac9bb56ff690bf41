package org.openaims.common.web;

import java.util.Iterator;
import java.util.Set;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import org.openaims.common.RecordId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds every typed record id ({@link RecordId}) from path variables and request parameters with
 * one converter (a value that is no UUID is a 400 like any other mistyped parameter), and describes
 * them in the OpenAPI document as the UUID strings they are on the wire.
 */
@Configuration(proxyBeanMethods = false)
class RecordIdBinding implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new FromText());
	}

	@Bean
	ModelConverter recordIdsAsUuids() {
		return new AsUuid();
	}

	static final class FromText implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(String.class, RecordId.class));
		}

		@Override
		@SuppressWarnings("unchecked")
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			if (source == null || source.toString().isBlank()) {
				return null;
			}
			return RecordId.parse((Class<? extends RecordId>) targetType.getType(), source.toString());
		}
	}

	static final class AsUuid implements ModelConverter {

		@Override
		public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
			Class<?> raw = type.getType() instanceof Class<?> c ? c : Json.mapper().constructType(type.getType()).getRawClass();
			if (raw != null && RecordId.class.isAssignableFrom(raw)) {
				return new UUIDSchema();
			}
			return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		}
	}
}
