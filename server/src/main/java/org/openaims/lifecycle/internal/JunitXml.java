package org.openaims.lifecycle.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.openaims.common.InvalidInputException;
import org.openaims.lifecycle.TestOutcome;
import org.openaims.lifecycle.TestRunView.FailedCase;
import org.openaims.lifecycle.TestRunView.Totals;

/**
 * Reads a JUnit XML report as Maven Surefire, Gradle, pytest {@code --junitxml}, jest-junit,
 * go-junit-report and most other tools write it: a {@code <testsuite>} or {@code <testsuites>} root,
 * suites nested in suites, and {@code <testcase>} elements whose first child says how they ended
 * ({@code failure}, {@code error}, {@code skipped}; none: passed). Surefire's reruns are understood: a
 * case with {@code flakyFailure} / {@code flakyError} passed on a rerun (counted as passed and flaky);
 * one with {@code rerunFailure} / {@code rerunError} failed every time.
 *
 * <p>The summary is counted from the cases themselves; the totals the file declares (on the
 * {@code <testsuites>} root, else summed over the outermost suites) are kept beside it, since they can
 * disagree (reruns, generators that count packages). Any DOCTYPE is refused before it is read — so
 * external entities and entity expansion never happen — as are files over {@link #MAX_BYTES}, files
 * that are not XML or not a JUnit report, and bytes that contradict the declared encoding; every such
 * problem is an {@link InvalidInputException} naming the file and the reason.
 */
public final class JunitXml {

	/** The largest report read. */
	public static final int MAX_BYTES = 20 * 1024 * 1024;

	/** The longest failure message and detail kept (the raw file keeps everything). */
	static final int MAX_MESSAGE = 1000;

	static final int MAX_DETAIL = 4000;

	/** Deeper nesting than this is not a test report. */
	private static final int MAX_DEPTH = 64;

	private static final XMLInputFactory FACTORY = factory();

	private JunitXml() {
	}

	/** A parsed report: the counted summary, the declared totals (null when the file has none) and the failing cases. */
	public record Report(String fileName, int tests, int failures, int errors, int skipped, int flaky, long durationMillis,
			Totals declared, List<FailedCase> failed) {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory f = XMLInputFactory.newDefaultFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		f.setProperty(XMLInputFactory.IS_COALESCING, true);
		return f;
	}

	/** Parses {@code in} (at most {@link #MAX_BYTES}); {@code field} names the upload in problems. */
	public static Report parse(String field, String fileName, InputStream in) {
		byte[] bytes;
		try {
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw new InvalidInputException(field, fileName + ": could not be read: " + e.getMessage());
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException(field, fileName + ": is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
		}
		return parse(field, fileName, bytes);
	}

	public static Report parse(String field, String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			throw new InvalidInputException(field, fileName + ": is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException(field, fileName + ": is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
		}
		XMLStreamReader xml = null;
		try {
			xml = FACTORY.createXMLStreamReader(new java.io.ByteArrayInputStream(bytes));
			return new Reader(field, fileName, xml).read();
		}
		catch (XMLStreamException e) {
			throw new InvalidInputException(field, fileName + ": is not well-formed XML: " + reason(e));
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (RuntimeException e) {
			// The JDK's parser reports some malformed input (bad encodings above all) as runtime exceptions.
			throw new InvalidInputException(field, fileName + ": could not be read as XML: " + reason(e));
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException e) {
					// nothing held
				}
			}
		}
	}

	private static String reason(Exception e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		message = message.replaceAll("\\s+", " ").strip();
		return message.length() > 300 ? message.substring(0, 300) + "…" : message;
	}

	private static final class Reader {

		private final String field;

		private final String fileName;

		private final XMLStreamReader xml;

		private final Deque<String> suites = new ArrayDeque<>();

		private final List<FailedCase> failed = new ArrayList<>();

		private int tests;

		private int failures;

		private int errors;

		private int skipped;

		private int flaky;

		private BigDecimal seconds = BigDecimal.ZERO;

		private Integer declaredTests;

		private Integer declaredFailures;

		private Integer declaredErrors;

		private Integer declaredSkipped;

		private boolean rootDeclares;

		private int caseDepth;

		Reader(String field, String fileName, XMLStreamReader xml) {
			this.field = field;
			this.fileName = fileName;
			this.xml = xml;
		}

		Report read() throws XMLStreamException {
			int depth = 0;
			boolean rootSeen = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw problem("has a DOCTYPE; test reports have none, and none is read (external entities and entity expansion are refused)");
				}
				if (event == XMLStreamConstants.ENTITY_REFERENCE) {
					throw problem("refers to the entity &" + xml.getLocalName() + "; which XML does not define");
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				if (!rootSeen) {
					rootSeen = true;
					if (name.equals("testsuites")) {
						rootDeclares = declare(true);
					}
					else if (!name.equals("testsuite")) {
						throw problem("is not a JUnit XML report: its root element is <" + name + ">, not <testsuites> or <testsuite>");
					}
				}
				if (name.equals("testsuite")) {
					if (++depth > MAX_DEPTH) {
						throw problem("nests test suites deeper than " + MAX_DEPTH);
					}
					if (suites.isEmpty() && !rootDeclares) {
						declare(false);
					}
					suites.push(attribute("name", ""));
					readSuite();
					suites.pop();
					depth--;
				}
				else if (name.equals("testcase")) {
					readCase();
				}
			}
			if (!rootSeen) {
				throw problem("holds no XML element");
			}
			Totals declared = declaredTests == null && declaredFailures == null && declaredErrors == null && declaredSkipped == null ? null
					: new Totals(declaredTests, declaredFailures, declaredErrors, declaredSkipped);
			long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
			return new Report(fileName, tests, failures, errors, skipped, flaky, millis, declared, List.copyOf(failed));
		}

		/** Reads the children of the current {@code <testsuite>} up to its end tag. */
		private void readSuite() throws XMLStreamException {
			int depth = 1;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if (name.equals("testsuite")) {
						if (suites.size() >= MAX_DEPTH) {
							throw problem("nests test suites deeper than " + MAX_DEPTH);
						}
						suites.push(attribute("name", ""));
						readSuite();
						suites.pop();
					}
					else if (name.equals("testcase")) {
						readCase();
					}
					else {
						depth++;
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (--depth == 0) {
						return;
					}
				}
				else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
					throw problem("refers to the entity &" + xml.getLocalName() + "; which XML does not define");
				}
			}
		}

		/** Reads one {@code <testcase>} up to its end tag; a case nested in it counts on its own. */
		private void readCase() throws XMLStreamException {
			if (++caseDepth > MAX_DEPTH) {
				throw problem("nests test cases deeper than " + MAX_DEPTH);
			}
			String name = attribute("name", "");
			String className = attribute("classname", "");
			seconds = seconds.add(time(attribute("time", null)));
			TestOutcome outcome = TestOutcome.PASSED;
			boolean wasFlaky = false;
			String message = null;
			StringBuilder detail = null;
			int depth = 1;
			int outcomeDepth = -1;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					String child = xml.getLocalName();
					if (depth == 2 && outcome == TestOutcome.PASSED) {
						switch (child) {
							case "failure", "rerunFailure" -> outcome = TestOutcome.FAILED;
							case "error", "rerunError" -> outcome = TestOutcome.ERROR;
							case "skipped" -> outcome = TestOutcome.SKIPPED;
							default -> {
							}
						}
						if (outcome == TestOutcome.FAILED || outcome == TestOutcome.ERROR) {
							message = attribute("message", null);
							detail = new StringBuilder();
							outcomeDepth = depth;
						}
					}
					if (depth == 2 && (child.equals("flakyFailure") || child.equals("flakyError"))) {
						wasFlaky = true;
					}
					if (child.equals("testcase")) {
						// a case inside a case (some generators write these): counted on its own
						depth--;
						readCase();
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (depth == outcomeDepth) {
						outcomeDepth = -2;
					}
					if (--depth == 0) {
						break;
					}
				}
				else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && outcomeDepth == depth
						&& detail != null && detail.length() < MAX_DETAIL) {
					detail.append(xml.getText(), 0, Math.min(xml.getTextLength(), MAX_DETAIL - detail.length()));
				}
				else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
					throw problem("refers to the entity &" + xml.getLocalName() + "; which XML does not define");
				}
			}
			caseDepth--;
			tests++;
			switch (outcome) {
				case FAILED -> failures++;
				case ERROR -> errors++;
				case SKIPPED -> skipped++;
				default -> {
					if (wasFlaky) {
						flaky++;
					}
				}
			}
			if (outcome == TestOutcome.FAILED || outcome == TestOutcome.ERROR) {
				String text = detail == null ? "" : detail.toString().strip();
				String shown = message != null && !message.isBlank() ? message.strip() : firstLine(text);
				failed.add(new FailedCase(String.join(" / ", suitesOutermostFirst()), className, name, outcome, cut(shown, MAX_MESSAGE),
						text.isEmpty() ? null : cut(text, MAX_DETAIL)));
			}
		}

		private List<String> suitesOutermostFirst() {
			List<String> names = new ArrayList<>(suites);
			java.util.Collections.reverse(names);
			names.removeIf(String::isBlank);
			return names;
		}

		/** Adds the current element's declared totals; returns whether it declared any. */
		private boolean declare(boolean root) {
			Integer t = count("tests");
			Integer f = count("failures");
			Integer e = count("errors");
			Integer s = count("skipped");
			if (s == null) {
				s = count("skip");
			}
			if (s == null) {
				s = count("disabled");
			}
			declaredTests = add(declaredTests, t);
			declaredFailures = add(declaredFailures, f);
			declaredErrors = add(declaredErrors, e);
			declaredSkipped = add(declaredSkipped, s);
			return root && (t != null || f != null || e != null || s != null);
		}

		private static Integer add(Integer sum, Integer value) {
			if (value == null) {
				return sum;
			}
			return sum == null ? value : (int) Math.min(Integer.MAX_VALUE, (long) sum + value);
		}

		private Integer count(String attribute) {
			String value = attribute(attribute, null);
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				int n = Integer.parseInt(value.strip());
				if (n < 0) {
					throw problem("declares " + attribute + "=\"" + cut(value, 40) + "\", which is not a count");
				}
				return n;
			}
			catch (NumberFormatException e) {
				throw problem("declares " + attribute + "=\"" + cut(value, 40) + "\", which is not a whole number");
			}
		}

		private String attribute(String name, String otherwise) {
			String value = xml.getAttributeValue(null, name);
			return value == null ? otherwise : value;
		}

		/** A case's time in seconds: "0.683", "1,234.5"; what cannot be read counts as zero. */
		private static BigDecimal time(String value) {
			if (value == null || value.isBlank() || value.length() > 40) {
				return BigDecimal.ZERO;
			}
			try {
				BigDecimal t = new BigDecimal(value.strip().replace(",", ""));
				return t.signum() < 0 || t.scale() < -9 || t.precision() > 30 ? BigDecimal.ZERO : t;
			}
			catch (NumberFormatException e) {
				return BigDecimal.ZERO;
			}
		}

		private InvalidInputException problem(String reason) {
			return new InvalidInputException(field, fileName + ": " + reason);
		}
	}

	static String firstLine(String text) {
		int end = text.indexOf('\n');
		return end < 0 ? text : text.substring(0, end).strip();
	}

	/** {@code text} cut to {@code max} characters (an ellipsis marks the cut), NUL characters replaced. */
	public static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		String clean = text.replace('\u0000', ' ');
		return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
	}
}
