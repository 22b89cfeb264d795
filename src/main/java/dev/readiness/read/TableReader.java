package dev.readiness.read;

import dev.readiness.model.Item;
import dev.readiness.read.DocumentLines.Row;
import dev.readiness.read.DocumentLines.TableAt;
import dev.readiness.read.SectionReader.Frame;
import dev.readiness.read.SectionReader.SubsectionBuilder;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the document's tables after its sections: rows of status tables become items
 * (docs/format.md, "Status tables"), and a table headed Section and Completion gives sections their
 * stated percents.
 */
final class TableReader {
  private static final Pattern STATUS_HEADER =
      Pattern.compile("(?i)\\b(status|state|done|results?)\\b");
  private static final Pattern TOTAL_ROW = Pattern.compile("(?i)(totals?|overall|sum|average)\\W*");
  private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");

  private final DocumentLines d;
  private final SectionReader sections;
  private Map<String, Frame> sectionsByNumber;
  private Map<String, Frame> sectionsByTitle;

  TableReader(DocumentLines d, SectionReader sections) {
    this.d = d;
    this.sections = sections;
  }

  /**
   * Counts the rows of status tables as items (docs/format.md, "Status tables"): in an H2 part (or
   * the text before the first H2) that holds no task items, each row of a table with a status
   * column is an item, done when its status says done, partial when it says partly done. Tables
   * that sum up the document's own sections, and sign-off tables under a sign-off heading, are not.
   */
  void readStatusTables() {
    if (d.tableBlocks.isEmpty()) {
      return;
    }
    Set<Frame> withTasks = Collections.newSetFromMap(new IdentityHashMap<>());
    sections.frames.stream().filter(f -> !f.sectionItems.isEmpty()).forEach(withTasks::add);
    int next = sections.items.size();
    int tableItems = 0;
    for (TableAt table : d.tables()) {
      Frame frame = sections.frameAt(table.line());
      if (withTasks.contains(frame)
          || table.head() == null
          || table.rows().isEmpty()
          || (SignOffReader.isSignOffTable(table)
              && SignOffReader.isSignOffLine(d, table.line()))) {
        continue;
      }
      int status = statusColumn(table);
      int name = status < 0 ? -1 : nameColumn(table, status);
      if (name < 0 || summarizesSections(table, name)) {
        continue;
      }
      SubsectionBuilder sub = frame.subsectionAt(table.line());
      for (Row row : table.rows()) {
        String text = name < row.plain().size() ? row.plain().get(name) : "";
        if (text.isEmpty() || TOTAL_ROW.matcher(text).matches()) {
          continue;
        }
        CellStatus state = statusOf(row, status, table.head().size());
        Item item =
            new Item(
                next++,
                d.texts.of(row.markdown().get(name)),
                d.texts.of(text),
                state == CellStatus.DONE,
                row.line(),
                0,
                -1,
                sub == null ? null : sub.title,
                Item.Kind.TABLE_ROW,
                state == CellStatus.PARTIAL);
        frame.sectionItems.add(item);
        if (sub != null) {
          sub.items.add(item);
        }
        tableItems++;
      }
    }
    if (tableItems > 0) {
      sections.renumber();
    }
  }

  /**
   * The status column of a table: the first whose header says Status, State, Done or Result and
   * that holds at least one status or nothing at all (a blank template: every row open); else the
   * one column whose every cell is a status mark, when no other column holds marks (several columns
   * of marks are a matrix of levels or systems, not a status); else -1.
   */
  private static int statusColumn(TableAt table) {
    for (int c = 0; c < table.head().size(); c++) {
      if (STATUS_HEADER.matcher(table.head().get(c)).find()) {
        boolean blank = true;
        for (Row row : table.rows()) {
          if (statusOf(row, c, table.head().size()) != null) {
            return c;
          }
          blank &= c >= row.plain().size() || row.plain().get(c).isEmpty();
        }
        if (blank) {
          return c;
        }
      }
    }
    int found = -1;
    for (int c = 0; c < table.head().size(); c++) {
      boolean full = true;
      boolean marks = false;
      boolean other = false;
      for (Row row : table.rows()) {
        String cell = c < row.plain().size() ? row.plain().get(c) : "";
        if (CellStatus.isMarkOnly(cell)) {
          marks = true;
        } else if (cell.isEmpty()) {
          full = false;
        } else {
          other = true;
        }
      }
      if (marks && !other) {
        if (found >= 0 || !full) {
          return -1;
        }
        found = c;
      }
    }
    return found;
  }

  /**
   * What a row's status cell says. A row written with fewer cells than the header (flexmark pads it
   * with empty ones) whose status is the last column reads its last written cell: a cell lost in
   * the middle is the likelier mistake than a status left out.
   */
  private static CellStatus statusOf(Row row, int column, int columns) {
    String cell;
    if (column == columns - 1 && row.written() > 0 && row.written() < columns) {
      cell = row.plain().get(row.written() - 1);
    } else if (column < row.plain().size()) {
      cell = row.plain().get(column);
    } else {
      return null;
    }
    String bare = cell.replaceAll("[*_`\\s]", "");
    if (bare.equalsIgnoreCase("x") || bare.equalsIgnoreCase("[x]")) {
      return CellStatus.DONE;
    }
    return bare.equals("[]") ? CellStatus.OPEN : CellStatus.of(cell);
  }

  /**
   * The column that names a row: the first other than the status column with words in it, or -1.
   */
  private static int nameColumn(TableAt table, int status) {
    for (int c = 0; c < table.head().size(); c++) {
      if (c == status) {
        continue;
      }
      for (Row row : table.rows()) {
        if (c < row.plain().size() && HAS_LETTER.matcher(row.plain().get(c)).find()) {
          return c;
        }
      }
    }
    return -1;
  }

  /**
   * Whether a table sums up the document's own sections (like the seed's "Completion by Section"):
   * its header names Section and Completion (the table of stated percents), or at least half of its
   * rows name an H2 of the document by number or title. Its figures are stated figures, not items.
   */
  private boolean summarizesSections(TableAt table, int name) {
    if (DocumentLines.indexOf(table.head(), "section") >= 0
        && DocumentLines.indexOf(table.head(), "completion") >= 0) {
      return true;
    }
    Set<String> numbers = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (Frame frame : sections.frames) {
      if (frame.heading != null) {
        if (frame.number != null) {
          numbers.add(frame.number);
        }
        titles.add(frame.title.toLowerCase(Locale.ROOT));
      }
    }
    int named = 0;
    for (Row row : table.rows()) {
      String[] split =
          SnapshotParser.numberAndTitle(
              StatusMarks.strip(name < row.plain().size() ? row.plain().get(name) : ""));
      if ((split[0] != null && numbers.contains(split[0]))
          || titles.contains(split[1].toLowerCase(Locale.ROOT))) {
        named++;
      }
    }
    return named > 0 && named * 2 >= table.rows().size();
  }

  /** Reads stated percents from a table whose header names Section and Completion. */
  void applyCompletionTables() {
    for (TableAt table : d.tables()) {
      List<String> head = table.head();
      if (head == null) {
        continue;
      }
      int sectionColumn = DocumentLines.indexOf(head, "section");
      int completionColumn = DocumentLines.indexOf(head, "completion");
      if (sectionColumn < 0 || completionColumn < 0) {
        continue;
      }
      for (Row row : table.rows()) {
        if (row.plain().size() <= Math.max(sectionColumn, completionColumn)) {
          continue;
        }
        Matcher percent =
            Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%")
                .matcher(row.plain().get(completionColumn));
        Frame frame = frameNamed(row.plain().get(sectionColumn));
        if (percent.find() && frame != null && frame.statedPercent == null) {
          frame.statedPercent = Double.parseDouble(percent.group(1));
          frame.statedLine = row.line();
          frame.statedFrom = "table";
        }
      }
    }
  }

  /** The section frame a table row names, by number first, then by title. */
  private Frame frameNamed(String cell) {
    if (sectionsByNumber == null) {
      sectionsByNumber = new HashMap<>();
      sectionsByTitle = new HashMap<>();
      for (Frame frame : sections.frames) {
        if (frame.isSection()) {
          if (frame.number != null) {
            sectionsByNumber.putIfAbsent(frame.number, frame);
          }
          sectionsByTitle.putIfAbsent(frame.title.toLowerCase(Locale.ROOT), frame);
        }
      }
    }
    String[] numberAndTitle = SnapshotParser.numberAndTitle(StatusMarks.strip(cell));
    Frame byNumber = numberAndTitle[0] == null ? null : sectionsByNumber.get(numberAndTitle[0]);
    return byNumber != null
        ? byNumber
        : sectionsByTitle.get(numberAndTitle[1].toLowerCase(Locale.ROOT));
  }
}
