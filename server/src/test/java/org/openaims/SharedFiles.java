package org.openaims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files of the project's shared folder ({@code ../shared} beside the repository): the reference
 * catalog table and fixtures from other projects, which may not be copied into this repository.
 */
public final class SharedFiles {

	private SharedFiles() {
	}

	/** {@code shared/<relative>} in the nearest ancestor of the working directory that has it. */
	public static Optional<Path> find(String relative) {
		Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("shared").resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return Optional.of(candidate);
			}
			dir = dir.getParent();
		}
		return Optional.empty();
	}
}
