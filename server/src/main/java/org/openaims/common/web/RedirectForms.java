package org.openaims.common.web;

import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forms that redirect back to the page they were sent from: the page says what changed
 * ({@code flash}) or why nothing was saved ({@code flashError}). Refusals (403) pass through.
 */
public final class RedirectForms {

	private RedirectForms() {
	}

	/** Runs {@code work} (which returns its redirect); bad input and conflicts go back to {@code back} with the reason. */
	public static String act(RedirectAttributes redirect, String back, Supplier<String> work) {
		try {
			return work.get();
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", "Not saved: " + e.problems().stream().map(p -> p.field() + " " + p.message())
				.collect(Collectors.joining("; ")));
		}
		catch (ConstraintViolationException e) {
			redirect.addFlashAttribute("flashError", "Not saved: " + e.getConstraintViolations().stream()
				.map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:" + back;
	}

	/** Redirects to {@code path}, which then says {@code message}. */
	public static String done(String path, RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("flash", message);
		return "redirect:" + path;
	}
}
