/** REST API and pages of the catalog module. */
package org.openaims.catalog.web;
