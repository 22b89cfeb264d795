package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Layout in headless Chromium (Debian's chromium and chromedriver, as {@link SiteBrowserTest}):
 * 300-letter words in every field (fixtures/site-long) never make a page wider than a phone or a
 * desktop window, nested task items are indented, a Hebrew checklist puts its boxes on the right,
 * and the review's chart fits a phone. Skipped only where Chromium is not installed and CI is not
 * set. Screenshots go to target/screenshots.
 */
class LayoutBrowserTest {
  private static final Path SHOTS = Path.of("target/screenshots");

  @TempDir static Path dir;
  static BuiltSite site;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    boolean installed = Chromium.installed();
    if (System.getenv("CI") == null) {
      assumeTrue(installed, "install chromium and chromium-driver to run the browser test");
    }
    assertTrue(installed, "CI must install chromium and chromium-driver (.ci/run)");
    Path input = dir.resolve("input");
    copy(Path.of("src/test/resources/fixtures/site-long/long"), input.resolve("long"));
    copy(Path.of("src/test/resources/fixtures/site-rtl/he"), input.resolve("he"));
    copy(Path.of("src/test/resources/fixtures/site-edge/bare"), input.resolve("bare"));
    site = BuiltSite.build(input, dir, BuiltSite.BASE_URL, null, false);
    ChromeDriverService service = Chromium.service();
    ChromeOptions options = Chromium.options(dir);
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SHOTS);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()));
      }
    }
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static double number(String script, Object... args) {
    return ((Number) js(script, args)).doubleValue();
  }

  private static void open(String page, int width) {
    if (width < 640) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    } else {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }
    driver.get(site.root.resolve(page).toUri().toString());
  }

  @Test
  void longWordsNeverWidenAnyPage() throws IOException {
    List<String> pages = site.pages();
    assertTrue(
        pages.containsAll(
            List.of(
                "index.html",
                "projects/long/index.html",
                "projects/long/2026-01-05/index.html",
                "projects/long/2026-01-12/index.html",
                "blockers/index.html",
                "timeline/index.html",
                "search/index.html")));
    List<String> wide = new ArrayList<>();
    for (int width : new int[] {390, 1280}) {
      for (String page : pages) {
        open(page, width);
        double overflow =
            number(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow > 0) {
          wide.add(page + " at " + width + " px: " + (int) overflow + " px too wide");
        }
      }
    }
    for (int width : new int[] {390, 1280}) {
      open("projects/long/2026-01-12/index.html", width);
      // A long identifier in the risks stays in its column instead of running into the next one.
      for (WebElement column : driver.findElements(By.cssSelector("#notes .notes > div"))) {
        double spill =
            number("return arguments[0].scrollWidth - arguments[0].clientWidth;", column);
        if (spill > 0) {
          wide.add("notes column at " + width + " px: " + (int) spill + " px spill");
        }
      }
    }
    screenshot("long-review-phone");
    assertEquals(List.of(), wide);
  }

  @Test
  void nestedTaskItemsAreIndented() {
    open("projects/long/2026-01-05/index.html", 1280);
    WebElement nested =
        driver.findElement(By.cssSelector("#checklist li.task-list-item li.task-list-item input"));
    WebElement parent =
        (WebElement)
            js("return arguments[0].closest('ul').closest('li').querySelector('input');", nested);
    double indent = nested.getRect().getX() - parent.getRect().getX();
    assertTrue(indent >= 16, "nested box is " + indent + " px right of its parent's");
  }

  @Test
  void aHebrewChecklistHasItsBoxesOnTheRightAndNestsLeftwards() throws IOException {
    open("projects/he/2026-01-05/index.html", 1280);
    WebElement first = driver.findElement(By.cssSelector("#checklist li.task-list-item"));
    WebElement box = first.findElement(By.tagName("input"));
    double itemRight = first.getRect().getX() + first.getRect().getWidth();
    assertTrue(box.getRect().getX() > itemRight - 40, "the box is at the item's right end");
    WebElement nested =
        driver.findElement(By.cssSelector("#checklist li.task-list-item li.task-list-item input"));
    WebElement parent =
        (WebElement)
            js("return arguments[0].closest('ul').closest('li').querySelector('input');", nested);
    double indent = parent.getRect().getX() - nested.getRect().getX();
    assertTrue(indent >= 16, "nested box is " + indent + " px left of its parent's");
    screenshot("rtl-review-desktop");
  }

  @Test
  void theReviewChartFitsAPhone() {
    open("projects/long/2026-01-05/index.html", 390);
    WebElement chart = driver.findElement(By.cssSelector("#by-section figure.chart img"));
    double right = chart.getRect().getX() + chart.getRect().getWidth();
    assertTrue(right <= 390, "chart ends at " + right + " px");
    double visible =
        number(
            "const r = arguments[0].getBoundingClientRect(); const f = arguments[0].closest('figure')"
                + ".getBoundingClientRect(); return Math.min(r.right, f.right) - Math.max(r.left, f.left);",
            chart);
    assertEquals(
        chart.getRect().getWidth(), visible, 1.0, "the whole chart is visible, not cut off");
  }

  private static void screenshot(String name) throws IOException {
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.write(
        SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
