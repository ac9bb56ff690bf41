package org.openaims.governance;

import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.openaims.common.PageRequest;
import org.openaims.common.Page;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Stamp;
import org.openaims.common.csv.CsvFormat;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.ScopeStatementView.ScopedSystem;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Responsibilities (5.3, A.3.2): a RACI per AI system, control or process, with exactly one
 * Accountable, naming users or roles. AIMS managers set any RACI, system owners that of their
 * systems; everyone reads them. The gaps report lists in-scope AI systems without an accountable
 * person or without human oversight assigned.
 */
@Service
@Validated
@Transactional
public class ResponsibilityService {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final ApplicationEventPublisher events;

	private final Ledger ledger;

	ResponsibilityService(JdbcClient jdbc, UserDirectory users, AiSystemService systems, ApplicationEventPublisher events,
			Ledger ledger) {
		this.jdbc = jdbc;
		this.users = users;
		this.systems = systems;
		this.events = events;
		this.ledger = ledger;
	}

	/** Sets the whole RACI of a subject, replacing what it had. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'SYSTEM_OWNER')")
	public RaciView assign(RaciSubjectType type, String ref, @Valid @Size(max = 100) List<Assignment> assignments) {
		String subject = checkSubject(type, ref);
		List<FieldProblem> problems = new ArrayList<>();
		long accountable = assignments.stream().filter(a -> a.letter() == RaciLetter.A).count();
		if (accountable != 1) {
			problems.add(new FieldProblem("assignments", "needs exactly one Accountable (A), found " + accountable));
		}
		for (int i = 0; i < assignments.size(); i++) {
			Assignment a = assignments.get(i);
			if (a.assigneeType() == Assignment.AssigneeType.USER && !users.isActive(a.assignee().strip())) {
				problems.add(new FieldProblem("assignments[" + i + "].assignee", "no active user is named '" + a.assignee() + "'"));
			}
			if (a.assigneeType() == Assignment.AssigneeType.ROLE && !isRole(a.assignee())) {
				problems.add(new FieldProblem("assignments[" + i + "].assignee", "is not a role; roles are " + List.of(Role.values())));
			}
		}
		long distinct = assignments.stream().map(a -> a.letter() + "|" + a.assigneeType() + "|" + a.assignee().strip()).distinct().count();
		if (distinct != assignments.size()) {
			problems.add(new FieldProblem("assignments", "lists the same letter for the same assignee twice"));
		}
		InvalidInputException.throwIfAny(problems);
		jdbc.sql("DELETE FROM responsibilities WHERE subject_type = :type AND subject_ref = :ref")
			.param("type", type.name()).param("ref", subject).update();
		for (Assignment a : assignments) {
			jdbc.sql("INSERT INTO responsibilities (id, subject_type, subject_ref, letter, assignee_type, assignee, human_oversight, "
					+ "assigned_at, assigned_by) VALUES (:id, :type, :ref, :letter, :atype, :assignee, :oversight, :at, :by)")
				.param("id", UUID.randomUUID()).param("type", type.name()).param("ref", subject).param("letter", a.letter().name())
				.param("atype", a.assigneeType().name()).param("assignee", a.assignee().strip()).param("oversight", a.humanOversight())
				.param("at", Timestamp.from(Instant.now())).param("by", CurrentUser.username())
				.update();
		}
		List<Assignment> stored = assignments(type, subject);
		events.publishEvent(new ResponsibilitiesAssigned(type, subject, stored, Stamp.of(CurrentUser.actor())));
		return new RaciView(type, subject, name(type, subject), stored);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RaciView of(RaciSubjectType type, String ref) {
		String subject = ref == null ? "" : ref.strip();
		return new RaciView(type, subject, name(type, subject), assignments(type, subject));
	}

	/** Every subject with a RACI, AI systems first, by name. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RaciView> matrix() {
		Map<String, List<Assignment>> bySubject = new LinkedHashMap<>();
		Map<String, String[]> keys = new LinkedHashMap<>();
		jdbc.sql("SELECT subject_type, subject_ref, letter, assignee_type, assignee, human_oversight FROM responsibilities "
				+ "ORDER BY subject_type, subject_ref, letter, assignee")
			.query((rs, n) -> {
				String key = rs.getString(1) + "|" + rs.getString(2);
				keys.putIfAbsent(key, new String[] { rs.getString(1), rs.getString(2) });
				bySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(new Assignment(RaciLetter.valueOf(rs.getString(3)),
						Assignment.AssigneeType.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)));
				return key;
			})
			.list();
		// The names of every AI system the matrix mentions, in one query (in scope or not).
		java.util.Set<UUID> systemIds = new java.util.HashSet<>();
		keys.values().stream().filter(k -> k[0].equals(RaciSubjectType.AI_SYSTEM.name())).forEach(k -> {
			try {
				systemIds.add(UUID.fromString(k[1]));
			}
			catch (IllegalArgumentException e) {
				// not a system id: shown as written
			}
		});
		Map<UUID, String> systemNames = systemIds.isEmpty() ? Map.of() : systems.names(systemIds);
		List<RaciView> matrix = new ArrayList<>();
		bySubject.forEach((key, list) -> {
			RaciSubjectType type = RaciSubjectType.valueOf(keys.get(key)[0]);
			String ref = keys.get(key)[1];
			String name = type == RaciSubjectType.AI_SYSTEM ? systemName(systemNames, ref) : ref;
			matrix.add(new RaciView(type, ref, name, list));
		});
		matrix.sort(Comparator.comparing((RaciView v) -> v.subjectType().ordinal()).thenComparing(RaciView::name));
		return matrix;
	}

	/**
	 * In-scope AI systems without an Accountable or without human oversight (5.3, A.9), in keyset pages:
	 * a page covers the next {@code limit} in-scope systems by name and lists those among them with a gap
	 * (so it may hold fewer, or none, while {@code next} leads on).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<RaciGap> gaps(PageRequest request) {
		Page<ScopedSystem> systemsPage = systems.inScope(request);
		Map<String, List<Assignment>> bySystem = new LinkedHashMap<>();
		if (!systemsPage.items().isEmpty()) {
			jdbc.sql("SELECT subject_ref, letter, assignee_type, assignee, human_oversight FROM responsibilities "
					+ "WHERE subject_type = 'AI_SYSTEM' AND subject_ref IN (:refs)")
				.param("refs", systemsPage.items().stream().map(s -> s.id().toString()).toList())
				.query((rs, n) -> bySystem.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Assignment(
						RaciLetter.valueOf(rs.getString(2)), Assignment.AssigneeType.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5))))
				.list();
		}
		List<RaciGap> gaps = new ArrayList<>();
		for (ScopedSystem system : systemsPage.items()) {
			RaciView raci = new RaciView(RaciSubjectType.AI_SYSTEM, system.id().toString(), system.name(),
					bySystem.getOrDefault(system.id().toString(), List.of()));
			List<String> missing = new ArrayList<>();
			if (raci.accountable() == null) {
				missing.add("ACCOUNTABLE");
			}
			if (!raci.hasHumanOversight()) {
				missing.add("HUMAN_OVERSIGHT");
			}
			if (!missing.isEmpty()) {
				gaps.add(new RaciGap(system.id(), system.name(), missing));
			}
		}
		return new Page<>(gaps, systemsPage.next());
	}


	/** The recorded RACI changes of a subject (for AI systems, also part of the system's history). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(RaciSubjectType type, String ref) {
		String subject = ref == null ? "" : ref.strip();
		org.openaims.common.Subject recorded = ResponsibilitiesAssigned.subjectOf(type, subject);
		return ledger.history(recorded.type(), recorded.id())
			.stream()
			.filter(e -> e.event().equals(ResponsibilitiesAssigned.class.getSimpleName()))
			.toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void exportCsv(Writer out) {
		CsvFormat.RowPrinter printer = CsvFormat.printer(out, List.of("subject_type", "subject_ref", "subject", "letter", "assignee_type", "assignee",
				"human_oversight"));
		for (RaciView view : matrix()) {
			for (Assignment a : view.assignments()) {
				printer.row(List.of(view.subjectType(), view.subjectRef(), view.name(), a.letter(), a.assigneeType(), a.assignee(),
						a.humanOversight()));
			}
		}
		printer.flush();
	}

	private List<Assignment> assignments(RaciSubjectType type, String ref) {
		return jdbc.sql("SELECT letter, assignee_type, assignee, human_oversight FROM responsibilities "
				+ "WHERE subject_type = :type AND subject_ref = :ref ORDER BY letter, assignee")
			.param("type", type.name()).param("ref", ref)
			.query((rs, n) -> new Assignment(RaciLetter.valueOf(rs.getString(1)), Assignment.AssigneeType.valueOf(rs.getString(2)),
					rs.getString(3), rs.getBoolean(4)))
			.list();
	}

	/** Checks the subject exists and the signed-in user may set its RACI; returns its normalized reference. */
	private String checkSubject(RaciSubjectType type, String ref) {
		String subject = ref == null ? "" : ref.strip();
		switch (type) {
			case AI_SYSTEM -> {
				AiSystemView system;
				try {
					system = systems.get(UUID.fromString(subject));
				}
				catch (IllegalArgumentException | NotFoundException e) {
					throw new InvalidInputException("subjectRef", "no AI system has id '" + subject + "'");
				}
				if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && !system.owner().equals(CurrentUser.username())) {
					throw new AccessDeniedException("only the owner of AI system '" + system.name() + "' or an AIMS manager may set its RACI");
				}
			}
			case CONTROL -> {
				requireManager();
				if (!subject.matches("(A\\.)?[0-9]+(\\.[0-9]+)*")) {
					throw new InvalidInputException("subjectRef", "is not a clause or control id like 9.2 or A.6.2.4");
				}
			}
			case PROCESS -> {
				requireManager();
				if (subject.isBlank() || subject.length() > 200) {
					throw new InvalidInputException("subjectRef", "name the process in 1 to 200 characters");
				}
			}
		}
		return subject;
	}

	private static void requireManager() {
		CurrentUser.requireAnyRole("only AIMS managers set the RACI of controls and processes", Role.ADMIN, Role.AIMS_MANAGER);
	}

	private static String systemName(Map<UUID, String> names, String ref) {
		try {
			return names.getOrDefault(UUID.fromString(ref), ref);
		}
		catch (IllegalArgumentException e) {
			return ref;
		}
	}

	private String name(RaciSubjectType type, String ref) {
		if (type == RaciSubjectType.AI_SYSTEM) {
			try {
				return systems.get(UUID.fromString(ref)).name();
			}
			catch (IllegalArgumentException | NotFoundException e) {
				return ref;
			}
		}
		return ref;
	}

	private static boolean isRole(String value) {
		for (Role role : Role.values()) {
			if (role.name().equals(value.strip())) {
				return true;
			}
		}
		return false;
	}
}
