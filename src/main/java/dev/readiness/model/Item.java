package dev.readiness.model;

import java.util.Objects;

/**
 * One task-list item.
 *
 * @param index position in the review, 0-based, in document order
 * @param markdown the item's own text as written (inline Markdown), without its box
 * @param text the same text as plain words, Markdown removed
 * @param done whether the box is checked
 * @param line 1-based source line of the item
 * @param depth list nesting depth, 0 for a top-level item
 * @param parent index of the enclosing task item, or -1
 * @param subsection title of the innermost heading below the section's H2, or null
 */
public record Item(
    int index,
    String markdown,
    String text,
    boolean done,
    int line,
    int depth,
    int parent,
    String subsection) {

  public Item {
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(text, "text");
    if (index < 0 || line < 1 || depth < 0 || parent >= index) {
      throw new IllegalArgumentException("bad item position: index " + index + ", line " + line);
    }
  }
}
