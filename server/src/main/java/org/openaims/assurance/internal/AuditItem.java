package org.openaims.assurance.internal;

import java.time.Instant;
import java.util.UUID;

import org.openaims.assurance.AuditResult;
import org.openaims.assurance.ScopeKind;

import org.springframework.data.relational.core.mapping.Table;

/** A checklist item of an audit. */
@Table("audit_items")
public class AuditItem {

	ScopeKind subjectType;

	String subjectRef;

	UUID requirementId;

	String title;

	String auditor;

	AuditResult result;

	String notes;

	String sampled;

	UUID evidenceId;

	UUID nonconformityId;

	Instant recordedAt;

	String recordedBy;

	AuditItem() {
	}

	AuditItem(ScopeKind subjectType, String subjectRef, UUID requirementId, String title) {
		this.subjectType = subjectType;
		this.subjectRef = subjectRef;
		this.requirementId = requirementId;
		this.title = title;
	}

	public ScopeKind subjectType() {
		return subjectType;
	}

	public String subjectRef() {
		return subjectRef;
	}

	public UUID requirementId() {
		return requirementId;
	}

	public String title() {
		return title;
	}

	public String auditor() {
		return auditor;
	}

	public AuditResult result() {
		return result;
	}

	public String notes() {
		return notes;
	}

	public String sampled() {
		return sampled;
	}

	public UUID evidenceId() {
		return evidenceId;
	}

	public UUID nonconformityId() {
		return nonconformityId;
	}

	public Instant recordedAt() {
		return recordedAt;
	}

	public String recordedBy() {
		return recordedBy;
	}
}
