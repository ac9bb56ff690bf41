/**
 * Catalog: the frameworks an organization works with (ISO/IEC 42001:2023 built in; others imported
 * from CISO Assistant libraries or OSCAL catalogs), their requirements and the mappings between
 * requirements of different frameworks. Supports 6.1.3 (comparison with Annex A) and integration with
 * an ISO/IEC 27001 ISMS.
 */
package org.openaims.catalog;
