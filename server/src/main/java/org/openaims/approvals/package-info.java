/**
 * Approvals: the one review life cycle of every record that needs approval (A.3.2 segregation of
 * duties, 5.2, 6.1.3, 7.5.2). A module makes a record type reviewable by implementing
 * {@link org.openaims.approvals.Reviewable} for it and embedding a
 * {@link org.openaims.approvals.ReviewState}; this module owns the requests, decisions, quorum, the
 * segregation-of-duties rules, content digests and invalidation, and calls the module back at each
 * step. It depends on {@code common} and {@code identity} only; no business module is known here.
 */
package org.openaims.approvals;
