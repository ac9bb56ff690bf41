/** The ledger's REST endpoints. */
package org.openaims.ledger.web;
