package org.openaims.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.InvalidInputException;
import org.openaims.inventory.AiRole;
import org.openaims.inventory.AiSystemChanged;
import org.openaims.inventory.AiSystemDetails;
import org.openaims.inventory.AiSystemRegistered;
import org.openaims.inventory.AiSystemRetired;
import org.openaims.inventory.AiSystemVersionAdded;
import org.openaims.inventory.EuAiActClass;
import org.openaims.inventory.LifecycleStage;
import org.openaims.inventory.NewSystemVersion;
import org.openaims.inventory.RiskTier;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An AI system in the scope register (4.3, A.4.2): what it is for, the organization's roles for it,
 * where it is in its life cycle, who owns it, what data and people it touches, whether it is in the
 * AIMS scope, and its versions. Retired systems stay, read-only.
 */
@Table("ai_systems")
public class AiSystem extends AbstractAggregateRoot<AiSystem> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private String name;

	private String description;

	private String intendedPurpose;

	@MappedCollection(idColumn = "ai_system_id")
	private Set<OrganizationRole> roles = new HashSet<>();

	private LifecycleStage lifecycleStage;

	private RiskTier riskTier;

	private EuAiActClass euAiActClass;

	private String owner;

	private String businessUnit;

	private UUID vendorId;

	private boolean personalData;

	private String personalDataCategories;

	private String affectedParties;

	private String dataResources;

	private boolean inScope;

	private String scopeJustification;

	@MappedCollection(idColumn = "ai_system_id", keyColumn = "list_index")
	private List<SystemVersion> versions = new ArrayList<>();

	private Instant retiredAt;

	private String retiredReason;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	AiSystem() {
	}

	/** Registers a system; {@code id} may come from an import, otherwise pass a random one. */
	public static AiSystem register(UUID id, AiSystemDetails details, Actor actor) {
		AiSystem system = new AiSystem();
		system.id = id;
		system.apply(details);
		system.createdAt = Instant.now();
		system.createdBy = actor.username();
		system.updatedAt = system.createdAt;
		system.updatedBy = system.createdBy;
		system.registerEvent(new AiSystemRegistered(id, system.name, system.snapshot(), Stamp.of(actor)));
		return system;
	}

	/** Applies changed details; returns whether anything changed. */
	public boolean update(AiSystemDetails details, Actor actor) {
		requireActive();
		if (details.version() != null && !details.version().equals(version)) {
			throw new ConflictException("AI system '" + name + "' was changed meanwhile (now version " + version
					+ ", you edited version " + details.version() + "); reload and apply your change again");
		}
		Map<String, Object> before = snapshot();
		apply(details);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (changes.isEmpty()) {
			return false;
		}
		updatedAt = Instant.now();
		updatedBy = actor.username();
		registerEvent(new AiSystemChanged(id, name, changes, Stamp.of(actor)));
		return true;
	}

	public void retire(String reason, Actor actor) {
		requireActive();
		lifecycleStage = LifecycleStage.RETIRED;
		retiredAt = Instant.now();
		retiredReason = reason == null || reason.isBlank() ? null : reason.strip();
		updatedAt = retiredAt;
		updatedBy = actor.username();
		registerEvent(new AiSystemRetired(id, name, retiredReason, Stamp.of(actor)));
	}

	/** Whether a version with this label is registered. */
	public boolean hasVersion(String label) {
		return versions.stream().anyMatch(v -> v.label().equals(label.strip()));
	}

	public void addVersion(NewSystemVersion version, Actor actor) {
		requireActive();
		String label = version.label().strip();
		if (versions.stream().anyMatch(v -> v.label().equals(label))) {
			throw new InvalidInputException("label", "version '" + label + "' is registered already");
		}
		String notes = version.notes() == null || version.notes().isBlank() ? null : version.notes().strip();
		versions.add(new SystemVersion(label, version.releasedOn(), notes, Instant.now(), actor.username(), version.effectiveSignificance()));
		updatedAt = Instant.now();
		updatedBy = actor.username();
		registerEvent(new AiSystemVersionAdded(id, name, label, version.releasedOn(),
				version.effectiveSignificance() == org.openaims.inventory.ChangeSignificance.SIGNIFICANT, Stamp.of(actor)));
	}

	private void apply(AiSystemDetails d) {
		name = d.name().strip();
		description = trimmed(d.description());
		intendedPurpose = d.intendedPurpose().strip();
		Set<AiRole> wanted = EnumSet.copyOf(d.organizationRoles());
		roles.removeIf(r -> !wanted.contains(r.role()));
		wanted.stream().filter(r -> roles.stream().noneMatch(o -> o.role() == r)).forEach(r -> roles.add(new OrganizationRole(r)));
		lifecycleStage = d.lifecycleStage();
		riskTier = d.riskTier();
		euAiActClass = d.euAiActClass();
		owner = d.owner().strip();
		businessUnit = trimmed(d.businessUnit());
		vendorId = d.vendorId();
		personalData = d.processesPersonalData();
		personalDataCategories = trimmed(d.personalDataCategories());
		affectedParties = trimmed(d.affectedParties());
		dataResources = trimmed(d.dataResources());
		inScope = d.isInScope();
		scopeJustification = trimmed(d.scopeJustification());
	}

	private void requireActive() {
		if (retiredAt != null) {
			throw new ConflictException("AI system '" + name + "' is retired and can no longer be changed");
		}
	}

	/** Every user-entered field by name, in comparable form, for change history. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("description", description);
		values.put("intendedPurpose", intendedPurpose);
		values.put("organizationRoles", new TreeSet<>(roles.stream().map(r -> r.role().name()).toList()).stream().toList());
		values.put("lifecycleStage", lifecycleStage.name());
		values.put("riskTier", riskTier.name());
		values.put("euAiActClass", euAiActClass == null ? null : euAiActClass.name());
		values.put("owner", owner);
		values.put("businessUnit", businessUnit);
		values.put("vendorId", vendorId == null ? null : vendorId.toString());
		values.put("personalData", personalData);
		values.put("personalDataCategories", personalDataCategories);
		values.put("affectedParties", affectedParties);
		values.put("dataResources", dataResources);
		values.put("inScope", inScope);
		values.put("scopeJustification", scopeJustification);
		return values;
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String owner() {
		return owner;
	}

	public UUID vendorId() {
		return vendorId;
	}

	public boolean isRetired() {
		return retiredAt != null;
	}
}
