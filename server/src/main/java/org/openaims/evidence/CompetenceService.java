package org.openaims.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.common.AggregateBatch;
import org.openaims.common.ExportFormat;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.evidence.internal.Competence;
import org.openaims.evidence.internal.CompetenceQueries;
import org.openaims.evidence.internal.Competences;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.reporting.Table;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Competence records (7.2, A.4.6) and the gap list: every person who holds an AIMS responsibility
 * that needs competence — accountable or responsible in the RACI, approver, auditor — without a
 * current record for it. AIMS managers (and administrators) keep the records; everyone reads them.
 */
@Service
@Validated
@Transactional
public class CompetenceService {

	/** The ledger's subject type for competence records. */
	public static final String SUBJECT = "competence";

	/** The roles whose holders need a competence record, and the area it is recorded under. */
	static final Map<Role, CompetenceArea> ROLE_AREAS = Map.of(Role.APPROVER, CompetenceArea.APPROVER, Role.AUDITOR,
			CompetenceArea.AUDITOR);

	private final Competences competences;

	private final CompetenceQueries queries;

	private final EvidenceService evidence;

	private final UserDirectory users;

	private final List<ResponsibilityHolders> holders;

	private final Ledger ledger;

	private final AggregateBatch batch;

	CompetenceService(Competences competences, CompetenceQueries queries, EvidenceService evidence, UserDirectory users,
			List<ResponsibilityHolders> holders, Ledger ledger, AggregateBatch batch) {
		this.competences = competences;
		this.queries = queries;
		this.evidence = evidence;
		this.users = users;
		this.holders = holders;
		this.ledger = ledger;
		this.batch = batch;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public CompetenceView record(@Valid CompetenceDetails details) {
		check(details, null);
		return view(competences.save(Competence.record(details, CurrentUser.actor())));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public CompetenceView change(UUID id, @Valid CompetenceDetails details) {
		Competence competence = load(id);
		check(details, competence);
		competence.change(details, CurrentUser.actor());
		return view(competences.save(competence));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public CompetenceView get(UUID id) {
		return view(load(id));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<CompetenceView> list(CompetenceFilter filter, PageRequest request) {
		LocalDate today = evidence.today();
		Page<CompetenceQueries.Row> rows = queries.page(filter, request, today);
		Map<UUID, CompetenceView> views = views(rows.items().stream().map(CompetenceQueries.Row::id).toList(), today);
		return rows.map(r -> views.get(r.id()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(SUBJECT, id.toString());
	}

	/**
	 * Everyone who holds a responsibility needing competence without a current record for it: RACI
	 * accountable and responsible users (each {@link ResponsibilityHolders}), approvers and auditors;
	 * by person, then area.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<CompetenceGap> gaps() {
		LocalDate today = evidence.today();
		List<ResponsibilityHolders.Holder> all = new ArrayList<>();
		holders.forEach(h -> all.addAll(h.holders()));
		SortedMap<String, Set<Role>> roleHolders = users.holdersOf(ROLE_AREAS.keySet());
		roleHolders.forEach((person, roles) -> roles.forEach(role -> all.add(new ResponsibilityHolders.Holder(person,
				ROLE_AREAS.get(role), "holds the role " + role.name()))));
		Set<String> people = all.stream().map(ResponsibilityHolders.Holder::username).collect(Collectors.toSet());
		Map<String, List<CompetenceView>> byPerson = new HashMap<>();
		views(queries.ofPeople(people), today).values().forEach(v -> byPerson.computeIfAbsent(v.person(), k -> new ArrayList<>()).add(v));
		List<CompetenceGap> gaps = new ArrayList<>();
		for (ResponsibilityHolders.Holder holder : all) {
			List<CompetenceView> records = byPerson.getOrDefault(holder.username(), List.of()).stream()
				.filter(v -> v.area() == holder.area())
				.toList();
			if (records.stream().anyMatch(CompetenceView::current)) {
				continue;
			}
			String reason = records.isEmpty() ? "no competence record for " + label(holder.area())
					: records.stream().map(CompetenceView::problem).filter(Objects::nonNull).sorted().findFirst().orElse("not current");
			gaps.add(new CompetenceGap(holder.username(), holder.area(), holder.detail(), reason));
		}
		gaps.sort(Comparator.comparing(CompetenceGap::person).thenComparing(CompetenceGap::area));
		return gaps;
	}

	/** The list as an export: CSV, XLSX or PDF. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Table exportTable(CompetenceFilter filter, ExportFormat format, int batchRows) {
		LocalDate today = evidence.today();
		List<String> header = List.of("id", "person", "area", "role_detail", "competence", "evidence", "evidence_valid_until",
				"valid_until", "validity", "current", "problem", "updated_at");
		long rows = queries.count(filter, today);
		return new Table("competences", "Competence records — " + rows + " — generated " + today, header, rows, writer -> {
			PageRequest request = new PageRequest(Math.min(batchRows, PageRequest.MAX_LIMIT), null, null);
			while (request != null) {
				Page<CompetenceView> page = list(filter, request);
				page.items().forEach(c -> writer.row(Arrays.asList(c.id(), c.person(), c.area(), c.roleDetail(), c.competence(),
						c.evidence() == null ? null : c.evidence().title(), c.evidence() == null ? null : c.evidence().validUntil(),
						c.validUntil(), c.validity(), c.current(), c.problem(), c.updatedAt())));
				request = page.next() == null ? null : request.withAfter(page.next());
			}
		});
	}

	private void check(CompetenceDetails details, Competence current) {
		List<FieldProblem> problems = new ArrayList<>();
		String person = details.person().strip();
		if ((current == null || !current.person().equals(person)) && !users.isActive(person)) {
			problems.add(new FieldProblem("person", "no active user is named '" + person + "'"));
		}
		if (details.evidenceId() != null && evidence.summaries(Set.of(details.evidenceId())).isEmpty()) {
			problems.add(new FieldProblem("evidenceId", "no evidence item has id " + details.evidenceId()));
		}
		if (details.area() == CompetenceArea.OTHER && (details.roleDetail() == null || details.roleDetail().isBlank())) {
			problems.add(new FieldProblem("roleDetail", "name the responsibility when the area is OTHER"));
		}
		InvalidInputException.throwIfAny(problems);
	}

	private Map<UUID, CompetenceView> views(List<UUID> ids, LocalDate today) {
		List<Competence> loaded = batch.findAllById(Competence.class, ids);
		Set<UUID> evidenceIds = new HashSet<>();
		loaded.stream().map(Competence::evidenceId).filter(Objects::nonNull).forEach(evidenceIds::add);
		Map<UUID, EvidenceSummary> summaries = evidenceIds.isEmpty() ? Map.of() : evidence.summaries(evidenceIds);
		Map<UUID, CompetenceView> views = new HashMap<>();
		loaded.forEach(c -> views.put(c.id(), c.view(c.evidenceId() == null ? null : summaries.get(c.evidenceId()), today)));
		return views;
	}

	/** The view of a record in hand (just saved or loaded), with its evidence's summary. */
	private CompetenceView view(Competence competence) {
		UUID evidenceId = competence.evidenceId();
		return competence.view(evidenceId == null ? null : evidence.summaries(Set.of(evidenceId)).get(evidenceId), evidence.today());
	}

	private Competence load(UUID id) {
		return competences.findById(id).orElseThrow(() -> new NotFoundException("competence record", id));
	}

	static String label(CompetenceArea area) {
		return area.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}
}
