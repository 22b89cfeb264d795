package dev.readiness.render.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium from Debian's packages, as the browser tests drive it. */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** Whether chromium and chromium-driver are installed. */
  static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /** The driver service on a free port. */
  static ChromeDriverService service() {
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
  }

  /** Headless, 1280 × 900, with a fresh profile in a new folder under {@code dir}. */
  static ChromeOptions options(Path dir) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
    return options;
  }
}
