package org.openaims.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.UserDirectory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A first start with demo data on gives a believable organization, and only once. */
@SpringBootTest(properties = { "aims.demo-data=true", "aims.identity.bootstrap-admin-token=bootstrap-token-for-tests-0001" })
class DemoDataTests {

	@Autowired
	AiSystemService systems;

	@Autowired
	VendorService vendors;

	@Autowired
	ScopeService scope;

	@Autowired
	UserDirectory users;

	@Autowired
	org.openaims.identity.ApiTokenService tokens;

	@Test
	void loadsSixSystemsMixingRolesThreeVendorsAndAScope() {
		Page<AiSystemView> page = systems.list(AiSystemFilter.none(), PageRequest.first(50));
		List<AiSystemView> all = page.items();
		assertThat(all).hasSize(6);
		assertThat(all).extracting(AiSystemView::name).contains("CreditScore", "Support Assistant", "Fraud Sentinel",
				"TalentSift Screening", "CodeWeaver Assistant");
		assertThat(all.stream().flatMap(s -> s.organizationRoles().stream()).distinct()).containsExactlyInAnyOrder(AiRole.values());
		assertThat(all).anySatisfy(s -> assertThat(s.vendorName()).isNotNull());
		assertThat(all).anySatisfy(s -> assertThat(s.inScope()).isFalse());
		assertThat(vendors.list(VendorFilter.none(), PageRequest.first(50)).items()).hasSize(3);
		assertThat(CurrentUser.runAsSystem(() -> scope.current()).aiSystemsInScope()).hasSize(5);
		assertThat(users.find("admin")).isPresent();
		assertThat(users.find("maria.keller")).isPresent();
		// The bootstrap token of an automated install authenticates as admin.
		assertThat(tokens.authenticate("bootstrap-token-for-tests-0001")).hasValueSatisfying(p -> {
			assertThat(p.getUsername()).isEqualTo("admin");
			assertThat(p.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
		});
	}

	@Autowired
	org.openaims.governance.PolicyViews policies;

	@Autowired
	org.openaims.governance.ResponsibilityService responsibilities;

	@Autowired
	org.openaims.governance.ObjectiveService objectives;

	@Autowired
	org.openaims.approvals.ApprovalService approvals;

	@Test
	void addsAnApprovedPublishedPolicyRaciWithOneGapAndTwoObjectives() {
		CurrentUser.runAsSystem(() -> {
			var policy = policies.list("AI policy", null, PageRequest.first(10)).items().stream()
				.filter(p -> p.title().equals("AI policy")).findFirst().orElseThrow();
			assertThat(policy.publishedVersion()).isEqualTo(1);
			var published = policies.version(policy.id(), 1);
			assertThat(published.approval().status()).isEqualTo(org.openaims.approvals.ApprovalStatus.APPROVED);
			assertThat(published.approval().decisions()).extracting(d -> d.approver()).containsExactly("sam.ortiz");
			assertThat(published.approval().authors()).containsExactly("maria.keller");
			assertThat(policies.coverage(policy.id()).acknowledged()).hasSize(3);
			// A second policy waits for two approvers.
			assertThat(approvals.list(new org.openaims.approvals.ApprovalFilter(org.openaims.approvals.ApprovalStatus.PENDING,
					"policy-version", null, null), PageRequest.first(10)).items()).hasSize(1);

			var gaps = responsibilities.gaps(PageRequest.first(500)).items();
			assertThat(gaps).hasSize(1);
			assertThat(gaps.get(0).name()).isEqualTo("TalentSift Screening");
			assertThat(gaps.get(0).missing()).containsExactly("HUMAN_OVERSIGHT");
			assertThat(responsibilities.matrix()).hasSizeGreaterThanOrEqualTo(5);

			var list = objectives.list(org.openaims.governance.ObjectiveFilter.none(), PageRequest.first(10)).items();
			assertThat(list).hasSize(2);
			assertThat(list).allSatisfy(o -> assertThat(o.progress()).isNotEmpty());
			assertThat(list).allSatisfy(o -> assertThat(o.aiSystems()).hasSize(1));
		});
	}

	@Autowired
	org.openaims.risk.RiskCriteriaService riskCriteria;

	@Autowired
	org.openaims.risk.RiskViews risks;

	@Autowired
	org.openaims.risk.ImpactAssessmentService impactAssessments;

	@Autowired
	org.openaims.compliance.ControlSelections selections;

	@Autowired
	org.openaims.catalog.CatalogService catalog;

	@Test
	void addsApprovedFiveByFiveCriteriaADozenRisksAndAnImpactAssessmentPerHighTierSystem() {
		CurrentUser.runAsSystem(() -> {
			var criteria = riskCriteria.current();
			assertThat(criteria.definition().likelihood()).hasSize(5);
			assertThat(criteria.definition().impact()).hasSize(5);
			assertThat(criteria.approval().decisions()).extracting(d -> d.approver()).containsExactly("sam.ortiz");

			var register = risks.list(org.openaims.risk.RiskFilter.none(), PageRequest.first(50)).items();
			assertThat(register).hasSize(12);
			assertThat(register).extracting(org.openaims.risk.RiskView::title)
				.anyMatch(t -> t.startsWith("Prompt injection")).anyMatch(t -> t.startsWith("CV ranking")).anyMatch(t -> t.contains("lineage"));
			assertThat(register).filteredOn(r -> r.status() == org.openaims.risk.RiskStatus.ACCEPTED).hasSize(1)
				.allSatisfy(r -> assertThat(r.acceptance().acceptedBy()).isEqualTo("sam.ortiz"));
			assertThat(register).filteredOn(r -> r.status() == org.openaims.risk.RiskStatus.ACCEPTANCE_REQUESTED).hasSize(1);
			assertThat(register).filteredOn(r -> r.about().aiSystemId() == null).hasSize(1);

			var highTier = systems.list(AiSystemFilter.none(), PageRequest.first(50)).items().stream()
				.filter(s -> s.riskTier() == RiskTier.HIGH).map(AiSystemView::id).toList();
			assertThat(highTier).hasSize(3);
			var assessed = impactAssessments.latestBySystem();
			assertThat(assessed.keySet()).containsExactlyInAnyOrderElementsOf(highTier);
			assertThat(assessed.values()).allSatisfy(a -> assertThat(a.impacts()).isNotEmpty());
			assertThat(assessed.values()).anySatisfy(a -> assertThat(a.status()).isEqualTo(org.openaims.risk.AssessmentStatus.APPROVED));

			var builtIn = catalog.frameworkByKey(org.openaims.catalog.CatalogService.ISO42001);
			var control = catalog.requirementByRef(builtIn.id(), "A.6.2.8");
			assertThat(selections.selections(List.of(control.id()), 5).get(control.id()).newest()).anyMatch(l -> l.contains("Prompt injection"));
		});
	}

	@Autowired
	org.openaims.evidence.EvidenceService evidence;

	@Autowired
	org.openaims.evidence.CompetenceService competences;

	@Test
	void addsEvidenceThatExpiresOrHasExpiredAndCompetenceGaps() {
		CurrentUser.runAsSystem(() -> {
			var all = evidence.list(org.openaims.evidence.EvidenceFilter.none(), PageRequest.first(50)).items();
			assertThat(all).extracting(e -> e.validity().name()).contains("VALID", "EXPIRING", "EXPIRED");
			assertThat(all).anySatisfy(e -> {
				assertThat(e.kind()).isEqualTo(org.openaims.evidence.EvidenceKind.FILE);
				assertThat(e.latestFile().mediaType()).isEqualTo("text/markdown");
				assertThat(e.aiSystems()).extracting(s -> s.name()).containsExactly("CreditScore");
			});
			var gaps = competences.gaps();
			// Sam Ortiz's approver record rests on an expired briefing; Tom Becker has none; Lena Park is covered as accountable.
			assertThat(gaps).anySatisfy(g -> {
				assertThat(g.person()).isEqualTo("sam.ortiz");
				assertThat(g.reason()).contains("expired");
			});
			assertThat(gaps).anySatisfy(g -> assertThat(g.person()).isEqualTo("tom.becker"));
			assertThat(gaps).noneSatisfy(g -> {
				assertThat(g.person()).isEqualTo("lena.park");
				assertThat(g.area()).isEqualTo(org.openaims.evidence.CompetenceArea.RACI_ACCOUNTABLE);
			});
			return null;
		});
	}

	@Autowired
	org.openaims.lifecycle.GatePolicyService gatePolicies;

	@Autowired
	org.openaims.lifecycle.ChangeService changes;

	@Autowired
	org.openaims.lifecycle.DeploymentService deployments;

	@Test
	void addsAnApprovedGatePolicyThresholdsRunsAChangeTheGateDeniesAndAFlaggedDeployment() {
		CurrentUser.runAsSystem(() -> {
			assertThat(gatePolicies.inForce()).isPresent();
			var change = changes.list(new org.openaims.lifecycle.ChangeFilter(null, null, null, null), PageRequest.first(10)).items();
			assertThat(change).hasSize(1);
			assertThat(change.get(0).toVersion()).isEqualTo("3.3.0");
			assertThat(change.get(0).latestDecision().verdict()).isEqualTo(org.openaims.lifecycle.GateVerdict.DENY);
			var deployed = deployments.list(null, "production", null, null, PageRequest.first(10)).items();
			assertThat(deployed).singleElement().satisfies(d -> {
				assertThat(d.version()).isEqualTo("3.2.0");
				assertThat(d.withoutAllow()).isTrue();
			});
			return null;
		});
	}

	@Autowired
	org.openaims.assurance.AuditService audits;

	@Autowired
	org.openaims.assurance.NonconformityService nonconformities;

	@Autowired
	org.openaims.assurance.ManagementReviewService reviews;

	@Autowired
	org.openaims.assurance.ContextService context;

	@Test
	void addsTheContextAnApprovedProgrammeAnAuditInProgressWithANonconformityAReviewAndTheDeploymentsCandidate() throws Exception {
		CurrentUser.runAsSystem(() -> {
			assertThat(context.list(null, null, null, PageRequest.first(10)).items()).hasSize(4);
			var programme = audits.programmes(null, PageRequest.first(10)).items();
			assertThat(programme).singleElement().satisfies(p -> assertThat(p.reviewStatus()).isEqualTo(org.openaims.approvals.ReviewStatus.APPROVED));
			var audit = audits.list(null, null, null, null, PageRequest.first(10)).items();
			assertThat(audit).singleElement().satisfies(a -> {
				assertThat(a.status()).isEqualTo(org.openaims.assurance.AuditStatus.IN_PROGRESS);
				assertThat(a.leadAuditor()).isEqualTo("ines.vidal");
			});
			assertThat(nonconformities.list(new org.openaims.assurance.NonconformityFilter(org.openaims.assurance.NonconformityStatus.OPEN, null,
					null, null, null, null, null), PageRequest.first(10)).items()).singleElement()
				.satisfies(n -> assertThat(n.source()).isEqualTo(org.openaims.assurance.NonconformitySource.INTERNAL_AUDIT));
			assertThat(reviews.list(null, null, PageRequest.first(10)).items()).hasSize(1);
			return null;
		});
		// The flagged deployment raises its candidate after the lifecycle's transaction (on another thread).
		long candidates = 0;
		for (int i = 0; i < 100 && candidates == 0; i++) {
			candidates = CurrentUser.runAsSystem(() -> nonconformities.list(new org.openaims.assurance.NonconformityFilter(
					org.openaims.assurance.NonconformityStatus.CANDIDATE, null, null, null, null, null, null), PageRequest.first(10)).items().size());
			Thread.sleep(100);
		}
		assertThat(candidates).isEqualTo(1);
	}

	@Autowired
	org.openaims.monitoring.IncidentService incidents;

	@Autowired
	org.openaims.monitoring.RuleService monitoringRules;

	@Test
	void addsMonitoringRulesTwoDaysOfEventsAnIncidentTheAccuracyDipRaisedAndClearedAndASeriousOneOnTheClock() {
		CurrentUser.runAsSystem(() -> {
			assertThat(monitoringRules.list(null, PageRequest.first(10)).items()).extracting(org.openaims.monitoring.RuleView::name)
				.containsExactlyInAnyOrder("Accuracy floor", "Scoring service heartbeat");
			var all = incidents.list(null, null, null, PageRequest.first(10)).items();
			assertThat(all).hasSize(2);
			assertThat(all).anySatisfy(i -> {
				assertThat(i.source()).isEqualTo("RULE");
				assertThat(i.status()).isEqualTo(org.openaims.monitoring.IncidentStatus.RESOLVED);
			});
			assertThat(all).anySatisfy(i -> {
				assertThat(i.serious()).isTrue();
				assertThat(i.reports()).singleElement().satisfies(r -> assertThat(r.reportType()).isEqualTo("serious-incident"));
			});
			return null;
		});
	}
}
