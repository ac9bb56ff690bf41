package org.openaims.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.governance.ObjectiveChanged;
import org.openaims.governance.ObjectiveDetails;
import org.openaims.governance.ObjectiveProgressRecorded;
import org.openaims.governance.ObjectiveSet;
import org.openaims.governance.ObjectiveStatus;
import org.openaims.governance.ObjectiveView;
import org.openaims.governance.ProgressUpdate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An AI objective (6.2) with the AI systems it concerns and its progress over time. */
@Table("objectives")
public class Objective extends AbstractAggregateRoot<Objective> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private String title;

	private String measure;

	private String target;

	private String owner;

	private LocalDate dueDate;

	private ObjectiveStatus status;

	@MappedCollection(idColumn = "objective_id")
	private Set<ObjectiveSystem> systems = new HashSet<>();

	@MappedCollection(idColumn = "objective_id", keyColumn = "list_index")
	private List<ObjectiveProgressRow> progress = new ArrayList<>();

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	Objective() {
	}

	public static Objective set(ObjectiveDetails details, Actor actor) {
		Objective objective = new Objective();
		objective.id = UUID.randomUUID();
		objective.apply(details);
		objective.createdAt = Instant.now();
		objective.createdBy = actor.username();
		objective.updatedAt = objective.createdAt;
		objective.registerEvent(new ObjectiveSet(objective.id, objective.title, objective.snapshot(), Stamp.of(actor)));
		return objective;
	}

	public void change(ObjectiveDetails details, Actor actor) {
		if (details.version() != null && !details.version().equals(version)) {
			throw new ConflictException("objective '" + title + "' was changed meanwhile; reload and apply your change again");
		}
		Map<String, Object> before = snapshot();
		apply(details);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (!changes.isEmpty()) {
			updatedAt = Instant.now();
			registerEvent(new ObjectiveChanged(id, title, changes, Stamp.of(actor)));
		}
	}

	public void record(ProgressUpdate update, Actor actor) {
		if (status.closed()) {
			throw new ConflictException("objective '" + title + "' is " + status.name().toLowerCase() + "; reopen it to record progress");
		}
		LocalDate on = update.recordedOn() == null ? LocalDate.now() : update.recordedOn();
		String note = update.note() == null || update.note().isBlank() ? null : update.note().strip();
		progress.add(new ObjectiveProgressRow(on, update.value().strip(), note, actor.username(), Instant.now()));
		progress.sort(java.util.Comparator.comparing(ObjectiveProgressRow::recordedOn)
			.thenComparing(ObjectiveProgressRow::recordedAt));
		if (update.status() != null) {
			status = update.status();
		}
		updatedAt = Instant.now();
		registerEvent(new ObjectiveProgressRecorded(id, on, update.value().strip(), note, status, Stamp.of(actor)));
	}

	private void apply(ObjectiveDetails d) {
		title = d.title().strip();
		measure = d.measure().strip();
		target = d.target().strip();
		owner = d.owner().strip();
		dueDate = d.dueDate();
		status = d.status() == null ? (status == null ? ObjectiveStatus.NOT_STARTED : status) : d.status();
		systems = new HashSet<>();
		if (d.aiSystemIds() != null) {
			d.aiSystemIds().forEach(s -> systems.add(new ObjectiveSystem(s)));
		}
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", title);
		values.put("measure", measure);
		values.put("target", target);
		values.put("owner", owner);
		values.put("dueDate", dueDate.toString());
		values.put("status", status.name());
		values.put("aiSystemIds", new TreeSet<>(systemIds().stream().map(UUID::toString).toList()).stream().toList());
		return values;
	}

	public Set<UUID> systemIds() {
		Set<UUID> ids = new HashSet<>();
		systems.forEach(s -> ids.add(s.aiSystemId()));
		return ids;
	}

	public UUID id() {
		return id;
	}

	public String title() {
		return title;
	}

	public String owner() {
		return owner;
	}

	/** The view, given the names of the linked systems. */
	public ObjectiveView view(Map<UUID, String> systemNames) {
		List<ObjectiveView.SystemRef> refs = systemIds().stream()
			.map(s -> new ObjectiveView.SystemRef(s, systemNames.getOrDefault(s, s.toString())))
			.sorted(java.util.Comparator.comparing(ObjectiveView.SystemRef::name))
			.toList();
		return new ObjectiveView(id, title, measure, target, owner, dueDate, status,
				!status.closed() && dueDate.isBefore(LocalDate.now()), refs,
				progress.stream().map(p -> new ObjectiveView.Progress(p.recordedOn(), p.measuredValue(), p.note(), p.recordedBy(), p.recordedAt())).toList(),
				createdAt, createdBy, updatedAt, version);
	}
}
