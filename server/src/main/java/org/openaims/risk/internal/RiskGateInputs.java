package org.openaims.risk.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openaims.common.Digests;
import org.openaims.lifecycle.GateInputs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release gate's risk rules: {@code impactAssessment} — the system's newest impact assessment is
 * approved and not stale (8.4); {@code risksReviewed} — every open risk of the system was reassessed
 * since the change was opened and none waits for reassessment ({@code flaggedOnly: true} checks only
 * the risks a significant change flagged).
 */
@Component
@Transactional(readOnly = true)
class RiskGateInputs implements GateInputs {

	private final JdbcClient jdbc;

	RiskGateInputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> rules() {
		return Set.of("impactAssessment", "risksReviewed");
	}

	@Override
	public List<String> check(String rule, Map<String, Object> settings) {
		List<String> problems = new ArrayList<>();
		Set<String> allowed = rule.equals("risksReviewed") ? Set.of("flaggedOnly") : Set.of();
		settings.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
			.forEach(k -> problems.add("unknown setting '" + k + "'" + (allowed.isEmpty() ? " (it takes none)" : " (settings: flaggedOnly)")));
		Object flagged = settings.get("flaggedOnly");
		if (flagged != null && !(flagged instanceof Boolean)) {
			problems.add("flaggedOnly must be true or false");
		}
		return problems;
	}

	@Override
	public RuleResult evaluate(String rule, Map<String, Object> settings, Subject subject) {
		return rule.equals("impactAssessment") ? impactAssessment(subject) : risksReviewed(settings, subject);
	}

	private RuleResult impactAssessment(Subject subject) {
		String expected = "an approved, current impact assessment of " + subject.aiSystemName();
		record Row(String id, String status, boolean stale, String staleReason, String systemVersion, Object approvedAt) {
		}
		List<Row> rows = jdbc.sql("SELECT id, status, stale, stale_reason, system_version, approved_at FROM impact_assessments"
				+ " WHERE ai_system_id = :system ORDER BY created_at DESC LIMIT 1")
			.param("system", subject.aiSystemId())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6)))
			.list();
		if (rows.isEmpty()) {
			return new RuleResult("impactAssessment", expected, "the system has no impact assessment", false, List.of());
		}
		Row a = rows.get(0);
		Input input = new Input("impact-assessment", a.id(), Digests.snapshot(a.id(), a.status(), a.stale(), a.staleReason(), a.systemVersion(),
				String.valueOf(a.approvedAt())));
		boolean approved = "APPROVED".equals(a.status());
		String found = !approved ? "the newest assessment is " + a.status().toLowerCase().replace('_', ' ')
				: a.stale() ? "the approved assessment is stale: " + a.staleReason() : "approved and current";
		return new RuleResult("impactAssessment", expected, found, approved && !a.stale(), List.of(input));
	}

	private RuleResult risksReviewed(Map<String, Object> settings, Subject subject) {
		boolean flaggedOnly = Boolean.TRUE.equals(settings.get("flaggedOnly"));
		String expected = flaggedOnly ? "no open risk of the system waiting for reassessment"
				: "every open risk of the system reassessed since the change was opened (" + subject.changeOpenedAt() + ")";
		record Row(String id, int ref, boolean due, java.time.Instant updated) {
		}
		List<Row> risks = jdbc.sql("SELECT id, ref_no, reassessment_due, updated_at FROM risks WHERE ai_system_id = :system AND status <> 'CLOSED'"
				+ " ORDER BY ref_no")
			.param("system", subject.aiSystemId())
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getTimestamp(4).toInstant()))
			.list();
		List<String> pending = new ArrayList<>();
		for (Row r : risks) {
			if (r.due() || !flaggedOnly && r.updated().isBefore(subject.changeOpenedAt())) {
				pending.add("RISK-" + r.ref());
			}
		}
		List<Input> inputs = risks.stream().map(r -> new Input("risk", r.id(), Digests.snapshot(r.id(), r.due(), Timestamp.from(r.updated()).toInstant())))
			.toList();
		String found = risks.isEmpty() ? "the system has no open risk"
				: pending.isEmpty() ? risks.size() + " open risk" + (risks.size() == 1 ? "" : "s") + ", all reviewed"
						: pending.size() + " of " + risks.size() + " open risks not reviewed: " + String.join(", ", pending.subList(0, Math.min(20, pending.size())))
								+ (pending.size() > 20 ? " …" : "");
		return new RuleResult("risksReviewed", expected, found, pending.isEmpty(), inputs);
	}
}
