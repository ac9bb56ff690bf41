package org.openaims.common.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.openaims.common.InputRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link InputRules} where input is bound, once for every controller: JSON bodies (strings
 * without NUL, dates in range), form fields and query parameters (dates in range; NUL is refused by
 * {@link HostileInputFilter} before any binding), and forms bound only through their command
 * record's constructor, so a crafted field name such as {@code name[0]} is ignored instead of
 * failing the request.
 */
@Configuration(proxyBeanMethods = false)
class InputBinding implements WebMvcConfigurer {

	/** The Jackson module the auto-configured JSON mapper picks up. */
	@Bean
	JacksonModule inputRulesModule() {
		SimpleModule module = new SimpleModule("openaims-input-rules");
		module.addDeserializer(String.class, new NulFreeStrings());
		module.setDeserializerModifier(new DateRangeModifier());
		return module;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		// Registered after Boot's ISO formatters, so this one is used.
		registry.addFormatter(new CheckedDates());
	}

	/** Command objects of every page controller are records bound by their constructor only. */
	@ControllerAdvice
	static class FormBinding {

		@InitBinder
		void bindConstructorOnly(WebDataBinder binder) {
			binder.setDeclarativeBinding(true);
			binder.setDisallowedFields("id");
			binder.setBindingErrorProcessor(RULE_MESSAGES);
		}
	}

	/** Shows the rule a form value broke (e.g. the accepted years) instead of a generic conversion error. */
	private static final BindingErrorProcessor RULE_MESSAGES = new DefaultBindingErrorProcessor() {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			if (ex.getMostSpecificCause() instanceof InputRules.Violation rule && ex.getPropertyName() != null) {
				result.addError(new FieldError(result.getObjectName(), ex.getPropertyName(), ex.getValue(), true,
						new String[] { "inputRule" }, null, rule.getMessage()));
				return;
			}
			super.processPropertyAccessException(ex, result);
		}
	};

	/** A JSON value refused by one of the {@link InputRules}; the problem names its field. */
	static final class RuleViolation extends MismatchedInputException {

		private final String rule;

		RuleViolation(JsonParser parser, String rule, Class<?> type) {
			super(parser, rule, type);
			this.rule = rule;
		}

		String rule() {
			return rule;
		}
	}

	static final class NulFreeStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			String value = super.deserialize(p, ctxt);
			if (InputRules.hasNul(value)) {
				throw new RuleViolation(p, InputRules.NUL_MESSAGE, String.class);
			}
			return value;
		}
	}

	static final class DateRangeModifier extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
				ValueDeserializer<?> deserializer) {
			Class<?> type = description.getBeanClass();
			if (type == LocalDate.class || type == java.time.Instant.class || type == java.time.OffsetDateTime.class
					|| type == java.time.LocalDateTime.class) {
				return new DateRangeDeserializer(deserializer);
			}
			return deserializer;
		}
	}

	static final class DateRangeDeserializer extends DelegatingDeserializer {

		DateRangeDeserializer(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new DateRangeDeserializer(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			Object value = super.deserialize(p, ctxt);
			if (!InputRules.inRange(value)) {
				throw new RuleViolation(p, InputRules.DATE_MESSAGE, value.getClass());
			}
			return value;
		}
	}

	/** ISO dates ({@code 2026-12-31}) of forms and query parameters, within the accepted years. */
	static final class CheckedDates implements Formatter<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) throws ParseException {
			LocalDate date;
			try {
				date = LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException e) {
				throw new InputRules.Violation("is not a date (YYYY-MM-DD)");
			}
			if (!InputRules.inRange(date)) {
				throw new InputRules.Violation(InputRules.DATE_MESSAGE);
			}
			return date;
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.toString();
		}
	}
}
