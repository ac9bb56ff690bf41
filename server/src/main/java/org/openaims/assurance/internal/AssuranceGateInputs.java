package org.openaims.assurance.internal;

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
 * The release gate's assurance rule: {@code nonconformities} — no nonconformity about the AI system is
 * open (or a candidate not yet accepted or dismissed) at the given severity or above ({@code severity:
 * MAJOR}, the default, or {@code MINOR} for any). A version does not ship past an unresolved finding.
 */
@Component
@Transactional(readOnly = true)
class AssuranceGateInputs implements GateInputs {

	private static final int LISTED = 10;

	private final JdbcClient jdbc;

	AssuranceGateInputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> rules() {
		return Set.of("nonconformities");
	}

	@Override
	public List<String> check(String rule, Map<String, Object> settings) {
		List<String> problems = new ArrayList<>();
		settings.keySet().stream().filter(k -> !k.equals("severity")).sorted()
			.forEach(k -> problems.add("unknown setting '" + k + "' (settings: severity)"));
		Object severity = settings.get("severity");
		if (severity != null && !List.of("MAJOR", "MINOR").contains(String.valueOf(severity))) {
			problems.add("severity must be MAJOR or MINOR");
		}
		return problems;
	}

	@Override
	public RuleResult evaluate(String rule, Map<String, Object> settings, Subject subject) {
		boolean any = "MINOR".equals(String.valueOf(settings.get("severity")));
		String expected = "no " + (any ? "" : "major ") + "nonconformity about " + subject.aiSystemName() + " open or awaiting acceptance";
		record Row(String id, String title, String severity, String status) {
		}
		List<Row> open = jdbc.sql("SELECT id, title, severity, status FROM nonconformities WHERE ai_system_id = :system "
				+ "AND status IN ('OPEN', 'CANDIDATE')" + (any ? "" : " AND severity = 'MAJOR'") + " ORDER BY raised_at, id")
			.param("system", subject.aiSystemId())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		List<Input> inputs = open.stream().map(r -> new Input("nonconformity", r.id(), Digests.snapshot(r.id(), r.severity(), r.status()))).toList();
		String found = open.isEmpty() ? "none" : open.size() + " open: " + String.join("; ", open.stream().limit(LISTED)
			.map(r -> r.title() + " (" + r.severity().toLowerCase() + (r.status().equals("CANDIDATE") ? ", candidate" : "") + ")").toList())
				+ (open.size() > LISTED ? " …" : "");
		return new RuleResult("nonconformities", expected, found, open.isEmpty(), inputs);
	}
}
