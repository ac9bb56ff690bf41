/**
 * Reporting: exports of registers as tables — CSV written as the rows are read, Excel workbooks
 * built with bounded memory (by a background job when they are large), PDFs for what a person reads
 * on paper — so that any register exports whatever its size (7.5.3). Depends on {@code common} and
 * {@code identity} only; modules hand it their rows.
 */
package org.openaims.reporting;
