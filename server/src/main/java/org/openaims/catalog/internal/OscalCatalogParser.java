package org.openaims.catalog.internal;

import java.util.ArrayList;
import java.util.List;
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
		String urn = "urn:oscal:catalog:" + slug(title);
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
		return new ParsedLibrary.Framework(urn, slug(title), title, description, party, 0, FrameworkSource.OSCAL, nodes);
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
				add(new ParsedLibrary.Node(nodeUrn, label(group, id), text(group.get("title")), prose(group.get("parts")), parent, null,
						false, NodeKind.GROUP, null));
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
				add(new ParsedLibrary.Node(nodeUrn, label(control, id), text(control.get("title")), prose(control.get("parts")), parent,
						null, true, NodeKind.CONTROL, null));
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

	private static String label(JsonNode node, String id) {
		JsonNode props = node.get("props");
		if (props != null && props.isArray()) {
			for (JsonNode prop : props) {
				if ("label".equals(text(prop.get("name"))) && text(prop.get("value")) != null) {
					return text(prop.get("value"));
				}
			}
		}
		return id.toUpperCase(Locale.ROOT);
	}

	/** The prose of the statement (and other) parts, nested parts included, one paragraph each. */
	private static String prose(JsonNode parts) {
		if (parts == null || !parts.isArray()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		collect(parts, text, 0);
		String result = text.toString().strip();
		return result.isEmpty() ? null : result.length() > LibraryLimits.MAX_DESCRIPTION
				? result.substring(0, LibraryLimits.MAX_DESCRIPTION) : result;
	}

	private static void collect(JsonNode parts, StringBuilder text, int depth) {
		if (depth > 20 || parts == null || !parts.isArray()) {
			return;
		}
		for (JsonNode part : parts) {
			String name = text(part.get("name"));
			if (name != null && (name.equals("guidance") || name.equals("assessment-objective") || name.equals("assessment-method"))) {
				continue;
			}
			String prose = text(part.get("prose"));
			if (prose != null) {
				text.append(prose).append('\n');
			}
			collect(part.get("parts"), text, depth + 1);
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

	private static String slug(String title) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.length() > 100 ? slug.substring(0, 100) : slug;
	}
}
