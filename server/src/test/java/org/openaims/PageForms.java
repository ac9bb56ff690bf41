package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the page tests do with pages and forms: read a page as a user (it must answer 200), post a form
 * with a CSRF token (it must redirect, unless refused with 403), and read the message the redirect
 * carries (the form must not have answered with an error).
 */
public final class PageForms {

	private final MockMvcTester mvc;

	public PageForms(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	/** The HTML of a page read as {@code as}; fails unless it answers 200. */
	public String page(String uri, RequestPostProcessor as) {
		MvcTestResult result = mvc.get().uri(uri).with(as).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return body(result);
	}

	/** Posts a form as {@code as} with the named fields (name, value, …); fails unless it redirects or is refused with 403. */
	public MvcTestResult post(String uri, RequestPostProcessor as, String... fields) {
		var request = mvc.post().uri(uri).with(as).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		MvcTestResult result = request.exchange();
		if (result.getResponse().getStatus() != 403) {
			assertThat(result).as(uri).hasStatus(HttpStatus.FOUND);
		}
		return result;
	}

	/** The message a form's redirect carries; fails when the form answered with an error instead. */
	public static String flash(MvcTestResult result) {
		Object error = result.getMvcResult().getFlashMap().get("flashError");
		assertThat(error).as("the form's error").isNull();
		return String.valueOf(result.getMvcResult().getFlashMap().get("flash"));
	}

	/** A response's body as UTF-8 text. */
	public static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
