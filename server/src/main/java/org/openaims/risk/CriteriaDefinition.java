package org.openaims.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;

/**
 * Risk criteria (6.1.1): a likelihood and an impact scale of 3 to 6 levels, the risk levels from lowest
 * to highest with who may accept each, and the matrix giving the level of every likelihood × impact
 * cell ({@code matrix[likelihood - 1][impact - 1]} is a level key). A risk never ranks lower when its
 * likelihood or impact rises.
 */
public record CriteriaDefinition(List<ScaleLevel> likelihood, List<ScaleLevel> impact, List<RiskLevel> levels,
		List<List<String>> matrix) {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	/** The problems of this definition, by field; empty when it is usable. */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		scale("likelihood", likelihood, problems);
		scale("impact", impact, problems);
		Map<String, Integer> rank = new HashMap<>();
		if (levels == null || levels.size() < 2 || levels.size() > 6) {
			problems.add(new FieldProblem("levels", "give 2 to 6 risk levels, lowest first"));
		}
		else {
			for (int i = 0; i < levels.size(); i++) {
				RiskLevel level = levels.get(i);
				String where = "levels[" + i + "]";
				if (level == null) {
					problems.add(new FieldProblem(where, "must not be null"));
					continue;
				}
				if (level.key() == null || !KEY.matcher(level.key()).matches()) {
					problems.add(new FieldProblem(where + ".key", "use 1 to 40 lower-case letters, digits or '-'"));
				}
				else if (rank.putIfAbsent(level.key(), i) != null) {
					problems.add(new FieldProblem(where + ".key", "'" + level.key() + "' is used twice"));
				}
				if (blank(level.name()) || level.name().length() > 60) {
					problems.add(new FieldProblem(where + ".name", "give a name of at most 60 characters"));
				}
				if (level.acceptedBy() == null || level.acceptedBy().isEmpty() || level.acceptedBy().contains(null)) {
					problems.add(new FieldProblem(where + ".acceptedBy", "name at least one role that may accept risks at this level"));
				}
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		if (matrix == null || matrix.size() != likelihood.size()) {
			problems.add(new FieldProblem("matrix", "needs one row per likelihood level (" + likelihood.size() + ")"));
			return problems;
		}
		for (int l = 0; l < matrix.size(); l++) {
			List<String> row = matrix.get(l);
			if (row == null || row.size() != impact.size()) {
				problems.add(new FieldProblem("matrix[" + l + "]", "needs one cell per impact level (" + impact.size() + ")"));
				continue;
			}
			for (int i = 0; i < row.size(); i++) {
				if (!rank.containsKey(row.get(i))) {
					problems.add(new FieldProblem("matrix[" + l + "][" + i + "]", "'" + row.get(i) + "' is not a risk level; known: "
							+ levels.stream().map(RiskLevel::key).toList()));
				}
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		for (int l = 0; l < matrix.size(); l++) {
			for (int i = 0; i < impact.size(); i++) {
				int here = rank.get(matrix.get(l).get(i));
				if ((l > 0 && rank.get(matrix.get(l - 1).get(i)) > here) || (i > 0 && rank.get(matrix.get(l).get(i - 1)) > here)) {
					problems.add(new FieldProblem("matrix[" + l + "][" + i + "]", "likelihood " + (l + 1) + " × impact " + (i + 1)
							+ " ranks lower than a cell with lower likelihood or impact"));
				}
			}
		}
		return problems;
	}

	/** Refuses a definition with problems (400 with every problem). */
	public CriteriaDefinition checked() {
		InvalidInputException.throwIfAny(problems());
		return this;
	}

	/** The level of a likelihood × impact cell; refuses scores outside the scales. */
	public RiskLevel level(int likelihoodScore, int impactScore) {
		return byKey(matrix.get(likelihoodScore - 1).get(impactScore - 1));
	}

	/** The problems of a pair of scores on these scales (field names given by the caller). */
	public List<FieldProblem> scoreProblems(Integer likelihoodScore, String likelihoodField, Integer impactScore, String impactField,
			int versionNo) {
		List<FieldProblem> problems = new ArrayList<>();
		if (likelihoodScore == null || likelihoodScore < 1 || likelihoodScore > likelihood.size()) {
			problems.add(new FieldProblem(likelihoodField, "must be between 1 and " + likelihood.size()
					+ " on the likelihood scale of risk criteria version " + versionNo));
		}
		if (impactScore == null || impactScore < 1 || impactScore > impact.size()) {
			problems.add(new FieldProblem(impactField, "must be between 1 and " + impact.size()
					+ " on the impact scale of risk criteria version " + versionNo));
		}
		return problems;
	}

	public RiskLevel byKey(String key) {
		return levels.stream().filter(l -> l.key().equals(key)).findFirst().orElse(null);
	}

	/** The position of a level from the lowest (0), or -1. */
	public int rank(String key) {
		for (int i = 0; i < levels.size(); i++) {
			if (levels.get(i).key().equals(key)) {
				return i;
			}
		}
		return -1;
	}

	private static void scale(String field, List<ScaleLevel> scale, List<FieldProblem> problems) {
		if (scale == null || scale.size() < 3 || scale.size() > 6) {
			problems.add(new FieldProblem(field, "a scale has 3 to 6 levels"));
			return;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < scale.size(); i++) {
			ScaleLevel level = scale.get(i);
			if (level == null || blank(level.name()) || level.name().length() > 60) {
				problems.add(new FieldProblem(field + "[" + i + "].name", "give a name of at most 60 characters"));
				continue;
			}
			if (!names.add(level.name().strip().toLowerCase())) {
				problems.add(new FieldProblem(field + "[" + i + "].name", "'" + level.name() + "' is used twice"));
			}
			if (level.description() != null && level.description().length() > 500) {
				problems.add(new FieldProblem(field + "[" + i + "].description", "must be at most 500 characters"));
			}
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
