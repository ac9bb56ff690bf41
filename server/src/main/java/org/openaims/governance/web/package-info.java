/** REST API and pages of the governance module. */
package org.openaims.governance.web;
