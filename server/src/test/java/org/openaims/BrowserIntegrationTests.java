package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium against the packaged server: the admin signs in and sees the AI systems, and
 * the htmx filter narrows the list without a page load. Runs with {@code -Pbrowser} (needs Debian's
 * chromium and chromium-driver; {@code .ci/run} runs it).
 */
class BrowserIntegrationTests {

	static RunningJar server;

	static WebDriver browser;

	@BeforeAll
	static void start() throws Exception {
		server = RunningJar.start(Map.of());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("aims.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--window-size=1400,1000");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new java.io.File(System.getProperty("aims.chromedriver", "/usr/bin/chromedriver")))
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stop() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		server.close();
	}

	@org.junit.jupiter.api.BeforeEach
	void signedOut() {
		browser.get(server.url("/login"));
		browser.manage().deleteAllCookies();
	}

	@Test
	void theAdminSignsInSeesTheAiSystemsAndFiltersThem() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(server.url("/ai-systems"));
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(RunningJar.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("systems-table")));
		String table = browser.findElement(By.id("systems-table")).getText();
		assertThat(table).contains("CreditScore").contains("Support Assistant").contains("Fraud Sentinel");

		browser.findElement(By.name("q")).sendKeys("fraud");
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("systems-table"), "CreditScore")));
		assertThat(browser.findElement(By.id("systems-table")).getText()).contains("Fraud Sentinel");
		assertThat(browser.getCurrentUrl()).contains("q=fraud");

		browser.findElement(By.linkText("Fraud Sentinel")).click();
		wait.until(ExpectedConditions.titleContains("Fraud Sentinel"));
		assertThat(browser.getPageSource()).contains("Detect potentially fraudulent card transactions");
	}

	@Test
	void theAdminReadsTheAiPolicyAcknowledgesItAndSeesTheRaciGap() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(server.url("/policies"));
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(RunningJar.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("policies-table")));
		browser.findElement(By.linkText("AI policy")).click();
		wait.until(ExpectedConditions.titleContains("AI policy"));
		assertThat(browser.findElement(By.cssSelector(".policy-text h1")).getText()).isEqualTo("AI policy of Northwind Finance");
		org.openqa.selenium.WebElement acknowledge = browser.findElement(By.xpath("//button[contains(., 'I have read this policy')]"));
		// Submitted rather than clicked: Bootstrap's smooth scrolling moves the button while the driver clicks.
		acknowledge.submit();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You have acknowledged this version"));

		browser.get(server.url("/responsibilities"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gaps")));
		assertThat(browser.findElement(By.id("gaps")).getText()).contains("TalentSift Screening").contains("no human oversight");
		assertThat(browser.findElement(By.id("matrix")).getText()).contains("CreditScore").contains("lena.park");
	}

	@Test
	void theHeatMapCellLeadsToTheRisksCountedInIt() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(server.url("/risks/heatmap"));
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(RunningJar.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.heatmap[data-kind=INHERENT]")));
		// The fullest inherent cell of the demo register.
		org.openqa.selenium.WebElement fullest = browser.findElements(By.cssSelector("table.heatmap[data-kind=INHERENT] td[data-count]"))
			.stream()
			.max(java.util.Comparator.comparingInt(td -> Integer.parseInt(td.getAttribute("data-count"))))
			.orElseThrow();
		int count = Integer.parseInt(fullest.getAttribute("data-count"));
		assertThat(count).isGreaterThan(1);
		String cell = fullest.getAttribute("data-likelihood") + "&impact=" + fullest.getAttribute("data-impact");
		browser.get(fullest.findElement(By.tagName("a")).getAttribute("href"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("risks-table")));
		assertThat(browser.getCurrentUrl()).contains("likelihood=" + cell);
		assertThat(browser.findElements(By.cssSelector("#risks-table tbody tr"))).hasSize(count);

		browser.findElement(By.cssSelector("#risks-table tbody tr a")).click();
		wait.until(ExpectedConditions.titleContains("RISK-"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("History").contains("RiskIdentified");
	}
}
