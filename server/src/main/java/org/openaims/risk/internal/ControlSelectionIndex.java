package org.openaims.risk.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.risk.ActionStatus;
import org.openaims.risk.RiskStatus;

import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code risk_control_selections} (the controls each open risk selects through actions that are
 * not cancelled, with its reference and title) and {@code control_selection_counts} in step with the
 * risk register, in the transaction that saves a risk: the Statement of Applicability reads counts
 * and the newest few from them instead of every risk.
 */
@Component
class ControlSelectionIndex implements AfterSaveCallback<Risk> {

	private final JdbcClient jdbc;

	ControlSelectionIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Risk onAfterSave(Risk risk) {
		Set<UUID> now = selected(risk);
		Map<UUID, String[]> before = new HashMap<>();
		jdbc.sql("SELECT requirement_id, ref_no, title FROM risk_control_selections WHERE risk_id = :risk")
			.param("risk", risk.id())
			.query((rs, n) -> before.put(rs.getObject(1, UUID.class), new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		for (UUID gone : before.keySet()) {
			if (!now.contains(gone)) {
				jdbc.sql("DELETE FROM risk_control_selections WHERE requirement_id = :req AND risk_id = :risk")
					.param("req", gone).param("risk", risk.id()).update();
				count(gone, -1);
			}
		}
		for (UUID added : now) {
			String[] was = before.get(added);
			if (was == null) {
				jdbc.sql("INSERT INTO risk_control_selections (requirement_id, risk_id, ref_no, title) VALUES (:req, :risk, :ref, :title)")
					.param("req", added).param("risk", risk.id()).param("ref", risk.refNo()).param("title", risk.title()).update();
				count(added, 1);
			}
			else if (!was[1].equals(risk.title())) {
				jdbc.sql("UPDATE risk_control_selections SET title = :title WHERE requirement_id = :req AND risk_id = :risk")
					.param("title", risk.title()).param("req", added).param("risk", risk.id()).update();
			}
		}
		return risk;
	}

	/** The controls an open risk selects through its actions that are not cancelled. */
	static Set<UUID> selected(Risk risk) {
		Set<UUID> controls = new HashSet<>();
		if (risk.status() == RiskStatus.CLOSED) {
			return controls;
		}
		Set<UUID> liveActions = new HashSet<>();
		risk.sortedActions().stream().filter(a -> a.status() != ActionStatus.CANCELLED).forEach(a -> liveActions.add(a.actionId()));
		risk.controlsByAction().forEach((action, requirements) -> {
			if (liveActions.contains(action)) {
				controls.addAll(requirements);
			}
		});
		return controls;
	}

	private void count(UUID requirement, int delta) {
		int updated = jdbc.sql("UPDATE control_selection_counts SET risks = risks + :delta WHERE requirement_id = :req")
			.param("delta", delta).param("req", requirement).update();
		if (updated == 0) {
			// The first risk to select this control. Two saves racing here: one insert fails on the key and
			// its transaction is retried by the caller; counts are never silently lost.
			jdbc.sql("INSERT INTO control_selection_counts (requirement_id, risks) VALUES (:req, :delta)")
				.param("req", requirement).param("delta", delta).update();
		}
	}

}
