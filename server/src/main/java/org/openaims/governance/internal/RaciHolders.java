package org.openaims.governance.internal;

import java.util.List;

import org.openaims.evidence.CompetenceArea;
import org.openaims.evidence.ResponsibilityHolders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users the RACI makes accountable or responsible, for the competence gap list (7.2): one line per
 * person and letter, with how many subjects it covers.
 */
@Component
class RaciHolders implements ResponsibilityHolders {

	private final JdbcClient jdbc;

	RaciHolders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Holder> holders() {
		return jdbc.sql("SELECT assignee, letter, COUNT(*) FROM responsibilities WHERE assignee_type = 'USER' AND letter IN ('A', 'R')"
				+ " GROUP BY assignee, letter ORDER BY assignee, letter")
			.query((rs, n) -> {
				boolean accountable = "A".equals(rs.getString(2));
				long subjects = rs.getLong(3);
				return new Holder(rs.getString(1), accountable ? CompetenceArea.RACI_ACCOUNTABLE : CompetenceArea.RACI_RESPONSIBLE,
						(accountable ? "accountable" : "responsible") + " in the RACI of " + subjects + (subjects == 1 ? " subject" : " subjects"));
			})
			.list();
	}
}
