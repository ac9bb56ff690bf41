/**
 * The scope register of the AIMS: AI systems with their versions, vendors and other third parties,
 * and the versioned scope statement. Supports 4.3 (scope), A.4.2 (resource documentation) and
 * A.10.2–A.10.3 (allocating responsibilities, suppliers).
 */
package org.openaims.inventory;
