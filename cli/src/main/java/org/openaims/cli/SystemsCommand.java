package org.openaims.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aims systems}: the AI system register. */
@Command(name = "systems", mixinStandardHelpOptions = true, description = "The AI system register.", subcommands = SystemsCommand.ListCommand.class)
final class SystemsCommand {

	/** {@code aims systems list}: every system matching the filters, page after page. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List AI systems (all pages).")
	static final class ListCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Option(names = "--stage", description = "IDEA, DESIGN, DEVELOPMENT, VERIFICATION, DEPLOYED, OPERATING, RETIRED")
		String stage;

		@Option(names = "--tier", description = "LOW, MEDIUM, HIGH, CRITICAL")
		String tier;

		@Option(names = "--role", description = "PROVIDER, DEVELOPER, DEPLOYER, USER")
		String role;

		@Option(names = "--owner")
		String owner;

		@Option(names = { "-q", "--search" }, description = "Text in name, description, purpose or unit")
		String text;

		@Option(names = "--json", description = "Print the systems as a JSON array.")
		boolean json;

		ListCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			List<JsonNode> systems = new ArrayList<>();
			String after = null;
			do {
				Map<String, String> query = new LinkedHashMap<>();
				query.put("stage", stage);
				query.put("tier", tier);
				query.put("role", role);
				query.put("owner", owner);
				query.put("q", text);
				query.put("limit", "500");
				query.put("after", after);
				JsonNode page = api.get("/api/v1/ai-systems", query);
				page.get("items").forEach(systems::add);
				after = page.get("next").isNull() ? null : page.get("next").asString();
			}
			while (after != null);
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(systems));
				return 0;
			}
			out.printf("%-36s  %-32s  %-12s  %-8s  %s%n", "ID", "NAME", "STAGE", "TIER", "OWNER");
			for (JsonNode s : systems) {
				out.printf("%-36s  %-32s  %-12s  %-8s  %s%n", s.get("id").asString(), s.get("name").asString(),
						s.get("lifecycleStage").asString(), s.get("riskTier").asString(), s.get("owner").asString());
			}
			out.println(systems.size() + " system(s)");
			return 0;
		}
	}
}
