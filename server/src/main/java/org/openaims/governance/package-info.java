/**
 * Governance: approvals with segregation of duties for every module, RACI, the AI policy life cycle
 * with acknowledgements, AI objectives and concerns. Supports 5.1-5.3, 6.2, 7.3, A.2.2-A.2.4 and
 * A.3.2-A.3.3.
 */
package org.openaims.governance;
