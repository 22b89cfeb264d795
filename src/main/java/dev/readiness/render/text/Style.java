package dev.readiness.render.text;

/**
 * ANSI colours for terminal text, or none: a renderer asks for a style and never checks the
 * terminal.
 */
public enum Style {
  /** Plain text: pipes, files, {@code NO_COLOR}. */
  PLAIN,
  /** ANSI escape sequences for an interactive terminal. */
  ANSI;

  /** {@code text} in green (good news: done, resolved, pass). */
  public String good(String text) {
    return wrap("32", text);
  }

  /** {@code text} in red (bad news: reopened, opened, fail). */
  public String bad(String text) {
    return wrap("31", text);
  }

  /** {@code text} in yellow (changed wording, renames). */
  public String changed(String text) {
    return wrap("33", text);
  }

  /** {@code text} in bold (headings). */
  public String strong(String text) {
    return wrap("1", text);
  }

  private String wrap(String code, String text) {
    return this == PLAIN || text.isEmpty() ? text : "\u001b[" + code + "m" + text + "\u001b[0m";
  }
}
