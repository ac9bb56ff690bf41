package org.openaims.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The server URL and API token the CLI uses: from {@code AIMS_SERVER} / {@code AIMS_TOKEN} when set
 * (CI pipelines), else from the file {@code aims login} wrote (readable by its owner only).
 */
record ClientConfig(String server, String token) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ClientConfig load(Environment environment) throws IOException {
		String server = null;
		String token = null;
		Path file = environment.configFile();
		if (Files.isRegularFile(file)) {
			Map<?, ?> stored = JSON.readValue(file.toFile(), Map.class);
			server = (String) stored.get("server");
			token = (String) stored.get("token");
		}
		if (environment.variable("AIMS_SERVER") != null) {
			server = environment.variable("AIMS_SERVER");
		}
		if (environment.variable("AIMS_TOKEN") != null) {
			token = environment.variable("AIMS_TOKEN");
		}
		if (server == null || token == null) {
			throw new IllegalStateException("not signed in: run 'aims login --server URL --username NAME', "
					+ "or set AIMS_SERVER and AIMS_TOKEN");
		}
		return new ClientConfig(server, token);
	}

	void save(Environment environment) throws IOException {
		Path file = environment.configFile();
		Files.createDirectories(file.toAbsolutePath().getParent());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("server", server);
		values.put("token", token);
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		try {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException e) {
			Files.createFile(temporary);
		}
		Files.writeString(temporary, JSON.writeValueAsString(values));
		Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
