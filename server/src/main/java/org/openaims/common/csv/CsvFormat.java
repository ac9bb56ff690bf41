package org.openaims.common.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's CSV dialect (RFC 4180, UTF-8, header row) with the limits an import enforces. Cells
 * that a spreadsheet would run as a formula are written with a leading apostrophe, which reading
 * removes again, so an export imports back unchanged.
 */
public final class CsvFormat {

	/** Largest file an import reads. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Most data rows an import takes. */
	public static final int MAX_ROWS = 10_000;

	private static final String FORMULA_START = "=+-@\t\r";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private CsvFormat() {
	}

	/** Writes a header and rows; each row has one value (or null) per header column. */
	public static void write(Writer out, List<String> header, Iterable<List<?>> rows) {
		try {
			CSVPrinter printer = new CSVPrinter(out, FORMAT);
			printer.printRecord(header);
			for (List<?> row : rows) {
				List<String> cells = new ArrayList<>(row.size());
				for (Object value : row) {
					cells.add(guard(value == null ? "" : String.valueOf(value)));
				}
				printer.printRecord(cells);
			}
			printer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes rows one at a time, as they are read (see {@link #printer}). */
	public interface RowPrinter {

		void row(List<?> values);

		void flush();
	}

	/** A printer that writes the header now and each row when given, in the project's dialect. */
	public static RowPrinter printer(Writer out, List<String> header) {
		try {
			CSVPrinter printer = new CSVPrinter(out, FORMAT);
			printer.printRecord(header);
			return new RowPrinter() {
				@Override
				public void row(List<?> values) {
					List<String> cells = new ArrayList<>(values.size());
					for (Object value : values) {
						cells.add(guard(value == null ? "" : String.valueOf(value)));
					}
					try {
						printer.printRecord(cells);
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}

				@Override
				public void flush() {
					try {
						printer.flush();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
			};
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** {@link #write} into a UTF-8 byte array. */
	public static byte[] toBytes(List<String> header, Iterable<List<?>> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
		write(writer, header, rows);
		return bytes.toByteArray();
	}

	/**
	 * Reads a whole file. The header must name only {@code allowed} columns, each once, and all
	 * {@code required} ones. Any problem refuses the file as a whole.
	 */
	public static List<CsvRow> read(InputStream in, Set<String> allowed, Set<String> required) {
		String text = decode(readLimited(in));
		List<CsvProblem> problems = new ArrayList<>();
		List<CsvRow> rows = new ArrayList<>();
		int row = 1;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
			List<String> header = null;
			for (CSVRecord record : parser) {
				if (header == null) {
					header = checkHeader(record, allowed, required, problems);
					if (!problems.isEmpty()) {
						throw new CsvImportException(problems);
					}
					continue;
				}
				row++;
				if (isBlank(record)) {
					continue;
				}
				if (rows.size() == MAX_ROWS) {
					throw new CsvImportException(List.of(new CsvProblem(row, null,
							"the file has more than " + MAX_ROWS + " data rows; split it")));
				}
				if (record.size() != header.size()) {
					problems.add(new CsvProblem(row, null,
							"has " + record.size() + " cells but the header has " + header.size() + " columns"));
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					if (org.openaims.common.InputRules.hasNul(record.get(i))) {
						problems.add(new CsvProblem(row, header.get(i), org.openaims.common.InputRules.NUL_MESSAGE));
					}
					cells.put(header.get(i), unguard(record.get(i)));
				}
				rows.add(new CsvRow(row, cells));
			}
			if (header == null) {
				throw new CsvImportException("the file is empty; expected a header row");
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
			// commons-csv reports broken quoting as an unchecked exception naming the line.
			throw new CsvImportException(List.of(new CsvProblem(row + 1, null, "malformed CSV: " + e.getMessage())));
		}
		if (!problems.isEmpty()) {
			throw new CsvImportException(problems);
		}
		return rows;
	}

	private static List<String> checkHeader(CSVRecord record, Set<String> allowed, Set<String> required,
			List<CsvProblem> problems) {
		List<String> header = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String raw : record) {
			String name = raw.strip();
			if (!allowed.contains(name)) {
				problems.add(new CsvProblem(1, name, "unknown column; allowed: " + String.join(", ", allowed)));
			}
			else if (!seen.add(name)) {
				problems.add(new CsvProblem(1, name, "column appears more than once"));
			}
			header.add(name);
		}
		for (String name : required) {
			if (!seen.contains(name)) {
				problems.add(new CsvProblem(1, name, "required column is missing"));
			}
		}
		return header;
	}

	private static boolean isBlank(CSVRecord record) {
		for (String cell : record) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static byte[] readLimited(InputStream in) {
		try {
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new CsvImportException("the file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MB");
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new CsvImportException("the file is not valid UTF-8 text");
		}
	}

	static String guard(String cell) {
		return needsGuard(cell) ? "'" + cell : cell;
	}

	static String unguard(String cell) {
		return !cell.isEmpty() && cell.charAt(0) == '\'' && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
	}

	/**
	 * A cell a spreadsheet would run as a formula, or one that would read back as such a cell once a
	 * guarding apostrophe is removed (so that guarding can always be undone exactly).
	 */
	private static boolean needsGuard(String cell) {
		int i = 0;
		while (i < cell.length() && cell.charAt(i) == '\'') {
			i++;
		}
		return i < cell.length() && FORMULA_START.indexOf(cell.charAt(i)) >= 0;
	}
}
