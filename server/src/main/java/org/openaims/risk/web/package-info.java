/** REST and UI for risk criteria, the risk register, the heat map and impact assessments. */
package org.openaims.risk.web;
