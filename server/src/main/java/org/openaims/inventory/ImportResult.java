package org.openaims.inventory;

/** What a CSV import did: records created, changed, and rows that matched the stored record already. */
public record ImportResult(int created, int updated, int unchanged) {
}
