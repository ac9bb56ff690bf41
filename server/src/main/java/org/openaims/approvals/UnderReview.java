package org.openaims.approvals;

import java.util.List;
import java.util.Set;

/**
 * An item as it is now, as its module shows it to the approval life cycle.
 *
 * @param title what the approver approves, e.g. "AI policy, version 3"
 * @param digest SHA-256 of the content under review: an approval covers exactly this content
 * @param authors everyone who changed that content since its last approval (none of them may approve it)
 * @param approvers the roles that may approve it and how many distinct approvers it needs
 * @param summary a few lines for the approver: what the item is and says
 * @param content the content as lines, compared with {@code approved} to show what changed; empty
 *     when the item is not a document
 * @param approved the last approved content to compare with, if there is one
 * @param link the page where the item is, or null
 */
public record UnderReview(String title, String digest, Set<String> authors, Approvers approvers, String summary,
		List<String> content, Baseline approved, String link) {

	public UnderReview {
		authors = Set.copyOf(authors);
		content = content == null ? List.of() : List.copyOf(content);
	}

	/** An item without a document to compare. */
	public static UnderReview of(String title, String digest, Set<String> authors, Approvers approvers, String summary, String link) {
		return new UnderReview(title, digest, authors, approvers, summary, List.of(), null, link);
	}

	/** The approved content a new version is compared with, and what to call it ("version 2"). */
	public record Baseline(String label, List<String> content) {

		public Baseline {
			content = List.copyOf(content);
		}
	}
}
