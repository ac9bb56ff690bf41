/** Identity internals: user and token aggregates, their repositories, and the security setup. */
package org.openaims.identity.internal;
