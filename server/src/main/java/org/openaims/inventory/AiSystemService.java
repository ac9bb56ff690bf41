package org.openaims.inventory;

import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.openaims.common.Actor;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.csv.CsvFormat;
import org.openaims.common.csv.CsvImportException;
import org.openaims.common.csv.CsvProblem;
import org.openaims.common.csv.CsvRow;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;
import org.openaims.inventory.internal.AiSystem;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.inventory.internal.AiSystemCsv;
import org.openaims.inventory.internal.AiSystemQueries;
import org.openaims.inventory.internal.AiSystems;
import org.openaims.inventory.internal.VendorQueries;
import org.openaims.inventory.internal.VendorQueries.VendorRef;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The AI system register (4.3, A.4.2). Everyone signed in reads it; AIMS managers and
 * administrators change any system, system owners only the systems they own. Bulk CSV import is
 * all-or-nothing: every problem of every row is reported and nothing is written unless all rows
 * are valid.
 */
@Service
@Validated
@Transactional
public class AiSystemService {

	private static final int EXPORT_PAGE = 500;

	/** The ledger's subject type for AI systems. */
	public static final String SUBJECT = "ai-system";

	private final AiSystems systems;

	private final AiSystemQueries queries;

	private final VendorQueries vendors;

	private final UserDirectory users;

	private final Validator validator;

	private final Ledger ledger;

	AiSystemService(AiSystems systems, AiSystemQueries queries, VendorQueries vendors, UserDirectory users,
			Validator validator, Ledger ledger) {
		this.systems = systems;
		this.queries = queries;
		this.vendors = vendors;
		this.users = users;
		this.validator = validator;
		this.ledger = ledger;
	}

	@Transactional(readOnly = true)
	public AiSystemView get(UUID id) {
		return queries.find(id).orElseThrow(() -> new NotFoundException("AI system", id));
	}

	/** The active AI systems in the AIMS scope, by name. */
	@Transactional(readOnly = true)
	public List<ScopeStatementView.ScopedSystem> inScope() {
		return queries.scoped(true);
	}

	/** A keyset page of the systems in scope, by name. */
	@Transactional(readOnly = true)
	public Page<ScopeStatementView.ScopedSystem> inScope(PageRequest request) {
		return queries.scoped(true, request);
	}

	/** The names of the systems with these ids (retired ones too); unknown ids are left out. */
	@Transactional(readOnly = true)
	public Map<UUID, String> names(java.util.Collection<UUID> ids) {
		return queries.names(ids);
	}

	/** Every recorded change of a system, oldest first, from the ledger. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		if (!systems.existsById(id)) {
			throw new NotFoundException("AI system", id);
		}
		return ledger.history(SUBJECT, id.toString());
	}

	@Transactional(readOnly = true)
	public Page<AiSystemView> list(AiSystemFilter filter, PageRequest request) {
		return queries.page(filter, request);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public AiSystemView register(@Valid AiSystemDetails details) {
		refuseRetiredStage(details);
		InvalidInputException.throwIfAny(check(details, null, null, liveChecks()));
		AiSystem system = AiSystem.register(UUID.randomUUID(), details, CurrentUser.actor());
		systems.save(system);
		return get(system.id());
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public AiSystemView update(UUID id, @Valid AiSystemDetails details) {
		AiSystem system = load(id);
		requireMayChange(system);
		refuseRetiredStage(details);
		InvalidInputException.throwIfAny(check(details, id, system.vendorId(), liveChecks()));
		if (system.update(details, CurrentUser.actor())) {
			systems.save(system);
		}
		return get(id);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public AiSystemView retire(UUID id, String reason) {
		AiSystem system = load(id);
		requireMayChange(system);
		system.retire(reason, CurrentUser.actor());
		systems.save(system);
		return get(id);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public AiSystemView addVersion(UUID id, @Valid NewSystemVersion version) {
		AiSystem system = load(id);
		requireMayChange(system);
		system.addVersion(version, CurrentUser.actor());
		systems.save(system);
		return get(id);
	}

	/**
	 * Registers the version a change ticket introduces, unless the system has it already (returns
	 * whether it was added). The lifecycle module checked who opens the change; the version carries the
	 * change's significance, so only a significant change flags the system's risks and assessments.
	 */
	@PreAuthorize("isAuthenticated()")
	public boolean introduceVersion(UUID id, @Valid NewSystemVersion version) {
		AiSystem system = load(id);
		if (system.hasVersion(version.label())) {
			return false;
		}
		system.addVersion(version, CurrentUser.actor());
		systems.save(system);
		return true;
	}

	/**
	 * The rules that span fields or records, for forms that show every problem at once; fields that
	 * are missing are left to Bean Validation. {@code id} is the system being edited, or null.
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> ruleProblems(AiSystemDetails details, UUID id) {
		UUID currentVendor = id == null ? null : systems.findById(id).map(AiSystem::vendorId).orElse(null);
		return check(details, id, currentVendor, liveChecks());
	}

	/** Whether the signed-in user may change this system (for showing or hiding buttons). */
	@Transactional(readOnly = true)
	public boolean mayChange(AiSystemView system) {
		return !system.retired() && (CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER)
				|| CurrentUser.hasAnyRole(Role.SYSTEM_OWNER) && system.owner().equals(CurrentUser.username()));
	}

	/** Writes the systems matching {@code filter} as CSV, page by page. */
	@Transactional(readOnly = true)
	public void exportCsv(AiSystemFilter filter, Writer out) {
		CsvFormat.RowPrinter printer = CsvFormat.printer(out, AiSystemCsv.HEADER);
		PageRequest request = new PageRequest(EXPORT_PAGE, null, "name");
		while (request != null) {
			Page<AiSystemView> page = queries.page(filter, request);
			page.items().forEach(s -> printer.row(AiSystemCsv.row(s)));
			printer.flush();
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		printer.flush();
	}

	/**
	 * Imports a CSV file: rows with a known id, or without id but with the name of a registered
	 * system, update that system; other rows register new systems. A row with stage RETIRED retires
	 * the system. Any problem in any row refuses the whole file.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ImportResult importCsv(InputStream csv) {
		List<CsvRow> rows = CsvFormat.read(csv, AiSystemCsv.ALLOWED, AiSystemCsv.REQUIRED);
		List<CsvProblem> problems = new ArrayList<>();
		Map<String, VendorRef> vendorsByName = vendors.byLowerName();
		Map<UUID, VendorRef> vendorsById = vendorsByName.values().stream().collect(Collectors.toMap(VendorRef::id, v -> v));
		Set<String> activeUsers = users.activeUsers().stream().map(UserView::username).collect(Collectors.toSet());
		Map<String, UUID> idsByName = queries.idsByLowerName();
		Checks checks = new Checks(activeUsers::contains, id -> Optional.ofNullable(vendorsById.get(id)),
				name -> Optional.ofNullable(idsByName.get(name.strip().toLowerCase(Locale.ROOT))));

		Map<String, Integer> namesInFile = new HashMap<>();
		Set<UUID> idsInFile = new HashSet<>();
		List<Planned> plan = new ArrayList<>();
		for (CsvRow row : rows) {
			int known = problems.size();
			AiSystemCsv.Parsed parsed = AiSystemCsv.parse(row, vendorsByName, problems);
			AiSystemDetails details = parsed.details();
			Set<String> unreadable = columns(problems.subList(known, problems.size()));
			validator.validate(details).forEach(v -> {
				String column = AiSystemCsv.column(v.getPropertyPath().toString());
				// A cell that did not parse is reported once, not again as "missing".
				if (!unreadable.contains(column)) {
					problems.add(new CsvProblem(row.row(), column, v.getMessage()));
				}
			});
			UUID id = parsed.id();
			if (id == null && details.name() != null) {
				id = idsByName.get(details.name().strip().toLowerCase(Locale.ROOT));
			}
			Optional<AiSystem> existing = id == null ? Optional.empty() : systems.findById(id);
			if (id != null && !idsInFile.add(id)) {
				problems.add(new CsvProblem(row.row(), "id", "the same AI system appears in an earlier row"));
			}
			if (details.name() != null) {
				Integer earlier = namesInFile.putIfAbsent(details.name().strip().toLowerCase(Locale.ROOT), row.row());
				if (earlier != null) {
					problems.add(new CsvProblem(row.row(), "name", "row " + earlier + " has the same name"));
				}
			}
			boolean retire = details.lifecycleStage() == LifecycleStage.RETIRED;
			if (existing.isPresent() && existing.get().isRetired()) {
				if (!retire) {
					problems.add(new CsvProblem(row.row(), "lifecycle_stage",
							"'" + existing.get().name() + "' is retired and cannot be changed or reactivated"));
				}
				plan.add(new Planned(existing.get(), null, false));
				continue;
			}
			check(details, id, existing.map(AiSystem::vendorId).orElse(null), checks).forEach(
					p -> problems.add(new CsvProblem(row.row(), AiSystemCsv.column(p.field()), p.message())));
			plan.add(new Planned(existing.orElse(null), new Planned.Change(id == null ? UUID.randomUUID() : id, details),
					retire));
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparingInt(CsvProblem::row));
			throw new CsvImportException(problems);
		}
		return apply(plan);
	}

	static Set<String> columns(List<CsvProblem> problems) {
		return problems.stream().map(CsvProblem::column).collect(Collectors.toSet());
	}

	private ImportResult apply(List<Planned> plan) {
		Actor actor = CurrentUser.actor();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (Planned step : plan) {
			if (step.change() == null) {
				unchanged++;
				continue;
			}
			AiSystemDetails details = step.change().details();
			if (step.existing() == null) {
				AiSystem system = AiSystem.register(step.change().id(), details, actor);
				if (step.retire()) {
					system.retire("retired by CSV import", actor);
				}
				systems.save(system);
				created++;
				continue;
			}
			AiSystem system = step.existing();
			AiSystemDetails keepStage = step.retire() ? withStage(details, currentStage(system)) : details;
			boolean changed = system.update(keepStage, actor);
			if (step.retire()) {
				system.retire("retired by CSV import", actor);
				changed = true;
			}
			if (changed) {
				systems.save(system);
				updated++;
			}
			else {
				unchanged++;
			}
		}
		return new ImportResult(created, updated, unchanged);
	}

	private LifecycleStage currentStage(AiSystem system) {
		return get(system.id()).lifecycleStage();
	}

	private static AiSystemDetails withStage(AiSystemDetails d, LifecycleStage stage) {
		return new AiSystemDetails(d.name(), d.description(), d.intendedPurpose(), d.organizationRoles(), stage,
				d.riskTier(), d.euAiActClass(), d.owner(), d.businessUnit(), d.vendorId(), d.personalData(),
				d.personalDataCategories(), d.affectedParties(), d.dataResources(), d.inScope(), d.scopeJustification(),
				null);
	}

	/** A row of an import, checked and ready to apply. */
	private record Planned(AiSystem existing, Change change, boolean retire) {

		record Change(UUID id, AiSystemDetails details) {
		}
	}

	/** How the rules look up users, vendors and names: live for single changes, preloaded for imports. */
	private record Checks(Predicate<String> activeUser, Function<UUID, Optional<VendorRef>> vendor,
			Function<String, Optional<UUID>> idByName) {
	}

	private Checks liveChecks() {
		return new Checks(users::isActive,
				id -> vendors.find(id).map(v -> new VendorRef(v.id(), v.name(), v.retired())), queries::idByName);
	}

	/**
	 * The rules that span fields or records. {@code self} is the system being changed (null when
	 * new), {@code currentVendor} its vendor now (a retired vendor may stay, not be newly chosen).
	 */
	private static List<FieldProblem> check(AiSystemDetails d, UUID self, UUID currentVendor, Checks checks) {
		List<FieldProblem> problems = new ArrayList<>();
		if (d.owner() != null && !checks.activeUser().test(d.owner().strip())) {
			problems.add(new FieldProblem("owner", "no active user is named '" + d.owner() + "'"));
		}
		if (d.vendorId() != null) {
			Optional<VendorRef> vendor = checks.vendor().apply(d.vendorId());
			if (vendor.isEmpty()) {
				problems.add(new FieldProblem("vendorId", "no vendor has id " + d.vendorId()));
			}
			else if (vendor.get().retired() && !d.vendorId().equals(currentVendor)) {
				problems.add(new FieldProblem("vendorId", "vendor '" + vendor.get().name() + "' is retired"));
			}
		}
		if (!d.isInScope() && (d.scopeJustification() == null || d.scopeJustification().isBlank())) {
			problems.add(new FieldProblem("scopeJustification",
					"is required when the system is out of the AIMS scope (4.3: exclusions must be justified)"));
		}
		if (d.name() != null && !d.name().isBlank()) {
			checks.idByName()
				.apply(d.name())
				.filter(other -> !other.equals(self))
				.ifPresent(other -> problems.add(new FieldProblem("name", "another AI system is named '" + d.name().strip() + "'")));
		}
		return problems;
	}

	private static void refuseRetiredStage(AiSystemDetails details) {
		if (details.lifecycleStage() == LifecycleStage.RETIRED) {
			throw new InvalidInputException("lifecycleStage", "a system is retired with the retire action, which records why");
		}
	}

	private AiSystem load(UUID id) {
		return systems.findById(id).orElseThrow(() -> new NotFoundException("AI system", id));
	}

	private static void requireMayChange(AiSystem system) {
		if (CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER)) {
			return;
		}
		if (CurrentUser.hasAnyRole(Role.SYSTEM_OWNER) && system.owner().equals(CurrentUser.username())) {
			return;
		}
		throw new AccessDeniedException("only the owner of AI system '" + system.name() + "' (" + system.owner()
				+ ") or an AIMS manager may change it");
	}
}
