package org.openaims.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code aims events}: push a batch of operational events, and fetch an event's inclusion proof. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Operational events: push a batch, fetch an event's inclusion proof.",
		subcommands = { EventsCommand.PushCommand.class, EventsCommand.ProofCommand.class })
final class EventsCommand {

	/** {@code aims events push [--batch-id ID] FILE}: a JSON array or NDJSON file of events. */
	@Command(name = "push", mixinStandardHelpOptions = true,
			description = "Push a batch of events (a JSON array, or NDJSON with one event per line). Pushing the same batch id again stores it once.")
	static final class PushCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Option(names = "--batch-id", description = "The batch's id, which makes a retry safe (default: the file's SHA-256).")
		String batchId;

		@Option(names = "--json", description = "Print the receipt as JSON.")
		boolean json;

		@Parameters(paramLabel = "FILE", description = "The events: a .json array or .ndjson lines (at most 10,000 events, 16 MB).")
		Path file;

		PushCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			byte[] body;
			try {
				body = Files.readAllBytes(file);
			}
			catch (NoSuchFileException e) {
				throw new java.io.IOException("no file " + file);
			}
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			String contentType = file.toString().endsWith(".ndjson") || file.toString().endsWith(".jsonl") ? "application/x-ndjson" : "application/json";
			String path = "/api/v1/events" + (batchId == null ? "" : "?batchId=" + java.net.URLEncoder.encode(batchId, StandardCharsets.UTF_8));
			JsonNode receipt = api.postBytes(path, contentType, body);
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(receipt));
				return 0;
			}
			out.printf("%s batch %s (%s): %d events, %d late, Merkle root %s%n", receipt.get("duplicate").asBoolean() ? "already accepted:" : "accepted",
					receipt.get("batchId").asString(), receipt.get("clientBatchId").asString(), receipt.get("events").asInt(),
					receipt.get("lateEvents").asInt(), receipt.get("merkleRoot").asString());
			receipt.get("incidentsRaised").forEach(r -> out.println("raised incident " + r.asString()));
			receipt.get("incidentsCleared").forEach(r -> out.println("cleared incident " + r.asString()));
			return 0;
		}
	}

	/** {@code aims events proof --batch B --index I [-o FILE]}: the proof {@code aims verify} checks offline. */
	@Command(name = "proof", mixinStandardHelpOptions = true, description = "Download the inclusion proof of one event of a batch (check it with aims verify).")
	static final class ProofCommand implements Callable<Integer> {

		private final Environment environment;

		@Spec
		CommandSpec spec;

		@Option(names = "--batch", required = true, description = "The batch id (from the push's receipt).")
		String batch;

		@Option(names = "--index", required = true, description = "The event's position in the batch, from 0.")
		int index;

		@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write the proof to FILE (default: standard output).")
		Path output;

		ProofCommand(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Integer call() throws Exception {
			ClientConfig config = ClientConfig.load(environment);
			ApiClient api = new ApiClient(config.server(), config.token());
			String proof = api.getText("/api/v1/event-batches/" + java.net.URLEncoder.encode(batch, StandardCharsets.UTF_8) + "/events/" + index
					+ "/proof");
			if (output == null) {
				spec.commandLine().getOut().println(proof);
			}
			else {
				Files.writeString(output, proof, StandardCharsets.UTF_8);
				spec.commandLine().getOut().println("wrote the proof of event " + index + " of batch " + batch + " to " + output);
			}
			return 0;
		}
	}
}
