package dev.readiness.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An H3 (or deeper) heading inside a section, with the items written directly under it.
 *
 * @param number the leading number such as {@code 1.2}, or null
 * @param title the heading without number and status marks
 * @param level heading level, 3 to 6
 * @param declared status declared by the heading's marks, or null
 * @param statedPercent a {@code **Status**: N% complete} line that belongs to this subsection, or
 *     null
 * @param statedLine line of that Status line, 0 when none
 * @param completedOn date of a {@code - [x] **Date**: YYYY-MM-DD} completion stamp, or null
 * @param line 1-based line of the heading
 * @param items items directly under this heading (not under a deeper heading)
 * @param children deeper headings, in order
 */
public record Subsection(
    String number,
    String title,
    int level,
    DeclaredStatus declared,
    Double statedPercent,
    int statedLine,
    LocalDate completedOn,
    int line,
    List<Item> items,
    List<Subsection> children)
    implements Serializable {

  public Subsection {
    Objects.requireNonNull(title, "title");
    items = List.copyOf(items);
    children = List.copyOf(children);
  }

  /** Checked items under this heading and every deeper one. */
  public int done() {
    return (int) allItems().stream().filter(Item::done).count();
  }

  /** Items under this heading and every deeper one. */
  public int total() {
    return allItems().size();
  }

  /** Items under this heading and every deeper one, in document order. */
  public List<Item> allItems() {
    if (children.isEmpty()) {
      return items;
    }
    List<Item> all = new ArrayList<>(items);
    children.forEach(child -> all.addAll(child.allItems()));
    all.sort(Comparator.comparingInt(Item::index));
    return List.copyOf(all);
  }
}
