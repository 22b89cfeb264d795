package dev.readiness.render.text;

import dev.readiness.analyze.Format;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.analyze.ReviewDiff.ItemChange;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link ReviewDiff} as {@code readiness diff} prints it: the change in figures, then each kind
 * of change with its items. The same diff, with the same figures, as the review page and data.json.
 */
public final class DiffReport {
  private DiffReport() {}

  /**
   * The diff as terminal text.
   *
   * @param oldName how to name the earlier file
   * @param newName how to name the later file
   */
  public static String text(ReviewDiff diff, String oldName, String newName, Style style) {
    StringBuilder out = new StringBuilder();
    out.append(style.strong(v(oldName) + " → " + v(newName))).append('\n');
    out.append("review    ")
        .append(date(diff.from()))
        .append(" → ")
        .append(date(diff.to()))
        .append('\n');
    out.append("checked   ")
        .append(diff.doneBefore())
        .append(" → ")
        .append(diff.doneAfter())
        .append('\n');
    out.append("computed  ")
        .append(Format.percent(diff.percentBefore()))
        .append(" → ")
        .append(Format.percent(diff.percentAfter()))
        .append("  ")
        .append(change(diff.percentChange(), style))
        .append('\n');
    if (diff.scoreBefore() != null || diff.scoreAfter() != null) {
      out.append("stated    ")
          .append(Format.number(diff.scoreBefore()))
          .append(" → ")
          .append(Format.number(diff.scoreAfter()))
          .append("  ")
          .append(change(diff.scoreChange(), style))
          .append('\n');
    }
    if (diff.isEmpty()) {
      out.append('\n').append("no changes to items, sections or blockers\n");
      return out.toString();
    }
    list(
        out,
        "sections renamed",
        diff.sectionsRenamed(),
        r -> style.changed(v(r.from()) + " → " + v(r.to())),
        style);
    list(out, "sections added", diff.sectionsAdded(), s -> style.good(v(s)), style);
    list(out, "sections removed", diff.sectionsRemoved(), s -> style.bad(v(s)), style);
    list(out, "done", diff.done(), c -> style.good(item(c)), style);
    list(out, "reopened", diff.reopened(), c -> style.bad(item(c)), style);
    list(out, "added", diff.added(), c -> style.good(box(c) + item(c)), style);
    list(out, "removed", diff.removed(), c -> style.bad(box(c) + item(c)), style);
    list(
        out,
        "reworded",
        diff.reworded(),
        r -> style.changed(v(r.section()) + ": \"" + v(r.from()) + "\" → \"" + v(r.to()) + "\""),
        style);
    list(out, "blockers opened", diff.blockersOpened(), b -> style.bad(v(b)), style);
    list(out, "blockers resolved", diff.blockersResolved(), b -> style.good(v(b)), style);
    return out.toString();
  }

  private static <T> void list(
      StringBuilder out, String heading, List<T> entries, Function<T, String> line, Style style) {
    if (entries.isEmpty()) {
      return;
    }
    out.append('\n').append(style.strong(heading + " (" + entries.size() + ")")).append('\n');
    for (T entry : entries) {
      out.append("  ").append(line.apply(entry)).append('\n');
    }
  }

  private static String item(ItemChange change) {
    return v(change.section()) + ": " + v(change.text());
  }

  /** Checklist text with its control characters shown visibly ({@link TerminalText}). */
  private static String v(String text) {
    return TerminalText.visible(text);
  }

  private static String box(ItemChange change) {
    return change.checked() ? "[x] " : change.partial() ? "[~] " : "[ ] ";
  }

  private static String change(Double value, Style style) {
    if (value == null || value == 0) {
      return "(" + Format.signed(value) + ")";
    }
    String text = "(" + Format.signed(value) + ")";
    return value > 0 ? style.good(text) : style.bad(text);
  }

  private static String date(LocalDate date) {
    return date == null ? "no date" : date.toString();
  }
}
