package org.openaims.risk.internal;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.openaims.approvals.Decision;
import org.openaims.approvals.DecisionRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemFilter;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.RiskTier;
import org.openaims.risk.AcceptanceRequest;
import org.openaims.risk.ActionInput;
import org.openaims.risk.ActionStatus;
import org.openaims.risk.CriteriaDefinition;
import org.openaims.risk.ImpactArea;
import org.openaims.risk.ImpactAssessmentDetails;
import org.openaims.risk.ImpactAssessmentService;
import org.openaims.risk.ImpactAssessmentView;
import org.openaims.risk.ImpactInput;
import org.openaims.risk.NewCriteria;
import org.openaims.risk.RiskCriteriaService;
import org.openaims.risk.RiskCriteriaView;
import org.openaims.risk.RiskDetails;
import org.openaims.risk.RiskLevel;
import org.openaims.risk.RiskService;
import org.openaims.risk.RiskView;
import org.openaims.risk.ScaleLevel;
import org.openaims.risk.Scores;
import org.openaims.risk.Treatment;
import org.openaims.risk.TreatmentOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Risk records of the demo organization, written by its people through the services: approved 5×5
 * risk criteria, a dozen risks across the demo AI systems (some treated with actions linked to Annex A
 * controls, one accepted, one waiting for acceptance) and one impact assessment per high-tier system.
 * Runs after the governance demo data, only when the demo organization exists and no criteria do.
 */
@Component
@Order(30)
class RiskDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RiskDemoData.class);

	private static final String MANAGER = "maria.keller";

	private static final String APPROVER = "sam.ortiz";

	private static final String LENA = "lena.park";

	private static final String TOM = "tom.becker";

	private final AimsProperties properties;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final RiskCriteriaService criteria;

	private final RiskService risks;

	private final ImpactAssessmentService assessments;

	private final ApprovalService approvals;

	private final CriteriaVersions criteriaRepository;

	RiskDemoData(AimsProperties properties, UserDirectory users, AiSystemService systems, RiskCriteriaService criteria, RiskService risks,
			ImpactAssessmentService assessments, ApprovalService approvals, CriteriaVersions criteriaRepository) {
		this.properties = properties;
		this.users = users;
		this.systems = systems;
		this.criteria = criteria;
		this.risks = risks;
		this.assessments = assessments;
		this.approvals = approvals;
		this.criteriaRepository = criteriaRepository;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() || criteriaRepository.count() > 0
				|| List.of(MANAGER, APPROVER, LENA, TOM).stream().anyMatch(u -> users.find(u).isEmpty())) {
			return;
		}
		List<AiSystemView> all = CurrentUser.runAsSystem(() -> systems.list(AiSystemFilter.none(), PageRequest.first(100)).items());
		Map<String, AiSystemView> system = all.stream().collect(Collectors.toMap(AiSystemView::name, s -> s, (a, b) -> a));
		if (!system.keySet().containsAll(List.of("CreditScore", "Support Assistant", "TalentSift Screening", "Fraud Sentinel"))) {
			return;
		}
		criteria();
		risks(system);
		assessments(all);
		log.info("Loaded the demo organization's risk criteria, risk register and impact assessments");
	}

	private void criteria() {
		CriteriaDefinition fiveByFive = new CriteriaDefinition(
				List.of(new ScaleLevel("Rare", "Not expected in the next three years"), new ScaleLevel("Unlikely", "Could happen once in three years"),
						new ScaleLevel("Possible", "About once a year"), new ScaleLevel("Likely", "Several times a year"),
						new ScaleLevel("Almost certain", "Monthly or more often")),
				List.of(new ScaleLevel("Negligible", "No noticeable effect on people or the business"),
						new ScaleLevel("Minor", "Inconvenience to few people; loss below EUR 10k"),
						new ScaleLevel("Moderate", "Harm to a group of people or a complaint to a regulator; loss up to EUR 250k"),
						new ScaleLevel("Major", "Serious harm to people, regulatory finding; loss up to EUR 2m"),
						new ScaleLevel("Severe", "Lasting harm to people or society, licence at stake")),
				List.of(new RiskLevel("low", "Low", EnumSet.of(Role.RISK_OWNER, Role.AIMS_MANAGER, Role.ADMIN)),
						new RiskLevel("medium", "Medium", EnumSet.of(Role.RISK_OWNER, Role.AIMS_MANAGER, Role.ADMIN)),
						new RiskLevel("high", "High", EnumSet.of(Role.AIMS_MANAGER, Role.ADMIN)),
						new RiskLevel("critical", "Critical", EnumSet.of(Role.ADMIN))),
				List.of(List.of("low", "low", "low", "medium", "medium"), List.of("low", "low", "medium", "medium", "high"),
						List.of("low", "medium", "medium", "high", "high"), List.of("medium", "medium", "high", "high", "critical"),
						List.of("medium", "high", "high", "critical", "critical")));
		RiskCriteriaView draft = as(MANAGER, () -> criteria.draft(new NewCriteria(fiveByFive,
				"Risk appetite agreed by the board: high risks are accepted by the AIMS manager, critical ones by the executive board (administrators)")));
		RiskCriteriaView submitted = as(MANAGER, () -> criteria.submit(draft.id()));
		as(APPROVER, () -> approvals.decide(submitted.approval().id(), new DecisionRequest(Decision.APPROVE, "Matches the board's risk appetite.")));
	}

	private void risks(Map<String, AiSystemView> system) {
		UUID support = system.get("Support Assistant").id();
		UUID credit = system.get("CreditScore").id();
		UUID talent = system.get("TalentSift Screening").id();
		UUID fraud = system.get("Fraud Sentinel").id();

		RiskView injection = risk(MANAGER, "Prompt injection through retrieved help articles or customer messages", support, "prompt-injection",
				"Instructions in customer messages or edited articles reach the model", "Public chat; help centre content",
				"Disclosure of account data, wrong commitments to customers", "Customers misled or their data exposed",
				"Loss of trust in automated service", 4, 4, "Vendor content filter", TOM);
		plan(TOM, injection, TreatmentOption.MODIFY, "Filter, log and test against injection", 2, 3,
				action("Prompt-injection filter in front of the model", TOM, 20, ActionStatus.DONE, "A.6.2.4", "A.6.2.6"),
				action("Log prompts, retrieved passages and tool calls", TOM, 30, ActionStatus.DONE, "A.6.2.8"),
				action("Red-team test suite in the release gate", TOM, 45, ActionStatus.OPEN, "A.6.2.4"));
		RiskView hallucination = risk(MANAGER, "Support assistant states wrong product terms", support, "hallucination",
				"Model answers beyond the retrieved articles", "Vendor LLM", "Complaints and compensation", "Customers act on wrong terms",
				null, 4, 3, "Disclaimer in the chat window", TOM);
		plan(TOM, hallucination, TreatmentOption.MODIFY, "Ground answers and hand over to humans", 2, 2,
				action("Answer only from retrieved articles, cite them", TOM, -10, ActionStatus.DONE, "A.6.2.6", "A.8.2"),
				action("Hand over to an agent on low confidence", TOM, -5, ActionStatus.DONE, "A.9.3"));
		residual(TOM, hallucination, 2, 2, "Citations and hand-over in place since release 2026.1");
		as(TOM, () -> risks.requestAcceptance(hallucination.id(), new AcceptanceRequest("Residual low; monitored through complaint reviews")));
		RiskView privacy = risk(MANAGER, "Chat transcripts with personal data kept by the vendor", support, "privacy-leakage",
				"Vendor retains prompts for abuse monitoring", "Lumen AI Ltd", "GDPR breach, fines", "Customers' financial situation exposed", null,
				3, 4, "Data processing agreement", TOM);
		plan(TOM, privacy, TreatmentOption.SHARE, "Contractual zero retention and audit rights", null, null,
				action("Zero-retention addendum with Lumen AI", MANAGER, 60, ActionStatus.OPEN, "A.10.3", "A.7.4"));
		risk(MANAGER, "Vendor changes the underlying model without notice", support, "third-party", "Provider updates model versions",
				"Lumen AI Ltd", "Untested behaviour in production", "Inconsistent answers", null, 3, 3, "Quarterly vendor review", TOM);

		RiskView lineage = risk(LENA, "Unclear lineage of open-banking income features", credit, "data-lineage",
				"Features joined from a new aggregator without documented provenance", "Open-banking aggregator",
				"Model cannot be explained to the regulator", "Applicants scored on data they cannot correct", null, 3, 4,
				"Data catalogue for core banking data", LENA);
		plan(LENA, lineage, TreatmentOption.MODIFY, "Document provenance and quality of every feature", 2, 3,
				action("Record provenance of each open-banking feature", LENA, 15, ActionStatus.OPEN, "A.7.5", "A.7.3"),
				action("Data quality checks in the training pipeline", LENA, 40, ActionStatus.OPEN, "A.7.4"));
		RiskView creditBias = risk(LENA, "Credit scores disadvantage applicants with thin credit files", credit, "bias",
				"Repayment history under-represents young and migrant applicants", "Training data 2015–2025",
				"Discrimination claims, supervisory findings", "Unfair refusal of credit", "Financial exclusion of groups", 3, 5,
				"Underwriter review above the cut-off", LENA);
		plan(LENA, creditBias, TreatmentOption.MODIFY, "Fairness testing and monotonic constraints", 2, 4,
				action("Fairness metrics per release across age and nationality", LENA, -20, ActionStatus.DONE, "A.6.2.4", "A.5.4"),
				action("Monotonic constraints on debt ratio", LENA, -40, ActionStatus.DONE, "A.6.2.3"));
		residual(LENA, creditBias, 2, 4, "Fairness gap below 2 points in release 3.2.0");
		RiskView accepted = creditBias;
		String approval = as(LENA, () -> risks.requestAcceptance(accepted.id(),
				new AcceptanceRequest("Residual medium within appetite; fairness metrics reviewed every release"))).acceptance().approval().id().toString();
		as(APPROVER, () -> approvals.decide(UUID.fromString(approval), new DecisionRequest(Decision.APPROVE, "Accepted for the next 12 months.")));
		risk(LENA, "Score drift after interest-rate changes", credit, "robustness", "Applicant population shifts", "Macro-economic change",
				"Higher default losses", "Creditworthy applicants refused", null, 3, 3, "Monthly population stability report", LENA);

		RiskView cvBias = risk(MANAGER, "CV ranking penalises career breaks and non-German degrees", talent, "bias",
				"Vendor model trained on historical hiring decisions", "TalentSift GmbH", "Discrimination claims under the AGG",
				"Applicants unfairly screened out", "Reinforces labour-market inequality", 4, 5, "Recruiters see the full list on request", TOM);
		plan(TOM, cvBias, TreatmentOption.MODIFY, "No go-live before an independent bias audit", 2, 4,
				action("Independent bias audit of the vendor model", MANAGER, 30, ActionStatus.OPEN, "A.10.3", "A.6.2.4"),
				action("Recruiters review every rejected application", TOM, 30, ActionStatus.OPEN, "A.9.3"));
		risk(MANAGER, "Applicants are not told that AI ranks them", talent, "transparency", "Careers site does not mention the tool",
				"Process gap", "Breach of transparency duties", "Applicants cannot contest the ranking", null, 3, 3, null, TOM);
		risk(MANAGER, "Recruiters rubber-stamp the shortlist", talent, "human-oversight", "Time pressure; automation bias", "Recruiting process",
				"Decisions effectively automated", "No human review of rejections", null, 3, 4, "Recruiter training", TOM);

		risk(LENA, "Poisoned chargeback labels teach the model to miss fraud", fraud, "data-poisoning", "Fraud rings file false disputes",
				"Chargeback feed", "Fraud losses", "Card holders' money stolen", null, 2, 4, "Label audits", LENA);
		risk(MANAGER, "EU AI Act high-risk obligations not met in time", null, "legal", "Obligations for credit scoring and recruitment apply",
				"Regulation (EU) 2024/1689", "Fines and orders to stop using the systems", "Rights of applicants not protected", null, 3, 4,
				"AI Act readiness project", MANAGER);
	}

	private void assessments(List<AiSystemView> all) {
		for (AiSystemView s : all) {
			if (s.riskTier() != RiskTier.HIGH || s.retired()) {
				continue;
			}
			String writer = s.owner() != null && users.find(s.owner()).isPresent() ? s.owner() : MANAGER;
			ImpactAssessmentView started = as(writer, () -> assessments.start(s.id()));
			List<ImpactInput> impacts = switch (s.name()) {
				case "CreditScore" -> List.of(
						new ImpactInput(ImpactArea.FAIRNESS, "Thin-file applicants (young people, recent migrants) may be refused more often", 4, 3,
								"Fairness metrics per release; underwriter review"),
						new ImpactInput(ImpactArea.PRIVACY, "Open-banking data reveals spending patterns beyond creditworthiness", 3, 2,
								"Only aggregated income features are used"),
						new ImpactInput(ImpactArea.ECONOMY, "Systematic refusals exclude groups from credit", 4, 2, "Annual review of approval rates by region"));
				case "TalentSift Screening" -> List.of(
						new ImpactInput(ImpactArea.FUNDAMENTAL_RIGHTS, "Equal treatment in access to employment", 5, 3, "Bias audit before go-live"),
						new ImpactInput(ImpactArea.AUTONOMY, "Applicants cannot see or contest the ranking", 3, 4, "Notice on the careers site; contact point"),
						new ImpactInput(ImpactArea.EMPLOYMENT, "Career changers and parents returning to work are screened out", 4, 3,
								"Recruiters review all rejections"));
				default -> List.of(
						new ImpactInput(ImpactArea.FAIRNESS, "Card holders in some regions flagged more often", 2, 3, "Flag rates monitored by region"),
						new ImpactInput(ImpactArea.SAFETY, "Blocked cards leave people without means of payment while travelling", 3, 2,
								"Blocks reviewed by an analyst within an hour"));
			};
			ImpactAssessmentDetails details = new ImpactAssessmentDetails(s.intendedPurpose(),
					s.name().equals("CreditScore") ? "Used to decide alone without underwriter review" : "Used beyond its intended purpose",
					s.affectedParties(), s.name().equals("Fraud Sentinel") ? "Elderly card holders" : "People with thin records or career breaks",
					List.of(APPROVER), impacts, null);
			as(writer, () -> assessments.edit(started.id(), details));
			if (!s.name().equals("TalentSift Screening")) {
				ImpactAssessmentView submitted = as(writer, () -> assessments.submit(started.id()));
				if (s.name().equals("CreditScore")) {
					as(APPROVER, () -> approvals.decide(submitted.approval().id(), new DecisionRequest(Decision.APPROVE, "Reviewed with the DPO.")));
				}
			}
		}
	}

	private RiskView risk(String by, String title, UUID system, String category, String cause, String source, String organization,
			String individuals, String society, int likelihood, int impact, String existing, String owner) {
		// Reviews spread over the coming months, the riskiest first.
		LocalDate review = LocalDate.now().plusWeeks(30 - 4L * Math.min(likelihood * impact / 3, 6) + title.length() % 5);
		return as(by, () -> risks.identify(new RiskDetails(title, null, system, category, cause, source, organization, individuals, society,
				likelihood, impact, existing, owner, review, null)));
	}

	private void plan(String by, RiskView risk, TreatmentOption option, String note, Integer l, Integer i, ActionInput... actions) {
		as(by, () -> risks.plan(risk.id(), new Treatment(option, note, List.of(actions), l, i)));
	}

	private void residual(String by, RiskView risk, int l, int i, String note) {
		as(by, () -> risks.assessResidual(risk.id(), new Scores(l, i, note)));
	}

	private static ActionInput action(String title, String owner, int dueInDays, ActionStatus status, String... controls) {
		List<String> refs = new ArrayList<>(List.of(controls));
		return new ActionInput(null, title, owner, LocalDate.now().plusDays(dueInDays), status, null, refs);
	}

	private <T> T as(String username, Supplier<T> work) {
		Set<Role> roles = users.find(username).map(u -> u.roles()).orElse(EnumSet.noneOf(Role.class));
		return CurrentUser.runAs(username, roles, work);
	}
}
