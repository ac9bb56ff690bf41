package org.openaims.inventory.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.Decision;
import org.openaims.approvals.DecisionRequest;
import org.openaims.common.AimsProperties;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserAdministration;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiRole;
import org.openaims.inventory.AiSystemDetails;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.DueDiligenceStatus;
import org.openaims.inventory.EuAiActClass;
import org.openaims.inventory.LifecycleStage;
import org.openaims.inventory.NewSystemVersion;
import org.openaims.inventory.RiskTier;
import org.openaims.inventory.ScopeService;
import org.openaims.inventory.ScopeStatementDetails;
import org.openaims.inventory.ScopeStatementView;
import org.openaims.inventory.ScopeStatementDetails.Exclusion;
import org.openaims.inventory.VendorDetails;
import org.openaims.inventory.VendorService;
import org.openaims.inventory.VendorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty installation with a believable organization (Northwind Finance): people, three
 * vendors, six AI systems mixing the organization's roles, and a scope statement. Runs on first
 * start unless {@code AIMS_DEMO_DATA=false}; never touches a register that has data.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AimsProperties properties;

	private final UserAdministration userAdministration;

	private final UserDirectory users;

	private final VendorService vendors;

	private final AiSystemService systems;

	private final ScopeService scope;

	private final AiSystems systemRepository;

	private final Vendors vendorRepository;

	private final ApprovalService approvals;

	DemoData(AimsProperties properties, UserAdministration userAdministration, UserDirectory users,
			VendorService vendors, AiSystemService systems, ScopeService scope, AiSystems systemRepository,
			Vendors vendorRepository, ApprovalService approvals) {
		this.approvals = approvals;
		this.properties = properties;
		this.userAdministration = userAdministration;
		this.users = users;
		this.vendors = vendors;
		this.systems = systems;
		this.scope = scope;
		this.systemRepository = systemRepository;
		this.vendorRepository = vendorRepository;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() || systemRepository.count() > 0 || vendorRepository.count() > 0 || scope.exists()) {
			return;
		}
		CurrentUser.runAsSystem(this::load);
		log.info("Loaded the demo organization (set AIMS_DEMO_DATA=false to start empty)");
	}

	private void load() {
		person("maria.keller", "Maria Keller", EnumSet.of(Role.AIMS_MANAGER));
		person("lena.park", "Lena Park", EnumSet.of(Role.SYSTEM_OWNER, Role.RISK_OWNER));
		person("tom.becker", "Tom Becker", EnumSet.of(Role.SYSTEM_OWNER));
		person("sam.ortiz", "Sam Ortiz", EnumSet.of(Role.APPROVER, Role.RISK_OWNER));
		person("ines.vidal", "Ines Vidal", EnumSet.of(Role.AUDITOR));
		person("olivia.grant", "Olivia Grant", EnumSet.of(Role.TOP_MANAGEMENT));
		person("ci-pipeline", "CI pipeline", EnumSet.of(Role.CONTRIBUTOR));

		VendorView lumen = vendors.register(new VendorDetails("Lumen AI Ltd",
				"Hosted large language model API (chat completion, embeddings) used by the support assistant",
				"MSA-2025-014 with AI addendum", DueDiligenceStatus.PASSED_WITH_CONDITIONS,
				LocalDate.now().plusDays(21), null));
		VendorView talentSift = vendors.register(new VendorDetails("TalentSift GmbH",
				"SaaS CV screening and candidate ranking", "SaaS-2026-003", DueDiligenceStatus.IN_PROGRESS,
				LocalDate.now().plusMonths(2), null));
		VendorView codeWeaver = vendors.register(new VendorDetails("CodeWeaver Inc.",
				"AI coding assistant licences for engineering", "ENT-LIC-7781", DueDiligenceStatus.PASSED,
				LocalDate.now().plusMonths(9), null));

		AiSystemView credit = systems.register(new AiSystemDetails("CreditScore",
				"Gradient-boosted model scoring consumer loan applications; decisions above the cut-off go to an underwriter.",
				"Estimate the probability of default of consumer loan applicants to support lending decisions",
				EnumSet.of(AiRole.DEVELOPER, AiRole.PROVIDER), LifecycleStage.OPERATING, RiskTier.HIGH,
				EuAiActClass.HIGH, "lena.park", "Retail Lending", null, true,
				"income, employment, repayment history, credit bureau data",
				"Loan applicants, including first-time borrowers with thin credit files",
				"Core banking repayment history 2015–2025; credit bureau extracts; application forms", true, null, null));
		systems.addVersion(credit.id(), new NewSystemVersion("3.1.0", LocalDate.now().minusMonths(8), "Retrained on 2024 data"));
		systems.addVersion(credit.id(), new NewSystemVersion("3.2.0", LocalDate.now().minusMonths(2),
				"Adds open-banking income features; monotonic constraints on debt ratio"));

		AiSystemView support = systems.register(new AiSystemDetails("Support Assistant",
				"Chat assistant answering customer questions on the website, built on a vendor LLM with retrieval over help articles.",
				"Answer customer service questions and hand over to a human agent when needed",
				EnumSet.of(AiRole.DEPLOYER), LifecycleStage.OPERATING, RiskTier.MEDIUM, EuAiActClass.LIMITED,
				"tom.becker", "Customer Service", lumen.id(), true, "chat transcripts, account identifiers",
				"Retail customers, including vulnerable customers in financial difficulty",
				"Help centre articles; product terms; anonymised chat history for evaluation", true, null, null));
		systems.addVersion(support.id(), new NewSystemVersion("2026.1", LocalDate.now().minusMonths(1),
				"New retrieval index and prompt-injection filter"));

		systems.register(new AiSystemDetails("Fraud Sentinel",
				"Real-time anomaly detection on card transactions; flags go to the fraud operations team.",
				"Detect potentially fraudulent card transactions for review", EnumSet.of(AiRole.DEVELOPER, AiRole.USER),
				LifecycleStage.DEPLOYED, RiskTier.HIGH, EuAiActClass.MINIMAL, "lena.park", "Fraud Operations", null,
				true, "transaction data, device fingerprints", "Card holders; merchants",
				"Card transaction stream; chargeback labels", true, null, null));

		systems.register(new AiSystemDetails("TalentSift Screening",
				"Vendor tool ranking applicants for graduate positions; recruiters see a shortlist.",
				"Pre-screen and rank job applications for recruiter review", EnumSet.of(AiRole.DEPLOYER, AiRole.USER),
				LifecycleStage.VERIFICATION, RiskTier.HIGH, EuAiActClass.HIGH, "tom.becker", "People & Culture",
				talentSift.id(), true, "CVs, education, work history", "Job applicants",
				"Applications submitted through the careers site", true, null, null));

		systems.register(new AiSystemDetails("CodeWeaver Assistant",
				"IDE coding assistant licensed for the engineering department.",
				"Suggest code completions and explanations to developers", EnumSet.of(AiRole.USER),
				LifecycleStage.OPERATING, RiskTier.LOW, EuAiActClass.GENERAL_PURPOSE, "tom.becker", "Engineering",
				codeWeaver.id(), false, null, "Software engineers", "Internal source code repositories", true, null, null));

		systems.register(new AiSystemDetails("Campaign Copy Generator",
				"Idea: generate first drafts of marketing copy.", "Draft marketing texts for review by the marketing team",
				EnumSet.of(AiRole.USER), LifecycleStage.IDEA, RiskTier.LOW, null, "maria.keller", "Marketing", null,
				false, null, null, null, false,
				"Idea stage only, no data processed and no output used; brought into scope when design starts", null));

		ScopeStatementView written = as("maria.keller", () -> scope.revise(new ScopeStatementDetails(
				"The AIMS covers Northwind Finance's retail banking business in Germany and Ireland: the design, "
						+ "development, procurement, deployment and operation of AI systems used in lending, fraud "
						+ "prevention, customer service, recruitment and software engineering, including the supporting "
						+ "IT operations and the vendors that supply AI components.",
				"An AI system is in scope when it is developed, provided, deployed or used by a Northwind unit in a "
						+ "production or pilot setting, or processes customer, applicant or employee data.",
				List.of(new Exclusion("Group insurance subsidiary",
						"Separate legal entity with its own AIMS; interfaces (shared data platform) are covered"),
						new Exclusion("Research sandboxes without production data",
								"No decisions or outputs reach customers or employees; entry into design brings a system into scope")),
				"First scope statement", null)));
		// Submitted by the AIMS manager who wrote it, approved by someone else: the scope in force.
		ScopeStatementView submitted = as("maria.keller", () -> scope.submit(written.versionNo()));
		as("sam.ortiz", () -> approvals.decide(submitted.approval().id(),
				new DecisionRequest(Decision.APPROVE, "Matches the management's decision on the AIMS boundaries.")));
	}

	private <T> T as(String username, Supplier<T> work) {
		Set<Role> roles = users.find(username).map(u -> u.roles()).orElse(EnumSet.noneOf(Role.class));
		return CurrentUser.runAs(username, roles, work);
	}

	private void person(String username, String displayName, Set<Role> roles) {
		if (users.find(username).isEmpty()) {
			// Demo people sign in only after an administrator sets their password.
			userAdministration.createWithoutPassword(username, displayName, username + "@northwind.example", roles);
		}
	}
}
