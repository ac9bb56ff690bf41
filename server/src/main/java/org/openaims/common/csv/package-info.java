/**
 * Reading and writing CSV for register exports and all-or-nothing imports: strict parsing with row
 * and column in every problem, and cells guarded against spreadsheet formula injection.
 */
package org.openaims.common.csv;
