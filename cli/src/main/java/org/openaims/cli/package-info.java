/** The {@code aims} command-line client: talks to the REST API only and starts without Spring. */
package org.openaims.cli;
