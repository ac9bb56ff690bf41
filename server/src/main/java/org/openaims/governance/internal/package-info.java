/** Governance internals: approval, policy, RACI, objective and concern aggregates and their queries. */
package org.openaims.governance.internal;
