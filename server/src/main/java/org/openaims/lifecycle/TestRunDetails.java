package org.openaims.lifecycle;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a pushed test run says about itself: the AI system and the version tested, the dataset or
 * benchmark, the commit or build reference and the evaluator (tool and version).
 */
public record TestRunDetails(@NotNull UUID aiSystemId,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\s].*", message = "must not start with a space") String systemVersion,
		@Size(max = 300) String dataset, @Size(max = 200) String commitRef, @Size(max = 200) String evaluator) {
}
