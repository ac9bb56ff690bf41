package org.openaims.ledger.internal;

import java.util.Set;

import org.openaims.common.AppendOnlyTables;

import org.springframework.stereotype.Component;

/** The ledger's tables, append-only for the application's database role. */
@Component
class LedgerTables implements AppendOnlyTables {

	@Override
	public Set<String> appendOnlyTables() {
		return Set.of("ledger_entries", "ledger_checkpoints", "ledger_keys");
	}
}
