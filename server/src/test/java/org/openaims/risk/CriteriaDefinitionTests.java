package org.openaims.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.identity.Role;

/**
 * Rules of risk criteria as seeded randomized property tests: every monotone matrix on scales of 3 to
 * 6 levels is accepted and scores every cell; lowering any cell below a neighbour with lower scores is
 * refused at exactly that cell; scores are accepted exactly on the scales.
 */
class CriteriaDefinitionTests {

	private static final long SEED = Long.getLong("aims.seed", 20261128L);

	@Test
	void monotoneMatricesAreAcceptedAndLoweringACellIsRefusedThere() {
		Random random = new Random(SEED);
		for (int trial = 0; trial < 500; trial++) {
			int l = 3 + random.nextInt(4);
			int i = 3 + random.nextInt(4);
			int levelCount = 2 + random.nextInt(5);
			List<RiskLevel> levels = levels(levelCount);
			int[][] ranks = new int[l][i];
			for (int a = 0; a < l; a++) {
				for (int b = 0; b < i; b++) {
					int floor = Math.max(a > 0 ? ranks[a - 1][b] : 0, b > 0 ? ranks[a][b - 1] : 0);
					ranks[a][b] = Math.min(levelCount - 1, floor + (random.nextInt(3) == 0 ? 1 : 0));
				}
			}
			CriteriaDefinition ok = new CriteriaDefinition(scale(l), scale(i), levels, matrix(ranks, levels));
			assertThat(ok.problems()).as("trial %d", trial).isEmpty();
			int sl = 1 + random.nextInt(l);
			int si = 1 + random.nextInt(i);
			assertThat(ok.level(sl, si).key()).isEqualTo(levels.get(ranks[sl - 1][si - 1]).key());
			assertThat(ok.scoreProblems(sl, "l", si, "i", 1)).isEmpty();
			assertThat(ok.scoreProblems(l + 1, "l", si, "i", 1)).extracting(FieldProblem::field).containsExactly("l");
			assertThat(ok.scoreProblems(sl, "l", 0, "i", 1)).extracting(FieldProblem::field).containsExactly("i");

			// Find a cell above its lower neighbour's level and put it below: refused at that cell.
			for (int a = 0; a < l; a++) {
				for (int b = 0; b < i; b++) {
					int floor = Math.max(a > 0 ? ranks[a - 1][b] : 0, b > 0 ? ranks[a][b - 1] : 0);
					if (floor > 0) {
						int[][] broken = copy(ranks);
						broken[a][b] = floor - 1;
						List<FieldProblem> problems = new CriteriaDefinition(scale(l), scale(i), levels, matrix(broken, levels)).problems();
						assertThat(problems).extracting(FieldProblem::field).contains("matrix[" + a + "][" + b + "]");
						a = l;
						break;
					}
				}
			}
		}
	}

	@Test
	void scalesLevelsAndMatrixShapeAreChecked() {
		List<RiskLevel> levels = levels(3);
		int[][] ranks = new int[3][3];
		assertThat(new CriteriaDefinition(scale(2), scale(3), levels, matrix(new int[2][3], levels)).problems())
			.extracting(FieldProblem::field).containsExactly("likelihood");
		assertThat(new CriteriaDefinition(scale(3), scale(7), levels, matrix(ranks, levels)).problems())
			.extracting(FieldProblem::field).containsExactly("impact");
		assertThat(new CriteriaDefinition(scale(3), scale(3), levels(1), matrix(ranks, levels)).problems())
			.extracting(FieldProblem::field).containsExactly("levels");
		List<RiskLevel> twice = List.of(new RiskLevel("a", "A", EnumSet.of(Role.ADMIN)), new RiskLevel("a", "B", EnumSet.of(Role.ADMIN)));
		assertThat(new CriteriaDefinition(scale(3), scale(3), twice, matrix(ranks, twice)).problems())
			.extracting(FieldProblem::field).containsExactly("levels[1].key");
		List<RiskLevel> nobody = List.of(new RiskLevel("a", "A", EnumSet.noneOf(Role.class)), new RiskLevel("b", "B", EnumSet.of(Role.ADMIN)));
		assertThat(new CriteriaDefinition(scale(3), scale(3), nobody, matrix(ranks, nobody)).problems())
			.extracting(FieldProblem::field).containsExactly("levels[0].acceptedBy");
		List<List<String>> ragged = new ArrayList<>(matrix(ranks, levels));
		ragged.set(1, List.of("l0"));
		assertThat(new CriteriaDefinition(scale(3), scale(3), levels, ragged).problems()).extracting(FieldProblem::field)
			.containsExactly("matrix[1]");
		assertThatThrownBy(() -> new CriteriaDefinition(null, null, null, null).checked()).isInstanceOf(InvalidInputException.class);
	}

	private static List<ScaleLevel> scale(int n) {
		List<ScaleLevel> scale = new ArrayList<>();
		for (int k = 1; k <= n; k++) {
			scale.add(new ScaleLevel("Level " + k, null));
		}
		return scale;
	}

	private static List<RiskLevel> levels(int n) {
		List<RiskLevel> levels = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			levels.add(new RiskLevel("l" + k, "Level " + k, EnumSet.of(Role.ADMIN)));
		}
		return levels;
	}

	private static List<List<String>> matrix(int[][] ranks, List<RiskLevel> levels) {
		List<List<String>> rows = new ArrayList<>();
		for (int[] row : ranks) {
			List<String> cells = new ArrayList<>();
			for (int r : row) {
				cells.add(levels.get(r).key());
			}
			rows.add(cells);
		}
		return rows;
	}

	private static int[][] copy(int[][] ranks) {
		int[][] copy = new int[ranks.length][];
		for (int k = 0; k < ranks.length; k++) {
			copy[k] = ranks[k].clone();
		}
		return copy;
	}
}
