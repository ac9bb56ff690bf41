package org.openaims.monitoring;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.cli.Aims;
import org.openaims.cli.Environment;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/** Systems, events, rules and incidents for the monitoring tests, through the API. */
final class MonitoringFixture {

	final Api api;

	final TestUsers users;

	final TestUser manager;

	final TestUser owner;

	MonitoringFixture(Api api, TestUsers users) {
		this.api = api;
		this.users = users;
		this.manager = users.create(Role.AIMS_MANAGER);
		this.owner = users.create(Role.SYSTEM_OWNER);
	}

	String system(String name, String... roles) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name + " " + System.nanoTime());
		s.put("description", "Monitored system");
		s.put("intendedPurpose", "Be monitored");
		s.put("organizationRoles", roles.length == 0 ? List.of("PROVIDER") : List.of(roles));
		s.put("lifecycleStage", "OPERATING");
		s.put("riskTier", "HIGH");
		s.put("owner", owner.username());
		return api.body(api.post(manager, "/api/v1/ai-systems", s), HttpStatus.CREATED).get("id").asString();
	}

	static Map<String, Object> metric(String system, String name, double value, Instant time) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("aiSystemId", system);
		e.put("type", "metric");
		e.put("name", name);
		e.put("value", value);
		e.put("time", time.toString());
		return e;
	}

	static Map<String, Object> event(String system, String type, Instant time) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("aiSystemId", system);
		e.put("type", type);
		e.put("time", time.toString());
		return e;
	}

	JsonNode push(TestUser who, List<Map<String, Object>> events, String batchId, HttpStatus expected) {
		String uri = "/api/v1/events" + (batchId == null ? "" : "?batchId=" + batchId);
		return api.body(api.postBytes(who, uri, "application/json", api.write(events).getBytes(StandardCharsets.UTF_8)), expected);
	}

	JsonNode rule(Map<String, Object> body) {
		return api.body(api.post(manager, "/api/v1/monitoring-rules", body), HttpStatus.CREATED);
	}

	static Map<String, Object> threshold(String system, String metric, String direction, double raise, double clear, long forSeconds) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("aiSystemId", system);
		r.put("name", metric + " " + direction.toLowerCase() + " " + raise);
		r.put("kind", "THRESHOLD");
		r.put("eventType", "metric");
		r.put("eventName", metric);
		r.put("direction", direction);
		r.put("raiseValue", raise);
		r.put("clearValue", clear);
		r.put("forSeconds", forSeconds);
		r.put("severity", "HIGH");
		return r;
	}

	List<JsonNode> incidents(String system) {
		List<JsonNode> out = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/incidents?limit=500&aiSystem=" + system), HttpStatus.OK).get("items").forEach(out::add);
		return out;
	}

	/** Runs {@code aims} with arguments; returns exit code and output. */
	static Map.Entry<Integer, String> aims(Path dir, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Aims.run(new PrintWriter(out, true), new PrintWriter(err, true),
				new Environment(Map.of(), dir, new BufferedReader(new StringReader(""))), args);
		return Map.entry(code, out + err.toString());
	}

	static Path write(Path dir, String name, String content) throws java.io.IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}
}
