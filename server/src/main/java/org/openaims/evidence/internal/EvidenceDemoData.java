package org.openaims.evidence.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.openaims.common.AimsProperties;
import org.openaims.common.PageRequest;
import org.openaims.evidence.CompetenceArea;
import org.openaims.evidence.CompetenceDetails;
import org.openaims.evidence.CompetenceService;
import org.openaims.evidence.EvidenceDetails;
import org.openaims.evidence.EvidenceKind;
import org.openaims.evidence.EvidenceService;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo organization's evidence — a validation report file, a red-team dashboard that expires
 * soon, a log check that has expired, a supplier's assurance report — and competence records, one of
 * them resting on expired evidence, so the expiry lists and the competence gaps show something on
 * first start.
 */
@Component
@Order(40)
class EvidenceDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EvidenceDemoData.class);

	private static final String MANAGER = "maria.keller";

	private final AimsProperties properties;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final EvidenceService evidence;

	private final CompetenceService competences;

	private final EvidenceItems items;

	EvidenceDemoData(AimsProperties properties, UserDirectory users, AiSystemService systems, EvidenceService evidence,
			CompetenceService competences, EvidenceItems items) {
		this.properties = properties;
		this.users = users;
		this.systems = systems;
		this.evidence = evidence;
		this.competences = competences;
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() || items.count() > 0 || users.find(MANAGER).isEmpty() || users.find("lena.park").isEmpty()) {
			return;
		}
		Map<String, UUID> system = CurrentUser.runAsSystem(() -> systems.list(AiSystemFilter.none(), PageRequest.first(100))
			.items()
			.stream()
			.collect(Collectors.toMap(AiSystemView::name, AiSystemView::id, (a, b) -> a)));
		if (!system.containsKey("CreditScore") || !system.containsKey("Support Assistant")) {
			return;
		}
		LocalDate today = LocalDate.now();
		as("lena.park", () -> evidence.upload(new EvidenceDetails(EvidenceKind.FILE, "CreditScore validation report 2026", 
				"Out-of-time validation of the credit model: accuracy, calibration and approval-rate ratio by age band.", "lena.park",
				null, null, today.minusMonths(3), today.minusMonths(1), today.minusDays(20), today.plusMonths(8),
				List.of("A.6.2.4", "9.1"), List.of(system.get("CreditScore")), null, null), "creditscore-validation-2026.md",
				"text/markdown", new ByteArrayInputStream(VALIDATION_REPORT.getBytes(StandardCharsets.UTF_8)), "signed off by the model risk team"));
		as("tom.becker", () -> evidence.add(new EvidenceDetails(EvidenceKind.LINK, "Support Assistant red-team results",
				"Prompt-injection and data-leak test runs of the support chatbot.", "tom.becker",
				"https://dashboards.example.org/red-team/support-assistant", null, today.minusMonths(2), today.minusDays(1),
				today.minusDays(2), today.plusDays(20), List.of("A.6.2.4", "A.6.2.5"), List.of(system.get("Support Assistant")), null, null)));
		as(MANAGER, () -> evidence.add(new EvidenceDetails(EvidenceKind.NOTE, "Quarterly log retention check",
				"Sampled 40 inference logs of each AI system in production: all kept for 400 days, none altered.", MANAGER, null, null,
				today.minusMonths(5), today.minusMonths(2), today.minusMonths(2), today.minusDays(5), List.of("A.6.2.8"),
				List.of(system.get("CreditScore"), system.get("Support Assistant")), null, null)));
		as(MANAGER, () -> evidence.add(new EvidenceDetails(EvidenceKind.LINK, "Lumen AI SOC 2 Type II report",
				"The supplier's assurance report for the hosted language model.", MANAGER, "https://trust.example.com/lumen-ai/soc2", null,
				today.minusYears(1), today.minusDays(30), today.minusDays(25), today.plusDays(6), List.of("A.10.3"), null, null, null)));
		UUID training = as(MANAGER, () -> evidence.add(new EvidenceDetails(EvidenceKind.NOTE, "AI system owner training — Lena Park",
				"Completed the AI system owner course (risk, impact assessment, human oversight).", MANAGER, null, null, null, null,
				today.minusMonths(4), today.plusMonths(8), List.of("7.2", "A.4.6"), null, null, null))).id();
		UUID briefing = as(MANAGER, () -> evidence.add(new EvidenceDetails(EvidenceKind.NOTE, "Approver briefing — Sam Ortiz",
				"Briefing on segregation of duties and the risk acceptance levels.", MANAGER, null, null, null, null,
				today.minusMonths(14), today.minusMonths(2), List.of("7.2"), null, null, null))).id();
		as(MANAGER, () -> competences.record(new CompetenceDetails("lena.park", CompetenceArea.RACI_ACCOUNTABLE,
				"Accountable for CreditScore and Fraud Sentinel", "AI system owner training and two years of model risk work", training,
				today.plusMonths(8), null)));
		as(MANAGER, () -> competences.record(new CompetenceDetails("sam.ortiz", CompetenceArea.APPROVER, null,
				"Knows the approval rules, the risk criteria and segregation of duties", briefing, null, null)));
		log.info("Loaded the demo organization's evidence and competence records");
	}

	private <T> T as(String username, Supplier<T> work) {
		Set<Role> roles = users.find(username).map(u -> u.roles()).orElse(EnumSet.noneOf(Role.class));
		return CurrentUser.runAs(username, roles, work);
	}

	private static final String VALIDATION_REPORT = """
			# CreditScore validation report 2026

			Out-of-time sample: 48,210 applications (January to March 2026).

			| measure | result | threshold |
			|---|---|---|
			| AUC | 0.81 | at least 0.75 |
			| calibration (Brier) | 0.112 | at most 0.15 |
			| approval-rate ratio, age 18–25 vs 26–60 | 0.86 | at least 0.80 |

			Conclusion: fit for continued use; next validation in eight months.
			""";
}
