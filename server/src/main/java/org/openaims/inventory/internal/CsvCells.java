package org.openaims.inventory.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.openaims.common.csv.CsvProblem;
import org.openaims.common.csv.CsvRow;

/** Reads typed cells of an imported row, adding a problem (row, column) for each that does not parse. */
final class CsvCells {

	private final CsvRow row;

	private final List<CsvProblem> problems;

	CsvCells(CsvRow row, List<CsvProblem> problems) {
		this.row = row;
		this.problems = problems;
	}

	String text(String column) {
		return row.get(column);
	}

	UUID uuid(String column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			problem(column, "'" + value + "' is not a UUID");
			return null;
		}
	}

	<E extends Enum<E>> E enumValue(String column, Class<E> type) {
		String value = row.get(column);
		return value == null ? null : parse(column, type, value);
	}

	/** Values separated by ';'. */
	<E extends Enum<E>> Set<E> enumSet(String column, Class<E> type) {
		String value = row.get(column);
		Set<E> set = EnumSet.noneOf(type);
		if (value != null) {
			for (String part : value.split(";")) {
				if (!part.isBlank()) {
					E parsed = parse(column, type, part);
					if (parsed != null) {
						set.add(parsed);
					}
				}
			}
		}
		return set;
	}

	Boolean bool(String column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1" -> true;
			case "false", "no", "n", "0" -> false;
			default -> {
				problem(column, "'" + value + "' is not true or false");
				yield null;
			}
		};
	}

	LocalDate date(String column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			problem(column, "'" + value + "' is not a date (YYYY-MM-DD)");
			return null;
		}
	}

	void problem(String column, String message) {
		problems.add(new CsvProblem(row.row(), column, message));
	}

	private <E extends Enum<E>> E parse(String column, Class<E> type, String value) {
		String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(normalized)) {
				return constant;
			}
		}
		problem(column, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
		return null;
	}
}
