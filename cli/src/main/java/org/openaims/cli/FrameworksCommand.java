package org.openaims.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aims frameworks}: the catalog of frameworks; import CISO Assistant libraries and OSCAL catalogs. */
@Command(name = "frameworks", description = "The catalog of frameworks and mappings.",
		subcommands = { FrameworksCommand.ListCommand.class, FrameworksCommand.ImportCommand.class })
final class FrameworksCommand {

	/** {@code aims frameworks list}. */
	@Command(name = "list", description = "List the frameworks in the catalog.")
	static final class ListCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		ListCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			JsonNode frameworks = new ApiClient(config.server(), config.token()).get("/api/v1/frameworks", Map.of());
			PrintWriter out = spec.commandLine().getOut();
			out.printf("%-36s  %-24s  %7s  %6s  %8s  %s%n", "ID", "KEY", "VERSION", "NODES", "CONTROLS", "NAME");
			for (JsonNode f : frameworks) {
				out.printf("%-36s  %-24s  %7d  %6d  %8d  %s%n", f.get("id").asString(), f.get("key").asString(), f.get("version").asInt(),
						f.get("nodeCount").asInt(), f.get("controlCount").asInt(), f.get("name").asString());
			}
			return 0;
		}
	}

	/** {@code aims frameworks import <file>}: a framework or mapping library, all or nothing. */
	@Command(name = "import", description = "Import a CISO Assistant library (YAML) or an OSCAL catalog (JSON).")
	static final class ImportCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "FILE", description = "The library file (.yaml, .yml or .json).")
		Path file;

		ImportCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			byte[] content;
			try {
				content = Files.readAllBytes(file);
			}
			catch (NoSuchFileException e) {
				throw new java.io.IOException("no file " + file);
			}
			String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
			String type = name.endsWith(".json") ? "application/json" : "application/yaml";
			ClientConfig config = ClientConfig.load(environment);
			JsonNode report = new ApiClient(config.server(), config.token()).postBytes("/api/v1/frameworks", type, content);
			PrintWriter out = spec.commandLine().getOut();
			if ("MAPPING".equals(report.get("kind").asString())) {
				out.printf("imported mapping %s (version %d): %d links%n", report.get("name").asString(), report.get("version").asInt(),
						report.get("links").asInt());
			}
			else {
				out.printf("imported %s (version %d): %d nodes, %d assessable, %d controls%n", report.get("name").asString(),
						report.get("version").asInt(), report.get("nodes").asInt(), report.get("assessable").asInt(),
						report.get("controls").asInt());
			}
			report.get("notes").forEach(n -> out.println("note: " + n.asString()));
			return 0;
		}
	}
}
