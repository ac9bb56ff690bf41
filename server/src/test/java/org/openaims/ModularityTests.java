package org.openaims;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules only use each other's public API (module root packages) and have no cycles. */
class ModularityTests {

	// The CLI is on the test class path (its "aims verify" runs in ledger tests) but is no server module.
	private final ApplicationModules modules = ApplicationModules.of(OpenAims.class,
			JavaClass.Predicates.resideInAPackage("org.openaims.cli.."));

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}
}
