package org.openaims.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code aims deployments}: record deployments and rollbacks. */
@Command(name = "deployments", mixinStandardHelpOptions = true, description = "Deployments: record one, or a rollback.",
		subcommands = { DeploymentsCommand.RecordCommand.class, DeploymentsCommand.RollbackCommand.class })
final class DeploymentsCommand {

	/** {@code aims deployments record --system S --version V --environment production [--change C] [--decision D]}. */
	@Command(name = "record",
			description = "Record a deployment; without a gate decision that allows it, it is recorded and flagged.")
	static final class RecordCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		// Not the standard help options: their --version would take the name this command needs.
		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
		boolean help;

		@Option(names = "--system", required = true, description = "The AI system, by id or exact name.")
		String system;

		@Option(names = "--version", required = true)
		String version;

		@Option(names = "--environment", required = true, description = "e.g. production, staging")
		String target;

		@Option(names = "--change", description = "The change ticket this deployment ships.")
		String change;

		@Option(names = "--decision", description = "The gate decision it relies on (from 'aims gate').")
		String decision;

		@Option(names = "--note")
		String note;

		RecordCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("aiSystemId", api.systemId(system));
			body.put("version", version);
			body.put("environment", target);
			body.put("changeId", change);
			body.put("gateDecisionId", decision);
			body.put("note", note);
			JsonNode d = api.post("/api/v1/deployments", body);
			PrintWriter out = spec.commandLine().getOut();
			out.printf("recorded deployment %s: %s %s to %s%s%n", d.get("id").asString(), d.get("aiSystemName").asString(),
					d.get("version").asString(), d.get("environment").asString(),
					d.get("withoutAllow").asBoolean() ? " — WITHOUT a gate decision that allows it (flagged as a nonconformity candidate)" : "");
			return 0;
		}
	}

	/** {@code aims deployments rollback --change C --environment production --reason R}. */
	@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Record a rollback that followed a change's rollback plan.")
	static final class RollbackCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Option(names = "--change", required = true, description = "The change whose rollback plan was followed.")
		String change;

		@Option(names = "--environment", required = true)
		String target;

		@Option(names = "--reason", required = true)
		String reason;

		@Option(names = "--to-version", description = "The version the environment returns to (default: the one before).")
		String toVersion;

		RollbackCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("changeId", change);
			body.put("environment", target);
			body.put("reason", reason);
			body.put("toVersion", toVersion);
			JsonNode d = new ApiClient(config.server(), config.token()).post("/api/v1/deployments/rollbacks", body);
			spec.commandLine().getOut().printf("recorded rollback %s: %s back to %s in %s%n", d.get("id").asString(),
					d.get("aiSystemName").asString(), d.get("version").asString(), d.get("environment").asString());
			return 0;
		}
	}
}
