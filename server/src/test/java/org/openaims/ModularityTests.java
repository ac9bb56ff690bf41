package org.openaims;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/** The modules only use each other's public API (module root packages) and have no cycles. */
class ModularityTests {

	// The CLI is on the test class path (its "aims verify" runs in ledger tests) but is no server module.
	private final ApplicationModules modules = ApplicationModules.of(OpenAims.class,
			JavaClass.Predicates.resideInAPackage("org.openaims.cli.."));

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/** The one review life cycle: the business modules use it, and it uses none of them. */
	@Test
	void approvalsIsAModuleTheOthersUseAndWhichUsesNoBusinessModule() {
		ApplicationModule approvals = modules.getModuleByName("approvals").orElseThrow();
		Set<String> uses = approvals.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(uses).isSubsetOf("common", "identity");
		for (String user : List.of("governance", "risk", "compliance", "inventory")) {
			assertThat(modules.getModuleByName(user).orElseThrow().getDirectDependencies(modules).containsModuleNamed("approvals"))
				.as(user + " uses approvals").isTrue();
		}
		assertThat(modules.getModuleByName("identity").orElseThrow().getDirectDependencies(modules).containsModuleNamed("approvals"))
			.as("identity knows nothing of approvals").isFalse();
	}

	/**
	 * No module finds out about its own items by listening to approval events: the approvals call the
	 * item's module back through its Reviewable. (The ledger records every event as {@code Audited}.)
	 */
	@Test
	void noClassOutsideApprovalsListensToApprovalEvents() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.openaims");
		methods().that().areAnnotatedWith(EventListener.class)
			.or().areAnnotatedWith(TransactionalEventListener.class)
			.or().areAnnotatedWith(ApplicationModuleListener.class)
			.and().areDeclaredInClassesThat().resideOutsideOfPackage("org.openaims.approvals..")
			.should(new ArchCondition<JavaMethod>("not take an event of the approvals module") {
				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					method.getRawParameterTypes().stream()
						.filter(type -> type.getPackageName().startsWith("org.openaims.approvals"))
						.forEach(type -> events.add(SimpleConditionEvent.violated(method,
								method.getFullName() + " listens to " + type.getName())));
				}
			})
			.check(classes);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}
}
