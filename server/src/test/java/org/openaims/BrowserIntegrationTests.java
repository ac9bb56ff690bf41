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

	/**
	 * The probe's critical finding, replayed in a real browser: an HTML policy document with a
	 * non-Latin-1 name loads a JavaScript document of another policy that creates an ADMIN user. The
	 * HTML is now downloaded, not shown; and even included by a page of the application itself, the
	 * script is not run (its type is not JavaScript, and nosniff forbids guessing).
	 */
	@Test
	void aPolicyDocumentCannotRunScriptInTheApplicationsOriginToCreateAnAdmin() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(http.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/v1/auth/token")))
					.header("Content-Type", "application/json")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
							+ RunningJar.ADMIN_PASSWORD + "\"}"))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("secret").asString();
		String intruder = "mallory-" + System.nanoTime() % 100000;
		String script = "fetch('/admin/users/new').then(r => r.text()).then(html => {"
				+ " const token = html.match(/name=\"_csrf\" value=\"([^\"]+)\"/)[1];"
				+ " return fetch('/admin/users/new', {method: 'POST', body: new URLSearchParams({_csrf: token, username: '" + intruder
				+ "', password: 'violet-harbour-lantern-9', roles: 'ADMIN'})}); })"
				+ ".then(() => { document.title = 'PWNED'; window.pwned = true; });";
		String scripted = policyWithDocument(http, token, "helper.js", "text/javascript", script);
		String page = "<!DOCTYPE html><html><head><title>Policy</title><script src=\"/policies/" + scripted
				+ "/versions/1/file\"></script></head><body>AI policy</body></html>";
		String html = policyWithDocument(http, token, "Richtlinie–KI 政策.html", "text/html", page);

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(server.url("/policies"));
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(RunningJar.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("policies-table")));
		String before = browser.getCurrentUrl();

		// The admin opens the HTML document: it is downloaded, the browser stays on the application's page.
		browser.get(server.url("/policies/" + html + "/versions/1/file"));
		Thread.sleep(2000);
		assertThat(browser.getTitle()).isNotEqualTo("PWNED");
		assertThat(browser.getCurrentUrl()).isEqualTo(before);

		// Even a page of the application that includes the JavaScript document does not run it.
		browser.get(server.url("/policies"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("policies-table")));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("const s = document.createElement('script');"
				+ " s.src = '/policies/" + scripted + "/versions/1/file'; document.head.appendChild(s);");
		Thread.sleep(2000);
		assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned === true")).isEqualTo(false);
		assertThat(browser.getTitle()).isNotEqualTo("PWNED");

		java.net.http.HttpResponse<String> users = http.send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(server.url("/api/v1/users?q=" + intruder))).header("Authorization", "Bearer " + token).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.body()).doesNotContain(intruder);

		// The headers that make it so.
		java.net.http.HttpResponse<String> download = http.send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(server.url("/api/v1/policies/" + html + "/versions/1/file"))).header("Authorization", "Bearer " + token)
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;")
			.contains("filename*=UTF-8''"));
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("sandbox"));
	}

	/**
	 * An auditor works through a checklist with the keyboard alone — a result key, notes, Ctrl+Enter,
	 * the next item focused, j / k between items — and raises a nonconformity on an AI system; its
	 * owner signs in, records the root cause and a corrective action, and the page says what is next.
	 */
	@Test
	void anAuditorWorksThroughAChecklistWithTheKeyboardAndTheOwnerRecordsRootCauseAndAction() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		String admin = token(http, "admin", RunningJar.ADMIN_PASSWORD);
		long n = System.nanoTime() % 100000;
		String auditor = "auditor-" + n;
		String owner = "owner-" + n;
		String password = "violet-harbour-lantern-42";
		send(http, "POST", "/api/v1/users", admin, Map.of("username", auditor, "password", password, "roles", java.util.List.of("AUDITOR")));
		send(http, "POST", "/api/v1/users", admin, Map.of("username", owner, "password", password, "roles", java.util.List.of("SYSTEM_OWNER")));
		String auditorToken = token(http, auditor, password);
		String system = send(http, "POST", "/api/v1/ai-systems", admin, Map.of("name", "Keyboard scorer " + n, "intendedPurpose", "Be audited",
				"organizationRoles", java.util.List.of("PROVIDER"), "lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner", owner))
			.get("id").asString();
		String programme = send(http, "POST", "/api/v1/audit-programmes", auditorToken, Map.of("title", "Programme " + n, "periodStart",
				java.time.LocalDate.now().toString(), "periodEnd", java.time.LocalDate.now().plusYears(1).toString())).get("id").asString();
		send(http, "POST", "/api/v1/audit-programmes/" + programme + "/submit", auditorToken, Map.of());
		String approval = send(http, "GET", "/api/v1/approvals?status=PENDING&itemType=audit-programme&itemId=" + programme, admin, null)
			.get("items").get(0).get("id").asString();
		send(http, "POST", "/api/v1/approvals/" + approval + "/decisions", admin, Map.of("decision", "APPROVE"));
		Map<String, Object> plan = new java.util.HashMap<>();
		plan.put("programmeId", programme);
		plan.put("title", "Release controls " + n);
		plan.put("plannedStart", java.time.LocalDate.now().toString());
		plan.put("plannedEnd", java.time.LocalDate.now().toString());
		plan.put("auditedFrom", java.time.LocalDate.now().minusDays(30).toString());
		plan.put("auditedTo", java.time.LocalDate.now().toString());
		plan.put("controls", java.util.List.of("A.6.2.4"));
		plan.put("aiSystemIds", java.util.List.of(system));
		plan.put("processes", java.util.List.of("Model release"));
		plan.put("leadAuditor", auditor);
		String audit = send(http, "POST", "/api/v1/audits", auditorToken, plan).get("id").asString();
		send(http, "POST", "/api/v1/audits/" + audit + "/start", auditorToken, Map.of());

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		signIn(wait, "/assurance/audits/" + audit, auditor, password);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
		org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser);
		assertThat(activeId()).as("the first open item is focused").isEqualTo("result-1");
		keys.sendKeys("1").sendKeys(org.openqa.selenium.Keys.TAB).sendKeys("Verification plan and two test runs seen")
			.keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys(org.openqa.selenium.Keys.ENTER).keyUp(org.openqa.selenium.Keys.CONTROL).perform();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Item 1"));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Item 1").contains("conforming, by " + auditor);
		wait.until(d -> "result-2".equals(activeId()));

		keys = new org.openqa.selenium.interactions.Actions(browser);
		keys.sendKeys("2").sendKeys(org.openqa.selenium.Keys.TAB).sendKeys("No monitoring of drift since March")
			.sendKeys(org.openqa.selenium.Keys.TAB).sendKeys("dashboards of April")
			.sendKeys(org.openqa.selenium.Keys.TAB).sendKeys(org.openqa.selenium.Keys.TAB).sendKeys("Drift not monitored " + n)
			.keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys(org.openqa.selenium.Keys.ENTER).keyUp(org.openqa.selenium.Keys.CONTROL).perform();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Nonconformity raised"));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Item 2").contains("minor nonconformity");
		wait.until(d -> "result-3".equals(activeId()));
		new org.openqa.selenium.interactions.Actions(browser).sendKeys("k").perform();
		assertThat(activeId()).as("k moves back to the previous item").isEqualTo("result-2");
		new org.openqa.selenium.interactions.Actions(browser).sendKeys("j").perform();
		assertThat(activeId()).as("j moves on").isEqualTo("result-3");
		assertThat(browser.findElement(By.id("item-2")).getText()).contains("Minor nonconformity").contains("No monitoring of drift since March");

		String nc = send(http, "GET", "/api/v1/audits/" + audit, admin, null).get("items").get(1).get("nonconformityId").asString();
		browser.manage().deleteAllCookies();
		signIn(wait, "/assurance/nonconformities/" + nc, owner, password);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis")));
		assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("root cause to analyse");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("a-method"))).selectByValue("FIVE_WHYS");
		browser.findElement(By.id("a-root")).sendKeys("Drift checks were never scheduled after the March release");
		browser.findElement(By.id("a-root")).submit();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage"), "corrective actions to plan"));
		assertThat(browser.findElement(By.id("root-cause")).getText()).contains("FIVE_WHYS").contains("never scheduled");
		browser.findElement(By.id("action-description")).sendKeys("Schedule weekly drift checks with alerts");
		browser.findElement(By.id("action-description")).submit();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage"), "corrective actions in progress"));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Corrective action added for " + owner);
		assertThat(browser.findElement(By.id("actions")).getText()).contains("Schedule weekly drift checks with alerts").contains("OPEN");
	}

	private void signIn(WebDriverWait wait, String path, String username, String password) {
		browser.get(server.url(path));
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private String activeId() {
		return String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.activeElement.id"));
	}

	private static String token(java.net.http.HttpClient http, String username, String password) throws Exception {
		return send(http, "POST", "/api/v1/auth/token", null, Map.of("username", username, "password", password)).get("secret").asString();
	}

	private static tools.jackson.databind.JsonNode send(java.net.http.HttpClient http, String method, String path, String token, Object body)
			throws Exception {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
				: java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		java.net.http.HttpResponse<String> response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
		return json.readTree(response.body());
	}

	/** A new policy whose first version carries the given document (uploaded with the uploader's own type); its id. */
	private static String policyWithDocument(java.net.http.HttpClient http, String token, String name, String type, String content)
			throws Exception {
		String created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/v1/policies")))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"Attack " + System.nanoTime()
					+ "\",\"owner\":\"admin\",\"reviewIntervalMonths\":12,\"approvalsRequired\":1,\"body\":\"x\"}"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
		String id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(created).get("id").asString();
		String boundary = "----aims" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''"
				+ java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "; filename=\""
				+ name + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(head);
		body.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.write(tail);
		java.net.http.HttpResponse<String> uploaded = http.send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(server.url("/api/v1/policies/" + id + "/versions/1/file")))
			.header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		return id;
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
