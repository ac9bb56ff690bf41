package org.openaims.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openaims.catalog.FrameworkSource;
import org.openaims.catalog.NodeKind;
import org.openaims.catalog.Relationship;
import org.openaims.common.InvalidInputException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads a library in the CISO Assistant YAML format: {@code objects.framework.requirement_nodes} for
 * a framework, {@code objects.requirement_mapping_set(s)} for mappings. Every scalar is read as text
 * (the failsafe schema), so ids like {@code 4.10} keep their spelling; duplicate keys, recursive keys
 * and alias expansion beyond a few dozen collections are refused.
 */
final class CisoLibraryParser {

	private CisoLibraryParser() {
	}

	static ParsedLibrary parse(byte[] content) {
		Object document;
		try {
			LoadSettings settings = LoadSettings.builder()
				.setSchema(new FailsafeSchema())
				.setAllowDuplicateKeys(false)
				.setAllowRecursiveKeys(false)
				.setMaxAliasesForCollections(LibraryLimits.MAX_ALIASES)
				.setCodePointLimit(LibraryLimits.MAX_BYTES)
				.setLabel("library")
				.build();
			String text = new String(content, StandardCharsets.UTF_8);
			scan(settings, text);
			document = new Load(settings).loadFromString(text);
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (YamlEngineException | IllegalArgumentException e) {
			throw problem("is not a readable YAML library: " + firstLine(e.getMessage()));
		}
		catch (RuntimeException e) {
			// The YAML library fails in other ways on some inputs (e.g. an unknown explicit tag); still the file's fault.
			throw problem("is not a readable YAML library: it uses YAML features a library does not need (tags, unusual nodes)");
		}
		if (!(document instanceof Map<?, ?> root)) {
			throw problem("is not a CISO Assistant library: expected a mapping at the top");
		}
		Map<?, ?> objects = map(root.get("objects"), "objects");
		if (objects == null) {
			throw problem("is not a CISO Assistant library: it has no 'objects'");
		}
		int version = integer(root.get("version"), "version", 1);
		if (objects.get("framework") != null) {
			return framework(root, map(objects.get("framework"), "objects.framework"), version);
		}
		List<ParsedLibrary.MappingSet> sets = new ArrayList<>();
		if (objects.get("requirement_mapping_set") != null) {
			sets.add(mapping(root, map(objects.get("requirement_mapping_set"), "objects.requirement_mapping_set"), version,
					"requirement_mapping_set"));
		}
		if (objects.get("requirement_mapping_sets") != null) {
			if (!(objects.get("requirement_mapping_sets") instanceof List<?> list)) {
				throw problem("objects.requirement_mapping_sets should be a list");
			}
			for (int i = 0; i < list.size(); i++) {
				String where = "requirement_mapping_sets[" + i + "]";
				Map<?, ?> set = map(list.get(i), where);
				if (set == null) {
					throw problem(where + " is empty");
				}
				sets.add(mapping(root, set, version, where));
			}
		}
		if (!sets.isEmpty()) {
			long links = sets.stream().mapToLong(set -> set.links().size()).sum();
			if (links > LibraryLimits.MAX_ITEMS * 2L) {
				throw problem("has " + links + " mappings in all; at most " + LibraryLimits.MAX_ITEMS * 2 + " are taken");
			}
			return new ParsedLibrary.Mappings(List.copyOf(sets));
		}
		List<String> unsupported = new ArrayList<>();
		for (String kind : List.of("reference_controls", "threats", "risk_matrix", "risk_matrices",
				"metric_definitions", "preset")) {
			if (objects.get(kind) != null) {
				unsupported.add(kind.replace('_', ' '));
			}
		}
		if (!unsupported.isEmpty()) {
			throw problem("holds " + String.join(", ", unsupported) + ", which OpenAIMS does not import yet; it imports framework"
					+ " libraries (objects.framework) and mapping libraries (objects.requirement_mapping_set or requirement_mapping_sets)");
		}
		throw problem("is neither a framework nor a mapping library: 'objects' has no 'framework' or 'requirement_mapping_set'");
	}

	/**
	 * Reads the parser's events once before anything is composed, and stops a library that would
	 * cost more than any real one: nesting deeper than {@link LibraryLimits#MAX_DEPTH} (snakeyaml-engine
	 * has no depth setting, and composing a thousand levels overflows the stack), more mappings than
	 * {@link LibraryLimits#MAX_ITEMS} nodes need, more than {@link LibraryLimits#MAX_ALIASES} aliases,
	 * or aliases of text that would store more than {@link LibraryLimits#MAX_ALIASED_TEXT} characters
	 * (a few hundred kilobytes of anchors and aliases can make a hundred megabytes of text).
	 */
	private static void scan(LoadSettings settings, String text) {
		int depth = 0;
		long mappings = 0;
		int aliases = 0;
		long aliasedText = 0;
		Map<String, Integer> scalarAnchors = new java.util.HashMap<>();
		for (Event event : new Parse(settings).parseString(text)) {
			switch (event.getEventId()) {
				case MappingStart, SequenceStart -> {
					if (++depth > LibraryLimits.MAX_DEPTH) {
						throw problem("is nested more than " + LibraryLimits.MAX_DEPTH + " levels deep; a library needs far fewer");
					}
					if (event.getEventId() == Event.ID.MappingStart && ++mappings > LibraryLimits.MAX_ITEMS * 2L + 1000) {
						throw problem("has more than " + (LibraryLimits.MAX_ITEMS * 2L + 1000) + " entries; a framework may have at most "
								+ LibraryLimits.MAX_ITEMS + " requirement nodes and a mapping library " + LibraryLimits.MAX_ITEMS * 2
								+ " links");
					}
				}
				case MappingEnd, SequenceEnd -> depth--;
				case Scalar -> {
					ScalarEvent scalar = (ScalarEvent) event;
					scalar.getAnchor().ifPresent(anchor -> scalarAnchors.put(anchor.getValue(), scalar.getValue().length()));
				}
				case Alias -> {
					if (++aliases > LibraryLimits.MAX_ALIASES) {
						throw problem("uses more than " + LibraryLimits.MAX_ALIASES + " YAML aliases; a library needs none");
					}
					String anchor = ((AliasEvent) event).getAlias().getValue();
					aliasedText += scalarAnchors.getOrDefault(anchor, 0);
					if (aliasedText > LibraryLimits.MAX_ALIASED_TEXT) {
						throw problem("repeats text through YAML aliases (" + aliasedText + " characters so far); at most "
								+ LibraryLimits.MAX_ALIASED_TEXT + " are taken");
					}
				}
				default -> {
				}
			}
		}
	}

	private static ParsedLibrary.Framework framework(Map<?, ?> root, Map<?, ?> framework, int version) {
		String urn = required(framework, "urn", "objects.framework");
		String name = required(framework, "name", "objects.framework");
		Object nodesValue = framework.get("requirement_nodes");
		if (!(nodesValue instanceof List<?> items)) {
			throw problem("objects.framework.requirement_nodes is missing or not a list");
		}
		if (items.size() > LibraryLimits.MAX_ITEMS) {
			throw problem("has " + items.size() + " requirement nodes; at most " + LibraryLimits.MAX_ITEMS + " are taken");
		}
		List<ParsedLibrary.Node> nodes = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String where = "requirement_nodes[" + i + "]";
			Map<?, ?> node = map(items.get(i), where);
			if (node == null) {
				throw problem(where + " is empty");
			}
			boolean assessable = bool(node.get("assessable"), where + ".assessable");
			String refId = text(node.get("ref_id"));
			nodes.add(new ParsedLibrary.Node(required(node, "urn", where), refId, text(node.get("name")),
					text(node.get("description")), text(node.get("parent_urn")),
					node.get("depth") == null ? null : integer(node.get("depth"), where + ".depth", 0), assessable,
					kind(assessable, refId, node.get("implementation_groups")), evidence(node.get("typical_evidence")),
					text(node.get("annotation")), groups(node.get("implementation_groups"), where)));
		}
		return new ParsedLibrary.Framework(urn, text(framework.get("ref_id")), name,
				firstText(framework.get("description"), root.get("description")), text(root.get("provider")), version,
				FrameworkSource.CISO_ASSISTANT, nodes);
	}

	private static ParsedLibrary.MappingSet mapping(Map<?, ?> root, Map<?, ?> set, int version, String at) {
		String urn = required(set, "urn", at);
		String name = firstText(set.get("name"), root.get("name"));
		if (name == null) {
			throw problem(at + " has no name");
		}
		String source = required(set, "source_framework_urn", at);
		String target = required(set, "target_framework_urn", at);
		if (!(set.get("requirement_mappings") instanceof List<?> items)) {
			throw problem(at + ".requirement_mappings is missing or not a list");
		}
		if (items.size() > LibraryLimits.MAX_ITEMS) {
			throw problem("has " + items.size() + " mappings; at most " + LibraryLimits.MAX_ITEMS + " are taken");
		}
		List<ParsedLibrary.Link> links = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String where = "requirement_mappings[" + i + "]";
			Map<?, ?> link = map(items.get(i), where);
			if (link == null) {
				throw problem(where + " is empty");
			}
			String relationship = required(link, "relationship", where);
			Relationship parsed;
			try {
				parsed = Relationship.valueOf(relationship.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
			}
			catch (IllegalArgumentException e) {
				throw problem(where + ".relationship '" + relationship + "' is not one of equal, subset, superset, intersect, not_related");
			}
			links.add(new ParsedLibrary.Link(required(link, "source_requirement_urn", where),
					required(link, "target_requirement_urn", where), parsed,
					firstText(link.get("rationale"), link.get("annotation"))));
		}
		return new ParsedLibrary.MappingSet(urn, name, source, target, version, links);
	}

	/** {@code typical_evidence}: text, or a list of items (joined one per line). */
	private static String evidence(Object value) {
		if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>();
			for (Object item : list) {
				String t = text(item);
				if (t != null) {
					items.add(t);
				}
			}
			return items.isEmpty() ? null : String.join("\n", items);
		}
		return text(value);
	}

	/** {@code implementation_groups}: a list of group ids (e.g. IG1, IG2), or one id. */
	private static List<String> groups(Object value, String where) {
		if (value == null) {
			return List.of();
		}
		List<String> groups = new ArrayList<>();
		for (Object item : value instanceof List<?> list ? list : List.of(value)) {
			String t = text(item);
			if (t != null) {
				if (t.length() > 40 || !t.matches("[\\p{L}\\p{N}_.\\- ]+")) {
					throw problem(where + ".implementation_groups '" + abbreviate(t) + "' is not a group id");
				}
				if (!groups.contains(t)) {
					groups.add(t);
				}
			}
		}
		return List.copyOf(groups);
	}

	/** Controls are what a Statement of Applicability lists: assessable nodes of an SoA or controls group, or Annex A. */
	private static NodeKind kind(boolean assessable, String refId, Object groups) {
		if (!assessable) {
			return NodeKind.GROUP;
		}
		if (groups instanceof List<?> list) {
			for (Object group : list) {
				String g = String.valueOf(group).toLowerCase(Locale.ROOT);
				if (g.equals("soa") || g.equals("controls") || g.startsWith("annex")) {
					return NodeKind.CONTROL;
				}
			}
		}
		return refId != null && refId.startsWith("A.") ? NodeKind.CONTROL : NodeKind.REQUIREMENT;
	}

	private static Map<?, ?> map(Object value, String where) {
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw problem(where + " should be a mapping");
	}

	private static String required(Map<?, ?> map, String key, String where) {
		String value = text(map.get(key));
		if (value == null) {
			throw problem(where + " has no " + key);
		}
		return value;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Map || value instanceof List) {
			throw problem("has a structure where text was expected: " + abbreviate(String.valueOf(value)));
		}
		String text = String.valueOf(value).strip();
		if (org.openaims.common.InputRules.hasNul(text)) {
			throw problem("has text with a NUL character (U+0000): " + abbreviate(text.replace('\u0000', '?')));
		}
		return text.isEmpty() || text.equals("null") || text.equals("~") ? null : text;
	}

	private static String firstText(Object first, Object second) {
		String text = first instanceof String ? text(first) : null;
		return text != null ? text : second instanceof String ? text(second) : null;
	}

	private static boolean bool(Object value, String where) {
		String text = text(value);
		if (text == null) {
			return false;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw problem(where + " '" + abbreviate(text) + "' is not true or false");
		};
	}

	private static int integer(Object value, String where, int absent) {
		String text = text(value);
		if (text == null) {
			return absent;
		}
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException e) {
			throw problem(where + " '" + abbreviate(text) + "' is not a whole number");
		}
	}

	static InvalidInputException problem(String message) {
		return new InvalidInputException("file", message);
	}

	static String abbreviate(String text) {
		return text.length() > 80 ? text.substring(0, 80) + "…" : text;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		String line = message.strip().replaceAll("\\s+", " ");
		return line.length() > 240 ? line.substring(0, 240) + "…" : line;
	}
}
