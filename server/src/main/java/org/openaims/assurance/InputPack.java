package org.openaims.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A management review's inputs (9.3.2), assembled by the system for the period from
 * {@code periodStart} to {@code periodEnd} (both included, UTC): one section per input, each with
 * figures (named counts) and rows (what the figures count, at most a page of them).
 */
public record InputPack(LocalDate periodStart, LocalDate periodEnd, Instant assembledAt, List<Section> sections) {

	/** The figure named {@code key} in any section, or -1. */
	public long figure(String key) {
		return sections.stream().flatMap(s -> s.figures().stream()).filter(f -> f.key().equals(key)).mapToLong(Figure::value).findFirst()
			.orElse(-1);
	}

	public Section section(String key) {
		return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}

	/** One input of 9.3.2: its clause ({@code 9.3.2 c}), figures, a table and a note. */
	public record Section(String key, String clause, String title, List<Figure> figures, List<String> header, List<List<String>> rows,
			String note) {
	}

	/** A named count. */
	public record Figure(String key, String label, long value) {
	}
}
