/** Identity's REST endpoints and pages: token exchange, users, API tokens, login and account. */
package org.openaims.identity.web;
