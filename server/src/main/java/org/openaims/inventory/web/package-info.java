/** Inventory's REST endpoints and pages: AI systems, vendors, scope statement. */
package org.openaims.inventory.web;
