package org.openaims.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code aims changes}: open a change ticket and submit it for approval. */
@Command(name = "changes", mixinStandardHelpOptions = true, description = "Change tickets: open, submit for approval.",
		subcommands = { ChangesCommand.OpenCommand.class, ChangesCommand.SubmitCommand.class })
final class ChangesCommand {

	/** {@code aims changes open --system S --from 1.0 --to 2.0 --type MODEL_RETRAINED --title T …}. */
	@Command(name = "open", mixinStandardHelpOptions = true, description = "Open a change ticket (prints its id).")
	static final class OpenCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Option(names = "--system", required = true, description = "The AI system, by id or exact name.")
		String system;

		@Option(names = "--from", description = "The version the change starts from.")
		String from;

		@Option(names = "--to", required = true, description = "The version the change introduces.")
		String to;

		@Option(names = "--type", required = true,
				description = "MODEL_RETRAINED, DATA_CHANGED, PROMPT_OR_CONFIGURATION_CHANGED, INFRASTRUCTURE, VENDOR_MODEL_UPDATED, RETIREMENT")
		String type;

		@Option(names = "--title", required = true)
		String title;

		@Option(names = "--description")
		String description;

		@Option(names = "--significance", defaultValue = "SIGNIFICANT", description = "MINOR or SIGNIFICANT (default: ${DEFAULT-VALUE}).")
		String significance;

		@Option(names = "--test-run", paramLabel = "ID", description = "A test run showing the change works (repeatable).")
		List<String> testRuns = new ArrayList<>();

		@Option(names = "--rollback-steps")
		String rollbackSteps;

		@Option(names = "--rollback-triggers", description = "When to roll back.")
		String rollbackTriggers;

		@Option(names = "--rollback-owner", description = "Who rolls back (a username).")
		String rollbackOwner;

		@Option(names = "--rollback-tested-on", paramLabel = "DATE", description = "When the rollback was tested (YYYY-MM-DD).")
		String rollbackTestedOn;

		@Option(names = "--submit", description = "Submit the change for approval once opened.")
		boolean submit;

		OpenCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			Map<String, Object> plan = new LinkedHashMap<>();
			plan.put("steps", rollbackSteps);
			plan.put("triggerCriteria", rollbackTriggers);
			plan.put("owner", rollbackOwner);
			plan.put("tested", rollbackTestedOn != null);
			plan.put("testedOn", rollbackTestedOn);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("aiSystemId", api.systemId(system));
			body.put("fromVersion", from);
			body.put("toVersion", to);
			body.put("type", type);
			body.put("title", title);
			body.put("description", description);
			body.put("significance", significance);
			body.put("testRunIds", testRuns);
			body.put("rollbackPlan", plan);
			JsonNode change = api.post("/api/v1/changes", body);
			String id = change.get("id").asString();
			if (submit) {
				api.post("/api/v1/changes/" + id + "/submit", Map.of());
			}
			PrintWriter out = spec.commandLine().getOut();
			out.println(id);
			spec.commandLine().getErr().println("opened change " + id + ": " + change.get("aiSystemName").asString() + " "
					+ (from == null ? "" : from + " → ") + to + (submit ? ", submitted for approval" : ""));
			return 0;
		}
	}

	/** {@code aims changes submit CHANGE}. */
	@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a change for approval.")
	static final class SubmitCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "CHANGE", description = "The change's id.")
		String change;

		SubmitCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			JsonNode c = new ApiClient(config.server(), config.token()).post("/api/v1/changes/" + change + "/submit", Map.of());
			spec.commandLine().getOut().println("submitted change " + c.get("id").asString() + " for approval");
			return 0;
		}
	}
}
