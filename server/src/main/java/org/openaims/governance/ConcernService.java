package org.openaims.governance;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.common.AggregateBatch;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.csv.CsvFormat;
import org.openaims.governance.internal.Concern;
import org.openaims.governance.internal.ConcernQueries;
import org.openaims.governance.internal.Concerns;
import org.openaims.governance.internal.Receipts;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Concerns about AI systems (A.3.3): anyone signed in reports one under their name, and anyone at all
 * reports one anonymously without signing in (no identity is kept; the reporter follows it with a
 * receipt code); AIMS managers and administrators handle them (triage, investigate, resolve or
 * dismiss). Reporters see only their own concerns; to them another's concern does not exist.
 */
@Service
@Validated
@Transactional
public class ConcernService {

	/** The ledger's subject type for concerns. */
	public static final String SUBJECT = "concern";

	private final Concerns concerns;

	private final ConcernQueries queries;

	private final AiSystemService systems;

	private final Ledger ledger;

	private final AggregateBatch batch;

	ConcernService(Concerns concerns, ConcernQueries queries, AiSystemService systems, Ledger ledger, AggregateBatch batch) {
		this.batch = batch;
		this.concerns = concerns;
		this.queries = queries;
		this.systems = systems;
		this.ledger = ledger;
	}

	/** A report under the signed-in user's name. */
	@PreAuthorize("isAuthenticated()")
	public ConcernView report(@Valid NewConcern report) {
		if (report.isAnonymous()) {
			throw new InvalidInputException("anonymous", "an anonymous report is made without signing in, on the public form "
					+ "(/report-concern) or with POST /api/v1/public/concerns; signed in, your name would be known");
		}
		if (report.aiSystemId() != null && systems.names(Set.of(report.aiSystemId())).isEmpty()) {
			throw new InvalidInputException("aiSystemId", "no AI system has id " + report.aiSystemId());
		}
		return view(concerns.save(Concern.report(report, CurrentUser.actor())));
	}

	/**
	 * A report without signing in: no name, session, token or address is kept. The receipt code is
	 * returned this once; only its SHA-256 is stored.
	 */
	public AnonymousReceipt reportAnonymously(@Valid PublicConcern report) {
		UUID systemId = null;
		String description = report.description().strip();
		if (report.aiSystem() != null && !report.aiSystem().isBlank()) {
			String named = report.aiSystem().strip();
			systemId = systems.inScope().stream().filter(s -> s.name().equalsIgnoreCase(named)).map(s -> s.id()).findFirst()
				.orElse(null);
			if (systemId == null) {
				description = "AI system named by the reporter: " + named + "\n\n" + description;
			}
		}
		String receipt = Receipts.newCode();
		Concern concern = concerns.save(Concern.reportAnonymously(systemId, report.summary(), description, Receipts.hash(receipt)));
		return new AnonymousReceipt(receipt, view(concern));
	}

	/** The anonymous concern a receipt code belongs to, as its reporter sees it. */
	@Transactional(readOnly = true)
	public ConcernView followAnonymously(String receipt) {
		return view(byReceipt(receipt));
	}

	/** The anonymous reporter adds to their concern. */
	public ConcernView commentAnonymously(@Valid ReceiptNote note) {
		if (note.note() == null || note.note().isBlank()) {
			throw new InvalidInputException("note", "must not be blank");
		}
		Concern concern = byReceipt(note.receipt());
		concern.commentAsAnonymousReporter(note.note());
		return view(concerns.save(concern));
	}

	private Concern byReceipt(String receipt) {
		return concerns.findByReceiptHash(Receipts.hash(Receipts.normalize(receipt)))
			.orElseThrow(() -> new NotFoundException("concern with receipt code", "given"));
	}

	/** A handler moves a concern to another state, with a note. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ConcernView triage(UUID id, @Valid ConcernTriage triage) {
		Concern concern = load(id);
		concern.triage(triage.status(), triage.note(), triage.resolution(), CurrentUser.actor());
		return view(concerns.save(concern));
	}

	/** The reporter or a handler adds a note. */
	@PreAuthorize("isAuthenticated()")
	public ConcernView comment(UUID id, @Valid ConcernNote note) {
		Concern concern = visible(id);
		concern.comment(note.note(), CurrentUser.actor());
		return view(concerns.save(concern));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ConcernView get(UUID id) {
		return view(visible(id));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ConcernView> list(ConcernFilter filter, PageRequest request) {
		Page<ConcernQueries.Row> rows = queries.page(filter, isHandler() ? null : CurrentUser.username(), request);
		Map<UUID, Concern> loaded = batch.findAllById(Concern.class, rows.items().stream().map(ConcernQueries.Row::id).toList())
			.stream()
			.collect(Collectors.toMap(Concern::id, Function.identity()));
		Set<UUID> systemIds = new HashSet<>();
		loaded.values().stream().map(Concern::aiSystemId).filter(java.util.Objects::nonNull).forEach(systemIds::add);
		Map<UUID, String> names = systems.names(systemIds);
		String me = CurrentUser.username();
		return rows.map(r -> {
			Concern c = loaded.get(r.id());
			return c.view(me, c.aiSystemId() == null ? null : names.get(c.aiSystemId()));
		});
	}

	/** The concern's recorded changes; anonymous reporters appear as "anonymous". */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		visible(id);
		return ledger.history(SUBJECT, id.toString());
	}

	/** Whether the signed-in user handles concerns (sees all of them and triages). */
	public boolean isHandler() {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void exportCsv(ConcernFilter filter, Writer out) {
		CsvFormat.RowPrinter printer = CsvFormat.printer(out, List.of("id", "ai_system", "summary", "status", "reporter", "resolution", "created_at", "updated_at"));
		PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null, null);
		while (request != null) {
			Page<ConcernView> page = list(filter, request);
			page.items().forEach(c -> printer.row(Arrays.asList(c.id(), c.aiSystemName(), c.summary(), c.status(),
					c.reporter() == null ? "(anonymous)" : c.reporter(), c.resolution(), c.createdAt(), c.updatedAt())));
			printer.flush();
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		printer.flush();
	}

	private ConcernView view(Concern concern) {
		String name = concern.aiSystemId() == null ? null : systems.names(Set.of(concern.aiSystemId())).get(concern.aiSystemId());
		return concern.view(CurrentUser.username(), name);
	}

	/** The concern if the signed-in user may see it: handlers all, others their own. */
	private Concern visible(UUID id) {
		Concern concern = load(id);
		if (!isHandler() && !concern.reportedBy(CurrentUser.username())) {
			throw new NotFoundException("concern", id);
		}
		return concern;
	}

	private Concern load(UUID id) {
		return concerns.findById(id).orElseThrow(() -> new NotFoundException("concern", id));
	}
}
