package org.openaims.common;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings ({@code aims.*}).
 *
 * @param dataDir where the embedded database, keys and evidence files live ({@code AIMS_DATA_DIR})
 * @param demoData whether an empty installation is filled with a demo organization on first start
 * ({@code AIMS_DEMO_DATA})
 */
@ConfigurationProperties("aims")
public record AimsProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean demoData) {
}
