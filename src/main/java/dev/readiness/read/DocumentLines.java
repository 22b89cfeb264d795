package dev.readiness.read;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import dev.readiness.markdown.LineIndex;
import dev.readiness.model.PlausibleDates;
import dev.readiness.model.Problem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One document while it is read: its lines and what is known about each (code or front matter, the
 * start of a task item), the headings, list entries and tables found in it, its key lines, and the
 * warnings about it. The readers of its parts ({@link SectionReader}, {@link TableReader}, {@link
 * BlockerReader}, {@link TimelineReader}, {@link SignOffReader}, {@link FrontMatterReader}) share
 * it; lines are numbered from 1, as in warnings.
 */
final class DocumentLines {
  private static final Pattern ITALIC_KEY =
      Pattern.compile("^([*_])([^*_:\\n]{1,80}?)(:\\1|\\1\\s*:|:)\\s*(.*)$");
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

  final String source;
  final Interner texts;
  final String[] lines;

  /** Lines that are not Markdown text: front matter, code, HTML blocks. */
  final boolean[] opaque;

  /** Lines a task item starts on. */
  final boolean[] itemLine;

  final List<HeadingAt> headings = new ArrayList<>();
  final List<Entry> entries = new ArrayList<>();
  final List<TableBlock> tableBlocks = new ArrayList<>();

  /** How many lines the front matter takes, its fences included; 0 without one. */
  int frontMatterLines;

  private LineIndex lineIndex;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Integer> unlisted = new TreeMap<>();
  private final int maxEntries;
  private int entryCount;
  private Key[] keys;
  private int[] headingEnds;
  private int[] regionEnds;
  private List<TableAt> tableData;

  DocumentLines(String source, String text, Interner texts, int maxEntries) {
    this.source = source;
    this.texts = texts;
    this.maxEntries = maxEntries;
    this.lines = SnapshotParser.normalize(text).split("\n", -1);
    this.opaque = new boolean[lines.length + 2];
    this.itemLine = new boolean[lines.length + 2];
  }

  /** Keeps a warning, or counts it once {@link SnapshotParser#MAX_PARSE_WARNINGS} are kept. */
  void warn(Problem problem) {
    if (problems.size() < SnapshotParser.MAX_PARSE_WARNINGS) {
      problems.add(problem);
    } else {
      unlisted.merge(problem.code(), 1, Integer::sum);
    }
  }

  /**
   * The warnings, in the order found, ending with one {@code TOO_MANY_WARNINGS} for those not kept.
   */
  List<Problem> problems() {
    if (!unlisted.isEmpty()) {
      problems.add(Problem.tooManyWarnings(source, unlisted));
      unlisted.clear();
    }
    return problems;
  }

  /** A list read from the file, or the end of the parse when it is longer than the entry limit. */
  <T> List<T> bounded(List<T> list, String what) {
    if (list.size() > maxEntries) {
      throw new SnapshotParser.OverLimit(
          "TOO_MANY_ITEMS",
          "lists more than "
              + String.format(Locale.ROOT, "%,d", maxEntries)
              + " "
              + what
              + ", the most readiness reads in one file, so it is skipped (it would take too much memory"
              + " to show); split it into several checklists");
    }
    return list;
  }

  /** Counts task items and table rows; past the entry limit the parse stops. */
  void countEntries(int more) {
    entryCount += more;
    if (entryCount > maxEntries) {
      throw new SnapshotParser.OverLimit(
          "TOO_MANY_ITEMS",
          "has more than "
              + String.format(Locale.ROOT, "%,d", maxEntries)
              + " task items and table rows, the most readiness reads in one file, so it is skipped (it would take"
              + " too much memory to show); split it into several checklists");
    }
  }

  /** Cuts lines nested deeper than {@link NestingLimit#MAX_LEVELS}; one warning names the first. */
  void clampNesting() {
    int[] changed = NestingLimit.clamp(lines, frontMatterLines, NestingLimit.MAX_LEVELS);
    if (changed.length > 0) {
      String more =
          changed.length == 1
              ? ""
              : " (and "
                  + (changed.length - 1)
                  + " more line"
                  + (changed.length == 2 ? "" : "s")
                  + ")";
      warn(
          Problem.warning(
              "DEEP_NESTING",
              source,
              changed[0] + 1,
              "lists or quotes are nested more than "
                  + NestingLimit.MAX_LEVELS
                  + " levels deep here"
                  + more
                  + "; the deeper levels are read as level "
                  + NestingLimit.MAX_LEVELS
                  + ", so items keep their counts but not their nesting"));
    }
  }

  /**
   * The Markdown to parse: the lines with the front matter blanked, so line numbers stay. From here
   * on, line numbers of nodes are those of this text.
   */
  String body() {
    String body;
    if (frontMatterLines == 0) {
      body = String.join("\n", lines);
    } else {
      String[] blanked = lines.clone();
      Arrays.fill(blanked, 0, frontMatterLines, "");
      body = String.join("\n", blanked);
    }
    lineIndex = LineIndex.of(body);
    return body;
  }

  /**
   * The 1-based line a node starts on. Flexmark's own {@code getStartLineNumber()} counts line ends
   * from the start of the document on every call, which made long files quadratic.
   */
  int startLine(Node node) {
    return lineAt(node.getStartOffset());
  }

  /** The 1-based line a node's last character is on, as flexmark's {@code getEndLineNumber()}. */
  int endLine(Node node) {
    int end = node.getEndOffset();
    return lineAt(end > 0 ? end - 1 : end);
  }

  /** The 1-based line of an offset into the parsed body: one plus the line ends before it. */
  private int lineAt(int offset) {
    return lineIndex.line(offset) + 1;
  }

  /** Source lines {@code from..to} (1-based, inclusive), front matter left out; empty if blank. */
  String slice(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int n = Math.max(from, frontMatterLines + 1); n <= Math.min(to, lines.length); n++) {
      out.append(lines[n - 1]).append('\n');
    }
    return out.toString().isBlank() ? "" : out.toString();
  }

  /**
   * Finds, for every heading, where its text and its region end, in one pass from the last heading
   * back, so that readers of blockers, timelines and lists do not scan all headings for each one.
   */
  void indexHeadings() {
    int count = headings.size();
    headingEnds = new int[count];
    regionEnds = new int[count];
    Deque<HeadingAt> later = new ArrayDeque<>();
    for (int i = count - 1; i >= 0; i--) {
      HeadingAt heading = headings.get(i);
      headingEnds[i] = i + 1 < count ? headings.get(i + 1).line - 1 : lines.length;
      while (!later.isEmpty() && later.peek().level > heading.level) {
        later.pop();
      }
      regionEnds[i] = later.isEmpty() ? lines.length : later.peek().line - 1;
      later.push(heading);
    }
  }

  /** The last line before the next heading of the same or a higher level. */
  int regionEnd(HeadingAt heading) {
    return regionEnds[heading.index];
  }

  /** The outermost list entries between a heading and the next heading. */
  List<Entry> topEntries(HeadingAt heading) {
    return outermost(entriesBetween(heading.line, headingEnds[heading.index]));
  }

  /**
   * The list entries on lines {@code after+1..to}, found by binary search (entries are in line
   * order).
   */
  List<Entry> entriesBetween(int after, int to) {
    int from = SnapshotParser.countUpTo(entries, Entry::line, after);
    int until = SnapshotParser.countUpTo(entries, Entry::line, to);
    return from < until ? entries.subList(from, until) : List.of();
  }

  /** The entries of the least depth among {@code found}. */
  static List<Entry> outermost(List<Entry> found) {
    int minDepth = Integer.MAX_VALUE;
    for (Entry e : found) {
      minDepth = Math.min(minDepth, e.depth);
    }
    List<Entry> top = new ArrayList<>();
    for (Entry e : found) {
      if (e.depth == minDepth) {
        top.add(e);
      }
    }
    return top;
  }

  /** Whether a task item starts on one of the lines {@code from..to}. */
  boolean hasItemsBetween(int from, int to) {
    for (int n = from; n <= to && n < itemLine.length; n++) {
      if (itemLine[n]) {
        return true;
      }
    }
    return false;
  }

  /** Plain texts of the non-task entries listed under headings that pass {@code test}. */
  List<String> listUnder(Predicate<String> test) {
    List<String> found = new ArrayList<>();
    for (HeadingAt heading : headings) {
      if (test.test(SnapshotParser.numberAndTitle(heading.clean)[1])) {
        for (Entry entry : topEntries(heading)) {
          if (!entry.task && !entry.plain.isEmpty()) {
            found.add(entry.plain);
          }
        }
      }
    }
    return found;
  }

  /**
   * The first {@code **Key**: value} line with this key outside task items, or the first in italics
   * ({@code *Key: value*}, {@code *Key*: value}, {@code _Key:_ value}), or null.
   */
  Keyed firstKey(String name) {
    for (int n = 1; n <= lines.length; n++) {
      Key m = itemLine[n] ? null : keyAt(n);
      if (m == null && !itemLine[n] && !opaque[n]) {
        m = italicKey(lines[n - 1]);
      }
      if (m != null && m.name().strip().equalsIgnoreCase(name)) {
        return new Keyed(n, m.value().strip());
      }
    }
    return null;
  }

  /**
   * A key line in italics, or null: {@code *Key: value*}, {@code *Key:* value} or {@code *Key*:
   * value}.
   */
  private static Key italicKey(String line) {
    String s = line.strip();
    if (s.length() < 4
        || (s.charAt(0) != '*' && s.charAt(0) != '_')
        || s.charAt(1) == s.charAt(0)
        || Character.isWhitespace(s.charAt(1))) {
      return null;
    }
    Matcher m = ITALIC_KEY.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String value = SnapshotParser.stripSpaceEnd(m.group(4));
    if (m.group(3).equals(":")) {
      if (!value.endsWith(m.group(1))) {
        return null;
      }
      value = SnapshotParser.stripSpaceEnd(value.substring(0, value.length() - 1));
    }
    return new Key(m.group(2), value);
  }

  /**
   * A {@code **Key**: value} match at a 1-based line outside code, or null; computed once per line.
   */
  Key keyAt(int n) {
    if (n < 1 || n > lines.length || opaque[n]) {
      return null;
    }
    if (keys == null) {
      keys = new Key[lines.length + 1];
      for (int i = 1; i <= lines.length; i++) {
        String line = lines[i - 1];
        if (line.indexOf("**") >= 0) {
          Matcher m = SnapshotParser.BOLD_KEY.matcher(line);
          keys[i] =
              m.matches() ? new Key(m.group(1), SnapshotParser.stripSpaceEnd(m.group(2))) : null;
        }
      }
    }
    return keys[n];
  }

  /** The first ISO date in a value; a warning names the line when it is not a real date. */
  LocalDate date(String value, int line, String what) {
    Matcher m = ISO_DATE.matcher(value);
    if (!m.find()) {
      return null;
    }
    LocalDate date;
    try {
      date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      warn(
          Problem.warning(
              "BAD_DATE",
              source,
              line,
              what
                  + " \""
                  + m.group()
                  + "\" is not a calendar date; write a real date as YYYY-MM-DD"));
      return null;
    }
    if (!PlausibleDates.contains(date)) {
      warn(
          Problem.warning(
              "IMPLAUSIBLE_DATE",
              source,
              line,
              what
                  + " "
                  + date
                  + " is outside "
                  + PlausibleDates.RANGE
                  + ", so it is left out; write the real date"));
      return null;
    }
    return date;
  }

  /** The document's tables, read once: header cells and body rows, in document order. */
  List<TableAt> tables() {
    if (tableData == null) {
      tableData = new ArrayList<>(tableBlocks.size());
      for (TableBlock table : tableBlocks) {
        List<Row> rows = new ArrayList<>();
        List<String> head = null;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
          for (Node row = part.getFirstChild();
              row != null && !(part instanceof TableSeparator);
              row = row.getNext()) {
            if (!(row instanceof TableRow)) {
              continue;
            }
            List<String> plain = new ArrayList<>();
            List<String> markdown = new ArrayList<>();
            int written = 0;
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
              if (cell instanceof TableCell tableCell) {
                plain.add(SnapshotParser.collapse(SnapshotParser.plain(cell)));
                markdown.add(SnapshotParser.collapse(tableCell.getText().toString()));
                written = cell.getChars().isEmpty() ? written : plain.size();
              }
            }
            if (part instanceof TableHead) {
              head = head == null ? plain : head;
            } else {
              rows.add(new Row(startLine(row), plain, markdown, written));
            }
          }
        }
        tableData.add(new TableAt(startLine(table), head, rows));
      }
    }
    return tableData;
  }

  /** The first header cell that contains {@code word} (in lower case), or -1. */
  static int indexOf(List<String> head, String word) {
    for (int i = 0; i < head.size(); i++) {
      if (head.get(i).toLowerCase(Locale.ROOT).contains(word)) {
        return i;
      }
    }
    return -1;
  }

  /** A table: its header cells (null when it has none), its start line and its body rows. */
  record TableAt(int line, List<String> head, List<Row> rows) {}

  /**
   * A table body row: its line, its cells as plain text and as inline Markdown, and how many cells
   * were written (the rest is padding up to the header's width).
   */
  record Row(int line, List<String> plain, List<String> markdown, int written) {}

  /** A heading, as found; {@code clean} is its plain text without status marks. */
  record HeadingAt(int index, int level, int line, String raw, String plain, String clean) {}

  /** A list item of any kind, with its own paragraph's text. */
  record Entry(int line, int depth, String markdown, String plain, boolean task, boolean done) {}

  /**
   * A {@code **Key**: value} line: the key as written, the value without the spaces around it. The
   * value's trailing spaces are cut here rather than by the pattern, whose lazy {@code (.*?)\s*$}
   * was quadratic in a long line of spaces.
   */
  record Key(String name, String value) {}

  /** A key line's line number and value. */
  record Keyed(int line, String value) {}
}
