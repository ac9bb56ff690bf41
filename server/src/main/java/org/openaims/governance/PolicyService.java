package org.openaims.governance;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.common.ConflictException;
import org.openaims.evidence.FileStore;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Stamp;
import org.openaims.governance.internal.Policies;
import org.openaims.governance.internal.Policy;
import org.openaims.governance.internal.PolicyVersion;
import org.openaims.governance.internal.PolicyVersions;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;

import org.springframework.context.ApplicationEventPublisher;
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
 * reading it. Policy owners and AIMS managers write policies; {@link PolicyViews} reads them.
 */
@Service
@Validated
@Transactional
public class PolicyService {

	private final Policies policies;

	private final PolicyVersions versions;

	private final PolicyViews views;

	private final ApprovalService approvals;

	private final UserDirectory users;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PolicyService(Policies policies, PolicyVersions versions, PolicyViews views, ApprovalService approvals, UserDirectory users,
			FileStore files, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.policies = policies;
		this.versions = versions;
		this.views = views;
		this.approvals = approvals;
		this.users = users;
		this.files = files;
		this.jdbc = jdbc;
		this.events = events;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public PolicyView create(@Valid NewPolicy policy) {
		requireActiveUser(policy.owner());
		if (policies.existsByTitle(policy.title().strip())) {
			throw new InvalidInputException("title", "another policy has this title");
		}
		Policy created = policies.save(Policy.create(policy, CurrentUser.actor()));
		versions.save(PolicyVersion.draft(created.id(), 1, policy.body(), "first draft", CurrentUser.actor()));
		return views.get(created.id());
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
		return views.get(id);
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
			PolicyView view = views.get(id);
			return change(id, new PolicyDetails(title, view.owner(), view.reviewIntervalMonths(), view.approvalsRequired(),
					view.addresses(), view.alignedWith(), null));
		}
		return propose(policy, Policy.RENAME, title, rename.reason());
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
		return views.get(id);
	}

	private PolicyView propose(Policy policy, String kind, String title, String reason) {
		policy.propose(kind, title, reason, CurrentUser.actor());
		policies.save(policy);
		approvals.submit(policy.reviewRef(), null, reason);
		return views.get(policy.id());
	}

	private boolean isPublished(UUID id) {
		return versions.findByPolicyIdOrderByVersionNoDesc(id).stream().anyMatch(v -> v.status() == PolicyStatus.PUBLISHED);
	}

	/** Edits a version that is not published; a version under review or approved goes back to draft. */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView edit(UUID id, int versionNo, @Valid PolicyDraft draft) {
		PolicyVersion version = loadVersionToChange(id, versionNo);
		if (version.edit(draft.body(), draft.changeSummary(), CurrentUser.actor())) {
			approvals.contentChanged(version.reviewRef(), "the text changed after approval was asked for");
		}
		versions.save(version);
		return views.version(id, versionNo);
	}

	/**
	 * Attaches a document (PDF, Word …) to a version that is not published. Its type is what its
	 * content shows, never what the uploader declared.
	 */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView attach(UUID id, int versionNo, String fileName, InputStream content) {
		PolicyVersion version = loadVersionToChange(id, versionNo);
		FileStore.Stored stored = files.store(fileName, content);
		if (version.attach(stored.sha256(), stored.name(), stored.mediaType(), CurrentUser.actor())) {
			approvals.contentChanged(version.reviewRef(), "a new document was attached after approval was asked for");
		}
		versions.save(version);
		return views.version(id, versionNo);
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
		return views.version(id, next);
	}

	/** Submits a draft for approval by as many approvers or AIMS managers as the policy requires, none of whom wrote it. */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView submit(UUID id, int versionNo) {
		Policy policy = loadPolicy(id);
		PolicyVersion version = loadVersionToChange(id, versionNo);
		approvals.submit(version.reviewRef(), null, policy.title() + " version " + versionNo);
		return views.version(id, versionNo);
	}

	/**
	 * Publishes an approved version whose content is still what was approved; the previously published
	 * version is retired and the next review is due one interval from now.
	 */
	@PreAuthorize("isAuthenticated()")
	public PolicyVersionView publish(UUID id, int versionNo) {
		Policy policy = loadPolicy(id);
		PolicyVersion version = loadVersionToChange(id, versionNo);
		if (!version.review().isApproved() || version.status() != PolicyStatus.APPROVED) {
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
		return views.version(id, versionNo);
	}

	/** The signed-in user confirms reading the published version (7.3 awareness). */
	@PreAuthorize("isAuthenticated()")
	public AcknowledgementCoverage acknowledge(UUID id) {
		PolicyVersion published = versions.published(id);
		String me = CurrentUser.username();
		boolean already = jdbc.sql("SELECT COUNT(*) FROM policy_acknowledgements WHERE policy_version_id = :v AND username = :u")
			.param("v", published.id()).param("u", me).query(Long.class).single() > 0;
		if (!already) {
			jdbc.sql("INSERT INTO policy_acknowledgements (policy_version_id, username, acknowledged_at) VALUES (:v, :u, :at)")
				.param("v", published.id()).param("u", me).param("at", java.sql.Timestamp.from(Instant.now())).update();
			events.publishEvent(new PolicyAcknowledged(id, published.versionNo(), me, Stamp.of(CurrentUser.actor())));
		}
		return views.coverage(id);
	}

	/** A version of a policy the signed-in user may write, the policy not retired. */
	private PolicyVersion loadVersionToChange(UUID id, int versionNo) {
		Policy policy = loadPolicy(id);
		requireWriter(policy);
		policy.requireActiveForVersions();
		return versions.findByPolicyIdAndVersionNo(id, versionNo)
			.orElseThrow(() -> new NotFoundException("version " + versionNo + " of policy", id));
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
}
