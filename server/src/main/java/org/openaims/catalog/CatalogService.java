package org.openaims.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.catalog.internal.CatalogImporter;
import org.openaims.catalog.internal.CatalogStore;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog of frameworks and mappings. Everyone signed in reads it; AIMS managers and
 * administrators import libraries. An import is all or nothing: a library with any problem is
 * refused with every problem named, and nothing of it is stored.
 */
@Service
@Transactional
public class CatalogService {

	/** The key of the built-in ISO/IEC 42001:2023 framework. */
	public static final String ISO42001 = "iso42001-2023";

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private final CatalogStore store;

	private final CatalogImporter importer;

	CatalogService(CatalogStore store, CatalogImporter importer) {
		this.store = store;
		this.importer = importer;
	}

	/** Imports a CISO Assistant framework or mapping library (YAML) or an OSCAL catalog (JSON). */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ImportReport importLibrary(InputStream content) {
		return importer.importLibrary(readLimited(content), CurrentUser.actor());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<FrameworkView> frameworks() {
		return store.frameworks();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public FrameworkView framework(UUID id) {
		return store.framework(id).orElseThrow(() -> new NotFoundException("framework", id));
	}

	/** The name of a framework (for records that refer to it). */
	@Transactional(readOnly = true)
	public String frameworkName(UUID id) {
		return store.framework(id).map(FrameworkView::name).orElse(String.valueOf(id));
	}

	/** The newest version of the framework with this key (e.g. {@code iso42001-2023}). */
	@Transactional(readOnly = true)
	public FrameworkView frameworkByKey(String key) {
		return store.latestByKey(key).orElseThrow(() -> new NotFoundException("framework", key));
	}

	/** A framework's nodes in document order; filters optional. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RequirementView> requirements(UUID frameworkId, String text, NodeKind kind, boolean assessableOnly) {
		framework(frameworkId);
		return store.requirements(frameworkId, text, kind, assessableOnly);
	}

	/** The controls a Statement of Applicability lists: the framework's controls, or all assessable nodes when it has none. */
	@Transactional(readOnly = true)
	public List<RequirementView> applicabilityScope(UUID frameworkId) {
		FrameworkView framework = store.framework(frameworkId).orElseThrow(() -> new NotFoundException("framework", frameworkId));
		return framework.controlCount() > 0 ? store.requirements(frameworkId, null, NodeKind.CONTROL, false)
				: store.requirements(frameworkId, null, null, true);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RequirementView requirement(UUID id) {
		return store.requirement(id).orElseThrow(() -> new NotFoundException("requirement", id));
	}

	@Transactional(readOnly = true)
	public List<RequirementView> requirements(java.util.Collection<UUID> ids) {
		return store.requirementsById(ids);
	}

	/** A requirement of a framework by its reference, e.g. {@code A.5.1}. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RequirementView requirementByRef(UUID frameworkId, String refId) {
		return store.requirementByRef(frameworkId, refId)
			.orElseThrow(() -> new NotFoundException("requirement " + refId + " of framework", frameworkId));
	}

	/**
	 * A requirement or control by how people write it: its id, {@code A.6.2.8} (ISO/IEC 42001) or
	 * {@code framework-key:ref} such as {@code iso27001-2022:A.8.15}; a {@link NotFoundException} when
	 * the catalog has none (the newest version of a framework key is meant).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RequirementView requirementFor(String reference) {
		String ref = reference == null ? "" : reference.strip();
		try {
			return requirement(UUID.fromString(ref));
		}
		catch (IllegalArgumentException notUuid) {
			int colon = ref.indexOf(':');
			String key = colon > 0 ? ref.substring(0, colon).strip() : ISO42001;
			String refId = colon > 0 ? ref.substring(colon + 1).strip() : ref;
			return requirementByRef(frameworkByKey(key).id(), refId);
		}
	}

	/** What a requirement relates to in other frameworks, by every mapping in the catalog. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<MappedRequirement> mappings(UUID requirementId) {
		RequirementView requirement = requirement(requirementId);
		if (requirement.refId() == null) {
			return List.of();
		}
		FrameworkView framework = framework(requirement.frameworkId());
		List<MappedRequirement> links = new ArrayList<>(store.links(framework.key(), requirement.refId()));
		links.sort(Comparator.comparing(MappedRequirement::frameworkKey).thenComparing(MappedRequirement::refId, CatalogService::byRef));
		return links;
	}

	/**
	 * What each of several references of one framework relates to in other frameworks, keyed by the
	 * lower-cased reference, sorted: four statements whatever their number.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<MappedRequirement>> mappings(UUID frameworkId, java.util.Collection<String> refs) {
		Map<String, List<MappedRequirement>> links = store.links(framework(frameworkId).key(), refs);
		links.values().forEach(list -> list.sort(Comparator.comparing(MappedRequirement::frameworkKey)
			.thenComparing(MappedRequirement::refId, CatalogService::byRef)));
		return links;
	}

	/** What a requirement identified by framework key and reference relates to. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<MappedRequirement> mappings(String frameworkKey, String refId) {
		if (frameworkKey == null || frameworkKey.isBlank() || refId == null || refId.isBlank()) {
			throw new InvalidInputException("framework", "name the framework key and the requirement reference");
		}
		List<MappedRequirement> links = new ArrayList<>(store.links(frameworkKey.strip().toLowerCase(java.util.Locale.ROOT), refId.strip()));
		links.sort(Comparator.comparing(MappedRequirement::frameworkKey).thenComparing(MappedRequirement::refId, CatalogService::byRef));
		return links;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<MappingSetView> mappingSets() {
		return store.mappingSets();
	}

	/** Orders references numerically by part: A.5.9 before A.5.10. */
	public static int byRef(String a, String b) {
		String[] x = a.split("\\.");
		String[] y = b.split("\\.");
		for (int i = 0; i < Math.min(x.length, y.length); i++) {
			int c;
			if (x[i].matches("\\d+") && y[i].matches("\\d+")) {
				c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
			}
			else {
				c = x[i].compareToIgnoreCase(y[i]);
			}
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(x.length, y.length);
	}

	private static byte[] readLimited(InputStream in) {
		try {
			byte[] content = in.readNBytes(MAX_BYTES + 1);
			if (content.length > MAX_BYTES) {
				throw new InvalidInputException("file", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
			}
			return content;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
