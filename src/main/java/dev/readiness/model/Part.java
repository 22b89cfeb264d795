package dev.readiness.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A top-level block of the document: the text before the first H2, or one H2 with all it holds.
 * Every line of a file belongs to exactly one part, so nothing is dropped from display.
 *
 * @param title the H2 text, or empty for the text before the first H2
 * @param line 1-based first line
 * @param markdown the source text
 * @param section position of the checklist section this part is, or 0
 */
public record Part(String title, int line, String markdown, int section) implements Serializable {
  public Part {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(markdown, "markdown");
  }
}
