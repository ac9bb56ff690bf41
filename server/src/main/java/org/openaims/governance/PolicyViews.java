package org.openaims.governance;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalStatus;
import org.openaims.approvals.ApprovalView;
import org.openaims.common.DiffLine;
import org.openaims.evidence.FileStore;
import org.openaims.common.Markdown;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.TextDiff;
import org.openaims.common.csv.CsvFormat;
import org.openaims.governance.internal.PolicyQueries;
import org.openaims.governance.internal.PolicyVersion;
import org.openaims.governance.internal.PolicyVersions;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policies as people read them: lists, one policy with its versions, a version with its
 * latest approval, differences between versions, histories from the ledger, acknowledgement
 * coverage and the CSV export. Everyone signed in reads them.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class PolicyViews {

	private final PolicyVersions versions;

	private final PolicyQueries queries;

	private final ApprovalService approvals;

	private final UserDirectory users;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final Ledger ledger;

	PolicyViews(PolicyVersions versions, PolicyQueries queries, ApprovalService approvals, UserDirectory users, FileStore files,
			JdbcClient jdbc, Ledger ledger) {
		this.versions = versions;
		this.queries = queries;
		this.approvals = approvals;
		this.users = users;
		this.files = files;
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	public Page<PolicyView> list(String text, Boolean reviewOverdue, PageRequest request) {
		return queries.page(text, reviewOverdue, request);
	}

	/** Policies in force whose review date has passed (A.2.4). */
	public List<PolicyView> overdueReviews() {
		return queries.page(null, true, new PageRequest(PageRequest.MAX_LIMIT, null, null)).items();
	}

	public PolicyView get(UUID id) {
		PolicyView view = queries.find(id).orElseThrow(() -> new NotFoundException("policy", id));
		List<PolicyView.VersionSummary> list = versions.findByPolicyIdOrderByVersionNoDesc(id)
			.stream()
			.map(v -> new PolicyView.VersionSummary(v.versionNo(), v.status(), v.changeSummary(), v.updatedAt(), v.updatedBy(),
					v.publishedAt()))
			.toList();
		PolicyView.PendingChange pending = view.pendingChange() == null ? null
				: new PolicyView.PendingChange(view.pendingChange().kind(), view.pendingChange().title(), view.pendingChange().reason(),
						view.pendingChange().proposedBy(), approvals.latest(PolicyId.CHANGE_REVIEW.ref(new PolicyId(id)))
							.filter(a -> a.status() == ApprovalStatus.PENDING).map(ApprovalView::id).orElse(null));
		return new PolicyView(view.id(), view.title(), view.owner(), view.reviewIntervalMonths(), view.nextReviewDate(),
				view.reviewOverdue(), view.approvalsRequired(), view.addresses(), view.alignedWith(), view.publishedVersion(),
				view.latestVersion(), view.latestStatus(), view.retiredAt(), view.createdAt(), view.updatedAt(), view.version(),
				pending, list);
	}

	public PolicyVersionView version(UUID id, int versionNo) {
		PolicyVersion v = loadVersion(id, versionNo);
		return new PolicyVersionView(v.id(), id, v.versionNo(), v.status(), v.body(), Markdown.toHtml(v.body()),
				v.fileSha256() == null ? null : new PolicyVersionView.FileRef(v.fileName(), v.fileType(), v.fileSha256()),
				v.changeSummary(), v.createdAt(), v.createdBy(), v.updatedAt(), v.updatedBy(), v.publishedAt(), v.publishedBy(),
				approvals.latest(v.reviewRef()).orElse(null));
	}

	/**
	 * Every recorded change of the policy and of its versions, including approval requests and
	 * decisions, oldest first.
	 */
	public List<HistoryEntry> history(UUID id) {
		get(id);
		List<HistoryEntry> entries = new ArrayList<>(ledger.history("policy", id.toString()));
		entries.addAll(ledger.history(PolicyId.CHANGE_REVIEW.key(), id.toString()));
		for (PolicyVersion v : versions.findByPolicyIdOrderByVersionNoDesc(id)) {
			entries.addAll(ledger.history(PolicyVersionId.REVIEW.key(), v.id().toString()));
		}
		entries.sort(Comparator.comparing(HistoryEntry::time).thenComparingLong(HistoryEntry::seq));
		return entries;
	}

	/** A version's attached document, to be sent with {@code FileDownloads}. */
	public Attachment file(UUID id, int versionNo) {
		PolicyVersion v = loadVersion(id, versionNo);
		if (v.fileSha256() == null) {
			throw new NotFoundException("document of policy version", versionNo);
		}
		return new Attachment(v.fileName(), v.fileType(),
				files.find(v.fileSha256()).orElseThrow(() -> new NotFoundException("stored file", v.fileSha256())));
	}

	/** An attached document and where its bytes are. */
	public record Attachment(String name, String mediaType, org.springframework.core.io.Resource path) {
	}

	/** The line-by-line differences between two versions' texts. */
	public List<DiffLine> diff(UUID id, int from, int to) {
		PolicyVersion older = loadVersion(id, from);
		PolicyVersion newer = loadVersion(id, to);
		return TextDiff.between(TextDiff.lines(older.body()), TextDiff.lines(newer.body()));
	}

	/** Who has and who has not acknowledged the published version, among active users. */
	public AcknowledgementCoverage coverage(UUID id) {
		PolicyVersion published = versions.published(id);
		List<AcknowledgementCoverage.Acknowledgement> acknowledged = jdbc
			.sql("SELECT username, acknowledged_at FROM policy_acknowledgements WHERE policy_version_id = :v ORDER BY username")
			.param("v", published.id())
			.query((rs, n) -> new AcknowledgementCoverage.Acknowledgement(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		Set<String> done = acknowledged.stream().map(AcknowledgementCoverage.Acknowledgement::username).collect(Collectors.toSet());
		List<String> active = users.activeUsers().stream().map(UserView::username).toList();
		List<String> missing = active.stream().filter(u -> !done.contains(u)).sorted().toList();
		long activeDone = active.stream().filter(done::contains).count();
		int percent = active.isEmpty() ? 100 : (int) Math.floor(100.0 * activeDone / active.size());
		return new AcknowledgementCoverage(published.versionNo(), acknowledged, missing, percent);
	}

	/** Whether the signed-in user has acknowledged the published version. */
	public boolean acknowledgedByMe(UUID id) {
		return versions.findByPolicyIdOrderByVersionNoDesc(id).stream()
			.filter(v -> v.status() == PolicyStatus.PUBLISHED)
			.findFirst()
			.map(v -> jdbc.sql("SELECT COUNT(*) FROM policy_acknowledgements WHERE policy_version_id = :v AND username = :u")
				.param("v", v.id()).param("u", CurrentUser.username()).query(Long.class).single() > 0)
			.orElse(false);
	}

	/** Whether the signed-in user may change the policy and its versions (for buttons). */
	public boolean mayWrite(PolicyView policy) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || policy.owner().equals(CurrentUser.username());
	}

	public void exportCsv(Writer out) {
		CsvFormat.RowPrinter printer = CsvFormat.printer(out, List.of("id", "title", "owner", "published_version", "latest_version", "latest_status",
				"review_interval_months", "next_review_date", "review_overdue", "approvals_required", "addresses",
				"aligned_with", "retired_at"));
		PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null, null);
		while (request != null) {
			Page<PolicyView> page = queries.page(null, null, request);
			page.items().forEach(p -> printer.row(Arrays.asList(p.id(), p.title(), p.owner(), p.publishedVersion(), p.latestVersion(),
					p.latestStatus(), p.reviewIntervalMonths(), p.nextReviewDate(), p.reviewOverdue(), p.approvalsRequired(),
					String.join(";", p.addresses()), p.alignedWith(), p.retiredAt())));
			printer.flush();
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		printer.flush();
	}

	private PolicyVersion loadVersion(UUID id, int versionNo) {
		return versions.findByPolicyIdAndVersionNo(id, versionNo)
			.orElseThrow(() -> new NotFoundException("version " + versionNo + " of policy", id));
	}
}
