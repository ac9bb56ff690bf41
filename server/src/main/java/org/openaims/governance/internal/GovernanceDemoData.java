package org.openaims.governance.internal;

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
import org.openaims.approvals.ApprovalService;
import org.openaims.governance.Assignment;
import org.openaims.governance.Assignment.AssigneeType;
import org.openaims.approvals.DecisionRequest;
import org.openaims.approvals.Decision;
import org.openaims.governance.NewPolicy;
import org.openaims.governance.ObjectiveDetails;
import org.openaims.governance.ObjectiveService;
import org.openaims.governance.ObjectiveStatus;
import org.openaims.governance.ObjectiveView;
import org.openaims.governance.PolicyService;
import org.openaims.governance.PolicyVersionView;
import org.openaims.governance.PolicyView;
import org.openaims.governance.ProgressUpdate;
import org.openaims.governance.RaciLetter;
import org.openaims.governance.RaciSubjectType;
import org.openaims.governance.ResponsibilityService;
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
 * Governance records of the demo organization, written by its people through the same services a
 * user calls: an AI policy approved by someone other than its author and published, a second policy
 * waiting for approval, the RACI of the demo AI systems (one left without human oversight, so the
 * gaps report has something to show) and two AI objectives with progress. Runs after the inventory
 * demo data, only when that organization exists and no governance record does.
 */
@Component
@Order(20)
class GovernanceDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GovernanceDemoData.class);

	private static final String MANAGER = "maria.keller";

	private static final String APPROVER = "sam.ortiz";

	private final AimsProperties properties;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final PolicyService policies;

	private final ApprovalService approvals;

	private final ResponsibilityService responsibilities;

	private final ObjectiveService objectives;

	private final Policies policyRepository;

	private final Objectives objectiveRepository;

	GovernanceDemoData(AimsProperties properties, UserDirectory users, AiSystemService systems, PolicyService policies,
			ApprovalService approvals, ResponsibilityService responsibilities, ObjectiveService objectives,
			Policies policyRepository, Objectives objectiveRepository) {
		this.properties = properties;
		this.users = users;
		this.systems = systems;
		this.policies = policies;
		this.approvals = approvals;
		this.responsibilities = responsibilities;
		this.objectives = objectives;
		this.policyRepository = policyRepository;
		this.objectiveRepository = objectiveRepository;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() || policyRepository.count() > 0 || objectiveRepository.count() > 0
				|| users.find(MANAGER).isEmpty() || users.find(APPROVER).isEmpty()) {
			return;
		}
		Map<String, UUID> system = CurrentUser.runAsSystem(() -> systems.list(AiSystemFilter.none(), PageRequest.first(100))
			.items()
			.stream()
			.collect(Collectors.toMap(AiSystemView::name, AiSystemView::id, (a, b) -> a)));
		if (!system.containsKey("CreditScore") || !system.containsKey("Support Assistant")) {
			return;
		}
		policies(system);
		raci(system);
		objectives(system);
		log.info("Loaded the demo organization's policies, RACI and AI objectives");
	}

	private void policies(Map<String, UUID> system) {
		PolicyView aiPolicy = as(MANAGER, () -> policies.create(new NewPolicy("AI policy", MANAGER, 12, 1,
				List.of("5.2", "A.2.2", "A.2.3", "A.2.4", "A.3.3"),
				"Information security policy; Data protection policy; Code of conduct", AI_POLICY)));
		PolicyVersionView submitted = as(MANAGER, () -> policies.submit(aiPolicy.id(), 1));
		as(APPROVER, () -> approvals.decide(submitted.approval().id(),
				new DecisionRequest(Decision.APPROVE, "Consistent with the risk appetite agreed by the board.")));
		as(MANAGER, () -> policies.publish(aiPolicy.id(), 1));
		for (String reader : List.of("lena.park", "tom.becker", APPROVER)) {
			if (users.find(reader).isPresent()) {
				as(reader, () -> policies.acknowledge(aiPolicy.id()));
			}
		}
		PolicyView genAi = as(MANAGER, () -> policies.create(new NewPolicy("Generative AI acceptable use", MANAGER, 12, 2,
				List.of("A.9.2", "A.9.4", "7.3"), "AI policy; Information security policy", GEN_AI_POLICY)));
		as(MANAGER, () -> policies.submit(genAi.id(), 1));
	}

	private void raci(Map<String, UUID> system) {
		set(system.get("CreditScore"), line(RaciLetter.A, "lena.park", false), line(RaciLetter.R, "lena.park", true),
				role(RaciLetter.C, Role.RISK_OWNER), line(RaciLetter.C, APPROVER, false), role(RaciLetter.I, Role.AUDITOR));
		set(system.get("Support Assistant"), line(RaciLetter.A, "tom.becker", false), line(RaciLetter.R, "tom.becker", true),
				line(RaciLetter.C, MANAGER, false), role(RaciLetter.I, Role.AIMS_MANAGER));
		set(system.get("Fraud Sentinel"), line(RaciLetter.A, "lena.park", false),
				new Assignment(RaciLetter.R, AssigneeType.ROLE, Role.SYSTEM_OWNER.name(), true), role(RaciLetter.I, Role.AUDITOR));
		// Left without human oversight: the gaps report shows it.
		set(system.get("TalentSift Screening"), line(RaciLetter.A, "tom.becker", false), line(RaciLetter.C, MANAGER, false));
		set(system.get("CodeWeaver Assistant"), line(RaciLetter.A, "tom.becker", false), line(RaciLetter.R, "tom.becker", true));
		as(MANAGER, () -> responsibilities.assign(RaciSubjectType.PROCESS, "AI incident response",
				List.of(line(RaciLetter.A, MANAGER, false), role(RaciLetter.R, Role.SYSTEM_OWNER), role(RaciLetter.I, Role.AUDITOR))));
		as(MANAGER, () -> responsibilities.assign(RaciSubjectType.CONTROL, "A.6.2.4",
				List.of(line(RaciLetter.A, MANAGER, false), role(RaciLetter.R, Role.SYSTEM_OWNER), role(RaciLetter.C, Role.RISK_OWNER))));
	}

	private void set(UUID systemId, Assignment... lines) {
		if (systemId != null) {
			as(MANAGER, () -> responsibilities.assign(RaciSubjectType.AI_SYSTEM, systemId.toString(), List.of(lines)));
		}
	}

	private void objectives(Map<String, UUID> system) {
		ObjectiveView wrong = as(MANAGER, () -> objectives.set(new ObjectiveDetails(
				"Fewer wrong answers from the support assistant",
				"Share of sampled conversations where the answer was judged wrong or misleading in the weekly review",
				"Below 2% of sampled answers", "tom.becker", LocalDate.now().plusMonths(5), ObjectiveStatus.ON_TRACK,
				Set.of(system.get("Support Assistant")), null)));
		as("tom.becker", () -> objectives.record(wrong.id(),
				new ProgressUpdate(LocalDate.now().minusMonths(2), "4.1%", "Baseline from 400 sampled conversations", null)));
		as("tom.becker", () -> objectives.record(wrong.id(),
				new ProgressUpdate(LocalDate.now().minusDays(20), "3.2%", "After the new retrieval index", ObjectiveStatus.ON_TRACK)));

		UUID screening = system.get("TalentSift Screening");
		ObjectiveView fair = as(MANAGER, () -> objectives.set(new ObjectiveDetails(
				"Fair pre-screening of applicants",
				"Selection-rate ratio between applicants aged 50+ and under 50 in the shortlist",
				"Ratio of at least 0.8 in every quarter", "tom.becker", LocalDate.now().plusMonths(3), ObjectiveStatus.NOT_STARTED,
				screening == null ? Set.of() : Set.of(screening), null)));
		as("tom.becker", () -> objectives.record(fair.id(),
				new ProgressUpdate(LocalDate.now().minusDays(10), "0.74", "First quarter measured on the pilot", ObjectiveStatus.AT_RISK)));
	}

	private <T> T as(String username, Supplier<T> work) {
		Set<Role> roles = users.find(username).map(u -> u.roles()).orElse(EnumSet.noneOf(Role.class));
		return CurrentUser.runAs(username, roles, work);
	}

	private static Assignment line(RaciLetter letter, String user, boolean oversight) {
		return new Assignment(letter, AssigneeType.USER, user, oversight);
	}

	private static Assignment role(RaciLetter letter, Role role) {
		return new Assignment(letter, AssigneeType.ROLE, role.name(), false);
	}

	private static final String AI_POLICY = """
			# AI policy of Northwind Finance

			## Purpose
			We use AI to serve customers better and to run the bank safely. This policy sets the direction
			for developing, buying, deploying and using AI systems, and commits us to meet applicable
			requirements and to improve our AI management system continually.

			## Principles
			1. **People stay accountable.** Every AI system has a named accountable owner and human oversight
			   proportionate to its risk.
			2. **Fairness.** We test AI systems that affect individuals for unjustified differences between
			   groups before release and while they operate.
			3. **Transparency.** People are told when they interact with an AI system or when one supports a
			   decision about them.
			4. **Security and privacy by design.** AI systems follow the information security and data
			   protection policies.
			5. **Evidence.** Decisions about AI systems are recorded so they can be audited.

			## Objectives
			AI objectives are set each year by the AIMS manager, measured and reviewed by management.

			## Raising concerns
			Anyone can report a concern about an AI system, with or without their name, in OpenAIMS.
			Nobody suffers a disadvantage for raising a concern in good faith.

			## Review
			This policy is reviewed every year and whenever the AI systems in scope change significantly.
			""";

	private static final String GEN_AI_POLICY = """
			# Generative AI acceptable use

			- Use only approved generative AI tools (see the AI system register).
			- Never paste customer data, credentials or confidential documents into a tool that is not approved for them.
			- Check generated content before you use it; you remain responsible for it.
			- Label AI-generated content shown to customers.
			""";
}
