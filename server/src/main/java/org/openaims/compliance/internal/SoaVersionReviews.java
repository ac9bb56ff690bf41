package org.openaims.compliance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.catalog.CatalogService;
import org.openaims.compliance.SoaVersionId;
import org.openaims.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Statement of Applicability versions under review: approved by an approver or AIMS manager who did
 * not edit them; the approver sees each control's decision and what changed since the last approved
 * version.
 */
@Component
class SoaVersionReviews implements Reviewable<SoaVersionId> {

	private final SoaVersions versions;

	private final SoaDocuments documents;

	private final CatalogService catalog;

	SoaVersionReviews(SoaVersions versions, SoaDocuments documents, CatalogService catalog) {
		this.versions = versions;
		this.documents = documents;
		this.catalog = catalog;
	}

	@Override
	public ReviewType<SoaVersionId> type() {
		return SoaVersionId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(SoaVersionId id) {
		return versions.findById(id.value()).map(v -> {
			String title = documents.findById(v.soaId()).map(SoaDocument::title).orElse("Statement of Applicability") + ", version "
					+ v.versionNo();
			Optional<SoaVersion> approved = versions.findBySoaIdOrderByVersionNoDesc(v.soaId()).stream()
				.filter(o -> o.versionNo() < v.versionNo() && o.review().isApproved())
				.max(Comparator.comparingInt(SoaVersion::versionNo));
			Map<UUID, String> names = new HashMap<>();
			catalog.requirements(v.sorted().stream().map(SoaEntry::requirementId).toList()).forEach(r -> names.put(r.id(), r.name()));
			long applicable = v.sorted().stream().filter(e -> Boolean.TRUE.equals(e.applicable())).count();
			String summary = title + ": " + v.sorted().size() + " controls, " + applicable + " applicable"
					+ (v.changeNote() == null ? "" : "\nNote: " + v.changeNote());
			return new UnderReview(title, v.snapshot(), v.editorSet(), Approvers.anyOf(Role.APPROVER, Role.AIMS_MANAGER), summary,
					lines(v, names), approved.map(o -> new UnderReview.Baseline("version " + o.versionNo(), lines(o, names))).orElse(null),
					"/soa/" + v.soaId() + "?version=" + v.versionNo());
		});
	}

	@Override
	public void reviewed(SoaVersionId id, ReviewStep step) {
		SoaVersion version = versions.findById(id.value()).orElseThrow();
		version.reviewed(step);
		versions.save(version);
	}

	/** One line per control: what the approver reads and what is compared between versions. */
	private static List<String> lines(SoaVersion v, Map<UUID, String> names) {
		List<String> lines = new ArrayList<>();
		for (SoaEntry e : v.sorted()) {
			String decision = e.applicable() == null ? "undecided" : e.applicable() ? "applicable" : "excluded";
			lines.add((e.refId() == null ? e.requirementId().toString() : e.refId()) + " " + names.getOrDefault(e.requirementId(), "")
					+ " — " + decision + (e.status() == null ? "" : ", " + e.status()) + (e.owner() == null ? "" : ", owner " + e.owner())
					+ (e.justification() == null ? "" : ": " + e.justification()));
		}
		return lines;
	}
}
