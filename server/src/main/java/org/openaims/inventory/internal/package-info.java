/** Inventory internals: the AI system, vendor and scope statement aggregates, their tables and queries. */
package org.openaims.inventory.internal;
