package org.openaims.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openaims.catalog.FrameworkImported;
import org.openaims.catalog.FrameworkSource;
import org.openaims.catalog.ImportReport;
import org.openaims.catalog.MappingSetImported;
import org.openaims.catalog.NodeKind;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns a library file into catalog records: detects the format (CISO Assistant YAML or OSCAL JSON),
 * parses, checks and stores it, or refuses it whole with the reasons. The caller's transaction makes
 * an import all or nothing.
 */
@Component
public class CatalogImporter {

	private final CatalogStore store;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	CatalogImporter(CatalogStore store, JsonMapper json, ApplicationEventPublisher events) {
		this.store = store;
		this.json = json;
		this.events = events;
	}

	/** Reads and checks a library file without storing anything (no database access). */
	public ParsedLibrary parse(byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		if (content.length > LibraryLimits.MAX_BYTES) {
			throw new InvalidInputException("file", "is larger than " + LibraryLimits.MAX_BYTES / (1024 * 1024) + " MB");
		}
		ParsedLibrary parsed = looksLikeJson(content) ? OscalCatalogParser.parse(content, json) : CisoLibraryParser.parse(content);
		if (parsed instanceof ParsedLibrary.Framework framework) {
			LibraryChecks.check(framework, new ArrayList<>());
		}
		return parsed;
	}

	/** Stores a parsed library whole (the caller's transaction), or refuses it whole. */
	public ImportReport store(ParsedLibrary parsed, String sha256, Actor actor) {
		if (parsed instanceof ParsedLibrary.Framework framework) {
			return storeFramework(framework, sha256, actor);
		}
		return storeMappings(mappings(parsed), FrameworkSource.CISO_ASSISTANT, actor);
	}

	/** What {@link #store} would do, with every check it makes, and nothing stored. */
	public ImportReport preview(ParsedLibrary parsed, String sha256) {
		if (parsed instanceof ParsedLibrary.Framework framework) {
			List<String> notes = new ArrayList<>();
			List<LibraryChecks.Checked> nodes = LibraryChecks.check(framework, notes);
			int version = framework.version();
			try {
				version = checkFrameworkVersion(framework, sha256, notes);
			}
			catch (ConflictException e) {
				notes.add(0, "would be refused: " + e.getMessage());
			}
			return frameworkReport(null, framework, version, nodes, notes, true);
		}
		return mappingsReport(mappings(parsed), FrameworkSource.CISO_ASSISTANT, null, true);
	}

	private static ParsedLibrary.Mappings mappings(ParsedLibrary parsed) {
		return parsed instanceof ParsedLibrary.MappingSet set ? new ParsedLibrary.Mappings(List.of(set)) : (ParsedLibrary.Mappings) parsed;
	}

	/** Stores a framework; an OSCAL catalog (version 0) gets the next version of its URN unless its content is known. */
	ImportReport storeFramework(ParsedLibrary.Framework framework, String sha256, Actor actor) {
		List<String> notes = new ArrayList<>();
		List<LibraryChecks.Checked> nodes = LibraryChecks.check(framework, notes);
		int version = checkFrameworkVersion(framework, sha256, notes);
		java.util.UUID id = store.insertFramework(framework, version, nodes, sha256, actor.username());
		int assessable = (int) nodes.stream().filter(n -> n.node().assessable()).count();
		events.publishEvent(new FrameworkImported(id, framework.urn(), framework.name(), version, framework.source(), nodes.size(),
				assessable, sha256, Stamp.of(actor)));
		return frameworkReport(id, framework, version, nodes, notes, false);
	}

	/**
	 * The version the framework is stored as, after the checks that depend on the catalog: a known
	 * version or content is a conflict, and a library may not take the key of a framework from another
	 * source (CISO Assistant's own {@code iso42001-2023.yaml} beside the built-in ISO/IEC 42001): one
	 * key names one framework.
	 */
	private int checkFrameworkVersion(ParsedLibrary.Framework framework, String sha256, List<String> notes) {
		String key = CatalogStore.key(framework.urn());
		store.latestByKey(key).filter(other -> !other.urn().equals(framework.urn())).ifPresent(other -> {
			throw new ConflictException("the key '" + key + "' is taken by " + other.name() + " (" + other.urn() + ", "
					+ other.source().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", version " + other.version()
					+ "); this library (" + framework.urn() + ") would be a second framework with that key");
		});
		int version = framework.version();
		if (version <= 0) {
			Integer known = store.versionWithContent(framework.urn(), sha256).orElse(null);
			if (known != null) {
				throw new ConflictException("this catalog is in the catalog already as version " + known);
			}
			version = store.newestVersion(framework.urn()) + 1;
		}
		else if (store.byUrn(framework.urn(), version).isPresent()) {
			throw new ConflictException("version " + version + " of " + framework.urn() + " is in the catalog already; "
					+ "a newer version of the library can be imported beside it");
		}
		int newest = store.newestVersion(framework.urn());
		if (newest > version) {
			notes.add("a newer version (" + newest + ") of this framework is in the catalog already");
		}
		return version;
	}

	private static ImportReport frameworkReport(java.util.UUID id, ParsedLibrary.Framework framework, int version,
			List<LibraryChecks.Checked> nodes, List<String> notes, boolean dryRun) {
		int assessable = (int) nodes.stream().filter(n -> n.node().assessable()).count();
		int controls = (int) nodes.stream().filter(n -> n.node().kind() == NodeKind.CONTROL).count();
		Map<Integer, Integer> perDepth = new java.util.TreeMap<>();
		nodes.forEach(n -> perDepth.merge(n.depth(), 1, Integer::sum));
		return new ImportReport(ImportReport.Kind.FRAMEWORK, id, framework.name(), CatalogStore.key(framework.urn()), version,
				nodes.size(), assessable, controls, 0, notes, dryRun, perDepth, List.of(), List.of());
	}

	/** Stores every mapping set of a library, or none. */
	ImportReport storeMappings(ParsedLibrary.Mappings mappings, FrameworkSource source, Actor actor) {
		return mappingsReport(mappings, source, actor, false);
	}

	/** For the built-in mapping. */
	ImportReport storeMapping(ParsedLibrary.MappingSet mapping, FrameworkSource source, Actor actor) {
		return storeMappings(new ParsedLibrary.Mappings(List.of(mapping)), source, actor);
	}

	/**
	 * Checks (and unless {@code dryRun}, stores) the sets of a mapping library. A link resolves as the
	 * catalog reads it: by framework key and reference, against the newest version of that framework;
	 * links to frameworks not in the catalog are kept and resolve when those arrive.
	 */
	private ImportReport mappingsReport(ParsedLibrary.Mappings mappings, FrameworkSource source, Actor actor, boolean dryRun) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (ParsedLibrary.MappingSet set : mappings.sets()) {
			if (!seen.add(set.urn() + "#" + set.version())) {
				throw new InvalidInputException("file", "holds the mapping set " + set.urn() + " twice");
			}
			if (!dryRun && store.mappingSetExists(set.urn(), set.version())) {
				throw new ConflictException("version " + set.version() + " of " + set.urn() + " is in the catalog already");
			}
		}
		List<String> urns = new ArrayList<>();
		mappings.sets().forEach(set -> set.links().forEach(l -> {
			urns.add(l.sourceUrn());
			urns.add(l.targetUrn());
		}));
		Map<String, String[]> known = store.keysAndRefs(urns);
		Map<String, java.util.Set<String>> refsByKey = new HashMap<>();
		Map<String, MissingCount> missing = new java.util.LinkedHashMap<>();
		List<ImportReport.SetReport> sets = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int total = 0;
		for (ParsedLibrary.MappingSet mapping : mappings.sets()) {
			String sourceKey = CatalogStore.key(mapping.sourceFrameworkUrn());
			String targetKey = CatalogStore.key(mapping.targetFrameworkUrn());
			List<CatalogStore.StoredLink> links = new ArrayList<>();
			int unresolved = 0;
			for (int i = 0; i < mapping.links().size(); i++) {
				ParsedLibrary.Link link = mapping.links().get(i);
				String[] s = known.get(link.sourceUrn());
				String[] t = known.get(link.targetUrn());
				String sKey = s != null ? s[0] : sourceKey;
				String tKey = t != null ? t[0] : targetKey;
				String sourceRef = s != null && s[1] != null ? s[1] : refFromUrn(link.sourceUrn());
				String targetRef = t != null && t[1] != null ? t[1] : refFromUrn(link.targetUrn());
				if (link.sourceUrn().length() > LibraryLimits.MAX_URN || link.targetUrn().length() > LibraryLimits.MAX_URN
						|| sourceRef.length() > LibraryLimits.MAX_REF || targetRef.length() > LibraryLimits.MAX_REF) {
					problems.add(mapping.urn() + ": requirement_mappings[" + i + "] names a requirement URN that is too long");
					continue;
				}
				boolean sourceFound = resolves(sKey, sourceRef, refsByKey);
				boolean targetFound = resolves(tKey, targetRef, refsByKey);
				if (!sourceFound || !targetFound) {
					unresolved++;
				}
				if (!sourceFound && refsByKey.get(sKey).isEmpty()) {
					missing.computeIfAbsent(sKey, k -> new MissingCount(mapping.sourceFrameworkUrn())).links++;
				}
				if (!targetFound && refsByKey.get(tKey).isEmpty()) {
					missing.computeIfAbsent(tKey, k -> new MissingCount(mapping.targetFrameworkUrn())).links++;
				}
				links.add(new CatalogStore.StoredLink(sKey, sourceRef, link.sourceUrn(), tKey, targetRef, link.targetUrn(),
						link.relationship(), link.rationale()));
			}
			total += links.size();
			java.util.UUID id = null;
			if (!dryRun && problems.isEmpty()) {
				id = store.insertMappingSet(mapping.urn(), mapping.name(), sourceKey, targetKey, mapping.version(), source, links,
						actor.username());
				events.publishEvent(new MappingSetImported(id, mapping.urn(), mapping.name(), sourceKey, targetKey, mapping.version(),
						links.size(), Stamp.of(actor)));
			}
			sets.add(new ImportReport.SetReport(id, mapping.urn(), mapping.name(), sourceKey, targetKey, mapping.version(), links.size(),
					unresolved));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("file", String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
		}
		List<ImportReport.MissingFramework> missingFrameworks = missing.entrySet().stream()
			.map(e -> new ImportReport.MissingFramework(e.getValue().urn, e.getKey(), null, e.getValue().links))
			.toList();
		List<String> notes = new ArrayList<>();
		if (dryRun) {
			mappings.sets().stream().filter(set -> store.mappingSetExists(set.urn(), set.version())).forEach(set -> notes.add(
					"would be refused: version " + set.version() + " of " + set.urn() + " is in the catalog already"));
		}
		for (ImportReport.SetReport set : sets) {
			if (set.unresolved() > 0) {
				notes.add(set.name() + ": " + set.unresolved() + " of " + set.links() + " links name requirements not (yet) in the catalog");
			}
		}
		missingFrameworks.forEach(m -> notes.add(m.urn() + " is not in the catalog: " + m.links()
				+ " link ends name it; they resolve when it is imported"));
		ParsedLibrary.MappingSet first = mappings.sets().get(0);
		String name = mappings.sets().size() == 1 ? first.name() : first.name() + " (and " + (mappings.sets().size() - 1) + " more sets)";
		return new ImportReport(ImportReport.Kind.MAPPING, sets.get(0).id(), name,
				sets.get(0).sourceKey() + " → " + sets.get(0).targetKey(), first.version(), 0, 0, 0, total, notes, dryRun, Map.of(), sets,
				missingFrameworks);
	}

	/** Whether the newest framework with {@code key} has a node with this reference (any case); caches each key's references. */
	private boolean resolves(String key, String ref, Map<String, java.util.Set<String>> refsByKey) {
		java.util.Set<String> refs = refsByKey.computeIfAbsent(key, store::latestRefs);
		return refs.contains(ref.toLowerCase(Locale.ROOT));
	}

	private static final class MissingCount {

		final String urn;

		int links;

		MissingCount(String urn) {
			this.urn = urn;
		}
	}

	/** The reference part of a CISO Assistant requirement URN ({@code …:req_node:iso27001-2022:a.5.1} → {@code A.5.1}). */
	static String refFromUrn(String urn) {
		int colon = urn.lastIndexOf(':');
		String ref = colon < 0 ? urn : urn.substring(colon + 1);
		return ref.startsWith("a.") ? ref.toUpperCase(Locale.ROOT) : ref;
	}

	private static boolean looksLikeJson(byte[] content) {
		for (byte b : content) {
			if (b == '{' || b == '[') {
				return true;
			}
			if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
				return false;
			}
		}
		return false;
	}
}
