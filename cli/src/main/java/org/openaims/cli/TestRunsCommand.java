package org.openaims.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code aims test-runs}: push the test results and metrics of an AI system version from a pipeline. */
@Command(name = "test-runs", mixinStandardHelpOptions = true, description = "Test runs: push JUnit XML reports and metrics.",
		subcommands = TestRunsCommand.PushCommand.class)
final class TestRunsCommand {

	/** {@code aims test-runs push --system S --version V [--metrics m.json] report.xml…}. */
	@Command(name = "push",
			description = "Push a test run: JUnit XML reports (Surefire, Gradle, pytest, jest-junit, go-junit-report …) and/or a metrics JSON.")
	static final class PushCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		// Not the standard help options: their --version would take the name this command needs.
		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
		boolean help;

		@Option(names = "--system", required = true, description = "The AI system, by id or exact name.")
		String system;

		@Option(names = "--version", required = true, description = "The version of the system that was tested.")
		String version;

		@Option(names = "--metrics", paramLabel = "FILE",
				description = "Metrics JSON: [{\"name\",\"value\",\"unit\",\"dataset\",\"slice\"}] or gen_ai.evaluation.result events.")
		Path metrics;

		@Option(names = "--dataset", description = "The dataset or benchmark the run used.")
		String dataset;

		@Option(names = "--commit", description = "The commit or build reference.")
		String commit;

		@Option(names = "--evaluator", description = "The tool that evaluated, with its version (e.g. 'pytest 8.3').")
		String evaluator;

		@Option(names = "--json", description = "Print the recorded run as JSON.")
		boolean json;

		@Parameters(paramLabel = "REPORT", arity = "0..*", description = "JUnit XML report files (at most 20 MB each).")
		List<Path> reports = new ArrayList<>();

		PushCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			if (reports.isEmpty() && metrics == null) {
				throw new java.io.IOException("give at least one report file or --metrics");
			}
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			List<ApiClient.Part> parts = new ArrayList<>();
			for (Path report : reports) {
				parts.add(new ApiClient.Part("reports", report.getFileName().toString(), "application/xml", read(report)));
			}
			if (metrics != null) {
				parts.add(new ApiClient.Part("metrics", metrics.getFileName().toString(), "application/json", read(metrics)));
			}
			parts.add(ApiClient.Part.field("aiSystemId", api.systemId(system)));
			parts.add(ApiClient.Part.field("version", version));
			ApiClient.Part.addOptional(parts, "dataset", dataset);
			ApiClient.Part.addOptional(parts, "commit", commit);
			ApiClient.Part.addOptional(parts, "evaluator", evaluator);
			JsonNode run = api.postMultipart("/api/v1/test-runs", parts);
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run));
				return 0;
			}
			JsonNode s = run.get("summary");
			out.printf("recorded test run %s of %s %s: %d tests, %d passed, %d failed, %d errors, %d skipped%s%n", run.get("id").asString(),
					run.get("aiSystemName").asString(), run.get("systemVersion").asString(), s.get("tests").asInt(), s.get("passed").asInt(),
					s.get("failures").asInt(), s.get("errors").asInt(), s.get("skipped").asInt(),
					s.get("flaky").asInt() > 0 ? " (" + s.get("flaky").asInt() + " flaky)" : "");
			if (run.get("totalsDisagree").asBoolean()) {
				JsonNode d = run.get("declared");
				out.printf("note: the files declare %s tests, %s failures, %s errors, %s skipped%n", d.get("tests"), d.get("failures"),
						d.get("errors"), d.get("skipped"));
			}
			run.get("metrics").forEach(m -> out.printf("metric %s = %s%s%n", m.get("name").asString(), m.get("value").asString(),
					m.hasNonNull("slice") ? " [" + m.get("slice").asString() + "]" : ""));
			run.get("failures").forEach(f -> out.printf("FAILED %s %s: %s%n", f.get("className").asString(""), f.get("name").asString(""),
					f.get("message").asString("")));
			return 0;
		}

		private static byte[] read(Path file) throws java.io.IOException {
			try {
				return Files.readAllBytes(file);
			}
			catch (NoSuchFileException e) {
				throw new java.io.IOException("no file " + file);
			}
		}
	}
}
