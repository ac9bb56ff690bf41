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

import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.csv.CsvFormat;
import org.openaims.common.csv.CsvImportException;
import org.openaims.common.csv.CsvProblem;
import org.openaims.common.csv.CsvRow;
import org.openaims.identity.CurrentUser;
import org.openaims.inventory.internal.AiSystemQueries;
import org.openaims.inventory.internal.Vendor;
import org.openaims.inventory.internal.VendorCsv;
import org.openaims.inventory.internal.VendorQueries;
import org.openaims.inventory.internal.VendorQueries.VendorRef;
import org.openaims.inventory.internal.Vendors;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The register of vendors and other third parties (A.10.3). Everyone signed in reads it; system
 * owners, AIMS managers and administrators maintain it. A vendor still supplying active AI systems
 * cannot be retired.
 */
@Service
@Validated
@Transactional
public class VendorService {

	private static final int EXPORT_PAGE = 500;

	private final Vendors vendors;

	private final VendorQueries queries;

	private final AiSystemQueries systems;

	private final Validator validator;

	private final Ledger ledger;

	VendorService(Vendors vendors, VendorQueries queries, AiSystemQueries systems, Validator validator, Ledger ledger) {
		this.vendors = vendors;
		this.queries = queries;
		this.systems = systems;
		this.validator = validator;
		this.ledger = ledger;
	}

	/** Every recorded change of a vendor, oldest first, from the ledger. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		if (!vendors.existsById(id)) {
			throw new NotFoundException("vendor", id);
		}
		return ledger.history("vendor", id.toString());
	}

	@Transactional(readOnly = true)
	public VendorView get(UUID id) {
		return queries.find(id)
			.orElseThrow(() -> new NotFoundException("vendor", id))
			.withSuppliedSystems(systems.suppliedBy(id));
	}

	@Transactional(readOnly = true)
	public Page<VendorView> list(VendorFilter filter, PageRequest request) {
		return queries.page(filter, request);
	}

	/** Active vendors for pickers. */
	@Transactional(readOnly = true)
	public List<VendorRef> activeVendors() {
		return queries.active();
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public VendorView register(@Valid VendorDetails details) {
		requireUniqueName(details.name(), null);
		Vendor vendor = Vendor.register(UUID.randomUUID(), details, CurrentUser.actor());
		vendors.save(vendor);
		return get(vendor.id());
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public VendorView update(UUID id, @Valid VendorDetails details) {
		Vendor vendor = load(id);
		requireUniqueName(details.name(), id);
		if (vendor.update(details, CurrentUser.actor())) {
			vendors.save(vendor);
		}
		return get(id);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public VendorView retire(UUID id, String reason) {
		Vendor vendor = load(id);
		int supplied = systems.activeSuppliedBy(id);
		if (supplied > 0 && !vendor.isRetired()) {
			throw new ConflictException("vendor '" + vendor.name() + "' still supplies " + supplied
					+ " active AI system(s); assign another vendor or retire them first");
		}
		vendor.retire(reason, CurrentUser.actor());
		vendors.save(vendor);
		return get(id);
	}

	@Transactional(readOnly = true)
	public void exportCsv(VendorFilter filter, Writer out) {
		CsvFormat.RowPrinter printer = CsvFormat.printer(out, VendorCsv.HEADER);
		PageRequest request = new PageRequest(EXPORT_PAGE, null, "name");
		while (request != null) {
			Page<VendorView> page = queries.page(filter, request);
			page.items().forEach(v -> printer.row(VendorCsv.row(v)));
			printer.flush();
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		printer.flush();
	}

	/**
	 * Imports vendors from CSV: rows with a known id, or with the name of a registered vendor, update
	 * it; others register new vendors. Any problem refuses the whole file.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ImportResult importCsv(InputStream csv) {
		List<CsvRow> rows = CsvFormat.read(csv, VendorCsv.ALLOWED, VendorCsv.REQUIRED);
		List<CsvProblem> problems = new ArrayList<>();
		Map<String, VendorRef> byName = queries.byLowerName();
		Map<String, Integer> namesInFile = new HashMap<>();
		Set<UUID> idsInFile = new HashSet<>();
		List<VendorCsv.Parsed> parsedRows = new ArrayList<>();
		List<Optional<Vendor>> existingRows = new ArrayList<>();
		for (CsvRow row : rows) {
			int known = problems.size();
			VendorCsv.Parsed parsed = VendorCsv.parse(row, problems);
			Set<String> unreadable = AiSystemService.columns(problems.subList(known, problems.size()));
			validator.validate(parsed.details()).forEach(v -> {
				String column = VendorCsv.column(v.getPropertyPath().toString());
				if (!unreadable.contains(column)) {
					problems.add(new CsvProblem(row.row(), column, v.getMessage()));
				}
			});
			UUID id = parsed.id();
			String name = parsed.details().name();
			if (id == null && name != null) {
				VendorRef named = byName.get(name.strip().toLowerCase(Locale.ROOT));
				id = named == null ? null : named.id();
			}
			if (id != null && !idsInFile.add(id)) {
				problems.add(new CsvProblem(row.row(), "id", "the same vendor appears in an earlier row"));
			}
			if (name != null) {
				Integer earlier = namesInFile.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), row.row());
				if (earlier != null) {
					problems.add(new CsvProblem(row.row(), "name", "row " + earlier + " has the same name"));
				}
				try {
					requireUniqueName(name, id, byName);
				}
				catch (InvalidInputException e) {
					problems.add(new CsvProblem(row.row(), "name", e.problems().get(0).message()));
				}
			}
			Optional<Vendor> existing = id == null ? Optional.empty() : vendors.findById(id);
			if (existing.isPresent() && existing.get().isRetired()) {
				problems.add(new CsvProblem(row.row(), null, "vendor '" + existing.get().name() + "' is retired and cannot be changed"));
			}
			parsedRows.add(new VendorCsv.Parsed(row.row(), id, parsed.details()));
			existingRows.add(existing);
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparingInt(CsvProblem::row));
			throw new CsvImportException(problems);
		}
		Actor actor = CurrentUser.actor();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (int i = 0; i < parsedRows.size(); i++) {
			VendorCsv.Parsed parsed = parsedRows.get(i);
			Optional<Vendor> existing = existingRows.get(i);
			if (existing.isEmpty()) {
				vendors.save(Vendor.register(parsed.id() == null ? UUID.randomUUID() : parsed.id(), parsed.details(), actor));
				created++;
			}
			else if (existing.get().update(parsed.details(), actor)) {
				vendors.save(existing.get());
				updated++;
			}
			else {
				unchanged++;
			}
		}
		return new ImportResult(created, updated, unchanged);
	}

	/** A name no other vendor has, whatever the letter case: one indexed statement, not every vendor read. */
	private void requireUniqueName(String name, UUID self) {
		queries.named(name).forEach(named -> refuseTaken(named, self));
	}

	/** The same check against the names of an import, read once per file. */
	private static void requireUniqueName(String name, UUID self, Map<String, VendorRef> byLowerName) {
		refuseTaken(byLowerName.get(name.strip().toLowerCase(Locale.ROOT)), self);
	}

	private static void refuseTaken(VendorRef named, UUID self) {
		if (named != null && !named.id().equals(self)) {
			throw new InvalidInputException("name", "another vendor is named '" + named.name() + "'");
		}
	}

	private Vendor load(UUID id) {
		return vendors.findById(id).orElseThrow(() -> new NotFoundException("vendor", id));
	}
}
