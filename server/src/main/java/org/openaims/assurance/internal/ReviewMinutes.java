package org.openaims.assurance.internal;

import java.io.OutputStream;
import java.util.List;

import org.openaims.approvals.ReviewStatus;
import org.openaims.assurance.InputPack;
import org.openaims.assurance.ManagementReviewView;
import org.openaims.common.PdfDocuments;

/** A management review's record (9.3.3) as PDF: attendees, the inputs as presented, minutes, decisions, actions, approval. */
public final class ReviewMinutes {

	private ReviewMinutes() {
	}

	public static void render(ManagementReviewView r, InputPack pack, OutputStream out) {
		Xhtml x = new Xhtml("Management review: " + r.title());
		if (r.reviewStatus() != ReviewStatus.APPROVED) {
			x.p("draft", "DRAFT — output not approved by top management (" + r.reviewStatus().name().toLowerCase() + ").");
		}
		else {
			x.p("Output approved by top management.");
		}
		x.field("Date", r.scheduledFor())
			.field("Period reviewed", r.periodStart() + " to " + r.periodEnd())
			.field("Chair", r.chair())
			.field("Attendees", r.attendees().isEmpty() ? null : String.join(", ", r.attendees()))
			.field("Held", r.heldAt());
		x.h2("Inputs (9.3.2)" + (r.heldAt() == null ? " — assembled " + pack.assembledAt() : " — as presented"));
		for (InputPack.Section s : pack.sections()) {
			x.h2(s.clause() + " " + s.title());
			x.table(List.of("Figure", "Value"), s.figures().stream().map(f -> List.of(f.label(), String.valueOf(f.value()))).toList());
			if (!s.rows().isEmpty()) {
				x.table(s.header(), s.rows());
			}
			if (s.note() != null) {
				x.p("muted", s.note());
			}
		}
		x.h2("Minutes");
		x.p(r.minutes() == null ? "—" : r.minutes());
		x.h2("Decisions (9.3.3)");
		x.p(r.decisions() == null ? "—" : r.decisions());
		x.h2("Actions");
		if (r.actions().isEmpty()) {
			x.p("None.");
		}
		else {
			x.table(List.of("Action", "Owner", "Due", "Status"), r.actions().stream()
				.map(a -> List.of(a.description(), a.owner(), a.dueDate().toString(), a.status().name() + (a.overdue() ? " (overdue)" : "")))
				.toList());
		}
		PdfDocuments.render(x.done(), out);
	}
}
