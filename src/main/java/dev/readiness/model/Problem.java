package dev.readiness.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A warning or an error about an input file, with the line where there is one.
 *
 * @param severity whether the file was still used
 * @param code a stable code such as {@code STATED_DRIFT}, or {@code ERROR_*} for errors
 * @param file the file as the user named it (relative to the input folder where possible)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param message one sentence the reader can act on
 */
public record Problem(Severity severity, String code, String file, int line, String message)
    implements Serializable {

  /** Whether the file was still used. */
  public enum Severity {
    WARNING,
    ERROR
  }

  /** The order problems are reported in: by file, then line, then code. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparing(Problem::code);

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The most warnings reported for one file. A file can hold a warning on every line (a generated
   * file of malformed boxes); past this many, the rest are counted in one {@code TOO_MANY_WARNINGS}
   * warning, which keeps the memory and the output a file costs bounded.
   */
  public static final int MAX_WARNINGS_PER_FILE = 200;

  /**
   * A file's warnings, at most {@link #MAX_WARNINGS_PER_FILE} of them in the given order, and one
   * {@code TOO_MANY_WARNINGS} warning counting the others by code; errors are all kept.
   */
  public static List<Problem> capped(List<Problem> problems) {
    long warnings = problems.stream().filter(p -> p.severity == Severity.WARNING).count();
    if (warnings <= MAX_WARNINGS_PER_FILE) {
      return problems;
    }
    List<Problem> kept = new ArrayList<>();
    Map<String, Integer> unlisted = new TreeMap<>();
    int shown = 0;
    String file = null;
    for (Problem p : problems) {
      if (p.severity == Severity.ERROR || shown < MAX_WARNINGS_PER_FILE) {
        kept.add(p);
        shown += p.severity == Severity.WARNING ? 1 : 0;
      } else {
        unlisted.merge(p.code, 1, Integer::sum);
        file = file == null ? p.file : file;
      }
    }
    kept.add(tooManyWarnings(file, unlisted));
    return kept;
  }

  /** The warning that counts, by code, the warnings of a file that are not listed. */
  public static Problem tooManyWarnings(String file, Map<String, Integer> unlisted) {
    int total = unlisted.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder codes = new StringBuilder();
    unlisted.forEach(
        (code, count) ->
            codes
                .append(codes.length() == 0 ? "" : ", ")
                .append(code)
                .append(' ')
                .append(String.format(Locale.ROOT, "%,d", count)));
    return warning(
        "TOO_MANY_WARNINGS",
        file,
        0,
        String.format(Locale.ROOT, "%,d", total)
            + " more warning"
            + (total == 1 ? " is" : "s are")
            + " not listed ("
            + codes
            + "); fix the ones listed and build again");
  }

  public static Problem warning(String code, String file, int line, String message) {
    return new Problem(Severity.WARNING, code, file, line, message);
  }

  public static Problem error(String code, String file, int line, String message) {
    return new Problem(Severity.ERROR, code, file, line, message);
  }

  /** The one-line form shown to users: {@code file:line: message [CODE]}. */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    String kind = severity == Severity.ERROR ? "error" : "warning";
    return where + ": " + kind + ": " + message + " [" + code + "]";
  }
}
