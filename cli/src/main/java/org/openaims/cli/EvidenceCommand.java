package org.openaims.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aims evidence}: add evidence files from a pipeline and list what expires. */
@Command(name = "evidence", mixinStandardHelpOptions = true, description = "Evidence items: add files, list what expires.",
		subcommands = { EvidenceCommand.AddCommand.class, EvidenceCommand.ListCommand.class })
final class EvidenceCommand {

	/** {@code aims evidence add FILE --requirement A.6.2.4 --system S --valid-until D}. */
	@Command(name = "add", mixinStandardHelpOptions = true, description = "Upload a file as an evidence item, linked to requirements and AI systems.")
	static final class AddCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "FILE", description = "The file (at most 10 MB; its type is read from its content).")
		Path file;

		@Option(names = "--title", description = "Its title (default: the file name).")
		String title;

		@Option(names = "--description")
		String description;

		@Option(names = "--requirement", description = "A requirement or control it is evidence for: A.6.2.4, iso27001-2022:A.8.15 or an id (repeatable).")
		List<String> requirements = new ArrayList<>();

		@Option(names = "--system", description = "An AI system it concerns, by id or exact name (repeatable).")
		List<String> systems = new ArrayList<>();

		@Option(names = "--valid-until", paramLabel = "DATE", description = "When it stops being valid (YYYY-MM-DD).")
		String validUntil;

		@Option(names = "--from", paramLabel = "DATE", description = "Start of the period it proves.")
		String effectiveFrom;

		@Option(names = "--to", paramLabel = "DATE", description = "End of the period it proves.")
		String effectiveTo;

		@Option(names = "--owner", description = "Its owner (default: you).")
		String owner;

		AddCommand(Environment environment) {
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
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			String name = file.getFileName().toString();
			List<ApiClient.Part> parts = new ArrayList<>();
			parts.add(new ApiClient.Part("file", name, "application/octet-stream", content));
			parts.add(ApiClient.Part.field("title", title == null || title.isBlank() ? name : title));
			ApiClient.Part.addOptional(parts, "description", description);
			ApiClient.Part.addOptional(parts, "owner", owner);
			ApiClient.Part.addOptional(parts, "validUntil", validUntil);
			ApiClient.Part.addOptional(parts, "effectiveFrom", effectiveFrom);
			ApiClient.Part.addOptional(parts, "effectiveTo", effectiveTo);
			requirements.forEach(r -> parts.add(ApiClient.Part.field("requirements", r)));
			for (String system : systems) {
				parts.add(ApiClient.Part.field("aiSystemIds", api.systemId(system)));
			}
			JsonNode item = api.postMultipart("/api/v1/evidence/files", parts);
			JsonNode version = item.get("versions").get(0);
			PrintWriter out = spec.commandLine().getOut();
			out.printf("added evidence %s: %s (%s, %d bytes, sha256 %s)%n", item.get("id").asString(), version.get("fileName").asString(),
					version.get("mediaType").asString(), version.get("size").asLong(), version.get("sha256").asString());
			out.println(item.hasNonNull("validUntil") ? "valid until " + item.get("validUntil").asString() : "no expiry date");
			item.get("requirements").forEach(r -> out.println("linked to " + r.get("framework").asString("") + ":" + r.get("refId").asString("")
					+ " " + r.get("label").asString("")));
			item.get("aiSystems").forEach(s -> out.println("linked to AI system " + s.get("name").asString()));
			return 0;
		}
	}

	/** {@code aims evidence list --expiring-within 30}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List evidence items (all pages), e.g. what expires within 30 days.")
	static final class ListCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Option(names = "--expiring-within", paramLabel = "DAYS", description = "Only items whose validity ends within this many days.")
		Integer expiringWithin;

		@Option(names = "--validity", description = "VALID, EXPIRING, EXPIRED or NO_EXPIRY")
		String validity;

		@Option(names = "--requirement", description = "Only items linked to this requirement or control (A.6.2.4, key:ref or id).")
		String requirement;

		@Option(names = { "-q", "--search" })
		String text;

		ListCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			PrintWriter out = spec.commandLine().getOut();
			out.printf("%-36s  %-6s  %-10s  %-9s  %s%n", "ID", "KIND", "VALID UNTIL", "VALIDITY", "TITLE");
			String after = null;
			do {
				Map<String, String> query = new LinkedHashMap<>();
				query.put("expiringWithin", expiringWithin == null ? null : expiringWithin.toString());
				query.put("validity", validity);
				query.put("requirement", requirement);
				query.put("q", text);
				query.put("sort", "expiry");
				query.put("limit", "500");
				query.put("after", after);
				JsonNode page = api.get("/api/v1/evidence", query);
				for (JsonNode e : page.get("items")) {
					out.printf("%-36s  %-6s  %-10s  %-9s  %s%n", e.get("id").asString(), e.get("kind").asString(),
							e.hasNonNull("validUntil") ? e.get("validUntil").asString() : "-", e.get("validity").asString(),
							e.get("title").asString());
				}
				after = page.hasNonNull("next") ? page.get("next").asString() : null;
			}
			while (after != null);
			return 0;
		}
	}
}
