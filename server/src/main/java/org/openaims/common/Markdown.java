package org.openaims.common;

import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders user-written Markdown to HTML that is safe to show: raw HTML in the text is escaped, not
 * passed through, and links other than http(s), mailto and relative ones are dropped.
 */
public final class Markdown {

	private static final Parser PARSER = Parser.builder().build();

	// commonmark's default sanitizer also lets data: URLs through (a data:text/html link runs script
	// when opened); only these protocols and relative links are kept.
	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
		.build();

	private Markdown() {
	}

	public static String toHtml(String markdown) {
		return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
	}
}
