package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built example site in real headless Chromium (Debian's chromium and chromedriver, driver path
 * set so nothing is downloaded), served on 127.0.0.1: navigation, items, chart, search, console
 * errors (which include Content-Security-Policy violations), axe-core, phone layout, screenshots
 * under target/screenshots. Skipped only where Chromium is not installed and CI is not set.
 */
class SiteBrowserTest {
  private static final Path SHOTS = Path.of("target/screenshots");

  @TempDir static Path dir;
  static BuiltSite site;
  static HttpServer server;
  static ChromeDriver driver;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    boolean installed = Chromium.installed();
    if (System.getenv("CI") == null) {
      assumeTrue(installed, "install chromium and chromium-driver to run the browser test");
    }
    assertTrue(installed, "CI must install chromium and chromium-driver (.ci/run)");
    site = BuiltSite.example(dir);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath().substring(1);
          Path file = site.root.resolve(path).normalize();
          if (!file.startsWith(site.root) || !Files.isRegularFile(file)) {
            byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().set("Content-Type", contentType(path));
          exchange.sendResponseHeaders(200, Files.size(file));
          try (InputStream in = Files.newInputStream(file);
              OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

    ChromeDriverService service = Chromium.service();
    ChromeOptions options = Chromium.options(dir);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void browsesFromPortfolioToAReviewAndSearches() throws IOException {
    driver.get(base + "index.html");
    assertEquals("Portfolio · Production readiness", driver.getTitle());
    assertConsoleClean("portfolio");
    screenshots("portfolio");

    driver.findElement(By.linkText("Mahavishnu MCP Ecosystem")).click();
    waitFor(() -> driver.getCurrentUrl().endsWith("projects/mahavishnu/index.html"));
    assertChartsLoaded(2);
    assertConsoleClean("project");
    screenshots("project");

    driver.findElement(By.linkText("2026-02-02")).click();
    waitFor(() -> driver.getCurrentUrl().endsWith("projects/mahavishnu/2026-02-02/index.html"));
    List<WebElement> boxes = driver.findElements(By.cssSelector("#checklist input[type=checkbox]"));
    assertEquals(192, boxes.size(), "184 items and 8 completion stamps");
    assertEquals(47, boxes.stream().filter(WebElement::isSelected).count());
    assertTrue(boxes.stream().noneMatch(WebElement::isEnabled), "checkboxes are read-only");
    assertEquals("21.2%", driver.findElement(By.cssSelector("#summary .card .big")).getText());
    assertChartsLoaded(1);
    assertConsoleClean("review");
    screenshots("review");

    WebElement quick = driver.findElement(By.id("quick-q"));
    quick.sendKeys("rollback tested", Keys.ENTER);
    waitFor(() -> driver.getCurrentUrl().contains("search/index.html?q=rollback"));
    waitFor(() -> !driver.findElements(By.cssSelector("#search-results li a")).isEmpty());
    List<String> hits =
        driver.findElements(By.cssSelector("#search-results li a")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(hits.contains("☐ Rollback procedures tested"), hits.toString());
    assertEquals("rollback tested", driver.findElement(By.id("q")).getAttribute("value"));
    assertConsoleClean("search");
    screenshot("search-desktop");

    driver.findElement(By.linkText("☐ Rollback procedures tested")).click();
    waitFor(() -> driver.getCurrentUrl().contains("projects/mahavishnu/2026-03-09/index.html#L"));
    String id = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1);
    assertTrue(driver.findElement(By.id(id)).getText().contains("Rollback procedures tested"));
  }

  @Test
  void liveSearchFiltersAsYouType() {
    driver.get(base + "search/index.html");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("orion");
    waitFor(
        () -> driver.findElement(By.id("search-status")).getText().contains("results for “orion”"));
    List<String> groups =
        driver.findElements(By.cssSelector("#search-results h2")).stream()
            .map(WebElement::getText)
            .toList();
    // 1 project, its 3 reviews; the items of the latest orion review do not name orion, but the
    // item index matches on the project name too: all 10 of them.
    assertEquals(
        List.of("Projects (1)", "Reviews (3)", "Items of the latest reviews (10)"), groups);
    q.clear();
    q.sendKeys("pagerduty");
    waitFor(() -> driver.findElement(By.id("search-status")).getText().contains("“pagerduty”"));
    assertEquals("1 result for “pagerduty”.", driver.findElement(By.id("search-status")).getText());
    assertConsoleClean("live search");
  }

  @Test
  void columnHeadersSortTheProjectsTable() {
    driver.get(base + "index.html");
    By names = By.cssSelector("#projects tbody th");
    WebElement computed = driver.findElement(By.xpath("//table[@id='projects']//thead//th[3]"));
    computed.findElement(By.tagName("button")).click();
    assertEquals("ascending", computed.getAttribute("aria-sort"));
    assertEquals(
        List.of("Mahavishnu MCP Ecosystem", "Orion Payments Gateway"),
        driver.findElements(names).stream().map(WebElement::getText).toList());
    computed.findElement(By.tagName("button")).click();
    assertEquals("descending", computed.getAttribute("aria-sort"));
    assertEquals(
        List.of("Orion Payments Gateway", "Mahavishnu MCP Ecosystem"),
        driver.findElements(names).stream().map(WebElement::getText).toList());
    assertConsoleClean("sorting");
  }

  @Test
  void worksFromFileUrlsUnderTheContentSecurityPolicy() {
    driver.get(site.root.resolve("index.html").toUri().toString());
    assertEquals(2, driver.findElements(By.cssSelector("#projects tbody tr")).size());
    assertConsoleClean("file:// portfolio");
    driver.get(site.root.resolve("search/index.html").toUri() + "?q=alert+routing");
    waitFor(() -> !driver.findElements(By.cssSelector("#search-results li a")).isEmpty());
    assertConsoleClean("file:// search");
  }

  @Test
  void axeFindsNoSeriousViolations() throws IOException {
    String axe =
        new String(
            SiteBrowserTest.class.getResourceAsStream("/axe-core/axe.min.js").readAllBytes(),
            StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    for (String page :
        List.of(
            "index.html",
            "projects/mahavishnu/index.html",
            "projects/mahavishnu/2026-02-02/index.html",
            "blockers/index.html",
            "timeline/index.html",
            "search/index.html")) {
      driver.get(base + page);
      ((JavascriptExecutor) driver).executeScript(axe);
      Object result =
          ((JavascriptExecutor) driver)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "axe.run(document, {resultTypes: ['violations']})"
                      + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                      + " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))))"
                      + ".catch(e => done('error: ' + e));");
      String json = String.valueOf(result);
      assertFalse(json.startsWith("error"), json);
      for (JsonNode v : new ObjectMapper().readTree(json)) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          problems.add(
              page
                  + ": "
                  + v.path("id").asText()
                  + " ("
                  + impact
                  + ") "
                  + v.path("help").asText()
                  + " "
                  + v.path("targets"));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void darkSchemeKeepsContrast() throws IOException {
    String axe =
        new String(
            SiteBrowserTest.class.getResourceAsStream("/axe-core/axe.min.js").readAllBytes(),
            StandardCharsets.UTF_8);
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    try {
      List<String> problems = new ArrayList<>();
      for (String page : List.of("index.html", "projects/mahavishnu/2026-02-02/index.html")) {
        driver.get(base + page);
        String background =
            (String)
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "return getComputedStyle(document.documentElement).backgroundColor;");
        assertEquals("rgb(20, 24, 29)", background, "the dark scheme applies");
        ((JavascriptExecutor) driver).executeScript(axe);
        Object result =
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: ['color-contrast']})"
                        + ".then(r => done(JSON.stringify(r.violations.map(v => v.id + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' '))))))"
                        + ".catch(e => done('error: ' + e));");
        String json = String.valueOf(result);
        if (!json.equals("[]")) {
          problems.add(page + ": " + json);
        }
      }
      assertEquals(List.of(), problems);
      screenshot("review-dark");
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }
  }

  @Test
  void phoneLayoutDoesNotScrollSideways() {
    try {
      for (String page :
          List.of(
              "index.html",
              "projects/mahavishnu/index.html",
              "projects/mahavishnu/2026-03-09/index.html",
              "timeline/index.html")) {
        phone(true);
        driver.get(base + page);
        Object overflow =
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), page + " is wider than a phone");
      }
    } finally {
      phone(false);
    }
  }

  private static void assertChartsLoaded(int expected) {
    List<WebElement> charts = driver.findElements(By.cssSelector("figure.chart img"));
    assertEquals(expected, charts.size());
    for (WebElement chart : charts) {
      waitFor(
          () ->
              ((Number)
                          ((JavascriptExecutor) driver)
                              .executeScript("return arguments[0].naturalWidth;", chart))
                      .intValue()
                  > 0);
      assertFalse(chart.getAttribute("alt").isBlank());
    }
  }

  private static void assertConsoleClean(String where) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    assertEquals(List.of(), errors, "console of " + where);
  }

  private static void screenshots(String name) throws IOException {
    screenshot(name + "-desktop");
    try {
      phone(true);
      driver.navigate().refresh();
      screenshot(name + "-phone");
    } finally {
      phone(false);
    }
  }

  private static void phone(boolean on) {
    if (on) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    } else {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** A full-page PNG under target/screenshots. */
  private static void screenshot(String name) throws IOException {
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
  }

  private static String contentType(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "json" -> "application/json";
      case "xml" -> "application/xml";
      case "pdf" -> "application/pdf";
      default -> "application/octet-stream";
    };
  }
}
