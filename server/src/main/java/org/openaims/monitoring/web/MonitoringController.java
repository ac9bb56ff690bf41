package org.openaims.monitoring.web;

import static org.openaims.common.web.RedirectForms.act;
import static org.openaims.common.web.RedirectForms.done;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.common.InvalidInputException;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.monitoring.Classification;
import org.openaims.monitoring.Direction;
import org.openaims.monitoring.EventQueries;
import org.openaims.monitoring.IncidentDetails;
import org.openaims.monitoring.IncidentService;
import org.openaims.monitoring.IncidentSeverity;
import org.openaims.monitoring.IncidentStatus;
import org.openaims.monitoring.IncidentView;
import org.openaims.monitoring.MonitoringJobs;
import org.openaims.monitoring.RuleDetails;
import org.openaims.monitoring.RuleKind;
import org.openaims.monitoring.RuleService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monitoring pages: the overview (open incidents, reporting clocks soonest first, overdue flagged),
 * a system's events per hour as a server-drawn chart with its rules and newest events, the incidents,
 * and an incident's page with its timeline, affected systems, reports and the forms to work on it.
 * Every form redirects back saying what changed.
 */
@Controller
@RequestMapping("/monitoring")
class MonitoringController {

	private final EventQueries events;

	private final RuleService rules;

	private final IncidentService incidents;

	private final AiSystemService systems;

	private final MonitoringJobs jobs;

	MonitoringController(EventQueries events, RuleService rules, IncidentService incidents, AiSystemService systems, MonitoringJobs jobs) {
		this.events = events;
		this.rules = rules;
		this.incidents = incidents;
		this.systems = systems;
		this.jobs = jobs;
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("open", incidents.list(IncidentStatus.OPEN, null, null, new PageRequest(50, null, null)));
		model.addAttribute("clocks", incidents.clocks(false, new PageRequest(50, null, null)));
		model.addAttribute("batches", events.batches(new PageRequest(10, null, null)));
		model.addAttribute("systems", systems.list(AiSystemFilter.none(), new PageRequest(200, null, "name")).items());
		model.addAttribute("mayReport", CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.RISK_OWNER, Role.CONTRIBUTOR));
		return "monitoring/overview";
	}

	@GetMapping("/systems/{id}")
	String system(@PathVariable UUID id, @RequestParam(required = false) Integer hours, Model model) {
		AiSystemView system = systems.get(id);
		int h = hours == null || hours < 1 || hours > 720 ? 48 : hours;
		model.addAttribute("system", system);
		model.addAttribute("hours", h);
		model.addAttribute("chart", EventChart.of(events.series(id, h)));
		model.addAttribute("rules", rules.list(id, new PageRequest(100, null, "name")).items());
		model.addAttribute("recent", events.events(id, null, null, null, null, new PageRequest(20, null, null)).items());
		model.addAttribute("retention", jobs.retention(id));
		model.addAttribute("incidents", incidents.list(null, id, null, new PageRequest(20, null, null)).items());
		model.addAttribute("mayWriteRules", rules.mayWrite(system));
		model.addAttribute("kinds", RuleKind.values());
		model.addAttribute("severities", IncidentSeverity.values());
		return "monitoring/system";
	}

	/** A rule as the page's form sends it. */
	record RuleForm(String name, RuleKind kind, String eventType, String eventName, Direction direction, Double raiseValue, Double clearValue,
			Long windowMinutes, Long forMinutes, IncidentSeverity severity) {
	}

	@PostMapping("/systems/{id}/rules")
	String addRule(@PathVariable UUID id, RuleForm form, RedirectAttributes redirect) {
		String back = "/monitoring/systems/" + id;
		return act(redirect, back, () -> {
			var made = rules.create(new RuleDetails(id, form.name(), form.kind() == null ? RuleKind.THRESHOLD : form.kind(), form.eventType(),
					form.eventName(), form.direction(), form.raiseValue(), form.clearValue(),
					form.windowMinutes() == null ? null : form.windowMinutes() * 60, form.forMinutes() == null ? null : form.forMinutes() * 60,
					form.severity(), true, null));
			return done(back, redirect, "Rule '" + made.name() + "' watches " + made.eventType() + (made.eventName() == null ? "" : " " + made.eventName())
					+ " from the next event on; it raises one incident per breach.");
		});
	}

	@GetMapping("/incidents")
	String list(@RequestParam(required = false) IncidentStatus status, @RequestParam(required = false) String after, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("page", incidents.list(status, null, null, new PageRequest(50, after, null)));
		model.addAttribute("systems", systems.list(AiSystemFilter.none(), new PageRequest(200, null, "name")).items());
		model.addAttribute("severities", IncidentSeverity.values());
		model.addAttribute("classifications", Classification.values());
		model.addAttribute("mayReport", CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.RISK_OWNER, Role.CONTRIBUTOR));
		return "monitoring/incidents";
	}

	/** An incident as the forms send it. */
	record IncidentForm(String title, String description, IncidentSeverity severity, List<UUID> aiSystemIds, String occurredAt, String awareAt,
			String jurisdiction, Set<Classification> classifications, String containment, String rootCause, Long version) {
	}

	@PostMapping("/incidents/new")
	String report(IncidentForm form, RedirectAttributes redirect) {
		return act(redirect, "/monitoring/incidents", () -> {
			IncidentView made = incidents.report(details(form));
			return done("/monitoring/incidents/" + made.id(), redirect, "Incident " + made.ref() + " reported, owned by " + made.owner()
					+ (made.reports().isEmpty() ? "." : "; " + made.reports().size() + " report(s) now due — see their clocks below."));
		});
	}

	@GetMapping("/incidents/{id}")
	String incident(@PathVariable UUID id, Model model) {
		IncidentView incident = incidents.get(id);
		model.addAttribute("incident", incident);
		model.addAttribute("mayWork", incidents.mayWork(incident) && incident.status() != IncidentStatus.CLOSED);
		model.addAttribute("mayClose", CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && incident.status() == IncidentStatus.RESOLVED);
		model.addAttribute("severities", IncidentSeverity.values());
		model.addAttribute("classifications", Classification.values());
		model.addAttribute("history", incidents.history(id));
		return "monitoring/incident";
	}

	@PostMapping("/incidents/{id}/edit")
	String edit(@PathVariable UUID id, IncidentForm form, RedirectAttributes redirect) {
		String back = "/monitoring/incidents/" + id;
		return act(redirect, back, () -> {
			IncidentView before = incidents.get(id);
			IncidentView after = incidents.change(id, details(form));
			String due = after.reports().stream().filter(r -> r.submittedAt() == null && r.dueAt() != null)
				.map(r -> r.title() + " due " + r.dueAt()).collect(Collectors.joining("; "));
			return done(back, redirect, "Saved" + (before.reports().size() != after.reports().size() || !due.isEmpty() ? ". Reports: " + due : "."));
		});
	}

	@PostMapping("/incidents/{id}/notes")
	String note(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		String back = "/monitoring/incidents/" + id;
		return act(redirect, back, () -> {
			incidents.note(id, note);
			return done(back, redirect, "Update added to the timeline.");
		});
	}

	@PostMapping("/incidents/{id}/reports/{reportId}/submit")
	String submit(@PathVariable UUID id, @PathVariable UUID reportId, @RequestParam(required = false) String reference,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		String back = "/monitoring/incidents/" + id;
		return act(redirect, back, () -> {
			incidents.submitReport(id, reportId, reference, note, null);
			return done(back, redirect, "Report recorded as submitted (reference " + (reference == null ? "" : reference.strip()) + "); its clock stopped.");
		});
	}

	@PostMapping("/incidents/{id}/resolve")
	String resolve(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		String back = "/monitoring/incidents/" + id;
		return act(redirect, back, () -> {
			incidents.resolve(id, note);
			return done(back, redirect, "Resolved. Write containment and root cause, submit its reports, then an AIMS manager closes it.");
		});
	}

	@PostMapping("/incidents/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		String back = "/monitoring/incidents/" + id;
		return act(redirect, back, () -> {
			incidents.close(id, note);
			return done(back, redirect, "Closed.");
		});
	}

	@PostMapping("/incidents/{id}/nonconformity")
	String nonconformity(@PathVariable UUID id, RedirectAttributes redirect) {
		String back = "/monitoring/incidents/" + id;
		return act(redirect, back, () -> {
			IncidentView i = incidents.raiseNonconformity(id);
			return done(back, redirect, "Nonconformity raised: it is worked on under Assurance (" + i.nonconformityId() + ").");
		});
	}

	private static IncidentDetails details(IncidentForm form) {
		return new IncidentDetails(form.title() == null ? "" : form.title(), blank(form.description()), form.severity(),
				form.aiSystemIds() == null ? null : new ArrayList<>(form.aiSystemIds()), time("occurredAt", form.occurredAt()),
				time("awareAt", form.awareAt()), blank(form.jurisdiction()),
				form.classifications() == null ? EnumSet.noneOf(Classification.class) : form.classifications(), blank(form.containment()),
				blank(form.rootCause()), form.version());
	}

	/** A time from a datetime-local field (UTC) or an RFC 3339 value. */
	private static Instant time(String field, String value) {
		if (blank(value) == null) {
			return null;
		}
		try {
			return value.endsWith("Z") || value.contains("+") ? Instant.parse(value.strip()) : LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "is not a date and time (2026-12-04T10:00)");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
