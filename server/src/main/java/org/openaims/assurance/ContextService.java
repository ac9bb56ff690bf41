package org.openaims.assurance;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.assurance.internal.ContextEntries;
import org.openaims.assurance.internal.ContextEntry;
import org.openaims.assurance.internal.Listing;
import org.openaims.common.AggregateBatch;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SqlWhere;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.reporting.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The context of the organization (4.1, 4.2): internal and external issues with the AI roles and laws
 * they bring, interested parties with their requirements and whether the AIMS addresses them. AIMS
 * managers and administrators keep the register; everyone reads it; every edit is a new version in
 * the ledger, and a review confirms an entry still holds.
 */
@Service
@Validated
@Transactional
public class ContextService {

	static final Role[] KEEPERS = { Role.ADMIN, Role.AIMS_MANAGER };

	private static final Listing LISTING = new Listing("context_entries c", "c.id", "created", "c.created_at", false, "c.title", "title");

	private final ContextEntries entries;

	private final UserDirectory users;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private final JdbcClient jdbc;

	ContextService(ContextEntries entries, UserDirectory users, Ledger ledger, AggregateBatch batch, JdbcClient jdbc) {
		this.entries = entries;
		this.users = users;
		this.ledger = ledger;
		this.batch = batch;
		this.jdbc = jdbc;
	}

	@PreAuthorize("isAuthenticated()")
	public ContextEntryView add(@Valid ContextDetails details) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers keep the context register", KEEPERS);
		checkOwner(details);
		return entries.save(ContextEntry.add(details, CurrentUser.actor())).view();
	}

	@PreAuthorize("isAuthenticated()")
	public ContextEntryView change(UUID id, @Valid ContextDetails details) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers keep the context register", KEEPERS);
		ContextEntry entry = load(id);
		if (details.version() != null && details.version() != entry.version()) {
			throw new ConflictException("the entry was edited meanwhile (version " + entry.version() + ", not " + details.version() + "); reload it");
		}
		checkOwner(details);
		entry.change(details, CurrentUser.actor());
		return entries.save(entry).view();
	}

	/** Confirms the entry still holds as written. */
	@PreAuthorize("isAuthenticated()")
	public ContextEntryView review(UUID id, String note) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers review the context register", KEEPERS);
		if (note != null && note.length() > 1000) {
			throw new InvalidInputException("note", "must be at most 1000 characters");
		}
		ContextEntry entry = load(id);
		entry.reviewed(note, CurrentUser.actor());
		return entries.save(entry).view();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ContextEntryView get(UUID id) {
		return load(id).view();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ContextEntryView> list(ContextKind kind, Boolean addressed, String q, PageRequest request) {
		return LISTING.page(jdbc, batch, ContextEntry.class, ContextEntry::id, where(kind, addressed, q), request).map(ContextEntry::view);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Table exportTable(ContextKind kind, Boolean addressed, String q, int batchRows) {
		return Listing.table("context", "Context of the organization", List.of("id", "kind", "title", "description", "ai_roles",
				"applicable_laws", "requirements", "addressed", "how_addressed", "owner", "version_no", "reviewed_on", "updated_at"),
				LISTING.count(jdbc, where(kind, addressed, q)), batchRows, r -> list(kind, addressed, q, r),
				e -> Arrays.asList(e.id(), e.kind(), e.title(), e.description(), e.aiRoles(), e.applicableLaws(), e.requirements(), e.addressed(),
						e.howAddressed(), e.owner(), e.versionNo(), e.reviewedOn(), e.updatedAt()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(ContextEntry.SUBJECT, id.toString());
	}

	public boolean mayKeep() {
		return CurrentUser.hasAnyRole(KEEPERS);
	}

	private static SqlWhere where(ContextKind kind, Boolean addressed, String q) {
		return new SqlWhere().and("c.kind = :kind", "kind", kind == null ? null : kind.name())
			.and("c.addressed = :addressed", "addressed", addressed)
			.containsText("q", q, "c.title", "COALESCE(c.description, '')", "COALESCE(c.requirements, '')");
	}

	private void checkOwner(ContextDetails details) {
		if (!users.isActive(details.owner().strip())) {
			throw new InvalidInputException("owner", "no active user is named '" + details.owner().strip() + "'");
		}
	}

	private ContextEntry load(UUID id) {
		return entries.findById(id).orElseThrow(() -> new NotFoundException("context entry", id));
	}
}
