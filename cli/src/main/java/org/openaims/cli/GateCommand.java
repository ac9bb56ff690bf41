package org.openaims.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code aims gate --change C}: asks the release gate whether the change's version may ship. Exit 0
 * when it allows, 1 when it denies (each rule's verdict is printed), 2 on an error. The decision is
 * recorded (and signed) unless {@code --dry-run}.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
		description = "Ask the release gate whether a change may ship (exit 0 allow, 1 deny, 2 error).")
final class GateCommand implements Callable<Integer> {

	private final Environment environment;

	@Spec
	CommandSpec spec;

	@Option(names = "--change", required = true, description = "The change ticket's id.")
	String change;

	@Option(names = "--json", description = "Print the decision as JSON.")
	boolean json;

	@Option(names = "--dry-run", description = "Evaluate without recording a decision.")
	boolean dryRun;

	@Option(names = "--statement", paramLabel = "FILE",
			description = "Save the decision's signed statement (DSSE envelope with its ledger proof) to FILE; check it with 'aims verify'.")
	Path statement;

	GateCommand(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() throws Exception {
		ClientConfig config = ClientConfig.load(environment);
		ApiClient api = new ApiClient(config.server(), config.token());
		JsonNode decision = dryRun ? api.get("/api/v1/changes/" + change + "/gate", Map.of())
				: api.post("/api/v1/changes/" + change + "/gate", Map.of());
		PrintWriter out = spec.commandLine().getOut();
		boolean allowed = "ALLOW".equals(decision.get("verdict").asString());
		if (statement != null && !dryRun) {
			Files.writeString(statement, api.getText("/api/v1/gate-decisions/" + decision.get("id").asString() + "/statement"),
					StandardCharsets.UTF_8);
		}
		if (json) {
			out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(decision));
			return allowed ? 0 : 1;
		}
		out.printf("%s: %s %s (risk tier %s, gate policy %s)%n", allowed ? "ALLOW" : "DENY", decision.get("aiSystemName").asString(),
				decision.get("systemVersion").asString(), decision.get("riskTier").asString("?"),
				decision.hasNonNull("policyVersion") ? "version " + decision.get("policyVersion").asInt() : "none approved");
		for (JsonNode rule : decision.get("rules")) {
			out.printf("  %-4s %-16s expected %s; found %s%n", rule.get("pass").asBoolean() ? "pass" : "FAIL", rule.get("rule").asString(),
					rule.get("expected").asString(), rule.get("found").asString());
		}
		if (!dryRun) {
			out.println("decision " + decision.get("id").asString() + " recorded, statement sha256 " + decision.get("statementDigest").asString()
					+ (statement == null ? "" : ", saved to " + statement));
		}
		return allowed ? 0 : 1;
	}
}
