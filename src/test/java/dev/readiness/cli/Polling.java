package dev.readiness.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Waiting for a running server (serve) to show something. */
final class Polling {
  private Polling() {}

  /** A value, or null while it is not there yet. */
  interface Probe {
    String get() throws Exception;
  }

  /** The probe's first non-null value, asked every 100 ms until {@code limit} has passed. */
  static String await(Probe probe, String what, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      String value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** The first group of the pattern's first match in {@code text}, or null. */
  static String match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
