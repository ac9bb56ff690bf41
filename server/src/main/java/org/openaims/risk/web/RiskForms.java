package org.openaims.risk.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.risk.ActionInput;
import org.openaims.risk.ActionStatus;
import org.openaims.risk.CriteriaDefinition;
import org.openaims.risk.RiskLevel;
import org.openaims.risk.RiskView;
import org.openaims.risk.Treatment;
import org.openaims.risk.TreatmentOption;

/** Form commands of the risk pages and how they turn into service commands. */
final class RiskForms {

	private RiskForms() {
	}

	/** The treatment plan form: existing actions plus empty rows to add new ones (rows without a title are ignored). */
	record TreatmentForm(TreatmentOption option, String note, Integer targetLikelihood, Integer targetImpact, List<ActionRow> actions) {

		static TreatmentForm of(RiskView risk, int emptyRows) {
			List<ActionRow> rows = new ArrayList<>();
			risk.plan().actions().forEach(a -> rows.add(new ActionRow(a.id(), a.title(), a.owner(), a.dueDate(), a.status(),
					String.join(", ", a.controls().stream().map(c -> c.frameworkKey().equals("iso42001-2023") ? c.refId() : c.frameworkKey() + ":" + c.refId()).toList()))));
			for (int i = 0; i < emptyRows; i++) {
				rows.add(new ActionRow(null, null, risk.about().owner(), LocalDate.now().plusMonths(1), ActionStatus.OPEN, null));
			}
			return new TreatmentForm(risk.plan().treatmentOption() == null ? TreatmentOption.MODIFY : risk.plan().treatmentOption(), risk.plan().treatmentNote(),
					risk.assessment().target() == null ? null : risk.assessment().target().likelihood(), risk.assessment().target() == null ? null : risk.assessment().target().impact(), rows);
		}

		Treatment treatment() {
			List<ActionInput> inputs = new ArrayList<>();
			if (actions != null) {
				for (ActionRow row : actions) {
					if (row == null || row.title() == null || row.title().isBlank()) {
						continue;
					}
					List<String> controls = row.controls() == null || row.controls().isBlank() ? List.of()
							: Arrays.stream(row.controls().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
					inputs.add(new ActionInput(row.id(), row.title(), row.owner() == null ? "" : row.owner(), row.dueDate(), row.status(), null,
							controls));
				}
			}
			return new Treatment(option, note, inputs, targetLikelihood, targetImpact);
		}
	}

	/** One action row of the treatment form; controls as text, e.g. "A.6.2.8, iso27001-2022:A.8.15". */
	record ActionRow(UUID id, String title, String owner, LocalDate dueDate, ActionStatus status, String controls) {
	}

	/**
	 * The risk criteria form: one line per scale level ("Name | description"), per risk level
	 * ("key | Name | ROLE, ROLE", lowest first) and per matrix row (level keys of one likelihood, lowest
	 * impact first, likelihood 1 first).
	 */
	record CriteriaForm(String likelihood, String impact, String levels, String matrix, String changeNote) {

		static CriteriaForm of(CriteriaDefinition d, String note) {
			return new CriteriaForm(lines(d.likelihood()), lines(d.impact()),
					String.join("\n", d.levels().stream().map(l -> l.key() + " | " + l.name() + " | "
							+ String.join(", ", l.acceptedBy().stream().map(Enum::name).sorted().toList())).toList()),
					String.join("\n", d.matrix().stream().map(row -> String.join(" ", row)).toList()), note);
		}

		private static String lines(List<org.openaims.risk.ScaleLevel> scale) {
			return String.join("\n", scale.stream().map(s -> s.name() + (s.description() == null ? "" : " | " + s.description())).toList());
		}

		CriteriaDefinition definition() {
			List<FieldProblem> problems = new ArrayList<>();
			List<org.openaims.risk.ScaleLevel> l = scale(likelihood);
			List<org.openaims.risk.ScaleLevel> i = scale(impact);
			List<RiskLevel> parsedLevels = new ArrayList<>();
			int n = 0;
			for (String line : lines(levels)) {
				n++;
				String[] parts = line.split("\\|", -1);
				if (parts.length != 3) {
					problems.add(new FieldProblem("levels", "line " + n + ": write key | name | roles"));
					continue;
				}
				java.util.Set<org.openaims.identity.Role> roles = java.util.EnumSet.noneOf(org.openaims.identity.Role.class);
				for (String role : parts[2].split("[,\\s]+")) {
					if (role.isBlank()) {
						continue;
					}
					try {
						roles.add(org.openaims.identity.Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT)));
					}
					catch (IllegalArgumentException e) {
						problems.add(new FieldProblem("levels", "line " + n + ": '" + role.strip() + "' is not a role; known: "
								+ Arrays.toString(org.openaims.identity.Role.values())));
					}
				}
				parsedLevels.add(new RiskLevel(parts[0].strip(), parts[1].strip(), roles));
			}
			List<List<String>> rows = lines(matrix).stream().map(line -> Arrays.asList(line.strip().split("\\s+"))).toList();
			InvalidInputException.throwIfAny(problems);
			return new CriteriaDefinition(l, i, parsedLevels, rows);
		}

		private static List<org.openaims.risk.ScaleLevel> scale(String text) {
			return lines(text).stream().map(line -> {
				String[] parts = line.split("\\|", 2);
				return new org.openaims.risk.ScaleLevel(parts[0].strip(), parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null);
			}).toList();
		}

		private static List<String> lines(String text) {
			return text == null ? List.of() : text.lines().filter(s -> !s.isBlank()).toList();
		}
	}

	/** CSS classes for the levels of the criteria, from green (lowest) to red (highest). */
	static Map<String, String> levelClasses(CriteriaDefinition d) {
		String[] palette = { "level-low", "level-medium", "level-high", "level-critical" };
		Map<String, String> classes = new LinkedHashMap<>();
		int n = d.levels().size();
		for (int i = 0; i < n; i++) {
			int slot = n == 1 ? 0 : Math.round(i * (palette.length - 1) / (float) (n - 1));
			classes.put(d.levels().get(i).key(), palette[slot]);
		}
		return classes;
	}
}
