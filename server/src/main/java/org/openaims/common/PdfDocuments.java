package org.openaims.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.web.util.HtmlUtils;

/** PDF exports rendered from XHTML (openhtmltopdf), and text made safe to put into that XHTML. */
public final class PdfDocuments {

	private PdfDocuments() {
	}

	public static void render(String xhtml, OutputStream out) {
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Escapes markup and drops the characters XML cannot hold. */
	public static String escape(String text) {
		return HtmlUtils.htmlEscape(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""), "UTF-8");
	}
}
