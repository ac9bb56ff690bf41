package org.openaims.monitoring.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.ledger.EventLeaves;
import org.openaims.monitoring.EventSeverity;
import org.openaims.monitoring.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of operational events — a JSON array of objects, or NDJSON (one object per line) —
 * checks every event and writes each in its canonical JSON (RFC 8785) with its leaf hash. A batch with
 * any bad event is refused whole, naming each bad event's index and reason ({@code events[3].time}).
 */
public final class EventParser {

	/** At most this many events in one batch. */
	public static final int MAX_EVENTS = 10_000;

	/** At most this many bytes in one batch. */
	public static final int MAX_BYTES = 16 * 1024 * 1024;

	static final int MAX_ATTRIBUTES = 64;

	static final int MAX_TEXT = 2_000;

	/** Problems listed in one refusal; the rest are counted. */
	static final int MAX_PROBLEMS = 100;

	private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_.:/\\-]{1,128}");

	private static final Set<String> FIELDS = Set.of("aiSystemId", "systemVersion", "type", "name", "value", "severity", "time", "message",
			"attributes");

	private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	/** Events may be at most this far in the future (clock skew). */
	static final long FUTURE_SECONDS = 24 * 3600;

	private EventParser() {
	}

	/** One checked event: its columns, canonical JSON and leaf hash. */
	public record Event(UUID aiSystemId, String systemVersion, EventType type, String name, Double value, EventSeverity severity, Instant time,
			String canonical, byte[] leaf) {
	}

	/** Reads {@code body}; {@code field} names the request part in problems ("events"). */
	public static List<Event> parse(byte[] body, Instant now) {
		if (body == null || body.length == 0) {
			throw new InvalidInputException("events", "the batch is empty: send a JSON array of events or NDJSON (one event per line)");
		}
		if (body.length > MAX_BYTES) {
			throw new InvalidInputException("events", "a batch is at most " + MAX_BYTES / (1024 * 1024) + " MB; this one has " + body.length + " bytes");
		}
		List<JsonNode> nodes = new ArrayList<>();
		int first = 0;
		if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
			first = 3;
		}
		while (first < body.length && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r' || body[first] == '\t')) {
			first++;
		}
		if (first < body.length && body[first] == '[') {
			JsonNode array;
			try {
				// Jackson reads the bytes as UTF-8 and refuses malformed sequences.
				array = JSON.readTree(body, first, body.length - first);
			}
			catch (JacksonException e) {
				throw new InvalidInputException("events", "the batch is not a JSON array of events: " + e.getOriginalMessage());
			}
			if (array == null || !array.isArray()) {
				throw new InvalidInputException("events", "the batch is not a JSON array");
			}
			if (array.size() > MAX_EVENTS) {
				throw new InvalidInputException("events", "a batch has at most " + MAX_EVENTS + " events; this one has " + array.size());
			}
			array.forEach(nodes::add);
		}
		else {
			String text;
			try {
				text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body, first, body.length - first)).toString();
			}
			catch (CharacterCodingException e) {
				throw new InvalidInputException("events", "the batch is not UTF-8 text");
			}
			int line = 0;
			for (String l : text.split("\r?\n", -1)) {
				line++;
				if (l.isBlank()) {
					continue;
				}
				if (nodes.size() == MAX_EVENTS) {
					throw new InvalidInputException("events", "a batch has at most " + MAX_EVENTS + " events");
				}
				try {
					nodes.add(JSON.readTree(l));
				}
				catch (JacksonException e) {
					throw new InvalidInputException("events", "line " + line + " is not a JSON object: " + e.getOriginalMessage()
							+ " (send a JSON array or NDJSON, one event per line)");
				}
			}
		}
		if (nodes.isEmpty()) {
			throw new InvalidInputException("events", "the batch holds no events");
		}
		List<Event> events = new ArrayList<>(nodes.size());
		List<FieldProblem> problems = new ArrayList<>();
		int bad = 0;
		for (int i = 0; i < nodes.size(); i++) {
			List<FieldProblem> own = new ArrayList<>();
			Event e = event(i, nodes.get(i), now, own);
			if (own.isEmpty()) {
				events.add(e);
			}
			else {
				bad++;
				for (FieldProblem p : own) {
					if (problems.size() < MAX_PROBLEMS) {
						problems.add(p);
					}
				}
			}
		}
		if (bad > 0) {
			if (problems.size() == MAX_PROBLEMS) {
				problems.add(new FieldProblem("events", bad + " of " + nodes.size() + " events are bad; the first " + MAX_PROBLEMS + " problems are listed"));
			}
			throw new InvalidInputException(problems);
		}
		return events;
	}

	private static Event event(int i, JsonNode node, Instant now, List<FieldProblem> problems) {
		String at = "events[" + i + "]";
		if (node == null || !node.isObject()) {
			problems.add(new FieldProblem(at, "event " + i + " is not a JSON object"));
			return null;
		}
		for (String f : node.propertyNames()) {
			if (!FIELDS.contains(f)) {
				problems.add(new FieldProblem(at + "." + f, "event " + i + ": unknown field '" + cut(f) + "' (fields: " + String.join(", ", FIELDS) + ")"));
			}
		}
		UUID system = null;
		String systemText = text(node, "aiSystemId");
		if (systemText == null) {
			problems.add(new FieldProblem(at + ".aiSystemId", "event " + i + ": name the AI system (aiSystemId)"));
		}
		else {
			try {
				system = UUID.fromString(systemText);
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem(at + ".aiSystemId", "event " + i + ": aiSystemId is not a UUID"));
			}
		}
		EventType type = EventType.read(text(node, "type")).orElse(null);
		if (type == null) {
			problems.add(new FieldProblem(at + ".type", "event " + i + ": type must be one of " + EventType.names()));
		}
		String version = optionalText(node, "systemVersion", 100, at, i, problems);
		String name = optionalText(node, "name", 200, at, i, problems);
		String message = optionalText(node, "message", MAX_TEXT, at, i, problems);
		EventSeverity severity = EventSeverity.INFO;
		if (text(node, "severity") != null) {
			try {
				severity = EventSeverity.valueOf(text(node, "severity").strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem(at + ".severity", "event " + i + ": severity must be one of " + java.util.Arrays.toString(EventSeverity.values())));
			}
		}
		Instant time = null;
		String timeText = text(node, "time");
		if (timeText == null) {
			problems.add(new FieldProblem(at + ".time", "event " + i + ": say when it happened (time, RFC 3339 with an offset)"));
		}
		else {
			try {
				time = OffsetDateTime.parse(timeText.strip()).toInstant();
				if (time.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || time.isAfter(now.plusSeconds(FUTURE_SECONDS))) {
					problems.add(new FieldProblem(at + ".time", "event " + i + ": time " + cut(timeText) + " is before 2000 or more than a day ahead"));
					time = null;
				}
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem(at + ".time", "event " + i + ": time is not an RFC 3339 timestamp with an offset (2026-12-04T10:00:00Z)"));
			}
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		JsonNode attrs = node.get("attributes");
		if (attrs != null && !attrs.isNull()) {
			if (!attrs.isObject()) {
				problems.add(new FieldProblem(at + ".attributes", "event " + i + ": attributes must be an object of names to strings, numbers or booleans"));
			}
			else if (attrs.size() > MAX_ATTRIBUTES) {
				problems.add(new FieldProblem(at + ".attributes", "event " + i + ": at most " + MAX_ATTRIBUTES + " attributes"));
			}
			else {
				for (Map.Entry<String, JsonNode> a : attrs.properties()) {
					String key = a.getKey();
					JsonNode v = a.getValue();
					if (!ATTRIBUTE_KEY.matcher(key).matches()) {
						problems.add(new FieldProblem(at + ".attributes", "event " + i + ": attribute name '" + cut(key)
								+ "' is not 1-128 letters, digits or _ . : / -"));
					}
					else if (v.isString()) {
						String s = v.asString();
						if (s.length() > MAX_TEXT || !wellFormed(s)) {
							problems.add(new FieldProblem(at + ".attributes", "event " + i + ": attribute " + key + " is longer than " + MAX_TEXT
									+ " characters or holds NUL or an unpaired surrogate"));
						}
						else {
							attributes.put(key, s);
						}
					}
					else if (v.isNumber()) {
						double d = v.asDouble();
						if (!Double.isFinite(d)) {
							problems.add(new FieldProblem(at + ".attributes", "event " + i + ": attribute " + key + " is not a finite number"));
						}
						else {
							attributes.put(key, d);
						}
					}
					else if (v.isBoolean()) {
						attributes.put(key, v.asBoolean());
					}
					else {
						problems.add(new FieldProblem(at + ".attributes", "event " + i + ": attribute " + key
								+ " must be a string, a number or a boolean (objects, arrays and null are not kept)"));
					}
				}
			}
		}
		Double value = null;
		JsonNode v = node.get("value");
		if (v != null && !v.isNull()) {
			if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
				problems.add(new FieldProblem(at + ".value", "event " + i + ": value must be a finite number"));
			}
			else {
				value = v.asDouble();
			}
		}
		if (type == EventType.EVALUATION) {
			// OpenTelemetry GenAI semantic conventions: gen_ai.evaluation.result events.
			if (name == null && attributes.get("gen_ai.evaluation.name") instanceof String n) {
				name = n.length() > 200 ? null : n;
			}
			if (value == null && attributes.get("gen_ai.evaluation.score.value") instanceof Double d) {
				value = d;
			}
			if (name == null) {
				problems.add(new FieldProblem(at + ".name", "event " + i + ": an evaluation result names its evaluation (name or attribute gen_ai.evaluation.name)"));
			}
		}
		if (type == EventType.METRIC) {
			if (name == null) {
				problems.add(new FieldProblem(at + ".name", "event " + i + ": a metric has a name"));
			}
			if (value == null) {
				problems.add(new FieldProblem(at + ".value", "event " + i + ": a metric has a value"));
			}
		}
		if (type == EventType.CUSTOM && name == null) {
			problems.add(new FieldProblem(at + ".name", "event " + i + ": a custom event has a name"));
		}
		if (!problems.isEmpty()) {
			return null;
		}
		// The canonical form (RFC 8785) written directly, its keys in sorted order.
		StringBuilder out = new StringBuilder(160 + (message == null ? 0 : message.length()) + attributes.size() * 40);
		out.append("{\"aiSystemId\":\"").append(system).append('"');
		if (!attributes.isEmpty()) {
			out.append(",\"attributes\":").append(EventLeaves.canonical(attributes));
		}
		if (message != null) {
			out.append(",\"message\":");
			EventLeaves.string(out, message);
		}
		if (name != null) {
			out.append(",\"name\":");
			EventLeaves.string(out, name);
		}
		out.append(",\"severity\":\"").append(severity.name()).append('"');
		if (version != null) {
			out.append(",\"systemVersion\":");
			EventLeaves.string(out, version);
		}
		out.append(",\"time\":\"").append(time).append("\",\"type\":\"").append(type.wire()).append('"');
		if (value != null) {
			out.append(",\"value\":").append(EventLeaves.number(value));
		}
		String json = out.append('}').toString();
		if (json.length() > 20_000) {
			problems.add(new FieldProblem(at, "event " + i + " is larger than 20,000 characters"));
			return null;
		}
		return new Event(system, version, type, name, value, severity, time, json, EventLeaves.leaf(json));
	}

	private static String optionalText(JsonNode node, String field, int max, String at, int i, List<FieldProblem> problems) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isString()) {
			problems.add(new FieldProblem(at + "." + field, "event " + i + ": " + field + " must be a string"));
			return null;
		}
		String s = v.asString().strip();
		if (s.isEmpty()) {
			return null;
		}
		if (s.length() > max || !wellFormed(s)) {
			problems.add(new FieldProblem(at + "." + field, "event " + i + ": " + field + " is longer than " + max
					+ " characters or holds NUL or an unpaired surrogate"));
			return null;
		}
		return s;
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() || !v.isString() ? null : v.asString();
	}

	/** No NUL and no unpaired surrogate (RFC 8785 needs valid Unicode). */
	static boolean wellFormed(String s) {
		for (int k = 0; k < s.length(); k++) {
			char c = s.charAt(k);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (k + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(k + 1))) {
					return false;
				}
				k++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private static String cut(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}
}
