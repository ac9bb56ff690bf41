package org.openaims.common.web;

import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts the problems of a refused command onto the form, next to their fields. */
public final class FormErrors {

	private FormErrors() {
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
