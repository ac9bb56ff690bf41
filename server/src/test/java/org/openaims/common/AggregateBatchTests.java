package org.openaims.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.risk.RiskFixtures;
import org.openaims.risk.internal.Risk;
import org.openaims.risk.internal.RiskAction;
import org.openaims.risk.internal.RiskActionControl;
import org.openaims.risk.internal.Risks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * AggregateBatch reads the aggregates of a page with its own row reader (the converter's per-row path
 * building was most of a list request's time) and reads them as the repository does: risks with
 * treatment actions and their controls, compared field by field with {@code findById}. The whole test
 * suite runs with {@code aims.aggregates.cross-check}, which compares every row read this way with the
 * converter's reading of it.
 */
@AimsTest
class AggregateBatchTests {

	@Autowired
	AggregateBatch batch;

	@Autowired
	Risks risks;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void risksWithActionsAndControlsAreReadAsTheRepositoryReadsThem() {
		RiskFixtures.inForce(api, users);
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser owner = users.create(Role.RISK_OWNER);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			String id = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("batch " + tag + " " + i, null, "bias", 1 + i % 5, 2,
					owner.username())), HttpStatus.CREATED).get("id").asString();
			ids.add(UUID.fromString(id));
			if (i % 2 == 0) {
				api.body(api.put(owner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "note", "controls " + i,
						"targetLikelihood", 1, "targetImpact", 1, "actions", List.of(Map.of("title", "first " + i, "owner", owner.username(),
								"dueDate", LocalDate.now().plusDays(9).toString(), "controls", List.of("A.6.2.4", "A.6.2.5")),
								Map.of("title", "second " + i, "owner", owner.username(), "dueDate", LocalDate.now().plusDays(20).toString(),
										"status", "DONE")))), HttpStatus.OK);
				api.body(api.post(owner, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1, "impact", 1)), HttpStatus.OK);
			}
		}
		assertThat(batch.readsRowsItself(Risk.class)).isTrue();
		assertThat(batch.readsRowsItself(RiskAction.class)).isTrue();
		assertThat(batch.readsRowsItself(RiskActionControl.class)).isTrue();

		List<Risk> read = batch.findAllById(Risk.class, ids);
		assertThat(read).hasSize(ids.size());
		int actions = 0;
		for (Risk risk : read) {
			Risk expected = risks.findById(risk.id()).orElseThrow();
			assertThat(SameFields.difference(expected, risk, "risk")).as(risk.ref()).isNull();
			actions += risk.sortedActions().size();
		}
		assertThat(actions).isEqualTo(8);
	}

	@Test
	void theFieldComparisonNamesTheFirstDifference() {
		record Pair(String a, List<Integer> b) {
		}
		assertThat(SameFields.difference(new Pair("x", List.of(1, 2)), new Pair("x", List.of(1, 2)), "p")).isNull();
		assertThat(SameFields.difference(new Pair("x", List.of(1, 2)), new Pair("x", List.of(2, 1)), "p")).isEqualTo("p.b[0]: 1 vs 2");
		assertThat(SameFields.difference(new Pair("x", null), new Pair("y", null), "p")).isEqualTo("p.a: x vs y");
		assertThat(SameFields.difference(java.util.Set.of(1, 2), java.util.Set.of(2, 1), "s")).isNull();
		assertThat(SameFields.difference(java.util.Set.of(1, 2), java.util.Set.of(2, 3), "s")).isEqualTo("s: no element like 1");
		assertThat(SameFields.difference(1, "1", "v")).isEqualTo("v: java.lang.Integer vs java.lang.String");
	}
}
