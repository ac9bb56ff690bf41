package org.openaims.common.web;

import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts the problems of a refused command onto the form, next to their fields. */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * Puts bean validation violations of a command built from the form onto the form: a violation of
	 * {@code addresses[1]} goes to the form's {@code addresses} field; returns whether there were any.
	 */
	public static boolean reject(BindingResult result, java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations) {
		for (jakarta.validation.ConstraintViolation<?> violation : violations) {
			String path = violation.getPropertyPath().toString();
			String field = path.split("[\\[.]", 2)[0];
			Object target = result.getTarget();
			if (target != null && !field.isEmpty() && new BeanWrapperImpl(target).isReadableProperty(field)) {
				result.rejectValue(field, "invalid", violation.getMessage());
			}
			else {
				result.reject("invalid", path + ": " + violation.getMessage());
			}
		}
		return !violations.isEmpty();
	}

	public static void reject(BindingResult result, InvalidInputException e) {
		for (FieldProblem problem : e.problems()) {
			Object target = result.getTarget();
			if (target != null && new BeanWrapperImpl(target).isReadableProperty(problem.field())) {
				result.rejectValue(problem.field(), "invalid", problem.message());
			}
			else {
				result.reject("invalid", problem.field() + ": " + problem.message());
			}
		}
	}
}
