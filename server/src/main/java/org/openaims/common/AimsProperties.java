package org.openaims.common;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings ({@code aims.*}).
 *
 * @param dataDir where the embedded database, keys and evidence files live ({@code AIMS_DATA_DIR})
 * @param demoData whether an empty installation is filled with a demo organization on first start
 * ({@code AIMS_DEMO_DATA})
 * @param publicUrl the address users reach the server at ({@code AIMS_PUBLIC_URL}, e.g.
 * {@code https://aims.example.org}); redirects are built from it, never from the request's
 * {@code Host} header, and without it they are relative
 */
@ConfigurationProperties("aims")
public record AimsProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean demoData,
		URI publicUrl) {

	public AimsProperties {
		if (publicUrl != null && publicUrl.toString().isBlank()) {
			publicUrl = null;
		}
		if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null
				|| !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme())))) {
			throw new IllegalArgumentException("AIMS_PUBLIC_URL must be an absolute http(s) address such as https://aims.example.org");
		}
	}
}
