/** Risk criteria, risk and impact assessment aggregates, their storage, approvable items, queries and exports. */
package org.openaims.risk.internal;
