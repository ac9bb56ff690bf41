/**
 * Risk: versioned risk criteria, the AI risk register with treatment and residual acceptance, and AI
 * system impact assessments. Supports 6.1.1-6.1.4, 8.2-8.4 and A.5.2-A.5.5.
 */
package org.openaims.risk;
