package dev.readiness.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A checklist section: an H2 that holds task items or carries a section number, or the items
 * written before the first H2.
 *
 * @param position 1-based order among the review's sections
 * @param number the section number ({@code Section 3:} or {@code 3.}), or null
 * @param title the heading without number and status marks
 * @param heading the heading text as written
 * @param declared status declared by the heading's marks, or null
 * @param statedPercent the percent the authors state for it, or null
 * @param statedLine line of that statement, 0 when none
 * @param statedFrom where the stated percent came from: {@code status} line or {@code table} row
 * @param line 1-based line of the heading (1 for the preamble section)
 * @param items every item of the section in document order, subsections included
 * @param subsections its H3 and deeper headings, nested
 * @param markdown the section's source text from its heading to the next H2
 */
public record Section(
    int position,
    String number,
    String title,
    String heading,
    DeclaredStatus declared,
    Double statedPercent,
    int statedLine,
    String statedFrom,
    int line,
    List<Item> items,
    List<Subsection> subsections,
    String markdown)
    implements Serializable {

  public Section {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(markdown, "markdown");
    items = List.copyOf(items);
    subsections = List.copyOf(subsections);
  }

  /** Number of checked items. */
  public int done() {
    return (int) items.stream().filter(Item::done).count();
  }

  /** Number of open items whose status says partly done (rows of status tables marked ⚠️ or 🟡). */
  public int partial() {
    return (int) items.stream().filter(Item::partial).count();
  }

  /** Number of items. */
  public int total() {
    return items.size();
  }

  /** A label for messages and charts: {@code 3. Resilience} or the title alone. */
  public String label() {
    return number == null ? title : number + ". " + title;
  }
}
