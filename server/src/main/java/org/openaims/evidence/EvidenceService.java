package org.openaims.evidence;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.catalog.CatalogService;
import org.openaims.catalog.FrameworkView;
import org.openaims.catalog.RequirementView;
import org.openaims.common.AggregateBatch;
import org.openaims.common.ExportFormat;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.evidence.internal.Evidence;
import org.openaims.evidence.internal.EvidenceItems;
import org.openaims.evidence.internal.EvidenceQueries;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.reporting.Table;

import org.springframework.core.io.Resource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Evidence items (7.5, A.4.6). Everyone reads them; AIMS managers, system and risk owners and
 * contributors add them (administrators too); an item's owner, who added it or an AIMS manager changes
 * it and uploads its next version. A file is checked and stored by content (see {@link FileStore}).
 */
@Service
@Validated
@Transactional
public class EvidenceService {

	/** The ledger's subject type for evidence items. */
	public static final String SUBJECT = "evidence";

	/** Who may add evidence. */
	static final Role[] ADDERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.RISK_OWNER, Role.CONTRIBUTOR };

	private final EvidenceItems items;

	private final EvidenceQueries queries;

	private final FileStore files;

	private final CatalogService catalog;

	private final AiSystemService systems;

	private final UserDirectory users;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private final Clock clock;

	EvidenceService(EvidenceItems items, EvidenceQueries queries, FileStore files, CatalogService catalog, AiSystemService systems,
			UserDirectory users, Ledger ledger, AggregateBatch batch, java.util.Optional<Clock> clock) {
		this.items = items;
		this.queries = queries;
		this.files = files;
		this.catalog = catalog;
		this.systems = systems;
		this.users = users;
		this.ledger = ledger;
		this.batch = batch;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	/** Adds a link, a reference to a record or a note. */
	@PreAuthorize("isAuthenticated()")
	public EvidenceView add(@Valid EvidenceDetails details) {
		requireAdder();
		Checked checked = checked(details, null);
		return view(items.save(Evidence.add(details, checked.owner(), checked.links(), null, null, CurrentUser.actor())));
	}

	/**
	 * Adds an uploaded file as a new item; its type is detected from the content, and a file whose
	 * content contradicts its name or {@code declaredType} is refused.
	 */
	@PreAuthorize("isAuthenticated()")
	public EvidenceView upload(@Valid EvidenceDetails details, String fileName, String declaredType, InputStream content, String note) {
		requireAdder();
		if (details.kind() != EvidenceKind.FILE) {
			throw new InvalidInputException("kind", "an upload is a FILE");
		}
		Checked checked = checked(details, null);
		FileStore.Stored stored = files.storeEvidence(fileName, declaredType, content);
		return view(items.save(Evidence.add(details, checked.owner(), checked.links(), stored, note, CurrentUser.actor())));
	}

	/**
	 * Keeps a file another module received and read already (a test report, a metrics file) as a new
	 * file item, up to {@code maxBytes}: the store's checks apply, its content is not compared with a
	 * declared type. The caller checked who may send it.
	 */
	@PreAuthorize("isAuthenticated()")
	public EvidenceView keepReceived(@Valid EvidenceDetails details, String fileName, byte[] content, long maxBytes) {
		if (details.kind() != EvidenceKind.FILE) {
			throw new InvalidInputException("kind", "a received file is a FILE");
		}
		Checked checked = checked(details, null);
		FileStore.Stored stored = files.storeReceived(fileName, new java.io.ByteArrayInputStream(content), maxBytes);
		return view(items.save(Evidence.add(details, checked.owner(), checked.links(), stored, null, CurrentUser.actor())));
	}

	/** Uploads the next version of a file; the earlier ones stay readable. {@code validUntil} renews it when given. */
	@PreAuthorize("isAuthenticated()")
	public EvidenceView addVersion(UUID id, String fileName, String declaredType, InputStream content, String note, LocalDate validUntil) {
		Evidence evidence = loadForChange(id);
		FileStore.Stored stored = files.storeEvidence(fileName, declaredType, content);
		evidence.addVersion(stored, note, validUntil, CurrentUser.actor());
		return view(items.save(evidence));
	}

	@PreAuthorize("isAuthenticated()")
	public EvidenceView change(UUID id, @Valid EvidenceDetails details) {
		Evidence evidence = loadForChange(id);
		Checked checked = checked(details, evidence.owner());
		evidence.change(details, checked.owner(), checked.links(), CurrentUser.actor());
		return view(items.save(evidence));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public EvidenceView get(UUID id) {
		return view(load(id));
	}

	/** Whether the signed-in user may change the item (for buttons). */
	public boolean mayChange(EvidenceView evidence) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || evidence.owner().equals(CurrentUser.username())
				|| evidence.createdBy().equals(CurrentUser.username());
	}

	/** Whether the signed-in user may add evidence (for buttons). */
	public boolean mayAdd() {
		return CurrentUser.hasAnyRole(ADDERS);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<EvidenceView> list(EvidenceFilter filter, PageRequest request) {
		LocalDate today = today();
		Page<EvidenceQueries.Row> rows = queries.page(resolve(filter), request, today);
		Map<UUID, EvidenceView> views = viewsOf(rows.items().stream().map(EvidenceQueries.Row::id).toList(), today);
		return rows.map(r -> views.get(r.id()));
	}

	/** A version's file, to be sent with {@code FileDownloads} (always as a download). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public StoredFile file(UUID id, int versionNo) {
		Evidence evidence = load(id);
		Evidence.FileVersionRef ref = evidence.file(versionNo)
			.orElseThrow(() -> new NotFoundException("version " + versionNo + " of evidence", id));
		Resource resource = files.find(ref.sha256()).orElseThrow(() -> new NotFoundException("stored file", ref.sha256()));
		return new StoredFile(ref.fileName(), ref.mediaType(), resource);
	}

	/** A stored file and how it is named. */
	public record StoredFile(String name, String mediaType, Resource resource) {
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(SUBJECT, id.toString());
	}

	/**
	 * The evidence linked to each of these requirements (e.g. a Statement of Applicability's controls),
	 * soonest to expire first.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<UUID, List<EvidenceSummary>> forRequirements(Collection<UUID> requirementIds) {
		LocalDate today = today();
		Map<UUID, List<EvidenceSummary>> result = new HashMap<>();
		queries.linkedTo("REQUIREMENT", requirementIds.stream().map(UUID::toString).toList()).forEach(l -> result
			.computeIfAbsent(UUID.fromString(l.targetId()), k -> new ArrayList<>())
			.add(new EvidenceSummary(l.id(), l.title(), l.kind(), l.validUntil(), Validity.of(l.validUntil(), today),
					Validity.daysLeft(l.validUntil(), today))));
		return result;
	}

	/** Summaries of these items (e.g. the evidence of competence records). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<UUID, EvidenceSummary> summaries(Collection<UUID> ids) {
		LocalDate today = today();
		return queries.summaries(new HashSet<>(ids)).stream().collect(Collectors.toMap(EvidenceQueries.Linked::id,
				l -> new EvidenceSummary(l.id(), l.title(), l.kind(), l.validUntil(), Validity.of(l.validUntil(), today),
						Validity.daysLeft(l.validUntil(), today))));
	}

	/** The list as an export: CSV, XLSX or PDF (see {@code reporting}). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Table exportTable(EvidenceFilter filter, ExportFormat format, int batchRows) {
		LocalDate today = today();
		EvidenceQueries.Resolved resolved = resolve(filter);
		long total = queries.count(resolved, today);
		List<String> header = List.of("id", "kind", "title", "owner", "received_on", "effective_from", "effective_to", "valid_until",
				"validity", "current_version", "file_name", "sha256", "url", "record", "requirements", "ai_systems", "updated_at");
		int size = Math.min(batchRows, PageRequest.MAX_LIMIT);
		return new Table("evidence", "Evidence — " + total + " items — generated " + today, header, total, writer -> {
			PageRequest request = new PageRequest(size, null, null);
			while (request != null) {
				Page<EvidenceQueries.Row> rows = queries.page(resolved, request, today);
				Map<UUID, EvidenceView> views = viewsOf(rows.items().stream().map(EvidenceQueries.Row::id).toList(), today);
				for (EvidenceQueries.Row row : rows.items()) {
					EvidenceView e = views.get(row.id());
					EvidenceView.FileVersion file = e.latestFile();
					writer.row(Arrays.asList(e.id(), e.kind(), e.title(), e.owner(), e.receivedOn(), e.effectiveFrom(), e.effectiveTo(),
							e.validUntil(), e.validity(), e.currentVersion(), file == null ? null : file.fileName(),
							file == null ? null : file.sha256(), e.url(), e.record(),
							e.requirements().stream().map(r -> r.framework() == null ? r.label() : r.framework() + ":" + r.refId())
								.collect(Collectors.joining(";")),
							e.aiSystems().stream().map(EvidenceView.SystemRef::name).collect(Collectors.joining(";")), e.updatedAt()));
				}
				request = rows.next() == null ? null : request.withAfter(rows.next());
			}
		});
	}

	/** Today, as the application's clock has it. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	private Map<UUID, EvidenceView> viewsOf(List<UUID> ids, LocalDate today) {
		List<Evidence> loaded = batch.findAllById(Evidence.class, ids);
		Set<UUID> requirementIds = new HashSet<>();
		Set<UUID> systemIds = new HashSet<>();
		loaded.forEach(e -> {
			requirementIds.addAll(e.requirementIds());
			systemIds.addAll(e.systemIds());
		});
		Map<UUID, EvidenceView.RequirementRef> requirements = requirementRefs(requirementIds);
		Map<UUID, String> names = systemIds.isEmpty() ? Map.of() : systems.names(systemIds);
		return loaded.stream().collect(Collectors.toMap(Evidence::id, e -> e.view(requirements, names, today)));
	}

	/** The view of an aggregate in hand (just saved or loaded): its links named, nothing read again. */
	private EvidenceView view(Evidence evidence) {
		Set<UUID> systemIds = evidence.systemIds();
		return evidence.view(requirementRefs(evidence.requirementIds()), systemIds.isEmpty() ? Map.of() : systems.names(systemIds), today());
	}

	private Map<UUID, EvidenceView.RequirementRef> requirementRefs(Set<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> keys = catalog.frameworks().stream().collect(Collectors.toMap(FrameworkView::id, FrameworkView::key));
		return catalog.requirements(ids).stream().collect(Collectors.toMap(RequirementView::id,
				r -> new EvidenceView.RequirementRef(r.id(), r.frameworkId(), keys.get(r.frameworkId()), r.refId(), r.label()),
				(a, b) -> a));
	}

	private EvidenceQueries.Resolved resolve(EvidenceFilter filter) {
		UUID requirement = null;
		if (filter.requirement() != null && !filter.requirement().isBlank()) {
			try {
				requirement = catalog.requirementFor(filter.requirement()).id();
			}
			catch (NotFoundException e) {
				throw new InvalidInputException("requirement", "no requirement or control '" + filter.requirement().strip()
						+ "' in the catalog (use its id, A.6.2.4 or framework-key:ref)");
			}
		}
		String record = null;
		if (filter.record() != null && !filter.record().isBlank()) {
			record = parseRecord("record", filter.record()).toString();
		}
		if (filter.expiringWithin() != null && (filter.expiringWithin() < 0 || filter.expiringWithin() > 3660)) {
			throw new InvalidInputException("expiringWithin", "must be a number of days from 0 to 3660");
		}
		return new EvidenceQueries.Resolved(filter.kind(), blankToNull(filter.owner()), requirement, filter.aiSystemId(), record,
				filter.validity(), filter.expiringWithin(), filter.q());
	}

	/** {@code type:id} as a record reference; a 400 on {@code field} otherwise. */
	public static EvidenceDetails.RecordRef parseRecord(String field, String text) {
		String t = text.strip();
		int colon = t.indexOf(':');
		if (colon > 0) {
			String type = t.substring(0, colon).strip();
			try {
				UUID id = UUID.fromString(t.substring(colon + 1).strip());
				if (type.matches("[a-z][a-z0-9-]{0,39}")) {
					return new EvidenceDetails.RecordRef(type, id);
				}
			}
			catch (IllegalArgumentException e) {
				// falls through to the problem
			}
		}
		throw new InvalidInputException(field, "must be a record as type:id, e.g. risk:3f2c…");
	}

	/** What {@link #checked} found: the owner and the links, resolved once. */
	private record Checked(String owner, Evidence.Links links) {
	}

	/**
	 * Checks what the item says of itself; returns its owner (the given one, else the current, else the
	 * caller) and its links with the requirement references resolved.
	 */
	private Checked checked(EvidenceDetails d, String currentOwner) {
		List<FieldProblem> problems = new ArrayList<>();
		String owner = blankToNull(d.owner()) != null ? d.owner().strip() : currentOwner != null ? currentOwner : CurrentUser.username();
		if (!owner.equals(currentOwner) && !users.isActive(owner)) {
			problems.add(new FieldProblem("owner", "no active user is named '" + owner + "'"));
		}
		if (d.effectiveFrom() != null && d.effectiveTo() != null && d.effectiveTo().isBefore(d.effectiveFrom())) {
			problems.add(new FieldProblem("effectiveTo", "must not be before the start of the period (" + d.effectiveFrom() + ")"));
		}
		switch (d.kind()) {
			case LINK -> {
				if (blankToNull(d.url()) == null) {
					problems.add(new FieldProblem("url", "a link needs its address"));
				}
				else if (!webAddress(d.url().strip())) {
					problems.add(new FieldProblem("url", "must be an http or https address"));
				}
			}
			case RECORD -> {
				if (d.record() == null) {
					problems.add(new FieldProblem("record", "a reference names its record (type and id)"));
				}
			}
			case NOTE -> {
				if (blankToNull(d.description()) == null) {
					problems.add(new FieldProblem("description", "a note needs its text"));
				}
			}
			case FILE -> {
			}
		}
		if (d.kind() != EvidenceKind.LINK && blankToNull(d.url()) != null) {
			problems.add(new FieldProblem("url", "only a LINK has an address"));
		}
		if (d.kind() != EvidenceKind.RECORD && d.record() != null) {
			problems.add(new FieldProblem("record", "only a RECORD refers to a record; link records with records"));
		}
		Set<UUID> requirements = new HashSet<>();
		if (d.requirements() != null) {
			for (String ref : d.requirements()) {
				if (ref == null) {
					continue;
				}
				try {
					requirements.add(catalog.requirementFor(ref).id());
				}
				catch (NotFoundException e) {
					problems.add(new FieldProblem("requirements", "no requirement or control '" + ref.strip()
							+ "' in the catalog (use its id, A.6.2.4 or framework-key:ref)"));
				}
			}
		}
		if (d.aiSystemIds() != null && !d.aiSystemIds().isEmpty()) {
			Set<UUID> known = systems.names(d.aiSystemIds()).keySet();
			d.aiSystemIds().stream().filter(s -> s != null && !known.contains(s)).distinct().sorted()
				.forEach(s -> problems.add(new FieldProblem("aiSystemIds", "no AI system has id " + s)));
		}
		InvalidInputException.throwIfAny(problems);
		Set<UUID> aiSystems = d.aiSystemIds() == null ? Set.of() : d.aiSystemIds().stream().filter(s -> s != null)
			.collect(Collectors.toSet());
		Set<String> records = d.records() == null ? Set.of() : d.records().stream().filter(r -> r != null).map(Object::toString)
			.collect(Collectors.toSet());
		return new Checked(owner, new Evidence.Links(requirements, aiSystems, records));
	}

	private static boolean webAddress(String url) {
		try {
			URI uri = new URI(url);
			return uri.isAbsolute() && uri.getHost() != null
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}

	private void requireAdder() {
		CurrentUser.requireAnyRole("only AIMS managers, system owners, risk owners and contributors may add evidence", ADDERS);
	}

	private Evidence loadForChange(UUID id) {
		Evidence evidence = load(id);
		String me = CurrentUser.username();
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && !evidence.owner().equals(me) && !evidence.createdBy().equals(me)) {
			throw new AccessDeniedException("only the owner of evidence '" + evidence.title() + "', who added it or an AIMS manager may change it");
		}
		return evidence;
	}

	private Evidence load(UUID id) {
		return items.findById(id).orElseThrow(() -> new NotFoundException("evidence", id));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
