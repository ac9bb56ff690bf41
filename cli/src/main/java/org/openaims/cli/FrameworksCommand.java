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
@Command(name = "frameworks", mixinStandardHelpOptions = true, description = "The catalog of frameworks and mappings.",
		subcommands = { FrameworksCommand.ListCommand.class, FrameworksCommand.ImportCommand.class })
final class FrameworksCommand {

	/** {@code aims frameworks list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the frameworks in the catalog.")
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
			ApiClient api = new ApiClient(config.server(), config.token());
			java.util.List<JsonNode> frameworks = new java.util.ArrayList<>();
			String after = null;
			do {
				java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
				query.put("limit", "500");
				query.put("after", after);
				JsonNode page = api.get("/api/v1/frameworks", query);
				JsonNode items = page.isArray() ? page : page.get("items");
				items.forEach(frameworks::add);
				after = !page.isArray() && page.hasNonNull("next") ? page.get("next").asString() : null;
			}
			while (after != null);
			// Columns as wide as their longest value, so long keys keep the table aligned.
			int keyWidth = Math.max(3, frameworks.stream().mapToInt(f -> f.get("key").asString().length()).max().orElse(0));
			String format = "%-36s  %-" + keyWidth + "s  %7s  %6s  %8s  %s%n";
			PrintWriter out = spec.commandLine().getOut();
			out.printf(format, "ID", "KEY", "VERSION", "NODES", "CONTROLS", "NAME");
			for (JsonNode f : frameworks) {
				out.printf(format, f.get("id").asString(), f.get("key").asString(), f.get("version").asInt(), f.get("nodeCount").asInt(),
						f.get("controlCount").asInt(), f.get("name").asString());
			}
			return 0;
		}
	}

	/** {@code aims frameworks import <file>}: a framework or mapping library, all or nothing. */
	@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a CISO Assistant library (YAML) or an OSCAL catalog (JSON).")
	static final class ImportCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "FILE", description = "The library file (.yaml, .yml or .json).")
		Path file;

		@picocli.CommandLine.Option(names = "--dry-run", description = "Show what the file would import (counts per depth, mapping sets, "
				+ "links to frameworks not in the catalog) and store nothing.")
		boolean dryRun;

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
			PrintWriter out = spec.commandLine().getOut();
			JsonNode report;
			try {
				report = new ApiClient(config.server(), config.token()).postBytes("/api/v1/frameworks" + (dryRun ? "?dryRun=true" : ""), type,
						content);
			}
			catch (ApiClient.ApiException e) {
				// Pipelines re-run: the same library again is no error.
				java.util.regex.Matcher known = java.util.regex.Pattern.compile("version (\\d+) of (\\S+) is in the catalog already")
					.matcher(e.getMessage());
				java.util.regex.Matcher sameContent = java.util.regex.Pattern.compile("in the catalog already as version (\\d+)")
					.matcher(e.getMessage());
				if (e.status() == 409 && known.find()) {
					out.printf("%s already imported as version %s%n", file.getFileName(), known.group(1));
					return 0;
				}
				if (e.status() == 409 && sameContent.find()) {
					out.printf("%s already imported as version %s%n", file.getFileName(), sameContent.group(1));
					return 0;
				}
				throw e;
			}
			String verb = dryRun ? "would import" : "imported";
			if ("MAPPING".equals(report.get("kind").asString())) {
				out.printf("%s mapping %s (version %d): %d links%n", verb, report.get("name").asString(), report.get("version").asInt(),
						report.get("links").asInt());
				report.path("mappingSets").forEach(set -> out.printf("  set %s (%s -> %s): %d links, %d not resolving yet%n",
						set.get("name").asString(), set.get("sourceKey").asString(), set.get("targetKey").asString(), set.get("links").asInt(),
						set.get("unresolved").asInt()));
			}
			else {
				out.printf("%s %s (version %d): %d nodes, %d assessable, %d controls%n", verb, report.get("name").asString(),
						report.get("version").asInt(), report.get("nodes").asInt(), report.get("assessable").asInt(),
						report.get("controls").asInt());
				if (dryRun) {
					StringBuilder depths = new StringBuilder("  nodes per depth:");
					report.path("nodesPerDepth").properties().forEach(d -> depths.append(' ').append(d.getKey()).append('=')
						.append(d.getValue().asInt()));
					out.println(depths);
				}
			}
			report.get("notes").forEach(n -> out.println("note: " + n.asString()));
			return 0;
		}
	}
}
