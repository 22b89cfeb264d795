package dev.readiness.model;

import java.util.Objects;

/**
 * A warning or an error about an input file, with the line where there is one.
 *
 * @param severity whether the file was still used
 * @param code a stable code such as {@code STATED_DRIFT}, or {@code ERROR_*} for errors
 * @param file the file as the user named it (relative to the input folder where possible)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param message one sentence the reader can act on
 */
public record Problem(Severity severity, String code, String file, int line, String message) {

  /** Whether the file was still used. */
  public enum Severity {
    WARNING,
    ERROR
  }

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
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
