package org.openaims.cli;

import java.io.Console;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aims login}: exchanges a username and password for an API token and stores it. */
@Command(name = "login", mixinStandardHelpOptions = true, description = "Sign in and store an API token for the next commands.")
final class LoginCommand implements Callable<Integer> {

	private final Environment environment;

	@Spec
	CommandSpec spec;

	@Option(names = "--server", required = true, description = "Server URL, e.g. http://localhost:8080")
	String server;

	@Option(names = { "-u", "--username" }, required = true)
	String username;

	@Option(names = "--password-stdin", description = "Read the password from standard input.")
	boolean passwordStdin;

	@Option(names = "--days", defaultValue = "90", description = "How long the token lives (1-365, default ${DEFAULT-VALUE}).")
	int days;

	LoginCommand(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() throws Exception {
		String password = password();
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("username", username);
		request.put("password", password);
		request.put("tokenName", "aims CLI on " + hostname());
		request.put("expiresInDays", days);
		JsonNode issued = new ApiClient(server, null).post("/api/v1/auth/token", request);
		new ClientConfig(server, issued.get("secret").asString()).save(environment);
		spec.commandLine().getOut().println("Signed in to " + server + " as " + username + "; token valid until "
				+ issued.get("token").get("expiresAt").asString() + " (stored in " + environment.configFile() + ")");
		return 0;
	}

	private String password() throws java.io.IOException {
		Console console = System.console();
		if (!passwordStdin && console != null) {
			char[] typed = console.readPassword("Password for %s: ", username);
			return typed == null ? "" : new String(typed);
		}
		return environment.readLine();
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException e) {
			return "unknown host";
		}
	}
}
