package org.openaims.lifecycle.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.lifecycle.MetricThreshold;

/**
 * Thresholds as the page's text area holds them, one per line: {@code accuracy >= 0.92},
 * {@code toxicity_rate <= 0.01 on holdout}, {@code demographic_parity_difference <= 0.05 on holdout / gender}
 * ({@code *} for any dataset). A line that does not read so is named with its number.
 */
final class ThresholdLines {

	private static final Pattern LINE = Pattern.compile(
			"\\s*(\\S+)\\s*(>=|≥|<=|≤)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(?:on\\s+([^/]+?)\\s*(?:/\\s*(.+?))?)?\\s*");

	private ThresholdLines() {
	}

	static List<MetricThreshold> parse(String text) {
		List<MetricThreshold> thresholds = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank() || lines[i].strip().startsWith("#")) {
				continue;
			}
			Matcher m = LINE.matcher(lines[i]);
			if (!m.matches()) {
				problems.add(new FieldProblem("thresholds", "line " + (i + 1) + " is not like 'accuracy >= 0.92 on holdout / slice'"));
				continue;
			}
			boolean atLeast = m.group(2).equals(">=") || m.group(2).equals("≥");
			String dataset = m.group(4) == null || m.group(4).strip().equals("*") ? null : m.group(4).strip();
			thresholds.add(new MetricThreshold(m.group(1), atLeast ? MetricThreshold.Direction.AT_LEAST : MetricThreshold.Direction.AT_MOST,
					Double.parseDouble(m.group(3)), null, dataset, m.group(5) == null ? null : m.group(5).strip()));
		}
		if (thresholds.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("thresholds", "write at least one threshold"));
		}
		InvalidInputException.throwIfAny(problems);
		return thresholds;
	}
}
