package org.openaims.lifecycle.internal;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** A test run linked to a change (a row of {@code change_test_runs}). */
@Table("change_test_runs")
record ChangeTestRun(UUID testRunId) {
}
