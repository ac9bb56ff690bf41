package org.openaims.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Where the CLI keeps its configuration and reads secrets from; replaced in tests. */
public record Environment(Map<String, String> variables, Path home, BufferedReader stdin) {

	public static Environment system() {
		return new Environment(System.getenv(), Path.of(System.getProperty("user.home")),
				new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
	}

	String variable(String name) {
		String value = variables.get(name);
		return value == null || value.isBlank() ? null : value;
	}

	/** {@code $AIMS_CONFIG}, or {@code ~/.config/aims/config.json}. */
	Path configFile() {
		String configured = variable("AIMS_CONFIG");
		return configured != null ? Path.of(configured) : home.resolve(".config").resolve("aims").resolve("config.json");
	}

	String readLine() throws IOException {
		String line = stdin.readLine();
		return line == null ? "" : line;
	}
}
