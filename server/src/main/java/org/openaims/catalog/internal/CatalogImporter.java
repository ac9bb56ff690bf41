package org.openaims.catalog.internal;

import java.util.ArrayList;
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

	public ImportReport importLibrary(byte[] content, Actor actor) {
		if (content.length == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		if (content.length > LibraryLimits.MAX_BYTES) {
			throw new InvalidInputException("file", "is larger than " + LibraryLimits.MAX_BYTES / (1024 * 1024) + " MB");
		}
		ParsedLibrary parsed = looksLikeJson(content) ? OscalCatalogParser.parse(content, json) : CisoLibraryParser.parse(content);
		String sha256 = Digests.sha256Hex(content);
		if (parsed instanceof ParsedLibrary.Framework framework) {
			return storeFramework(framework, sha256, actor);
		}
		return storeMapping((ParsedLibrary.MappingSet) parsed, FrameworkSource.CISO_ASSISTANT, actor);
	}

	/** Stores a framework; an OSCAL catalog (version 0) gets the next version of its URN unless its content is known. */
	ImportReport storeFramework(ParsedLibrary.Framework framework, String sha256, Actor actor) {
		List<String> notes = new ArrayList<>();
		List<LibraryChecks.Checked> nodes = LibraryChecks.check(framework, notes);
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
		java.util.UUID id = store.insertFramework(framework, version, nodes, sha256, actor.username());
		int assessable = (int) nodes.stream().filter(n -> n.node().assessable()).count();
		int controls = (int) nodes.stream().filter(n -> n.node().kind() == NodeKind.CONTROL).count();
		events.publishEvent(new FrameworkImported(id, framework.urn(), framework.name(), version, framework.source(), nodes.size(),
				assessable, sha256, Stamp.of(actor)));
		return new ImportReport(ImportReport.Kind.FRAMEWORK, id, framework.name(), CatalogStore.key(framework.urn()), version,
				nodes.size(), assessable, controls, 0, notes);
	}

	ImportReport storeMapping(ParsedLibrary.MappingSet mapping, FrameworkSource source, Actor actor) {
		if (store.mappingSetExists(mapping.urn(), mapping.version())) {
			throw new ConflictException("version " + mapping.version() + " of " + mapping.urn() + " is in the catalog already");
		}
		List<String> urns = new ArrayList<>();
		mapping.links().forEach(l -> {
			urns.add(l.sourceUrn());
			urns.add(l.targetUrn());
		});
		Map<String, String[]> known = store.keysAndRefs(urns);
		String sourceKey = CatalogStore.key(mapping.sourceFrameworkUrn());
		String targetKey = CatalogStore.key(mapping.targetFrameworkUrn());
		List<CatalogStore.StoredLink> links = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int unresolved = 0;
		for (int i = 0; i < mapping.links().size(); i++) {
			ParsedLibrary.Link link = mapping.links().get(i);
			String[] s = known.get(link.sourceUrn());
			String[] t = known.get(link.targetUrn());
			if (s == null || t == null) {
				unresolved++;
			}
			String sourceRef = s != null && s[1] != null ? s[1] : refFromUrn(link.sourceUrn());
			String targetRef = t != null && t[1] != null ? t[1] : refFromUrn(link.targetUrn());
			if (link.sourceUrn().length() > LibraryLimits.MAX_URN || link.targetUrn().length() > LibraryLimits.MAX_URN
					|| sourceRef.length() > LibraryLimits.MAX_REF || targetRef.length() > LibraryLimits.MAX_REF) {
				problems.add("requirement_mappings[" + i + "] names a requirement URN that is too long");
				continue;
			}
			links.add(new CatalogStore.StoredLink(s != null ? s[0] : sourceKey, sourceRef, link.sourceUrn(), t != null ? t[0] : targetKey,
					targetRef, link.targetUrn(), link.relationship(), link.rationale()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("file", String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
		}
		java.util.UUID id = store.insertMappingSet(mapping.urn(), mapping.name(), sourceKey, targetKey, mapping.version(), source, links,
				actor.username());
		events.publishEvent(new MappingSetImported(id, mapping.urn(), mapping.name(), sourceKey, targetKey, mapping.version(),
				links.size(), Stamp.of(actor)));
		List<String> notes = new ArrayList<>();
		if (unresolved > 0) {
			notes.add(unresolved + " links name requirements of frameworks not (yet) in the catalog; they resolve when those are imported");
		}
		return new ImportReport(ImportReport.Kind.MAPPING, id, mapping.name(), sourceKey + " → " + targetKey, mapping.version(), 0, 0,
				0, links.size(), notes);
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
