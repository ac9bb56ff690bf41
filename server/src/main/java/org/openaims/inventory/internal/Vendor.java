package org.openaims.inventory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.inventory.DueDiligenceStatus;
import org.openaims.inventory.VendorChanged;
import org.openaims.inventory.VendorDetails;
import org.openaims.inventory.VendorRegistered;
import org.openaims.inventory.VendorRetired;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A vendor or other third party that supplies AI systems or services to the organization (A.10.3):
 * services, contract, due-diligence status and when it is next reviewed.
 */
@Table("vendors")
public class Vendor extends AbstractAggregateRoot<Vendor> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private String name;

	private String services;

	private String contractReference;

	private DueDiligenceStatus dueDiligenceStatus;

	private LocalDate nextReviewDate;

	private Instant retiredAt;

	private String retiredReason;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	Vendor() {
	}

	public static Vendor register(UUID id, VendorDetails details, Actor actor) {
		Vendor vendor = new Vendor();
		vendor.id = id;
		vendor.apply(details);
		vendor.createdAt = Instant.now();
		vendor.createdBy = actor.username();
		vendor.updatedAt = vendor.createdAt;
		vendor.updatedBy = vendor.createdBy;
		vendor.registerEvent(new VendorRegistered(id, vendor.name, vendor.snapshot(), Stamp.of(actor)));
		return vendor;
	}

	public boolean update(VendorDetails details, Actor actor) {
		requireActive();
		if (details.version() != null && !details.version().equals(version)) {
			throw new ConflictException("vendor '" + name + "' was changed meanwhile (now version " + version
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
		registerEvent(new VendorChanged(id, name, changes, Stamp.of(actor)));
		return true;
	}

	public void retire(String reason, Actor actor) {
		requireActive();
		retiredAt = Instant.now();
		retiredReason = reason == null || reason.isBlank() ? null : reason.strip();
		updatedAt = retiredAt;
		updatedBy = actor.username();
		registerEvent(new VendorRetired(id, name, retiredReason, Stamp.of(actor)));
	}

	private void apply(VendorDetails d) {
		name = d.name().strip();
		services = trimmed(d.services());
		contractReference = trimmed(d.contractReference());
		dueDiligenceStatus = d.dueDiligenceStatus();
		nextReviewDate = d.nextReviewDate();
	}

	private void requireActive() {
		if (retiredAt != null) {
			throw new ConflictException("vendor '" + name + "' is retired and can no longer be changed");
		}
	}

	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("services", services);
		values.put("contractReference", contractReference);
		values.put("dueDiligenceStatus", dueDiligenceStatus.name());
		values.put("nextReviewDate", nextReviewDate == null ? null : nextReviewDate.toString());
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

	public boolean isRetired() {
		return retiredAt != null;
	}
}
