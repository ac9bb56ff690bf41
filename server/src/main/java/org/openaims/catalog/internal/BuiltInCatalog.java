package org.openaims.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openaims.catalog.FrameworkSource;
import org.openaims.catalog.NodeKind;
import org.openaims.catalog.Relationship;
import org.openaims.common.Actor;
import org.openaims.common.Digests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the built-in ISO/IEC 42001:2023 catalog (clauses 4-10 and the 38 Annex A controls with their
 * objectives, in the project's own words, from {@code catalog/iso42001-2023.tsv}) and the built-in
 * mapping to ISO/IEC 27001:2022 into the catalog on start, when they are not there yet.
 */
@Component
@Order(5)
class BuiltInCatalog implements ApplicationRunner {

	static final String URN = "urn:openaims:framework:iso42001-2023";

	static final String MAPPING_URN = "urn:openaims:mapping:iso42001-2023:iso27001-2022";

	private static final Logger log = LoggerFactory.getLogger(BuiltInCatalog.class);

	private static final Pattern OBJECTIVE = Pattern.compile("(A(?:\\.\\d+)+)\\s+([^(]+?)\\s*(?:\\((A(?:\\.\\d+)+)\\s+(.+)\\))?");

	private final CatalogImporter importer;

	private final CatalogStore store;

	private final TransactionTemplate transactions;

	BuiltInCatalog(CatalogImporter importer, CatalogStore store, TransactionTemplate transactions) {
		this.importer = importer;
		this.store = store;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			if (store.byUrn(URN, 1).isEmpty()) {
				byte[] tsv = read("catalog/iso42001-2023.tsv");
				transactions.executeWithoutResult(s -> importer.storeFramework(framework(tsv), Digests.sha256Hex(tsv), Actor.SYSTEM));
				log.info("Added the built-in ISO/IEC 42001:2023 catalog");
			}
			if (!store.mappingSetExists(MAPPING_URN, 1)) {
				byte[] tsv = read("catalog/iso42001-iso27001-2022.tsv");
				transactions.executeWithoutResult(s -> importer.storeMapping(mapping(tsv), FrameworkSource.BUILT_IN, Actor.SYSTEM));
				log.info("Added the built-in mapping ISO/IEC 42001:2023 to ISO/IEC 27001:2022");
			}
		}
		catch (DuplicateKeyException e) {
			// Another node added it at the same moment.
			log.info("The built-in catalog was added by another node");
		}
	}

	/** The built-in framework read from the catalog table (id, kind, parent, subject, required evidence). */
	static ParsedLibrary.Framework framework(byte[] tsv) {
		String prefix = "urn:openaims:req_node:iso42001-2023:";
		Map<String, ParsedLibrary.Node> nodes = new LinkedHashMap<>();
		List<String[]> rows = rows(tsv, 5);
		for (String[] row : rows) {
			String id = row[0];
			String kind = row[1];
			String parent = row[2];
			String parentRef = null;
			if (!parent.equals("-")) {
				Matcher objective = OBJECTIVE.matcher(parent);
				if (parent.startsWith("A.") && objective.matches()) {
					parentRef = objective.group(1);
					String grandparent = objective.group(3);
					if (grandparent != null && !nodes.containsKey(grandparent)) {
						nodes.put(grandparent, new ParsedLibrary.Node(prefix + grandparent.toLowerCase(Locale.ROOT), grandparent,
								objective.group(4).strip(), null, null, null, false, NodeKind.OBJECTIVE, null));
					}
					if (!nodes.containsKey(parentRef)) {
						nodes.put(parentRef, new ParsedLibrary.Node(prefix + parentRef.toLowerCase(Locale.ROOT), parentRef,
								objective.group(2).strip(), null,
								grandparent == null ? null : prefix + grandparent.toLowerCase(Locale.ROOT), null, false, NodeKind.OBJECTIVE,
								null));
					}
				}
				else {
					parentRef = parent;
				}
			}
			boolean heading = row[4].startsWith("heading");
			nodes.put(id, new ParsedLibrary.Node(prefix + id.toLowerCase(Locale.ROOT), id, row[3], null,
					parentRef == null ? null : prefix + parentRef.toLowerCase(Locale.ROOT), null, !heading,
					kind.equals("control") ? NodeKind.CONTROL : NodeKind.CLAUSE, heading ? null : row[4]));
		}
		return new ParsedLibrary.Framework(URN, "ISO/IEC 42001:2023", "ISO/IEC 42001:2023 Artificial intelligence management system",
				"Clauses 4-10 and Annex A reference controls, with the evidence each calls for, in OpenAIMS's own words",
				"ISO/IEC (outline by OpenAIMS)", 1, FrameworkSource.BUILT_IN, new ArrayList<>(nodes.values()));
	}

	static ParsedLibrary.MappingSet mapping(byte[] tsv) {
		List<ParsedLibrary.Link> links = new ArrayList<>();
		for (String[] row : rows(tsv, 4)) {
			links.add(new ParsedLibrary.Link("urn:openaims:req_node:iso42001-2023:" + row[0].toLowerCase(Locale.ROOT),
					"urn:intuitem:risk:req_node:iso27001-2022:" + row[1].toLowerCase(Locale.ROOT), Relationship.valueOf(row[2]), row[3]));
		}
		return new ParsedLibrary.MappingSet(MAPPING_URN, "ISO/IEC 42001:2023 ↔ ISO/IEC 27001:2022 (OpenAIMS)", URN,
				"urn:intuitem:risk:framework:iso27001-2022", 1, links);
	}

	private static List<String[]> rows(byte[] tsv, int columns) {
		List<String[]> rows = new ArrayList<>();
		String[] lines = new String(tsv, StandardCharsets.UTF_8).split("\\R");
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			String[] row = lines[i].split("\t", -1);
			if (row.length != columns) {
				throw new IllegalStateException("line " + (i + 1) + " of a built-in catalog table has " + row.length + " columns");
			}
			for (int c = 0; c < row.length; c++) {
				row[c] = row[c].strip();
			}
			rows.add(row);
		}
		return rows;
	}

	private static byte[] read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + resource, e);
		}
	}
}
