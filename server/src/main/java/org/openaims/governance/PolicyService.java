package org.openaims.governance;

import java.io.InputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import jakarta.validation.Valid;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FileStore;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Markdown;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.Stamp;
import org.openaims.common.csv.CsvFormat;
import org.openaims.governance.internal.Policies;
import org.openaims.governance.internal.Policy;
import org.openaims.governance.internal.PolicyChangeItems;
import org.openaims.governance.internal.PolicyQueries;
import org.openaims.governance.internal.PolicyVersion;
import org.openaims.governance.internal.PolicyVersionItems;
import org.openaims.governance.internal.PolicyVersions;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The policy life cycle (5.2, A.2.2-A.2.4, 7.3): versions go from draft through review (an approval
 * by someone who did not write them, two approvers when the policy asks for it) to published, and
 * are then immutable; a published version is due for review one interval later; users acknowledge
 * reading it. Policy owners and AIMS managers write policies; everyone reads them.
 */
@Service
@Validated
@Transactional
public class PolicyService {

	/** Roles that may approve policy versions. */
	static final Set<Role> APPROVERS = EnumSet.of(Role.APPROVER, Role.AIMS_MANAGER);

	private final Policies policies;

	private final PolicyVersions versions;

	private final PolicyQueries queries;

	private final ApprovalService approvals;

	private final UserDirectory users;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Ledger ledger;

	PolicyService(Policies policies, PolicyVersions versions, PolicyQueries queries, ApprovalService approvals,
			UserDirectory users, FileStore files, JdbcClient jdbc, ApplicationEventPublisher events, Ledger ledger) {
		this.policies = policies;
		this.versions = versions;
		this.queries = queries;
		this.approvals = approvals;
		this.users = users;
		this.files = files;
		this.jdbc = jdbc;
		this.events = events;
		this.ledger = ledger;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public PolicyView create(@Valid NewPolicy policy) {
		requireActiveUser(policy.owner());
		if (policies.existsByTitle(policy.title().strip())) {
			throw new InvalidInputException("title", "another policy has this title");
		}
		Policy created = policies.save(Policy.create(policy, CurrentUser.actor()));
		versions.save(PolicyVersion.draft(created.id(), 1, policy.body(), "first draft", CurrentUser.actor()));
		return get(created.id());
	}

	@PreAuthorize("isAuthenticated()")
	public PolicyView change(UUID id, @Valid PolicyDetails details) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		requireActiveUser(details.owner());
		boolean renamed = !details.title().strip().equals(policy.title());
		if (renamed && isPublished(id)) {
			throw new ConflictException("policy '" + policy.title() + "' is published: it is renamed only through an approval "
					+ "(POST /api/v1/policies/" + id + "/rename, or Rename on its page)");
		}
		if (renamed && policies.existsByTitle(details.title().strip())) {
			throw new InvalidInputException("title", "another policy has this title");
		}
		policy.change(details, CurrentUser.actor());
		policies.save(policy);
		return get(id);
	}

	/**
	 * Renames a policy. A policy in force (it has a published version) keeps its title until someone
	 * other than the proposer approves the new one; a policy never published is renamed at once.
	 */
	@PreAuthorize("isAuthenticated()")
	public PolicyView rename(UUID id, @Valid PolicyRename rename) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		String title = rename.title().strip();
		if (title.equals(policy.title())) {
			throw new InvalidInputException("title", "is the policy's title already");
		}
		if (policies.existsByTitle(title)) {
			throw new InvalidInputException("title", "another policy has this title");
		}
		if (!isPublished(id)) {
			PolicyView view = get(id);
			return change(id, new PolicyDetails(title, view.owner(), view.reviewIntervalMonths(), view.approvalsRequired(),
					view.addresses(), view.alignedWith(), null));
		}
		return propose(policy, Policy.RENAME, title, rename.reason());
	}

	private PolicyView propose(Policy policy, String kind, String title, String reason) {
		policy.propose(kind, title, reason, CurrentUser.actor());
		policies.save(policy);
		approvals.submit(new NewApprovalRequest(PolicyChangeItems.TYPE, policy.id().toString(), APPROVERS,
				policy.approvalsRequired(), null, reason));
		return get(policy.id());
	}

	private boolean isPublished(UUID id) {
		return versions.findByPolicyIdOrderByVersionNoDesc(id).stream().anyMatch(v -> v.status() == PolicyStatus.PUBLISHED);
	}

	/** Edits a version that is not published; a version under review or approved goes back to draft. */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView edit(UUID id, int versionNo, @Valid PolicyDraft draft) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		policy.requireActiveForVersions();
		PolicyVersion version = loadVersion(id, versionNo);
		if (version.edit(draft.body(), draft.changeSummary(), CurrentUser.actor())) {
			approvals.invalidate(PolicyVersionItems.TYPE, version.id().toString(), "the text changed after approval was asked for");
		}
		versions.save(version);
		return version(id, versionNo);
	}

	/**
	 * Attaches a document (PDF, Word …) to a version that is not published. Its type is what its
	 * content shows, never what the uploader declared.
	 */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView attach(UUID id, int versionNo, String fileName, InputStream content) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		policy.requireActiveForVersions();
		PolicyVersion version = loadVersion(id, versionNo);
		FileStore.Stored stored = files.store(fileName, content);
		if (version.attach(stored.sha256(), stored.name(), stored.mediaType(), CurrentUser.actor())) {
			approvals.invalidate(PolicyVersionItems.TYPE, version.id().toString(), "a new document was attached after approval was asked for");
		}
		versions.save(version);
		return version(id, versionNo);
	}

	/** Starts a new draft from the published (or latest) text; refused while a version is open. */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView newDraft(UUID id) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		policy.requireActiveForVersions();
		List<PolicyVersion> all = versions.findByPolicyIdOrderByVersionNoDesc(id);
		all.stream().filter(v -> v.status() != PolicyStatus.PUBLISHED && v.status() != PolicyStatus.RETIRED).findFirst()
			.ifPresent(open -> {
				throw new ConflictException("version " + open.versionNo() + " is still " + open.status().name().toLowerCase()
						+ "; finish or edit it instead of starting another draft");
			});
		PolicyVersion base = all.stream().filter(v -> v.status() == PolicyStatus.PUBLISHED).findFirst()
			.orElse(all.isEmpty() ? null : all.get(0));
		int next = all.isEmpty() ? 1 : all.get(0).versionNo() + 1;
		versions.save(PolicyVersion.draft(id, next, base == null ? null : base.body(), null, CurrentUser.actor()));
		return version(id, next);
	}

	/** Submits a draft for approval by an approver or AIMS manager who did not write it. */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView submit(UUID id, int versionNo) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		policy.requireActiveForVersions();
		PolicyVersion version = loadVersion(id, versionNo);
		version.submit(CurrentUser.actor());
		versions.save(version);
		ApprovalView request = approvals.submit(new NewApprovalRequest(PolicyVersionItems.TYPE, version.id().toString(),
				APPROVERS, policy.approvalsRequired(), null, policy.title() + " version " + versionNo));
		PolicyVersion linked = loadVersion(id, versionNo);
		linked.linkApproval(request.id());
		versions.save(linked);
		return version(id, versionNo);
	}

	/**
	 * Publishes an approved version whose content is still what was approved; the previously published
	 * version is retired and the next review is due one interval from now.
	 */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView publish(UUID id, int versionNo) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		policy.requireActiveForVersions();
		PolicyVersion version = loadVersion(id, versionNo);
		if (!approvals.isApproved(PolicyVersionItems.TYPE, version.id().toString())) {
			throw new ConflictException("version " + versionNo + " has no valid approval (it was not approved, or changed since)");
		}
		for (PolicyVersion other : versions.findByPolicyIdOrderByVersionNoDesc(id)) {
			if (other.status() == PolicyStatus.PUBLISHED) {
				other.retire(CurrentUser.actor());
				versions.save(other);
			}
		}
		version.publish(CurrentUser.actor());
		versions.save(version);
		policy.published();
		policies.save(policy);
		return version(id, versionNo);
	}

	/**
	 * Retires a policy: one in force only once someone other than the proposer approves its
	 * retirement; one never published at once.
	 */
	@PreAuthorize("isAuthenticated()")
	public PolicyView retire(UUID id, String reason) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		if (isPublished(id)) {
			return propose(policy, Policy.RETIRE, null, reason);
		}
		policy.retire(reason, CurrentUser.actor());
		policies.save(policy);
		return get(id);
	}

	private void retirePublishedVersions(UUID id, Actor actor) {
		for (PolicyVersion v : versions.findByPolicyIdOrderByVersionNoDesc(id)) {
			if (v.status() == PolicyStatus.PUBLISHED) {
				v.retire(actor);
				versions.save(v);
			}
		}
	}

	/** The signed-in user confirms reading the published version (7.3 awareness). */
	@PreAuthorize("isAuthenticated()")
	public AcknowledgementCoverage acknowledge(UUID id) {
		PolicyVersion published = published(id);
		String me = CurrentUser.username();
		boolean already = jdbc.sql("SELECT COUNT(*) FROM policy_acknowledgements WHERE policy_version_id = :v AND username = :u")
			.param("v", published.id()).param("u", me).query(Long.class).single() > 0;
		if (!already) {
			jdbc.sql("INSERT INTO policy_acknowledgements (policy_version_id, username, acknowledged_at) VALUES (:v, :u, :at)")
				.param("v", published.id()).param("u", me).param("at", java.sql.Timestamp.from(Instant.now())).update();
			events.publishEvent(new PolicyAcknowledged(id, published.versionNo(), me, Stamp.of(CurrentUser.actor())));
		}
		return coverage(id);
	}

	/** Who has and who has not acknowledged the published version, among active users. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public AcknowledgementCoverage coverage(UUID id) {
		PolicyVersion published = published(id);
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

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<PolicyView> list(String text, Boolean reviewOverdue, PageRequest request) {
		return queries.page(text, reviewOverdue, request);
	}

	/** Policies in force whose review date has passed (A.2.4). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<PolicyView> overdueReviews() {
		return queries.page(null, true, new PageRequest(PageRequest.MAX_LIMIT, null, null)).items();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public PolicyView get(UUID id) {
		PolicyView view = queries.find(id).orElseThrow(() -> new NotFoundException("policy", id));
		List<PolicyView.VersionSummary> list = versions.findByPolicyIdOrderByVersionNoDesc(id)
			.stream()
			.map(v -> new PolicyView.VersionSummary(v.versionNo(), v.status(), v.changeSummary(), v.updatedAt(), v.updatedBy(),
					v.publishedAt()))
			.toList();
		PolicyView.PendingChange pending = view.pendingChange() == null ? null
				: new PolicyView.PendingChange(view.pendingChange().kind(), view.pendingChange().title(), view.pendingChange().reason(),
						view.pendingChange().proposedBy(), approvals.forItem(PolicyChangeItems.TYPE, id.toString()).stream()
							.filter(a -> a.status() == ApprovalStatus.PENDING).map(ApprovalView::id).findFirst().orElse(null));
		return new PolicyView(view.id(), view.title(), view.owner(), view.reviewIntervalMonths(), view.nextReviewDate(),
				view.reviewOverdue(), view.approvalsRequired(), view.addresses(), view.alignedWith(), view.publishedVersion(),
				view.latestVersion(), view.latestStatus(), view.retiredAt(), view.createdAt(), view.updatedAt(), view.version(),
				pending, list);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public PolicyVersionView version(UUID id, int versionNo) {
		PolicyVersion v = loadVersion(id, versionNo);
		List<ApprovalView> requests = approvals.forItem(PolicyVersionItems.TYPE, v.id().toString());
		return new PolicyVersionView(v.id(), id, v.versionNo(), v.status(), v.body(), Markdown.toHtml(v.body()),
				v.fileSha256() == null ? null : new PolicyVersionView.FileRef(v.fileName(), v.fileType(), v.fileSha256()),
				v.changeSummary(), v.createdAt(), v.createdBy(), v.updatedAt(), v.updatedBy(), v.publishedAt(), v.publishedBy(),
				requests.isEmpty() ? null : requests.get(0));
	}

	/**
	 * Every recorded change of the policy and of its versions, including approval requests and
	 * decisions, oldest first.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		loadPolicy(id);
		List<HistoryEntry> entries = new ArrayList<>(ledger.history("policy", id.toString()));
		for (PolicyVersion v : versions.findByPolicyIdOrderByVersionNoDesc(id)) {
			entries.addAll(ledger.history(PolicyVersionItems.TYPE, v.id().toString()));
		}
		entries.sort(java.util.Comparator.comparing(HistoryEntry::time).thenComparingLong(HistoryEntry::seq));
		return entries;
	}

	/** A version's attached document, to be sent with {@code FileDownloads}. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Attachment file(UUID id, int versionNo) {
		PolicyVersion v = loadVersion(id, versionNo);
		if (v.fileSha256() == null) {
			throw new NotFoundException("document of policy version", versionNo);
		}
		return new Attachment(v.fileName(), v.fileType(),
				files.find(v.fileSha256()).orElseThrow(() -> new NotFoundException("stored file", v.fileSha256())));
	}

	/** An attached document and where its bytes are. */
	public record Attachment(String name, String mediaType, java.nio.file.Path path) {
	}

	/** The line-by-line differences between two versions' texts. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<DiffLine> diff(UUID id, int from, int to) {
		PolicyVersion older = loadVersion(id, from);
		PolicyVersion newer = loadVersion(id, to);
		DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(false).lineNormalizer(line -> line).build();
		List<DiffLine> lines = new ArrayList<>();
		for (DiffRow row : generator.generateDiffRows(lines(older.body()), lines(newer.body()))) {
			switch (row.getTag()) {
				case EQUAL -> lines.add(new DiffLine(DiffLine.Kind.SAME, row.getOldLine()));
				case DELETE -> lines.add(new DiffLine(DiffLine.Kind.REMOVED, row.getOldLine()));
				case INSERT -> lines.add(new DiffLine(DiffLine.Kind.ADDED, row.getNewLine()));
				case CHANGE -> {
					lines.add(new DiffLine(DiffLine.Kind.REMOVED, row.getOldLine()));
					lines.add(new DiffLine(DiffLine.Kind.ADDED, row.getNewLine()));
				}
			}
		}
		return lines;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void exportCsv(Writer out) {
		List<List<?>> rows = new ArrayList<>();
		PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null, null);
		while (request != null) {
			Page<PolicyView> page = queries.page(null, null, request);
			page.items().forEach(p -> rows.add(Arrays.asList(p.id(), p.title(), p.owner(), p.publishedVersion(), p.latestVersion(),
					p.latestStatus(), p.reviewIntervalMonths(), p.nextReviewDate(), p.reviewOverdue(), p.approvalsRequired(),
					String.join(";", p.addresses()), p.alignedWith(), p.retiredAt())));
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		CsvFormat.write(out, List.of("id", "title", "owner", "published_version", "latest_version", "latest_status",
				"review_interval_months", "next_review_date", "review_overdue", "approvals_required", "addresses",
				"aligned_with", "retired_at"), rows);
	}

	/** An approved rename or retirement takes effect; a rejected one is dropped (same transaction as the decision). */
	@EventListener
	void onPolicyChange(ApprovalCompleted completed) {
		if (PolicyChangeItems.TYPE.equals(completed.itemType())) {
			policies.findById(UUID.fromString(completed.itemId())).ifPresent(policy -> {
				if (completed.outcome() == ApprovalStatus.APPROVED) {
					boolean retiring = Policy.RETIRE.equals(policy.pendingChange());
					policy.applyProposal(completed.stamp().actor());
					policies.save(policy);
					if (retiring) {
						retirePublishedVersions(policy.id(), completed.stamp().actor());
					}
				}
				else {
					policy.dropProposal();
					policies.save(policy);
				}
			});
		}
	}

	@EventListener
	void onPolicyChange(ApprovalClosed closed) {
		if (PolicyChangeItems.TYPE.equals(closed.itemType())) {
			policies.findById(UUID.fromString(closed.itemId())).ifPresent(policy -> {
				policy.dropProposal();
				policies.save(policy);
			});
		}
	}

	/** Moves a version when its approval completes (same transaction as the decision). */
	@EventListener
	void on(ApprovalCompleted completed) {
		if (PolicyVersionItems.TYPE.equals(completed.itemType())) {
			versions.findById(UUID.fromString(completed.itemId())).ifPresent(v -> {
				Actor actor = completed.stamp().actor();
				if (completed.outcome() == ApprovalStatus.APPROVED) {
					v.approved(actor);
				}
				else {
					v.sentBack("rejected", actor);
				}
				versions.save(v);
			});
		}
	}

	@EventListener
	void on(ApprovalClosed closed) {
		if (PolicyVersionItems.TYPE.equals(closed.itemType()) && closed.status() == ApprovalStatus.WITHDRAWN) {
			versions.findById(UUID.fromString(closed.itemId())).ifPresent(v -> {
				v.sentBack("approval request withdrawn", closed.stamp().actor());
				versions.save(v);
			});
		}
	}

	private PolicyVersion published(UUID id) {
		return versions.findByPolicyIdOrderByVersionNoDesc(id)
			.stream()
			.filter(v -> v.status() == PolicyStatus.PUBLISHED)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("published version of policy", id));
	}

	/** Whether the signed-in user may change the policy and its versions (for buttons). */
	public boolean mayWrite(PolicyView policy) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || policy.owner().equals(CurrentUser.username());
	}

	/** Whether the signed-in user has acknowledged the published version. */
	@Transactional(readOnly = true)
	public boolean acknowledgedByMe(UUID id) {
		return versions.findByPolicyIdOrderByVersionNoDesc(id).stream()
			.filter(v -> v.status() == PolicyStatus.PUBLISHED)
			.findFirst()
			.map(v -> jdbc.sql("SELECT COUNT(*) FROM policy_acknowledgements WHERE policy_version_id = :v AND username = :u")
				.param("v", v.id()).param("u", CurrentUser.username()).query(Long.class).single() > 0)
			.orElse(false);
	}

	private void requireWriter(Policy policy) {
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && !policy.owner().equals(CurrentUser.username())) {
			throw new AccessDeniedException("only the owner of policy '" + policy.title() + "' or an AIMS manager may change it");
		}
	}

	private void requireActiveUser(String username) {
		if (!users.isActive(username == null ? null : username.strip())) {
			throw new InvalidInputException("owner", "no active user is named '" + username + "'");
		}
	}

	private Policy loadPolicy(UUID id) {
		return policies.findById(id).orElseThrow(() -> new NotFoundException("policy", id));
	}

	private PolicyVersion loadVersion(UUID id, int versionNo) {
		return versions.findByPolicyIdAndVersionNo(id, versionNo)
			.orElseThrow(() -> new NotFoundException("version " + versionNo + " of policy", id));
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.asList(text.split("\r?\n", -1));
	}
}
