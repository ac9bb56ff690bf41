/** Statement of Applicability aggregates, their storage, approvable items and exports. */
package org.openaims.compliance.internal;
