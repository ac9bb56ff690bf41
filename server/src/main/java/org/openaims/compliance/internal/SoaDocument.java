package org.openaims.compliance.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** A Statement of Applicability for one framework; its content is in its versions. */
@Table("soa_documents")
public class SoaDocument implements Persistable<UUID> {

	@Id
	private UUID id;

	private UUID frameworkId;

	private String title;

	private Instant createdAt;

	private String createdBy;

	@Transient
	private boolean fresh;

	SoaDocument() {
	}

	public static SoaDocument create(UUID frameworkId, String title, String createdBy) {
		SoaDocument document = new SoaDocument();
		document.id = UUID.randomUUID();
		document.frameworkId = frameworkId;
		document.title = title;
		document.createdAt = Instant.now();
		document.createdBy = createdBy;
		document.fresh = true;
		return document;
	}

	@Override
	public UUID getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	public UUID id() {
		return id;
	}

	public UUID frameworkId() {
		return frameworkId;
	}

	public String title() {
		return title;
	}
}
