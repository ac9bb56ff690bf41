/**
 * Compliance: the Statement of Applicability (6.1.3) for ISO/IEC 42001 Annex A or any framework in
 * the catalog, versioned and approved through governance, exported for auditors; and the
 * implementation of each control with the requirements of other frameworks it supports.
 */
package org.openaims.compliance;
