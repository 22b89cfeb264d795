package dev.readiness.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * One counted item: a task-list item, or a row of a status table.
 *
 * @param index position in the review, 0-based, in document order
 * @param markdown the item's own text as written (inline Markdown), without its box
 * @param text the same text as plain words, Markdown removed
 * @param done whether the box is checked (for a table row: whether its status says done)
 * @param line 1-based source line of the item
 * @param depth list nesting depth, 0 for a top-level item
 * @param parent index of the enclosing task item, or -1
 * @param subsection title of the innermost heading below the section's H2, or null
 * @param kind where the item was written: a task box or a status-table row
 * @param partial whether its status says partly done (⚠️ 🟡 …); a partial item is never done
 */
public record Item(
    int index,
    String markdown,
    String text,
    boolean done,
    int line,
    int depth,
    int parent,
    String subsection,
    Kind kind,
    boolean partial)
    implements Serializable {

  /** Where an item was written. */
  public enum Kind {
    /** A GFM task-list item ({@code - [ ]}, {@code - [x]}). */
    TASK("task"),
    /** A row of a table with a status column, in a part of the document without task items. */
    TABLE_ROW("table");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The key used in JSON, e.g. {@code table}. */
    public String key() {
      return key;
    }
  }

  public Item {
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    if (index < 0 || line < 1 || depth < 0 || parent >= index) {
      throw new IllegalArgumentException("bad item position: index " + index + ", line " + line);
    }
    if (done && partial) {
      throw new IllegalArgumentException("an item is done or partial, not both: line " + line);
    }
  }

  /** A task-list item. */
  public Item(
      int index,
      String markdown,
      String text,
      boolean done,
      int line,
      int depth,
      int parent,
      String subsection) {
    this(index, markdown, text, done, line, depth, parent, subsection, Kind.TASK, false);
  }

  /** This item at another position in its review. */
  public Item at(int newIndex, int newParent) {
    return newIndex == index && newParent == parent
        ? this
        : new Item(
            newIndex, markdown, text, done, line, depth, newParent, subsection, kind, partial);
  }
}
