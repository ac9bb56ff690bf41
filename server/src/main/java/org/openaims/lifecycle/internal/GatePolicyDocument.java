package org.openaims.lifecycle.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.openaims.common.FieldProblem;
import org.openaims.common.InputRules;
import org.openaims.common.InvalidInputException;
import org.openaims.identity.Role;
import org.openaims.inventory.RiskTier;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * A release-gate policy as YAML: rules per risk tier.
 *
 * <pre>
 * description: Release gate of the AI products
 * tiers:
 *   HIGH:
 *     approvals: {count: 2, roles: [APPROVER, AIMS_MANAGER]}
 *     metrics: {required: [accuracy, toxicity_rate], maxAgeDays: 14}
 *     tests: {failureBudget: 0}
 *     rollbackPlan: {tested: true}
 *     impactAssessment: {}
 *     risksReviewed: {}
 * </pre>
 *
 * Built-in rules are {@code approvals} (count, roles), {@code metrics} (required, maxAgeDays),
 * {@code tests} (failureBudget, maxAgeDays) and {@code rollbackPlan} (tested); other modules add theirs
 * through {@link org.openaims.lifecycle.GateInputs}. Every problem — an unknown tier, rule or setting, a
 * bad value, YAML that is not a mapping — is refused naming its line.
 */
public final class GatePolicyDocument {

	/** The longest policy read. */
	public static final int MAX_CHARS = 64 * 1024;

	public static final Set<String> BUILT_IN = Set.of("approvals", "metrics", "tests", "rollbackPlan");

	private final String description;

	private final Map<RiskTier, List<Rule>> tiers;

	/** A rule of a tier: its name, settings and the line it is on (1-based). */
	public record Rule(String name, Map<String, Object> settings, int line) {

		public int integer(String key, int otherwise) {
			Object v = settings.get(key);
			return v == null ? otherwise : (Integer) v;
		}

		public boolean flag(String key) {
			return Boolean.TRUE.equals(settings.get(key));
		}

		@SuppressWarnings("unchecked")
		public List<String> list(String key) {
			Object v = settings.get(key);
			return v == null ? List.of() : (List<String>) v;
		}
	}

	private GatePolicyDocument(String description, Map<RiskTier, List<Rule>> tiers) {
		this.description = description;
		this.tiers = tiers;
	}

	public String description() {
		return description;
	}

	/** The rules of a tier, in the order written; empty when the policy has none for it. */
	public List<Rule> rules(RiskTier tier) {
		return tiers.getOrDefault(tier, List.of());
	}

	public Set<RiskTier> tiers() {
		return tiers.keySet();
	}

	/**
	 * Parses and checks {@code yaml}; {@code others} are the rules other modules answer, and
	 * {@code checkOther} checks their settings (problems as messages).
	 */
	public static GatePolicyDocument parse(String yaml, Set<String> others, BiFunction<String, Map<String, Object>, List<String>> checkOther) {
		if (yaml == null || yaml.isBlank()) {
			throw new InvalidInputException("source", "the policy is empty");
		}
		if (yaml.length() > MAX_CHARS) {
			throw new InvalidInputException("source", "the policy has more than " + MAX_CHARS + " characters");
		}
		if (InputRules.hasNul(yaml)) {
			throw new InvalidInputException("source", InputRules.NUL_MESSAGE);
		}
		Node root;
		try {
			LoadSettings settings = LoadSettings.builder()
				.setSchema(new FailsafeSchema())
				.setAllowDuplicateKeys(false)
				.setAllowRecursiveKeys(false)
				.setMaxAliasesForCollections(0)
				.setCodePointLimit(MAX_CHARS * 4)
				.setLabel("gate policy")
				.build();
			root = new Compose(settings).composeString(yaml).orElse(null);
		}
		catch (YamlEngineException e) {
			String message = e.getMessage() == null ? "not YAML" : e.getMessage().replaceAll("\\s+", " ");
			throw new InvalidInputException("source", "is not valid YAML: " + (message.length() > 300 ? message.substring(0, 300) + "…" : message));
		}
		catch (RuntimeException e) {
			throw new InvalidInputException("source", "is not valid YAML: " + e.getClass().getSimpleName());
		}
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> known = new TreeSet<>(BUILT_IN);
		known.addAll(others);
		if (!(root instanceof MappingNode top)) {
			throw new InvalidInputException("source", at(root) + "the policy must be a mapping with 'tiers' (and an optional 'description')");
		}
		String description = null;
		Map<RiskTier, List<Rule>> tiers = new EnumMap<>(RiskTier.class);
		boolean tiersSeen = false;
		for (NodeTuple t : top.getValue()) {
			String key = scalar(t.getKeyNode());
			if ("description".equals(key)) {
				description = scalar(t.getValueNode());
				if (description == null) {
					problems.add(problem(t.getValueNode(), "'description' must be text"));
				}
			}
			else if ("tiers".equals(key)) {
				tiersSeen = true;
				if (!(t.getValueNode() instanceof MappingNode tierMap)) {
					problems.add(problem(t.getValueNode(), "'tiers' must map each risk tier (" + tierNames() + ") to its rules"));
					continue;
				}
				for (NodeTuple tier : tierMap.getValue()) {
					readTier(tier, known, others, checkOther, tiers, problems);
				}
			}
			else {
				problems.add(problem(t.getKeyNode(), "unknown key '" + key + "' (a policy has 'description' and 'tiers')"));
			}
		}
		if (!tiersSeen) {
			problems.add(problem(top, "the policy has no 'tiers'"));
		}
		InvalidInputException.throwIfAny(problems);
		return new GatePolicyDocument(description, tiers);
	}

	private static void readTier(NodeTuple tier, Set<String> known, Set<String> others, BiFunction<String, Map<String, Object>, List<String>> checkOther,
			Map<RiskTier, List<Rule>> tiers, List<FieldProblem> problems) {
		String name = scalar(tier.getKeyNode());
		RiskTier riskTier = null;
		try {
			riskTier = name == null ? null : RiskTier.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			riskTier = null;
		}
		if (riskTier == null) {
			problems.add(problem(tier.getKeyNode(), "unknown risk tier '" + name + "' (tiers: " + tierNames() + ")"));
			return;
		}
		if (tiers.containsKey(riskTier)) {
			problems.add(problem(tier.getKeyNode(), "tier " + riskTier + " is given twice"));
			return;
		}
		List<Rule> rules = new ArrayList<>();
		tiers.put(riskTier, rules);
		Node body = tier.getValueNode();
		if (body instanceof ScalarNode s && s.getValue().isEmpty()) {
			return;
		}
		if (!(body instanceof MappingNode ruleMap)) {
			problems.add(problem(body, "tier " + riskTier + " must map rule names to their settings"));
			return;
		}
		for (NodeTuple r : ruleMap.getValue()) {
			String rule = scalar(r.getKeyNode());
			if (rule == null || !known.contains(rule)) {
				problems.add(problem(r.getKeyNode(), "unknown rule '" + rule + "' (rules: " + String.join(", ", known) + ")"));
				continue;
			}
			Map<String, Object> settings = new LinkedHashMap<>();
			Node value = r.getValueNode();
			int before = problems.size();
			if (value instanceof MappingNode m) {
				for (NodeTuple s : m.getValue()) {
					String key = scalar(s.getKeyNode());
					Object v = settingValue(rule, key, s.getValueNode(), problems);
					if (v != null) {
						settings.put(key, v);
					}
				}
			}
			else if (!(value instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("true")))) {
				problems.add(problem(value, "rule '" + rule + "' takes a mapping of settings ({} for none)"));
				continue;
			}
			if (problems.size() > before) {
				continue;
			}
			List<String> found = BUILT_IN.contains(rule) ? checkBuiltIn(rule, settings) : checkOther.apply(rule, settings);
			found.forEach(p -> problems.add(problem(r.getKeyNode(), rule + ": " + p)));
			rules.add(new Rule(rule, Map.copyOf(settings), line(r.getKeyNode())));
		}
	}

	/** A setting's value: a whole number, true / false, text, or a list of text. */
	private static Object settingValue(String rule, String key, Node node, List<FieldProblem> problems) {
		if (node instanceof SequenceNode seq) {
			List<String> items = new ArrayList<>();
			for (Node item : seq.getValue()) {
				String text = scalar(item);
				if (text == null) {
					problems.add(problem(item, rule + "." + key + " must be a list of names"));
					return null;
				}
				items.add(text.strip());
			}
			return List.copyOf(items);
		}
		String text = scalar(node);
		if (text == null) {
			problems.add(problem(node, rule + "." + key + " must be a number, true / false, text or a list"));
			return null;
		}
		if (text.matches("-?[0-9]{1,9}")) {
			return Integer.parseInt(text);
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		return text;
	}

	private static List<String> checkBuiltIn(String rule, Map<String, Object> settings) {
		List<String> problems = new ArrayList<>();
		switch (rule) {
			case "approvals" -> {
				allowOnly(settings, problems, "count", "roles");
				wholeNumber(settings, "count", 1, 10, problems);
				listOf(settings, "roles", problems).forEach(role -> {
					try {
						Role.valueOf(role);
					}
					catch (IllegalArgumentException e) {
						problems.add("roles: unknown role '" + role + "' (roles: " + java.util.Arrays.toString(Role.values()) + ")");
					}
				});
			}
			case "metrics" -> {
				allowOnly(settings, problems, "required", "maxAgeDays");
				listOf(settings, "required", problems);
				wholeNumber(settings, "maxAgeDays", 1, 3650, problems);
			}
			case "tests" -> {
				allowOnly(settings, problems, "failureBudget", "maxAgeDays");
				wholeNumber(settings, "failureBudget", 0, 1_000_000, problems);
				wholeNumber(settings, "maxAgeDays", 1, 3650, problems);
			}
			case "rollbackPlan" -> {
				allowOnly(settings, problems, "tested");
				if (settings.containsKey("tested") && !(settings.get("tested") instanceof Boolean)) {
					problems.add("tested must be true or false");
				}
			}
			default -> throw new IllegalArgumentException(rule);
		}
		return problems;
	}

	/** Refuses settings a rule does not have. */
	public static void allowOnly(Map<String, Object> settings, List<String> problems, String... keys) {
		Set<String> allowed = Set.of(keys);
		settings.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
			.forEach(k -> problems.add("unknown setting '" + k + "'" + (keys.length == 0 ? " (it takes none)" : " (settings: " + String.join(", ", keys) + ")")));
	}

	public static void wholeNumber(Map<String, Object> settings, String key, int min, int max, List<String> problems) {
		Object v = settings.get(key);
		if (v != null && (!(v instanceof Integer n) || n < min || n > max)) {
			problems.add(key + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> listOf(Map<String, Object> settings, String key, List<String> problems) {
		Object v = settings.get(key);
		if (v == null) {
			return List.of();
		}
		if (!(v instanceof List<?>)) {
			problems.add(key + " must be a list, e.g. [a, b]");
			return List.of();
		}
		return (List<String>) v;
	}

	private static String tierNames() {
		return java.util.Arrays.stream(RiskTier.values()).map(Enum::name).reduce((a, b) -> a + ", " + b).orElse("");
	}

	private static String scalar(Node node) {
		return node instanceof ScalarNode s ? s.getValue() : null;
	}

	private static int line(Node node) {
		return node == null ? 1 : node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
	}

	private static String at(Node node) {
		return node == null ? "" : "line " + line(node) + ": ";
	}

	private static FieldProblem problem(Node node, String message) {
		return new FieldProblem("source", "line " + line(node) + ": " + message);
	}
}
