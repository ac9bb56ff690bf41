package org.openaims.common;

import java.util.Set;

/**
 * Tables a module keeps append-only (the ledger's): on PostgreSQL the application's database role is
 * granted only SELECT and INSERT on them, so no bug, injected statement or stolen application
 * password can change or remove a row. Each module that has such tables provides one bean.
 */
public interface AppendOnlyTables {

	Set<String> appendOnlyTables();
}
