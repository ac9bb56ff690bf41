package org.openaims.assurance.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.Decision;
import org.openaims.approvals.DecisionRequest;
import org.openaims.assurance.AuditDetails;
import org.openaims.assurance.AuditItemView;
import org.openaims.assurance.AuditProgrammeId;
import org.openaims.assurance.AuditResult;
import org.openaims.assurance.AuditService;
import org.openaims.assurance.AuditView;
import org.openaims.assurance.ContextDetails;
import org.openaims.assurance.ContextKind;
import org.openaims.assurance.ContextService;
import org.openaims.assurance.ItemUpdate;
import org.openaims.assurance.ManagementReviewService;
import org.openaims.assurance.ProgrammeDetails;
import org.openaims.assurance.ProgrammeView;
import org.openaims.assurance.ReviewDetails;
import org.openaims.common.AimsProperties;
import org.openaims.common.PageRequest;
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
 * The demo organization's assurance records: its context (the EU AI Act, a one-person audit team,
 * credit applicants and the supervisor as interested parties), the approved audit programme, an audit
 * of the release controls in progress — one item conforming, one a major nonconformity —, and the
 * next management review, scheduled. The lifecycle's deployment without a gate allow adds a
 * nonconformity candidate by itself.
 */
@Component
@Order(60)
class AssuranceDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AssuranceDemoData.class);

	private static final String MANAGER = "maria.keller";

	private static final String AUDITOR = "ines.vidal";

	private final AimsProperties properties;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final ContextService context;

	private final AuditService audits;

	private final ManagementReviewService reviews;

	private final ApprovalService approvals;

	private final AuditProgrammes programmes;

	AssuranceDemoData(AimsProperties properties, UserDirectory users, AiSystemService systems, ContextService context, AuditService audits,
			ManagementReviewService reviews, ApprovalService approvals, AuditProgrammes programmes) {
		this.properties = properties;
		this.users = users;
		this.systems = systems;
		this.context = context;
		this.audits = audits;
		this.reviews = reviews;
		this.approvals = approvals;
		this.programmes = programmes;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() || programmes.count() > 0 || users.find(MANAGER).isEmpty() || users.find(AUDITOR).isEmpty()
				|| users.find("olivia.grant").isEmpty()) {
			return;
		}
		UUID credit = CurrentUser.runAsSystem(() -> systems.list(AiSystemFilter.none(), PageRequest.first(100)).items().stream()
			.filter(s -> s.name().equals("CreditScore")).map(AiSystemView::id).findFirst().orElse(null));
		if (credit == null) {
			return;
		}
		LocalDate today = LocalDate.now();
		as(MANAGER, () -> {
			context.add(new ContextDetails(ContextKind.EXTERNAL_ISSUE, "EU AI Act: CreditScore is a high-risk AI system",
					"Creditworthiness assessment of natural persons is listed in annex III 5(b).", "provider", "Regulation (EU) 2024/1689, art. 9-17, 26",
					null, true, "Risk management, technical documentation, logging and human oversight are in the AIMS's scope", MANAGER, null));
			context.add(new ContextDetails(ContextKind.INTERNAL_ISSUE, "One internal auditor",
					"Independence of audits needs exceptions where the auditor worked on the records.", null, null, null, true,
					"Independence exceptions approved by the AIMS manager and listed in audit reports", MANAGER, null));
			context.add(new ContextDetails(ContextKind.INTERESTED_PARTY, "Credit applicants", null, null, "GDPR art. 22",
					"An explanation of automated credit decisions and a way to contest them", true,
					"Adverse-action notices list the main reasons; appeals reach a human underwriter", MANAGER, null));
			return context.add(new ContextDetails(ContextKind.INTERESTED_PARTY, "Banking supervisor", null, null, "EBA guidelines on loan origination",
					"Model risk reporting twice a year", false, null, MANAGER, null));
		});
		ProgrammeView programme = as(AUDITOR, () -> audits.planProgramme(new ProgrammeDetails("Internal audits " + today.getYear() + "-" + (today
			.getYear() + 1), today.minusMonths(1), today.plusMonths(11), "Every clause of 4-10 and every applicable Annex A control once in twelve months; "
					+ "release controls first", "ISO/IEC 42001:2023, the AI policy, the release-gate policy", "Interviews, sampling of records in the ledger",
				null)));
		as(AUDITOR, () -> audits.submitProgramme(programme.id(), today.plusDays(7)));
		UUID request = CurrentUser.runAsSystem(() -> approvals.latest(AuditProgrammeId.REVIEW.ref(new AuditProgrammeId(programme.id()))))
			.orElseThrow().id();
		as(MANAGER, () -> approvals.decide(request, new DecisionRequest(Decision.APPROVE, "Matches the audit plan agreed with top management")));

		AuditView audit = as(AUDITOR, () -> audits.plan(new AuditDetails(programme.id(), "Release and monitoring controls", today, today.plusDays(2),
				today.minusMonths(3), today, List.of(), List.of("A.6.2.4", "A.6.2.5", "A.6.2.6"), List.of(credit), List.of("Model release"),
				"ISO/IEC 42001:2023 A.6.2; the release-gate policy", "Interviews with the ML team, sampling of test runs and deployments", AUDITOR,
				List.of(), null)));
		AuditView started = as(AUDITOR, () -> audits.start(audit.id()));
		int verification = index(started, "A.6.2.4");
		int deployment = index(started, "A.6.2.5");
		as(AUDITOR, () -> audits.record(audit.id(), verification, new ItemUpdate(null, AuditResult.CONFORMING,
				"Each CreditScore version has a test run with metrics against approved thresholds.", "Test runs of 3.2.0 and 3.3.0", null, null, null)));
		as(AUDITOR, () -> audits.record(audit.id(), deployment, new ItemUpdate(null, AuditResult.MAJOR_NONCONFORMITY,
				"CreditScore 3.2.0 runs in production without a gate decision that allowed it.", "Deployment timeline of CreditScore", null,
				"Production deployment without a release-gate allow", MANAGER)));

		as(MANAGER, () -> reviews.schedule(new ReviewDetails("Management review H" + (today.getMonthValue() <= 6 ? 1 : 2) + " " + today.getYear(),
				today.plusDays(30), today.minusMonths(6), today, MANAGER, List.of("olivia.grant", AUDITOR), null, null, List.of(), null)));
		log.info("Loaded the demo organization's assurance records (context, audit programme, an audit in progress, a management review)");
	}

	private static int index(AuditView audit, String ref) {
		return audit.items().stream().filter(i -> ref.equals(i.subjectRef())).mapToInt(AuditItemView::index).findFirst().orElseThrow();
	}

	private <T> T as(String username, Supplier<T> work) {
		Set<Role> roles = users.find(username).map(u -> u.roles()).orElse(EnumSet.noneOf(Role.class));
		return CurrentUser.runAs(username, roles, work);
	}
}
