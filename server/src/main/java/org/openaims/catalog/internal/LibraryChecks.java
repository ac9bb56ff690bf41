package org.openaims.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;

/**
 * Checks a parsed framework before anything is stored: unique URNs, every parent present, no
 * circular parents, texts within their limits. Depths are computed from the tree (a stated depth that
 * disagrees is noted, not trusted). Every problem is reported, up to a screenful.
 */
final class LibraryChecks {

	private static final int MAX_REPORTED = 25;

	private LibraryChecks() {
	}

	/** A node ready to store: its position in the document and its depth in the tree. */
	record Checked(ParsedLibrary.Node node, int position, int depth) {
	}

	static List<Checked> check(ParsedLibrary.Framework framework, List<String> notes) {
		List<String> problems = new ArrayList<>();
		length(problems, "framework urn", framework.urn(), LibraryLimits.MAX_URN);
		length(problems, "framework name", framework.name(), 500);
		Map<String, ParsedLibrary.Node> byUrn = new HashMap<>();
		for (ParsedLibrary.Node node : framework.nodes()) {
			if (byUrn.putIfAbsent(node.urn(), node) != null) {
				problems.add("the URN " + node.urn() + " is used by more than one node");
			}
			length(problems, "the URN " + CisoLibraryParser.abbreviate(node.urn()), node.urn(), LibraryLimits.MAX_URN);
			length(problems, "ref_id of " + node.urn(), node.refId(), LibraryLimits.MAX_REF);
			length(problems, "name of " + node.urn(), node.name(), LibraryLimits.MAX_NAME);
			length(problems, "typical_evidence of " + node.urn(), node.evidence(), LibraryLimits.MAX_DESCRIPTION);
			length(problems, "annotation of " + node.urn(), node.annotation(), LibraryLimits.MAX_DESCRIPTION);
			length(problems, "implementation_groups of " + node.urn(), node.groups() == null ? null : String.join(",", node.groups()), 1000);
			length(problems, "description of " + node.urn(), node.description(), LibraryLimits.MAX_DESCRIPTION);
		}
		for (ParsedLibrary.Node node : framework.nodes()) {
			if (node.parentUrn() != null && !byUrn.containsKey(node.parentUrn())) {
				problems.add("the parent " + node.parentUrn() + " of " + node.urn() + " is not in the library");
			}
		}
		Map<String, Integer> depths = new HashMap<>();
		if (problems.isEmpty()) {
			for (ParsedLibrary.Node node : framework.nodes()) {
				Integer depth = depth(node, byUrn, depths);
				if (depth == null) {
					problems.add("the parents of " + node.urn() + " go round in a circle");
				}
			}
		}
		if (!problems.isEmpty()) {
			List<FieldProblem> reported = new ArrayList<>();
			problems.stream().distinct().limit(MAX_REPORTED).forEach(p -> reported.add(new FieldProblem("file", p)));
			if (problems.size() > MAX_REPORTED) {
				reported.add(new FieldProblem("file", "and " + (problems.size() - MAX_REPORTED) + " more problems"));
			}
			throw new InvalidInputException(reported);
		}
		List<Checked> checked = new ArrayList<>();
		int mismatched = 0;
		for (int i = 0; i < framework.nodes().size(); i++) {
			ParsedLibrary.Node node = framework.nodes().get(i);
			int depth = depths.get(node.urn());
			if (node.statedDepth() != null && node.statedDepth() != depth) {
				mismatched++;
			}
			checked.add(new Checked(node, i, depth));
		}
		if (mismatched > 0) {
			notes.add(mismatched + " nodes stated a depth that does not match their place in the tree; the tree's depth is used");
		}
		return checked;
	}

	/** The depth (1 for a root), or null when following the parents comes back to a node already seen. */
	private static Integer depth(ParsedLibrary.Node node, Map<String, ParsedLibrary.Node> byUrn, Map<String, Integer> depths) {
		List<String> chain = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		ParsedLibrary.Node current = node;
		Integer base = 0;
		while (current != null) {
			Integer known = depths.get(current.urn());
			if (known != null) {
				base = known;
				break;
			}
			if (!seen.add(current.urn())) {
				return null;
			}
			chain.add(current.urn());
			current = current.parentUrn() == null ? null : byUrn.get(current.parentUrn());
		}
		for (int i = chain.size() - 1; i >= 0; i--) {
			base = base + 1;
			depths.put(chain.get(i), base);
		}
		return depths.get(node.urn());
	}

	private static void length(List<String> problems, String what, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(what + " is longer than " + max + " characters");
		}
	}
}
