package org.openaims.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openaims.common.InvalidInputException;
import org.openaims.lifecycle.TestOutcome;
import org.openaims.lifecycle.TestRunView.FailedCase;
import org.openaims.lifecycle.TestRunView.Totals;

/**
 * The JUnit XML reader on real reports of Maven Surefire, Gradle, pytest, jest-junit and
 * go-junit-report (see {@code src/test/resources/junit/README.md} for where each came from). The
 * expected counts were written down by reading each file, case by case — not computed.
 */
class JunitXmlTests {

	@Test
	void surefireFailuresAreCountedWithTheirMessages() {
		JunitXml.Report r = read("TEST-action.surefire.report.calc.CalcUtilsTest.xml");
		assertCounts(r, 2, 2, 0, 0, 0);
		assertThat(r.durationMillis()).isEqualTo(1);
		assertThat(r.declared()).isEqualTo(new Totals(2, 2, 0, 0));
		assertThat(r.failed()).extracting(FailedCase::name).containsExactly("test error handling", "test scale");
		FailedCase first = r.failed().get(0);
		assertThat(first.suite()).isEqualTo("action.surefire.report.calc.CalcUtilsTest");
		assertThat(first.className()).isEqualTo("action.surefire.report.calc.CalcUtilsTest");
		assertThat(first.outcome()).isEqualTo(TestOutcome.FAILED);
		assertThat(first.message()).isEqualTo(
				"unexpected exception type thrown; expected:<java.lang.IllegalStateException> but was:<java.lang.IllegalArgumentException>");
		assertThat(first.detail()).contains("Caused by: java.lang.IllegalArgumentException: Amount must have max 2 non-zero decimal places");
		assertThat(r.failed().get(1).message()).isEqualTo("Expected: <100.10>\n     but: was <100.11>");
	}

	@Test
	void surefireRerunThatPassedIsPassedAndFlaky() {
		JunitXml.Report r = read("surefire-flaky.xml");
		assertCounts(r, 1, 0, 0, 0, 1);
		assertThat(r.durationMillis()).isEqualTo(683);
		assertThat(r.declared()).isEqualTo(new Totals(1, 0, 0, null));
		assertThat(r.failed()).isEmpty();
	}

	@Test
	void gradleReport() {
		JunitXml.Report r = read("gradle-spring-failure.xml");
		assertCounts(r, 3, 1, 0, 0, 0);
		assertThat(r.durationMillis()).isEqualTo(2536 + 30 + 56);
		assertThat(r.declared()).isEqualTo(new Totals(3, 1, 0, 0));
		FailedCase failed = r.failed().get(0);
		assertThat(failed.name()).isEqualTo("failsToDemonstrateJUnitAnnotations()");
		assertThat(failed.message()).startsWith("java.lang.AssertionError: Response content\nExpected: a string containing \"NOT_GONK\"");
		assertThat(failed.detail()).endsWith("at org.gradle.api.internal.tasks.testing.worker.TestWorker.execute(TestWorker.java:60)");
	}

	@Test
	void pytestReportUnderAnEmptyTestsuitesRoot() {
		JunitXml.Report r = read("pytest-tb-short.xml");
		assertCounts(r, 1, 1, 0, 0, 0);
		assertThat(r.durationMillis()).isEqualTo(75);
		// the root declares nothing: the suite's own totals are the file's
		assertThat(r.declared()).isEqualTo(new Totals(1, 1, 0, 0));
		FailedCase failed = r.failed().get(0);
		assertThat(failed.suite()).isEqualTo("pytest");
		assertThat(failed.className()).isEqualTo("product_changes.tests.first_test.MyTestCase");
		assertThat(failed.name()).isEqualTo("test_something");
		assertThat(failed.message()).isEqualTo("assert False");
		assertThat(failed.detail()).startsWith("mnt/extra-addons/product_changes/tests/first_test.py:6: in test_something");
	}

	@Test
	void jestJunitReportWithoutMessagesTakesTheFirstLine() {
		JunitXml.Report r = read("jest-junit.xml");
		assertCounts(r, 6, 4, 0, 1, 0);
		assertThat(r.durationMillis()).isEqualTo(2 + 1 + 1 + 0 + 2 + 0);
		assertThat(r.declared()).isEqualTo(new Totals(6, 4, 0, null));
		assertThat(r.failed()).extracting(FailedCase::message).containsExactly("Error: expect(received).toBeTruthy()", "Error: Some error",
				"Error: Some error",
				": Timeout - Async callback was not invoked within the 1 ms timeout specified by jest.setTimeout.Timeout - Async callback"
						+ " was not invoked within the 1 ms timeout specified by jest.setTimeout.Error:");
		assertThat(r.failed()).extracting(FailedCase::suite).containsExactly("Test 1", "Test 1", "Test 1", "undefined");
		assertThat(r.failed().get(0).name()).isEqualTo("Test 1 Test 1.1 Failing test");
		assertThat(r.failed().get(0).detail()).contains("at new Promise (<anonymous>)");
	}

	@Test
	void goJunitReportCountsCasesNotTheSuitesClaims() {
		JunitXml.Report r = read("go-junit-report.xml");
		// package3 claims tests="1" and failures="1" but holds four cases: two failed, one skipped
		assertCounts(r, 5, 2, 0, 1, 0);
		assertThat(r.durationMillis()).isEqualTo(160);
		assertThat(r.declared()).isEqualTo(new Totals(5, 2, null, 1));
		assertThat(r.failed()).extracting(FailedCase::name).containsExactly("TestPackage3-1", "TestPackage3-4");
		assertThat(r.failed()).extracting(FailedCase::message).containsExactly("Failed", "Failed");
		assertThat(r.failed().get(0).detail()).isEqualTo("Just error here");
		assertThat(r.failed().get(1).detail()).isNull();
		assertThat(r.failed().get(0).suite()).isEqualTo("github.com/company/package3");
	}

	@Test
	void nestedSuitesNonAsciiDuplicatesRerunsAndDisagreeingTotals() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<testsuites tests="3" failures="0">
				  <testsuite name="outer">
				    <testsuite name="inner ü">
				      <testcase name="prüft Größe ✓" classname="a.B" time="1,000.5"/>
				      <testcase name="prüft Größe ✓" classname="a.B" time="0.5">
				        <rerunFailure message="first try"/>
				        <failure message="still failing">trace</failure>
				      </testcase>
				      <testcase name="errs" classname="a.B" time="abc"><error message="boom"/></testcase>
				      <testcase name="flaky" classname="a.B"><flakyError message="once"/></testcase>
				    </testsuite>
				  </testsuite>
				</testsuites>
				""";
		JunitXml.Report r = JunitXml.parse("reports", "nested.xml", xml.getBytes(StandardCharsets.UTF_8));
		assertThat(r.tests()).isEqualTo(4);
		assertThat(r.failures()).isEqualTo(1);
		assertThat(r.errors()).isEqualTo(1);
		assertThat(r.flaky()).isEqualTo(1);
		assertThat(r.durationMillis()).isEqualTo(1_001_000);
		assertThat(r.declared()).isEqualTo(new Totals(3, 0, null, null));
		assertThat(r.failed()).extracting(FailedCase::suite).containsOnly("outer / inner ü");
		assertThat(r.failed().get(0).name()).isEqualTo("prüft Größe ✓");
		assertThat(r.failed().get(0).message()).isEqualTo("first try");
	}

	@Test
	void aDoctypeIsRefusedBeforeAnyEntityIsRead() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<testsuite name="x"><testcase name="&xxe;"/></testsuite>
				""";
		assertRefused(xxe, "has a DOCTYPE");
		StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
		}
		laughs.append("]>\n<testsuite name=\"&lol9;\"/>");
		assertRefused(laughs.toString(), "has a DOCTYPE");
		assertRefused("<?xml version=\"1.0\"?><!DOCTYPE testsuite SYSTEM \"http://example.invalid/x.dtd\"><testsuite/>", "has a DOCTYPE");
		assertRefused("<testsuite name=\"&undefined;\"/>", "test.xml");
	}

	@Test
	void brokenFilesAreRefusedWithAReason() {
		assertRefused("", "is empty");
		assertRefused("this is not XML", "is not well-formed XML");
		assertRefused("{\"tests\": 3}", "is not well-formed XML");
		assertRefused("<testsuite><testcase name=\"a\">", "is not well-formed XML");
		assertRefused("<html><body>hi</body></html>", "its root element is <html>");
		assertRefused("<testsuite tests=\"many\"/>", "not a whole number");
		assertRefused("<testsuite tests=\"-1\"/>", "not a count");
		assertRefused("<testsuite>" + "<testsuite>".repeat(100) + "</testsuite>".repeat(101), "deeper than 64");
		assertRefused("<testsuite>" + "<testcase>".repeat(100) + "</testcase>".repeat(100) + "</testsuite>", "deeper than 64");
		// declared UTF-16, written as UTF-8
		assertThatThrownBy(() -> JunitXml.parse("reports", "enc.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-16\"?><testsuite/>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("enc.xml");
		// declared UTF-8, written as Latin-1
		assertThatThrownBy(() -> JunitXml.parse("reports", "latin.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><testsuite name=\"Gr\u00f6\u00dfe\"/>".getBytes(StandardCharsets.ISO_8859_1)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("latin.xml");
	}

	@Test
	void aFileOverTwentyMegabytesIsRefusedUnread() throws IOException {
		byte[] big = new byte[50 * 1024 * 1024];
		Arrays.fill(big, (byte) ' ');
		assertThatThrownBy(() -> JunitXml.parse("reports", "big.xml", new java.io.ByteArrayInputStream(big)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("big.xml: is larger than 20 MB");
	}

	private static void assertRefused(String xml, String reason) {
		assertThatThrownBy(() -> JunitXml.parse("reports", "test.xml", xml.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining(reason);
	}

	private static void assertCounts(JunitXml.Report r, int tests, int failures, int errors, int skipped, int flaky) {
		assertThat(new int[] { r.tests(), r.failures(), r.errors(), r.skipped(), r.flaky() })
			.as("tests, failures, errors, skipped, flaky").containsExactly(tests, failures, errors, skipped, flaky);
	}

	static JunitXml.Report read(String name) {
		try (InputStream in = JunitXmlTests.class.getResourceAsStream("/junit/" + name)) {
			return JunitXml.parse("reports", name, in.readAllBytes());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
