package org.openaims.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.openaims.catalog.FrameworkSource;
import org.openaims.catalog.NodeKind;
import org.openaims.common.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OSCAL catalog in JSON ({@code catalog.groups[].controls[].controls[]}): groups become
 * grouping nodes, controls and their enhancements assessable controls, the statement parts their
 * description. The control's {@code label} property, or else its id, is its reference.
 */
final class OscalCatalogParser {

	private OscalCatalogParser() {
	}

	static ParsedLibrary.Framework parse(byte[] content, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(content);
		}
		catch (JacksonException e) {
			throw CisoLibraryParser.problem("is not readable JSON: " + CisoLibraryParser.abbreviate(
					String.valueOf(e.getOriginalMessage())));
		}
		JsonNode catalog = root == null ? null : root.get("catalog");
		if (catalog == null || !catalog.isObject()) {
			throw CisoLibraryParser.problem("is JSON but not an OSCAL catalog: it has no 'catalog' object");
		}
		String uuid = text(catalog.get("uuid"));
		JsonNode metadata = catalog.get("metadata");
		String title = metadata == null ? null : text(metadata.get("title"));
		if (uuid == null || title == null) {
			throw CisoLibraryParser.problem("is an OSCAL catalog without 'uuid' or 'metadata.title'");
		}
		String key = key(title);
		String urn = "urn:oscal:catalog:" + key;
		String version = metadata == null ? null : text(metadata.get("version"));
		List<ParsedLibrary.Node> nodes = new ArrayList<>();
		Walker walker = new Walker(urn, nodes);
		walker.groups(catalog.get("groups"), null);
		walker.controls(catalog.get("controls"), null);
		if (nodes.isEmpty()) {
			throw CisoLibraryParser.problem("is an OSCAL catalog without groups or controls");
		}
		String description = "OSCAL catalog " + uuid + (version == null ? "" : ", version " + version);
		String party = metadata.get("parties") != null && metadata.get("parties").isArray() && !metadata.get("parties").isEmpty()
				? text(metadata.get("parties").get(0).get("name")) : null;
		return new ParsedLibrary.Framework(urn, key, title, description, party, 0, FrameworkSource.OSCAL, nodes);
	}

	private static final class Walker {

		private final String urn;

		private final List<ParsedLibrary.Node> nodes;

		Walker(String urn, List<ParsedLibrary.Node> nodes) {
			this.urn = urn;
			this.nodes = nodes;
		}

		void groups(JsonNode groups, String parent) {
			if (groups == null) {
				return;
			}
			if (!groups.isArray()) {
				throw CisoLibraryParser.problem("'groups' should be a list");
			}
			for (JsonNode group : groups) {
				String id = id(group, "group");
				String nodeUrn = urn + ":" + id;
				Map<String, String> params = params(group.get("params"));
				add(new ParsedLibrary.Node(nodeUrn, label(group, id), text(group.get("title")), prose(group.get("parts"), params), parent,
						null, false, NodeKind.GROUP, null));
				groups(group.get("groups"), nodeUrn);
				controls(group.get("controls"), nodeUrn);
			}
		}

		void controls(JsonNode controls, String parent) {
			if (controls == null) {
				return;
			}
			if (!controls.isArray()) {
				throw CisoLibraryParser.problem("'controls' should be a list");
			}
			for (JsonNode control : controls) {
				String id = id(control, "control");
				String nodeUrn = urn + ":" + id;
				boolean withdrawn = "withdrawn".equalsIgnoreCase(prop(control, "status"));
				String description = withdrawn ? withdrawnNote(control) : prose(control.get("parts"), params(control.get("params")));
				add(new ParsedLibrary.Node(nodeUrn, label(control, id), text(control.get("title")), description, parent, null, !withdrawn,
						withdrawn ? NodeKind.REQUIREMENT : NodeKind.CONTROL, null));
				controls(control.get("controls"), nodeUrn);
			}
		}

		private void add(ParsedLibrary.Node node) {
			if (nodes.size() >= LibraryLimits.MAX_ITEMS) {
				throw CisoLibraryParser.problem("has more than " + LibraryLimits.MAX_ITEMS + " groups and controls");
			}
			nodes.add(node);
		}
	}

	private static String id(JsonNode node, String what) {
		String id = node == null || !node.isObject() ? null : text(node.get("id"));
		if (id == null) {
			throw CisoLibraryParser.problem("has a " + what + " without an id");
		}
		return id;
	}

	/**
	 * The reference people write: the {@code label} property without a class (NIST writes
	 * {@code AC-02} with class {@code zero-padded} and {@code AC-2} without one), else any label, else
	 * the id in capitals.
	 */
	private static String label(JsonNode node, String id) {
		String any = null;
		JsonNode props = node.get("props");
		if (props != null && props.isArray()) {
			for (JsonNode prop : props) {
				if ("label".equals(text(prop.get("name"))) && text(prop.get("value")) != null) {
					if (text(prop.get("class")) == null) {
						return text(prop.get("value"));
					}
					any = any == null ? text(prop.get("value")) : any;
				}
			}
		}
		return any != null ? any : id.toUpperCase(Locale.ROOT);
	}

	private static String prop(JsonNode node, String name) {
		JsonNode props = node.get("props");
		if (props != null && props.isArray()) {
			for (JsonNode prop : props) {
				if (name.equals(text(prop.get("name")))) {
					return text(prop.get("value"));
				}
			}
		}
		return null;
	}

	/** "Withdrawn", and where its content went (incorporated into, moved to). */
	private static String withdrawnNote(JsonNode control) {
		List<String> targets = new ArrayList<>();
		JsonNode links = control.get("links");
		if (links != null && links.isArray()) {
			for (JsonNode link : links) {
				String rel = text(link.get("rel"));
				String href = text(link.get("href"));
				if (href != null && ("incorporated-into".equals(rel) || "moved-to".equals(rel))) {
					String target = href.replaceFirst("^#", "");
					int item = target.indexOf("_smt.");
					targets.add(rel.replace('-', ' ') + " " + (item < 0 ? target.toUpperCase(Locale.ROOT)
							: target.substring(0, item).toUpperCase(Locale.ROOT) + " (statement item " + target.substring(item + 5) + ")"));
				}
			}
		}
		return "Withdrawn" + (targets.isEmpty() ? "." : ": " + String.join(", ", targets) + ".");
	}

	/**
	 * How each parameter reads in the text: "[Assignment: organization-defined frequency]" for a label,
	 * "[Selection (one or more): a; b]" for choices, as NIST prints the catalog.
	 */
	private static Map<String, String> params(JsonNode params) {
		Map<String, String> shown = new HashMap<>();
		if (params == null || !params.isArray()) {
			return shown;
		}
		for (JsonNode param : params) {
			String id = text(param.get("id"));
			if (id == null) {
				continue;
			}
			JsonNode select = param.get("select");
			if (select != null && select.get("choice") != null && select.get("choice").isArray()) {
				List<String> choices = new ArrayList<>();
				select.get("choice").forEach(c -> {
					String choice = text(c);
					if (choice != null) {
						choices.add(choice);
					}
				});
				String howMany = text(select.get("how-many"));
				shown.put(id, "[Selection" + (howMany == null ? "" : " (" + howMany.replace('-', ' ') + ")") + ": "
						+ String.join("; ", choices) + "]");
			}
			else if (text(param.get("label")) != null) {
				shown.put(id, "[Assignment: " + text(param.get("label")) + "]");
			}
		}
		return shown;
	}

	private static final java.util.regex.Pattern INSERT = java.util.regex.Pattern
		.compile("\\{\\{\\s*insert:\\s*param,\\s*([^}\\s]+)\\s*}}");

	/** The text with its parameter placeholders replaced by how the parameters read. */
	private static String insert(String prose, Map<String, String> params) {
		java.util.regex.Matcher m = INSERT.matcher(prose);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(params.getOrDefault(m.group(1), "[" + m.group(1) + "]")));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * The prose of the statement (and other) parts, nested parts included, one paragraph each with its
	 * item label ("a.", "1.", "(a)") and its parameters filled in.
	 */
	private static String prose(JsonNode parts, Map<String, String> params) {
		if (parts == null || !parts.isArray()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		collect(parts, text, 0, params);
		String result = text.toString().strip();
		return result.isEmpty() ? null : result.length() > LibraryLimits.MAX_DESCRIPTION
				? result.substring(0, LibraryLimits.MAX_DESCRIPTION) : result;
	}

	private static void collect(JsonNode parts, StringBuilder text, int depth, Map<String, String> params) {
		if (depth > 20 || parts == null || !parts.isArray()) {
			return;
		}
		for (JsonNode part : parts) {
			String name = text(part.get("name"));
			if (name != null && (name.equals("guidance") || name.equals("assessment-objective") || name.equals("assessment-method"))) {
				continue;
			}
			String prose = text(part.get("prose"));
			String label = prop(part, "label");
			if (prose != null) {
				text.append("  ".repeat(Math.max(0, depth - 1))).append(label == null ? "" : label + " ").append(insert(prose, params).strip())
					.append('\n');
			}
			collect(part.get("parts"), text, depth + 1, params);
		}
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString().strip();
		if (org.openaims.common.InputRules.hasNul(text)) {
			throw CisoLibraryParser.problem("has text with a NUL character (U+0000)");
		}
		return text.isEmpty() ? null : text;
	}

	/**
	 * A short key that stays the same across releases of one catalog: the title up to its first version
	 * word (revision, rev, version, a number with dots), "Special Publication" written SP, filler words
	 * dropped, at most 40 characters — "NIST Special Publication 800-53 Revision 5: …" and "Electronic
	 * Version of NIST SP 800-53 Rev 5.1.1 …" are both {@code nist-sp-800-53}.
	 */
	static String key(String title) {
		String text = title.replaceAll("(?i)special\\s+publication", "SP");
		List<String> words = new ArrayList<>();
		for (String word : text.split("[\\s:;,()/]+")) {
			String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "");
			if (w.isEmpty()) {
				continue;
			}
			if (w.matches("rev(ision)?|version|v?\\d+(\\.\\d+)+|r\\d+")) {
				break;
			}
			if (w.matches("electronic|version|of|the|for|and|a|an")) {
				continue;
			}
			words.add(w.replace(".", "-"));
		}
		String key = String.join("-", words).replaceAll("-+", "-").replaceAll("(^-|-$)", "");
		if (key.isEmpty()) {
			key = slug(title);
		}
		return key.length() > 40 ? key.substring(0, 40).replaceAll("-$", "") : key;
	}

	private static String slug(String title) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.length() > 100 ? slug.substring(0, 100) : slug;
	}
}
