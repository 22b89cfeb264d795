package dev.readiness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the standard streams are attached to, which decides colour and the progress bar.
 *
 * @param stdout whether standard output is an interactive terminal
 * @param stderr whether standard error is an interactive terminal
 */
record Terminal(boolean stdout, boolean stderr) {
  /** Neither stream is a terminal: plain text, no progress bar (pipes, files, tests). */
  static final Terminal NONE = new Terminal(false, false);

  /**
   * The streams of this process. Standard output counts as a terminal when the JVM has a console
   * ({@code System.console() != null}). Java has no test for standard error alone, so on Linux
   * {@code /proc/self/fd/2} tells whether it is a tty; elsewhere the console answers for both.
   */
  static Terminal detect(Map<String, String> environment) {
    boolean console = System.console() != null;
    boolean dumb = "dumb".equals(environment.get("TERM"));
    return new Terminal(console, !dumb && stderrIsTty(console));
  }

  /**
   * Whether colour may be used on standard output: a terminal, and {@code NO_COLOR} unset or empty.
   */
  boolean colour(Map<String, String> environment) {
    String noColor = environment.get("NO_COLOR");
    return stdout && (noColor == null || noColor.isEmpty());
  }

  private static boolean stderrIsTty(boolean console) {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      // fall back to the console below
    }
    return console;
  }
}
