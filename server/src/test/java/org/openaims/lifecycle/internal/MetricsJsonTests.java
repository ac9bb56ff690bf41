package org.openaims.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openaims.common.InvalidInputException;
import org.openaims.lifecycle.TestRunView.Metric;

/** Metrics files: plain metrics, OpenTelemetry GenAI evaluation events aggregated per name, and broken input. */
class MetricsJsonTests {

	@Test
	void plainMetricsKeepTheirDatasetAndSlice() {
		List<Metric> m = parse("""
				[{"name": "accuracy", "value": 0.934, "unit": "ratio", "dataset": "holdout-2026-11"},
				 {"name": "demographic_parity_difference", "value": 0.031, "dataset": "holdout-2026-11", "slice": "gender"}]
				""");
		assertThat(m).containsExactly(new Metric("accuracy", 0.934, "ratio", "holdout-2026-11", null, null, null),
				new Metric("demographic_parity_difference", 0.031, null, "holdout-2026-11", "gender", null, null));
	}

	@Test
	void evaluationEventsAreAggregatedPerName() {
		List<Metric> m = parse("""
				[{"name": "gen_ai.evaluation.result", "attributes": {"gen_ai.evaluation.name": "toxicity",
				   "gen_ai.evaluation.score.value": 0.0, "gen_ai.evaluation.score.label": "pass", "gen_ai.response.id": "r1"}},
				 {"name": "gen_ai.evaluation.result", "attributes": {"gen_ai.evaluation.name": "toxicity",
				   "gen_ai.evaluation.score.value": 0.5, "gen_ai.evaluation.score.label": "fail"}},
				 {"name": "gen_ai.evaluation.result", "attributes": [{"key": "gen_ai.evaluation.name", "value": {"stringValue": "toxicity"}},
				   {"key": "gen_ai.evaluation.score.value", "value": {"doubleValue": 0.1}},
				   {"key": "gen_ai.evaluation.score.label", "value": {"stringValue": "Pass"}}]},
				 {"eventName": "gen_ai.evaluation.result", "attributes": {"gen_ai.evaluation.name": "relevance",
				   "gen_ai.evaluation.score.label": "relevant"}},
				 {"eventName": "gen_ai.evaluation.result", "attributes": {"gen_ai.evaluation.name": "relevance",
				   "gen_ai.evaluation.score.label": "not_relevant"}}]
				""");
		assertThat(m).hasSize(2);
		Metric toxicity = m.get(0);
		assertThat(toxicity.name()).isEqualTo("toxicity");
		assertThat(toxicity.count()).isEqualTo(3);
		assertThat(toxicity.value()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(toxicity.passShare()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		Metric relevance = m.get(1);
		assertThat(relevance.count()).isEqualTo(2);
		assertThat(relevance.value()).isEqualTo(0.5);
		assertThat(relevance.unit()).isEqualTo("share");
	}

	@Test
	void everyBadElementIsNamedByItsIndex() {
		assertThatThrownBy(() -> parse("""
				[{"name": "accuracy", "value": "high"}, {"value": 1}, 7, {"name": "accuracy", "value": 0.9},
				 {"name": "accuracy", "value": 0.8}, {"name": "gen_ai.evaluation.result", "attributes": {"gen_ai.evaluation.name": "t"}}]
				"""))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
				.containsExactly("metrics[0].value", "metrics[1].name", "metrics[2]", "metrics[4]", "metrics[5].attributes"));
	}

	@Test
	void brokenAndHostileFilesAreRefused() {
		assertRefused("", "is empty");
		assertRefused("not json", "is not valid JSON");
		assertRefused("{\"name\": \"accuracy\", \"value\": 1}", "must be a JSON array");
		assertRefused("[]", "holds no metric");
		assertRefused("[{\"name\": \"a\", \"value\": 1, \"value\": 2}]", "is not valid JSON");
		assertRefused("[" + "[".repeat(100) + "]".repeat(100) + "]", "is not valid JSON");
		assertRefused("[{\"name\": \"a\", \"value\": 1e999}]", "must be a finite number");
		assertRefused("[{\"name\": \"a\\u0000b\", \"value\": 1}]", "NUL");
	}

	private static void assertRefused(String json, String reason) {
		assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidInputException.class).hasMessageContaining(reason);
	}

	private static List<Metric> parse(String json) {
		return MetricsJson.parse("metrics", "m.json", json.getBytes(StandardCharsets.UTF_8));
	}
}
