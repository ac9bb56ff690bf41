package org.openaims.common;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/** Line-by-line comparison of two texts (java-diff-utils), as unchanged, removed and added lines. */
public final class TextDiff {

	private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create().showInlineDiffs(false).lineNormalizer(line -> line).build();

	private TextDiff() {
	}

	/** The lines of a text, none for null. */
	public static List<String> lines(String text) {
		return text == null ? List.of() : List.of(text.split("\r?\n", -1));
	}

	/** The differences from {@code older} to {@code newer}; a changed line is the old one removed and the new one added. */
	public static List<DiffLine> between(List<String> older, List<String> newer) {
		List<DiffLine> lines = new ArrayList<>();
		for (DiffRow row : GENERATOR.generateDiffRows(older, newer)) {
			switch (row.getTag()) {
				case EQUAL -> lines.add(new DiffLine(DiffLine.Kind.SAME, row.getOldLine()));
				case DELETE -> lines.add(new DiffLine(DiffLine.Kind.REMOVED, row.getOldLine()));
				case INSERT -> lines.add(new DiffLine(DiffLine.Kind.ADDED, row.getNewLine()));
				case CHANGE -> {
					lines.add(new DiffLine(DiffLine.Kind.REMOVED, row.getOldLine()));
					lines.add(new DiffLine(DiffLine.Kind.ADDED, row.getNewLine()));
				}
			}
		}
		return lines;
	}
}
