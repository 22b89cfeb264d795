package dev.readiness.analyze;

import dev.readiness.model.DeclaredStatus;
import dev.readiness.model.Item;
import dev.readiness.model.Part;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import dev.readiness.model.Subsection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The warnings that one review raises on its own (SPEC "Warnings"); history adds REVIEW_OVERDUE.
 */
final class Lint {
  private static final Pattern CLAIMS_DONE = Pattern.compile("✅|✔|\\b(DONE|COMPLETED?)\\b");
  private static final Pattern TABLE_SEPARATOR =
      Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
  private static final Pattern LIST_ENTRY =
      Pattern.compile("(?m)^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+\\S");

  private Lint() {}

  /**
   * Every warning of one review, in line order; {@code file} names it in the warnings. Drift is
   * reported where the analysis found it beyond {@code gate.maxDrift} ({@link
   * SectionFigures#drifting()}, {@code scoreDrifting}).
   */
  static List<Problem> check(
      Snapshot snapshot,
      List<SectionFigures> sections,
      Double percent,
      boolean scoreDrifting,
      String file) {
    List<Problem> out = new ArrayList<>();
    drift(snapshot, sections, percent, scoreDrifting, file, out);
    completeWithOpen(snapshot, file, out);
    checkmarks(snapshot, file, out);
    contradictions(snapshot, file, out);
    unsigned(snapshot, file, out);
    noItems(snapshot, file, out);
    return out;
  }

  private static void drift(
      Snapshot snapshot,
      List<SectionFigures> sections,
      Double percent,
      boolean scoreDrifting,
      String file,
      List<Problem> out) {
    for (SectionFigures f : sections) {
      if (f.drifting()) {
        Section s = f.section();
        out.add(
            Problem.warning(
                "STATED_DRIFT",
                file,
                s.statedLine(),
                "section "
                    + quoted(s)
                    + " states "
                    + Format.percent(f.statedPercent())
                    + " complete but "
                    + f.done()
                    + " of "
                    + f.total()
                    + " boxes are checked ("
                    + Format.percent(f.percent())
                    + "); update the stated figure or the boxes"));
      }
    }
    if (scoreDrifting) {
      out.add(
          Problem.warning(
              "STATED_DRIFT",
              file,
              snapshot.statedScoreLine(),
              "the overall score is stated as "
                  + Format.number(snapshot.statedScore())
                  + "/100 but "
                  + snapshot.done()
                  + " of "
                  + snapshot.total()
                  + " boxes are checked ("
                  + Format.percent(percent)
                  + "); update the score or the boxes"));
    }
  }

  private static void completeWithOpen(Snapshot snapshot, String file, List<Problem> out) {
    for (Section section : snapshot.sections()) {
      if (section.declared() == DeclaredStatus.COMPLETE) {
        reportOpen(quoted(section), section.line(), section.items(), file, out);
      }
      for (Subsection sub : flatten(section.subsections())) {
        if (sub.declared() == DeclaredStatus.COMPLETE) {
          String name =
              "\"" + (sub.number() == null ? "" : sub.number() + " ") + sub.title() + "\"";
          reportOpen(name, sub.line(), sub.allItems(), file, out);
        }
      }
    }
  }

  private static void reportOpen(
      String name, int line, List<Item> items, String file, List<Problem> out) {
    List<Item> open = items.stream().filter(i -> !i.done()).toList();
    if (open.isEmpty()) {
      return;
    }
    String first = open.get(0).text();
    out.add(
        Problem.warning(
            "COMPLETE_WITH_OPEN",
            file,
            line,
            name
                + " is marked complete but "
                + open.size()
                + " of its "
                + items.size()
                + " items "
                + (open.size() == 1 ? "is" : "are")
                + " open (first: \""
                + Format.clip(first, 60)
                + "\"); check the items or drop the complete mark"));
  }

  private static void checkmarks(Snapshot snapshot, String file, List<Problem> out) {
    for (Item item : snapshot.items()) {
      if (!item.done() && CLAIMS_DONE.matcher(item.text()).find()) {
        out.add(
            Problem.warning(
                "CHECKMARK_UNCHECKED",
                file,
                item.line(),
                "\""
                    + Format.clip(item.text(), 80)
                    + "\" says it is done but its box is open; check the box ("
                    + "\"- [x]\") or remove the claim"));
      }
    }
  }

  private static void contradictions(Snapshot snapshot, String file, List<Problem> out) {
    Map<String, Item> first = new HashMap<>();
    for (Item item : snapshot.items()) {
      String key = ItemText.normalize(item.text());
      if (key.isEmpty()) {
        continue;
      }
      Item earlier = first.putIfAbsent(key, item);
      if (earlier != null && earlier.done() != item.done()) {
        out.add(
            Problem.warning(
                "CONTRADICTION",
                file,
                item.line(),
                "\""
                    + Format.clip(item.text(), 80)
                    + "\" is "
                    + state(item)
                    + " here but "
                    + state(earlier)
                    + " at line "
                    + earlier.line()
                    + "; make the two agree"));
      }
    }
  }

  private static void unsigned(Snapshot snapshot, String file, List<Problem> out) {
    List<String> missing =
        snapshot.signOff().stream().filter(s -> !s.signed()).map(Signature::role).toList();
    if (!missing.isEmpty()) {
      out.add(
          Problem.warning(
              "UNSIGNED",
              file,
              snapshot.signOffLine(),
              missing.size()
                  + " of "
                  + snapshot.signOff().size()
                  + " sign-off roles are unsigned ("
                  + String.join(", ", missing)
                  + "); fill in names and dates before release"));
    }
  }

  private static void noItems(Snapshot snapshot, String file, List<Problem> out) {
    if (snapshot.total() == 0) {
      String text = snapshot.parts().stream().map(Part::markdown).collect(Collectors.joining("\n"));
      long rows = tableBodyRows(text);
      long entries = LIST_ENTRY.matcher(text).results().count();
      out.add(
          Problem.warning(
              "NO_ITEMS",
              file,
              0,
              "has no task items (\"- [ ]\" or \"- [x]\"), so its progress is n/a; found "
                  + rows
                  + (rows == 1 ? " table row" : " table rows")
                  + " without a status column and "
                  + entries
                  + (entries == 1 ? " list entry" : " list entries")
                  + " without boxes. Write the checks as task items, "
                  + "or give the table a Status column, to count them"));
      return;
    }
    for (Section section : snapshot.sections()) {
      if (section.total() == 0) {
        out.add(
            Problem.warning(
                "NO_ITEMS",
                file,
                section.line(),
                "section "
                    + quoted(section)
                    + " has no task items, so its percent is n/a; add items or remove its number"));
      }
    }
  }

  /**
   * The body rows of the Markdown tables in a text: the lines with a pipe after a header and its
   * separator line ({@code |---|---|}), up to the first line without one. Headers and separators
   * are not rows.
   */
  static long tableBodyRows(String text) {
    long rows = 0;
    boolean inTable = false;
    String previous = "";
    for (String line : text.split("\n", -1)) {
      if (line.indexOf('|') < 0 || line.isBlank()) {
        inTable = false;
      } else if (!inTable
          && previous.indexOf('|') >= 0
          && line.indexOf('-') >= 0
          && TABLE_SEPARATOR.matcher(line).matches()) {
        inTable = true;
      } else if (inTable) {
        rows++;
      }
      previous = line;
    }
    return rows;
  }

  private static List<Subsection> flatten(List<Subsection> subsections) {
    List<Subsection> all = new ArrayList<>();
    for (Subsection sub : subsections) {
      all.add(sub);
      all.addAll(flatten(sub.children()));
    }
    return all;
  }

  private static String quoted(Section section) {
    return "\"" + section.label() + "\"";
  }

  private static String state(Item item) {
    return item.done() ? "checked" : "open";
  }
}
