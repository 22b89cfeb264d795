package dev.readiness.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entry of a list under a heading that contains "Blocker".
 *
 * @param title the bold part, or the text before " - "
 * @param detail the rest, possibly empty
 * @param line 1-based source line
 */
public record Blocker(String title, String detail, int line) implements Serializable {
  public Blocker {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
  }
}
