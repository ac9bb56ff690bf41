package org.openaims.catalog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What another module holds that refers to a framework or its requirements (a Statement of
 * Applicability, risks' treatment actions, evidence links): a framework version that anything uses
 * is not removed. Each module that refers to requirements implements it.
 */
public interface RequirementUsage {

	/** How this module uses the framework or these of its requirements, e.g. "3 risks' treatment actions"; empty when it does not. */
	List<String> uses(UUID frameworkId, Collection<UUID> requirementIds);
}
