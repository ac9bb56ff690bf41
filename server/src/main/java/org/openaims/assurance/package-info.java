/**
 * Assurance (4.1, 4.2, 9.2, 9.3, 10.2): the context of the organization (internal and external
 * issues, interested parties and their requirements), the audit programme and its audits — with
 * checklists generated from the scope's requirements, auditors' independence checked per item and
 * exceptions approved —, nonconformities with root cause, corrective actions, an effectiveness review
 * and closure through approvals, and management reviews whose input pack the system assembles for
 * the period and whose output top management approves. Programmes, independence exceptions,
 * nonconformities' closure and reviews' output are reviewed through the {@code approvals} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assurance")
package org.openaims.assurance;
