package dev.readiness.render.pdf;

import dev.readiness.model.Problem;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reports the characters of a document that no embedded or installed font could show: a note at the
 * end of the PDF beside the placeholders in the text, and a {@code PDF_MISSING_GLYPHS} warning to
 * the renderer's sink.
 */
final class MissingGlyphs {
  /** The code of the warning. */
  static final String CODE = "PDF_MISSING_GLYPHS";

  private final Consumer<Problem> sink;

  MissingGlyphs(Consumer<Problem> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Adds the note and sends the warning when {@code out} set characters it had no font for.
   *
   * @param file the checklist file the warning names
   * @param pdf which PDF it is, e.g. {@code review PDF}
   */
  void report(Composer out, String file, String pdf) {
    Map<Integer, Integer> missing = out.missingGlyphs();
    if (missing.isEmpty()) {
      return;
    }
    int count = missing.values().stream().mapToInt(Integer::intValue).sum();
    TreeSet<String> scripts = new TreeSet<>();
    StringBuilder codes = new StringBuilder();
    int shown = 0;
    for (int cp : missing.keySet()) {
      scripts.add(Character.UnicodeScript.of(cp).name().toLowerCase(Locale.ROOT).replace('_', ' '));
      if (shown++ < 12) {
        codes
            .append(codes.length() == 0 ? "" : ", ")
            .append(String.format(Locale.ROOT, "U+%04X", cp));
      }
    }
    if (missing.size() > 12) {
      codes.append(", …");
    }
    String message =
        count
            + " character"
            + (count == 1 ? "" : "s")
            + " ("
            + String.join(", ", scripts)
            + ": "
            + codes
            + ") have no font in the "
            + pdf
            + " and show as placeholders; install a font that has them"
            + " (e.g. the fonts-noto-core package, or fonts-noto-cjk for Chinese, Japanese and Korean) and build again";
    out.keepSpace(90);
    out.subheading("Characters not shown", Styles.H3.color(Styles.BAD), 18, 2, 0);
    out.paragraph(message + ".", Styles.BODY, 0, 4);
    sink.accept(Problem.warning(CODE, file, 0, message));
  }
}
