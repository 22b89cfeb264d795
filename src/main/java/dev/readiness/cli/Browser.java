package dev.readiness.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a page in the user's browser for {@code serve --open}: the command in {@code BROWSER} when
 * it is set (as Python, git and many tools honour it; {@code %s} stands for the address, else the
 * address is added), else the desktop's opener ({@code xdg-open}, {@code open}, or Windows' URL
 * handler).
 */
final class Browser {
  private Browser() {}

  /** The command line that opens {@code url}; {@code osName} is the {@code os.name} property. */
  static List<String> command(URI url, Map<String, String> environment, String osName) {
    String browser = environment.getOrDefault("BROWSER", "").strip();
    if (!browser.isEmpty()) {
      // BROWSER may list several commands separated by ':'; the first is used.
      String first = browser.split(":")[0].strip();
      List<String> words = new ArrayList<>(List.of(first.split("\\s+")));
      boolean placed = false;
      for (int i = 0; i < words.size(); i++) {
        if (words.get(i).contains("%s")) {
          words.set(i, words.get(i).replace("%s", url.toString()));
          placed = true;
        }
      }
      if (!placed) {
        words.add(url.toString());
      }
      return List.copyOf(words);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return List.of("open", url.toString());
    }
    if (os.startsWith("windows")) {
      return List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
    }
    return List.of("xdg-open", url.toString());
  }

  /**
   * Starts the browser on {@code url} without waiting for it.
   *
   * @throws IOException when the command cannot be started
   */
  static void open(URI url, Map<String, String> environment) throws IOException {
    new ProcessBuilder(command(url, environment, System.getProperty("os.name", "")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new File(osNullDevice())))
        .start();
  }

  private static String osNullDevice() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
        ? "NUL"
        : "/dev/null";
  }
}
