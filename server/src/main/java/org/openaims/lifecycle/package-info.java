/**
 * Lifecycle controls (8.1, A.6.2.4–A.6.2.6): test runs and evaluations of an AI system's versions
 * (JUnit XML reports and metrics), metric thresholds per system, change tickets with their rollback
 * plans, the release gate — rules per risk tier as reviewed YAML, decisions recorded in the ledger
 * and signed as in-toto statements in DSSE envelopes — and deployments and rollbacks, from which
 * "which version ran in production when" is read. Rules that need other modules' records come
 * through {@link org.openaims.lifecycle.GateInputs}, which those modules implement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lifecycle")
package org.openaims.lifecycle;
