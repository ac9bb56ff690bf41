package org.openaims.lifecycle.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openaims.common.FieldProblem;
import org.openaims.common.InputRules;
import org.openaims.common.InvalidInputException;
import org.openaims.lifecycle.TestRunView.Metric;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a metrics file: a JSON array whose elements are either metrics
 * ({@code {"name", "value", "unit", "dataset", "slice"}}) or OpenTelemetry GenAI
 * {@code gen_ai.evaluation.result} events ({@code {"name": "gen_ai.evaluation.result", "attributes":
 * {"gen_ai.evaluation.name": …, "gen_ai.evaluation.score.value": …, "gen_ai.evaluation.score.label": …}}},
 * attributes also as OTLP's {@code [{"key", "value": {"doubleValue" | "stringValue" | …}}]}). Events
 * are per response, so they are aggregated per evaluation name: the count, the mean score (the
 * metric's value) and the share whose label passes ({@code pass}, {@code passed}, {@code correct},
 * {@code relevant}, {@code true}; the value when events have labels only). Every problem is reported
 * with the element's index; nothing is kept from a file with any.
 */
public final class MetricsJson {

	/** The largest metrics file read. */
	public static final int MAX_BYTES = 20 * 1024 * 1024;

	/** At most this many elements. */
	public static final int MAX_ELEMENTS = 100_000;

	/** At most this many distinct metrics in one run. */
	public static final int MAX_METRICS = 1_000;

	static final String EVALUATION = "gen_ai.evaluation.result";

	private static final Set<String> PASSING = Set.of("pass", "passed", "correct", "relevant", "true", "ok", "success");

	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1_000_000).maxNumberLength(100).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.build();

	private MetricsJson() {
	}

	public static List<Metric> parse(String field, String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			throw new InvalidInputException(field, fileName + ": is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException(field, fileName + ": is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
		}
		JsonNode root;
		try {
			root = JSON.readTree(bytes);
		}
		catch (JacksonException e) {
			String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
			throw new InvalidInputException(field, fileName + ": is not valid JSON: " + JunitXml.cut(message.replaceAll("\\s+", " "), 300));
		}
		if (root == null || !root.isArray()) {
			throw new InvalidInputException(field, fileName + ": must be a JSON array of metrics or gen_ai.evaluation.result events");
		}
		if (root.size() > MAX_ELEMENTS) {
			throw new InvalidInputException(field, fileName + ": holds " + root.size() + " elements; at most " + MAX_ELEMENTS + " are read");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Metric> plain = new LinkedHashMap<>();
		Map<String, Integer> firstAt = new HashMap<>();
		Map<String, Aggregate> evaluations = new LinkedHashMap<>();
		for (int i = 0; i < root.size() && problems.size() < 50; i++) {
			String at = field + "[" + i + "]";
			JsonNode e = root.get(i);
			if (!e.isObject()) {
				problems.add(new FieldProblem(at, "must be an object"));
				continue;
			}
			if (EVALUATION.equals(text(e.get("name"))) || EVALUATION.equals(text(e.get("eventName")))) {
				evaluation(at, e.get("attributes"), evaluations, problems);
				continue;
			}
			String name = text(e.get("name"));
			JsonNode value = e.get("value");
			String error = checkName(name);
			if (error != null) {
				problems.add(new FieldProblem(at + ".name", error));
				continue;
			}
			if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
				problems.add(new FieldProblem(at + ".value", "must be a finite number"));
				continue;
			}
			String unit = optional(at + ".unit", e.get("unit"), 40, problems);
			String dataset = optional(at + ".dataset", e.get("dataset"), 300, problems);
			String slice = optional(at + ".slice", e.get("slice"), 200, problems);
			String key = name + "\u0001" + dataset + "\u0001" + slice;
			Integer earlier = firstAt.putIfAbsent(key, i);
			if (earlier != null) {
				problems.add(new FieldProblem(at, "repeats metric '" + name + "'" + (dataset == null ? "" : " on " + dataset)
						+ (slice == null ? "" : " / " + slice) + " given at [" + earlier + "]"));
				continue;
			}
			plain.put(key, new Metric(name, value.asDouble(), unit, dataset, slice, null, null));
		}
		InvalidInputException.throwIfAny(problems);
		List<Metric> metrics = new ArrayList<>(plain.values());
		evaluations.forEach((name, a) -> metrics.add(a.metric(name)));
		if (metrics.isEmpty()) {
			throw new InvalidInputException(field, fileName + ": holds no metric");
		}
		if (metrics.size() > MAX_METRICS) {
			throw new InvalidInputException(field, fileName + ": holds " + metrics.size() + " metrics; at most " + MAX_METRICS + " are kept per run");
		}
		return List.copyOf(metrics);
	}

	private static void evaluation(String at, JsonNode attributes, Map<String, Aggregate> evaluations, List<FieldProblem> problems) {
		Map<String, JsonNode> values = new HashMap<>();
		if (attributes != null && attributes.isObject()) {
			attributes.properties().forEach(p -> values.put(p.getKey(), p.getValue()));
		}
		else if (attributes != null && attributes.isArray()) {
			for (JsonNode kv : attributes) {
				String key = text(kv.get("key"));
				JsonNode v = kv.get("value");
				if (key != null && v != null && v.isObject() && v.size() == 1) {
					values.put(key, v.properties().iterator().next().getValue());
				}
			}
		}
		else {
			problems.add(new FieldProblem(at + ".attributes", "must hold the event's attributes (an object, or OTLP's key/value list)"));
			return;
		}
		String name = text(values.get("gen_ai.evaluation.name"));
		String error = checkName(name);
		if (error != null) {
			problems.add(new FieldProblem(at + ".attributes.gen_ai.evaluation.name", error));
			return;
		}
		JsonNode score = values.get("gen_ai.evaluation.score.value");
		Double value = null;
		if (score != null && !score.isNull()) {
			if (score.isNumber() && Double.isFinite(score.asDouble())) {
				value = score.asDouble();
			}
			else if (score.isString()) {
				try {
					value = Double.parseDouble(score.asString());
				}
				catch (NumberFormatException e) {
					value = null;
				}
				if (value == null || !Double.isFinite(value)) {
					problems.add(new FieldProblem(at + ".attributes.gen_ai.evaluation.score.value", "must be a finite number"));
					return;
				}
			}
			else {
				problems.add(new FieldProblem(at + ".attributes.gen_ai.evaluation.score.value", "must be a finite number"));
				return;
			}
		}
		String label = text(values.get("gen_ai.evaluation.score.label"));
		if (value == null && label == null) {
			problems.add(new FieldProblem(at + ".attributes", "has neither gen_ai.evaluation.score.value nor gen_ai.evaluation.score.label"));
			return;
		}
		evaluations.computeIfAbsent(name, n -> new Aggregate()).add(value, label);
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank()) {
			return "must name the metric";
		}
		if (name.length() > 200) {
			return "must be at most 200 characters";
		}
		if (InputRules.hasNul(name)) {
			return InputRules.NUL_MESSAGE;
		}
		return null;
	}

	private static String optional(String at, JsonNode node, int max, List<FieldProblem> problems) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			problems.add(new FieldProblem(at, "must be text"));
			return null;
		}
		String text = node.asString().strip();
		if (text.length() > max) {
			problems.add(new FieldProblem(at, "must be at most " + max + " characters"));
			return null;
		}
		if (InputRules.hasNul(text)) {
			problems.add(new FieldProblem(at, InputRules.NUL_MESSAGE));
			return null;
		}
		return text.isEmpty() ? null : text;
	}

	private static String text(JsonNode node) {
		return node == null || !node.isString() ? null : node.asString();
	}

	/** Per-response evaluation results of one name, summed. */
	private static final class Aggregate {

		private int count;

		private int scored;

		private double sum;

		private int labelled;

		private int passing;

		void add(Double value, String label) {
			count++;
			if (value != null) {
				scored++;
				sum += value;
			}
			if (label != null) {
				labelled++;
				if (PASSING.contains(label.strip().toLowerCase(Locale.ROOT))) {
					passing++;
				}
			}
		}

		Metric metric(String name) {
			Double share = labelled == 0 ? null : (double) passing / labelled;
			double value = scored > 0 ? sum / scored : share;
			return new Metric(name, value, scored > 0 ? null : "share", null, null, count, share);
		}
	}
}
