package org.openaims.assurance;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.assurance.internal.InputPacks;
import org.openaims.assurance.internal.Listing;
import org.openaims.assurance.internal.ManagementReview;
import org.openaims.assurance.internal.ManagementReviews;
import org.openaims.assurance.internal.ReviewAction;
import org.openaims.assurance.internal.ReviewMinutes;
import org.openaims.common.AggregateBatch;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SqlWhere;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.reporting.Table;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Management reviews (9.3). AIMS managers and administrators schedule them and write their output;
 * the input pack is assembled by the system for the review's period — live until the review is held,
 * then frozen as presented —; the output is approved by top management (never by its authors) and
 * exported as PDF; each decided action's owner reports its progress, and open actions appear among
 * the next review's inputs.
 */
@Service
@Validated
@Transactional
public class ManagementReviewService {

	static final Role[] ORGANIZERS = { Role.ADMIN, Role.AIMS_MANAGER };

	private static final Listing LISTING = new Listing("management_reviews r", "r.id", "scheduled", "r.scheduled_for", true, "r.title",
			"-scheduled");

	private final ManagementReviews reviews;

	private final InputPacks packs;

	private final UserDirectory users;

	private final ApprovalService approvals;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ManagementReviewService(ManagementReviews reviews, InputPacks packs, UserDirectory users, ApprovalService approvals, Ledger ledger,
			AggregateBatch batch, JdbcClient jdbc, JsonMapper json) {
		this.reviews = reviews;
		this.packs = packs;
		this.users = users;
		this.approvals = approvals;
		this.ledger = ledger;
		this.batch = batch;
		this.jdbc = jdbc;
		this.json = json;
	}

	@PreAuthorize("isAuthenticated()")
	public ManagementReviewView schedule(@Valid ReviewDetails details) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers schedule management reviews", ORGANIZERS);
		check(details);
		return view(reviews.save(ManagementReview.schedule(details, CurrentUser.actor())));
	}

	@PreAuthorize("isAuthenticated()")
	public ManagementReviewView change(UUID id, @Valid ReviewDetails details) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers write management reviews", ORGANIZERS);
		ManagementReview review = load(id);
		if (details.version() != null && details.version() != review.version()) {
			throw new ConflictException("the review was edited meanwhile (version " + review.version() + ", not " + details.version() + "); reload it");
		}
		check(details);
		if (review.change(details, CurrentUser.actor())) {
			approvals.contentChanged(review.reviewRef(), "the management review's output was edited");
		}
		return view(reviews.save(review));
	}

	/** The review's inputs: frozen once it was held, assembled now before. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public InputPack inputs(UUID id) {
		ManagementReview review = load(id);
		if (review.inputPack() != null) {
			return json.readValue(review.inputPack(), InputPack.class);
		}
		return packs.assemble(review);
	}

	/** The review took place: its inputs are frozen as presented. */
	@PreAuthorize("isAuthenticated()")
	public ManagementReviewView hold(UUID id) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers record that a review was held", ORGANIZERS);
		ManagementReview review = load(id);
		String pack = json.writeValueAsString(packs.assemble(review));
		review.hold(pack, Digests.sha256Hex(pack), CurrentUser.actor());
		return view(reviews.save(review));
	}

	/** Submits the output (minutes, decisions, actions) for top management's approval. */
	@PreAuthorize("isAuthenticated()")
	public ManagementReviewView submit(UUID id, LocalDate due) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers submit a review's output", ORGANIZERS);
		ManagementReview review = load(id);
		approvals.submit(review.reviewRef(), due == null ? LocalDate.now().plusDays(7) : due, "Output of " + review.title());
		return get(id);
	}

	/** An action's progress, reported by its owner or an organizer (also after the output's approval). */
	@PreAuthorize("isAuthenticated()")
	public ManagementReviewView updateAction(UUID id, UUID actionId, @Valid ActionUpdate update) {
		ManagementReview review = load(id);
		ReviewAction action = review.actions().stream().filter(a -> a.id().equals(actionId)).findFirst()
			.orElseThrow(() -> new NotFoundException("review action", actionId));
		if (!CurrentUser.username().equals(action.owner()) && !CurrentUser.hasAnyRole(ORGANIZERS)) {
			throw new AccessDeniedException("only the action's owner or an AIMS manager reports its progress");
		}
		review.updateAction(actionId, update, CurrentUser.actor());
		return view(reviews.save(review));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void pdf(UUID id, OutputStream out) {
		ReviewMinutes.render(get(id), inputs(id), out);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ManagementReviewView get(UUID id) {
		return view(load(id));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ManagementReviewView> list(ReviewMeetingStatus status, String q, PageRequest request) {
		return LISTING.page(jdbc, batch, ManagementReview.class, ManagementReview::id, where(status, q), request).map(this::view);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Table exportTable(ReviewMeetingStatus status, String q, int batchRows) {
		return Listing.table("management-reviews", "Management reviews", List.of("id", "title", "scheduled_for", "period_start", "period_end",
				"chair", "attendees", "status", "approval", "actions", "actions_open", "held_at"), LISTING.count(jdbc, where(status, q)), batchRows,
				r -> list(status, q, r), v -> Arrays.asList(v.id(), v.title(), v.scheduledFor(), v.periodStart(), v.periodEnd(), v.chair(),
						String.join(";", v.attendees()), v.status(), v.reviewStatus(), v.actions().size(),
						v.actions().stream().filter(a -> a.status() == ActionStatus.OPEN).count(), v.heldAt()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(ManagementReview.SUBJECT, id.toString());
	}

	public boolean mayOrganize() {
		return CurrentUser.hasAnyRole(ORGANIZERS);
	}

	private static SqlWhere where(ReviewMeetingStatus status, String q) {
		return new SqlWhere().and("r.status = :status", "status", status == null ? null : status.name()).containsText("q", q, "r.title",
				"COALESCE(r.minutes, '')", "COALESCE(r.decisions, '')");
	}

	private void check(ReviewDetails d) {
		List<FieldProblem> problems = new ArrayList<>();
		if (d.periodEnd().isBefore(d.periodStart())) {
			problems.add(new FieldProblem("periodEnd", "must not be before periodStart"));
		}
		if (!users.isActive(d.chair().strip())) {
			problems.add(new FieldProblem("chair", "no active user is named '" + d.chair().strip() + "'"));
		}
		if (d.attendees() != null) {
			d.attendees().stream().filter(a -> a != null && !a.isBlank() && !users.isActive(a.strip()))
				.forEach(a -> problems.add(new FieldProblem("attendees", "no active user is named '" + a.strip() + "'")));
		}
		if (d.actions() != null) {
			for (int i = 0; i < d.actions().size(); i++) {
				ActionDetails a = d.actions().get(i);
				if (a != null && a.owner() != null && !users.isActive(a.owner().strip())) {
					problems.add(new FieldProblem("actions[" + i + "].owner", "no active user is named '" + a.owner().strip() + "'"));
				}
			}
		}
		InvalidInputException.throwIfAny(problems);
	}

	private ManagementReview load(UUID id) {
		return reviews.findById(id).orElseThrow(() -> new NotFoundException("management review", id));
	}

	private ManagementReviewView view(ManagementReview r) {
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		return new ManagementReviewView(r.id(), r.title(), r.scheduledFor(), r.periodStart(), r.periodEnd(), r.chair(), r.attendees(), r.status(),
				r.minutes(), r.decisions(), r.actions().stream().map(a -> a.view(today)).toList(), r.heldAt(), r.review().status(),
				r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy(), r.version());
	}
}
