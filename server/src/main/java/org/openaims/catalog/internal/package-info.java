/** Parsers of framework and mapping libraries, the built-in catalog and the catalog's storage. */
package org.openaims.catalog.internal;
