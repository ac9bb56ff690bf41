/** REST API and pages of the compliance module. */
package org.openaims.compliance.web;
