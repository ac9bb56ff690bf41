/**
 * Operational monitoring (9.1, A.6.2.6, A.6.2.8, A.8.3, A.8.4; EU AI Act art. 26(5)-(6), 72, 73):
 * operational events of AI systems received in batches — over HTTP or from a message broker, through
 * one port, {@link org.openaims.monitoring.EventIngest} — each batch one ledger entry carrying the
 * Merkle root of its events so that any event can be proven included later, also after its body was
 * purged; monitoring rules (threshold, rate over a window, absence) with separate raise and clear
 * conditions and a {@code for} duration, raising one incident per breach; incidents with their
 * timeline, the versions in production when they happened, containment, root cause, the
 * nonconformity they raise and the reports they oblige the organization to make, by its role for the
 * system and the jurisdiction's deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package org.openaims.monitoring;
