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
import org.openaims.catalog.internal.ParsedLibrary;
import org.openaims.common.Digests;
import org.openaims.common.TooBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.annotation.Propagation;
import org.openaims.common.ConflictException;
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

	private final Transactions transactions;

	private final List<RequirementUsage> usages;

	private final org.springframework.context.ApplicationEventPublisher events;

	CatalogService(CatalogStore store, CatalogImporter importer, org.springframework.transaction.PlatformTransactionManager manager,
			List<RequirementUsage> usages, org.springframework.context.ApplicationEventPublisher events) {
		this.usages = usages;
		this.events = events;
		this.store = store;
		this.importer = importer;
		this.transactions = new Transactions(manager);
	}

	/** Transactions opened by hand: the import waits for its turn outside of one. */
	private static final class Transactions {

		private final org.springframework.transaction.support.TransactionTemplate write;

		private final org.springframework.transaction.support.TransactionTemplate read;

		Transactions(org.springframework.transaction.PlatformTransactionManager manager) {
			this.write = new org.springframework.transaction.support.TransactionTemplate(manager);
			this.read = new org.springframework.transaction.support.TransactionTemplate(manager);
			this.read.setReadOnly(true);
		}

		<T> T write(java.util.function.Supplier<T> work) {
			return write.execute(status -> work.get());
		}

		<T> T readOnly(java.util.function.Supplier<T> work) {
			return read.execute(status -> work.get());
		}
	}

	/** Imports a CISO Assistant framework or mapping library (YAML) or an OSCAL catalog (JSON). */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ImportReport importLibrary(InputStream content) {
		return importLibrary(content, false, false);
	}

	/**
	 * Imports a library, or with {@code dryRun} shows what it would import (frameworks and their node
	 * counts per depth, mapping sets, links that do not resolve) and stores nothing. {@code mappingsOnly}:
	 * a framework library is refused (the mappings endpoint). Imports run {@value #CONCURRENT_IMPORTS} at
	 * a time: a library is parsed whole in memory, so several large ones at once could exhaust the heap;
	 * an import that waits more than {@value #WAIT_SECONDS} s is refused with 429.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ImportReport importLibrary(InputStream content, boolean dryRun, boolean mappingsOnly) {
		byte[] bytes = readLimited(content);
		boolean acquired;
		try {
			acquired = imports.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TooBusyException("the server is stopping; try the import again", Duration.ofSeconds(30));
		}
		if (!acquired) {
			throw new TooBusyException("another library is being imported; try again in a minute", Duration.ofSeconds(60));
		}
		try {
			ParsedLibrary parsed = importer.parse(bytes);
			if (mappingsOnly && parsed instanceof ParsedLibrary.Framework) {
				throw new InvalidInputException("file", "is a framework library; import it at /api/v1/frameworks (this endpoint takes "
						+ "mapping libraries)");
			}
			String sha256 = Digests.sha256Hex(bytes);
			bytes = null; // the parsed library is what the rest needs
			return dryRun ? transactions.readOnly(() -> importer.preview(parsed, sha256))
					: transactions.write(() -> importer.store(parsed, sha256, CurrentUser.actor()));
		}
		finally {
			imports.release();
		}
	}

	/**
	 * Removes a framework version that nothing uses — no Statement of Applicability, risk, evidence item
	 * or mapping set needs it (a mapping set needs it when no other version has its key) — e.g. one
	 * imported from a file cut short, so the corrected file can be imported. Built-in frameworks stay.
	 * Recorded in the ledger with the removed content's digest.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public FrameworkView remove(UUID id, String reason) {
		FrameworkView framework = framework(id);
		if (framework.source() == FrameworkSource.BUILT_IN) {
			throw new ConflictException(framework.name() + " is built in and stays in the catalog");
		}
		List<String> uses = new ArrayList<>();
		List<UUID> requirementIds = store.requirementIds(id);
		usages.forEach(u -> uses.addAll(u.uses(id, requirementIds)));
		if (store.otherVersionsWithKey(framework.key(), id) == 0) {
			store.mappingSetsNaming(framework.key()).forEach(set -> uses.add("the mapping set '" + set + "'"));
		}
		if (!uses.isEmpty()) {
			throw new ConflictException(framework.name() + " version " + framework.version() + " is in use: " + String.join("; ", uses));
		}
		String sha256 = store.contentSha256(id);
		store.deleteFramework(id);
		events.publishEvent(new FrameworkRemoved(id, framework.urn(), framework.name(), framework.version(), framework.nodeCount(), sha256,
				reason == null || reason.isBlank() ? null : reason.strip(), org.openaims.common.Stamp.of(CurrentUser.actor())));
		return framework;
	}

	/** Imports running at once. */
	static final int CONCURRENT_IMPORTS = 1;

	/** How long an import waits for its turn. */
	static final int WAIT_SECONDS = 20;

	private final Semaphore imports = new Semaphore(CONCURRENT_IMPORTS, true);

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

	/** A page of the catalog's frameworks by name ({@code after}: the previous page's cursor). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public org.openaims.common.Page<FrameworkView> frameworks(org.openaims.common.PageRequest request) {
		return store.frameworks(request);
	}

	/** A page of a framework's nodes in document order; filters optional. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public org.openaims.common.Page<RequirementView> requirements(UUID frameworkId, String text, NodeKind kind, boolean assessableOnly,
			org.openaims.common.PageRequest request) {
		framework(frameworkId);
		return store.requirements(frameworkId, text, kind, assessableOnly, request);
	}

	/** A level of a framework's tree (the roots when {@code parentUrn} is null), with the number of children of each node. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<CatalogStore.TreeNode> children(UUID frameworkId, String parentUrn) {
		framework(frameworkId);
		return store.children(frameworkId, parentUrn == null || parentUrn.isBlank() ? null : parentUrn);
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
