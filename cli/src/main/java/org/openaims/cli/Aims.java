package org.openaims.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code aims} command: signs in, lists the register, and (for CI pipelines) pushes results
 * and asks the release gate. Exit codes: 0 success, 1 a negative answer (blocked, not intact),
 * 2 an error (usage, network, refused request).
 */
@Command(name = "aims", mixinStandardHelpOptions = true, version = "aims 0.1.0",
		description = "Command-line client of OpenAIMS, the AI Management System for ISO/IEC 42001.",
		subcommands = { LoginCommand.class, SystemsCommand.class, FrameworksCommand.class, EvidenceCommand.class, TestRunsCommand.class,
				ChangesCommand.class, GateCommand.class, DeploymentsCommand.class, EventsCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class })
public final class Aims {

	public static void main(String[] args) {
		System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Environment.system(), args));
	}

	/** Runs a command line with the given output and environment (tests use their own). */
	public static int run(PrintWriter out, PrintWriter err, Environment environment, String... args) {
		CommandLine line = commandLine(environment);
		line.setOut(out);
		line.setErr(err);
		line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
			commandLine.getErr().println("aims: " + e.getMessage());
			return 2;
		});
		return line.execute(args);
	}

	/** The command tree, its commands made with the environment they run in. */
	static CommandLine commandLine(Environment environment) {
		return new CommandLine(new Aims(), new Factory(environment));
	}

	/** Gives commands the environment they run in. */
	private record Factory(Environment environment) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				return type.getDeclaredConstructor(Environment.class).newInstance(environment);
			}
			catch (NoSuchMethodException e) {
				return CommandLine.defaultFactory().create(type);
			}
		}
	}
}
