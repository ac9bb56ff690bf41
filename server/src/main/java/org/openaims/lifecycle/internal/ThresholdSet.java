package org.openaims.lifecycle.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.common.Actor;
import org.openaims.common.Digests;
import org.openaims.common.Stamp;
import org.openaims.lifecycle.MetricThreshold;
import org.openaims.lifecycle.ThresholdSetId;
import org.openaims.lifecycle.ThresholdSetSaved;
import org.openaims.lifecycle.ThresholdSetView;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of an AI system's metric thresholds. Versions never change: a save is a new version, a
 * draft until someone other than its authors approves it; the newest approved one is in force.
 */
@Table("threshold_sets")
public class ThresholdSet extends ReviewableRecord<ThresholdSet> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID aiSystemId;

	private int versionNo;

	private String note;

	@MappedCollection(idColumn = "threshold_set_id", keyColumn = "list_index")
	private List<ThresholdRow> thresholds = new ArrayList<>();

	private Instant createdAt;

	private String createdBy;

	ThresholdSet() {
	}

	public static ThresholdSet next(ThresholdSet previous, UUID aiSystemId, List<MetricThreshold> thresholds, String note, Actor actor) {
		ThresholdSet s = new ThresholdSet();
		s.id = UUID.randomUUID();
		s.aiSystemId = aiSystemId;
		s.versionNo = previous == null ? 1 : previous.versionNo + 1;
		s.note = note == null || note.isBlank() ? null : note.strip();
		thresholds.forEach(t -> s.thresholds.add(new ThresholdRow(t.metric().strip(), t.direction(), t.bound(), blank(t.unit()),
				blank(t.dataset()), blank(t.slice()))));
		s.createdAt = Instant.now();
		s.createdBy = actor.username();
		s.startReviewAfter(previous == null || previous.review().isApproved() ? null : previous.review(), actor);
		s.registerEvent(new ThresholdSetSaved(s.id, aiSystemId, s.versionNo, s.lines(), s.note, Stamp.of(actor)));
		return s;
	}

	/** A newer version was saved: a pending review of this one is void. */
	public boolean superseded(int byVersionNo, Actor actor) {
		return review().isSubmitted() && invalidateReview("superseded by version " + byVersionNo, Stamp.of(actor));
	}

	public void reviewed(ReviewStep step) {
		recordStep(step);
	}

	@Override
	public ItemRef<ThresholdSetId> reviewRef() {
		return ThresholdSetId.REVIEW.ref(new ThresholdSetId(id));
	}

	@Override
	public String reviewDigest() {
		List<Object> parts = new ArrayList<>(List.of("metric-thresholds", aiSystemId, versionNo));
		parts.addAll(lines());
		return Digests.snapshot(parts.toArray());
	}

	@Override
	protected String reviewTitle() {
		return "metric thresholds, version " + versionNo;
	}

	public List<String> lines() {
		return thresholds().stream().map(MetricThreshold::describe).toList();
	}

	public List<MetricThreshold> thresholds() {
		return thresholds.stream().map(ThresholdRow::threshold).toList();
	}

	public UUID id() {
		return id;
	}

	public UUID aiSystemId() {
		return aiSystemId;
	}

	public int versionNo() {
		return versionNo;
	}

	public ThresholdSetView view(String systemName, boolean inForce) {
		return new ThresholdSetView(id, aiSystemId, systemName, versionNo, thresholds(), note, review().status(), inForce, createdAt, createdBy);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
