/**
 * Identity: users and their roles, API tokens, session and bearer-token authentication. Supports
 * 5.3 (roles, responsibilities and authorities) and A.3.2.
 */
package org.openaims.identity;
