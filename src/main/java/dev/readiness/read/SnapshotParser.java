package dev.readiness.read;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.readiness.model.Blocker;
import dev.readiness.model.DeclaredStatus;
import dev.readiness.model.Item;
import dev.readiness.model.Part;
import dev.readiness.model.PlannedWeek;
import dev.readiness.model.PlannedWeek.PlannedTask;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import dev.readiness.model.Subsection;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one checklist into a {@link Snapshot} by the counting rules of SPEC.md.
 * Stateless and thread-safe; never throws on any text.
 */
public final class SnapshotParser {
  private static final Parser MARKDOWN = Parser.builder(markdownOptions()).build();

  private static final Pattern BOLD_KEY =
      Pattern.compile("^\\s*\\*\\*([^*\\n]{1,80}?)(?::\\*\\*|\\*\\*\\s*:)\\s*(.*?)\\s*$");
  private static final Pattern STATED_PERCENT =
      Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%\\s*complete", Pattern.CASE_INSENSITIVE);
  private static final Pattern OVERALL_SCORE =
      Pattern.compile(
          "overall\\s+score\\s*:?\\s*\\**\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*/\\s*100",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern STAMP =
      Pattern.compile("^\\*\\*Date(?::\\*\\*|\\*\\*\\s*:)\\s*(\\d{4}-\\d{2}-\\d{2})\\s*$");
  private static final Pattern NUMBERED =
      Pattern.compile(
          "^(?:section\\s+)?(\\d{1,3}(?:\\.\\d{1,3})*)(?:\\s*[.):]\\s*|\\s+)(\\S.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SECTION_WORD =
      Pattern.compile("^section\\s+(\\d{1,3})\\s*[:.\\-–—]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BOX_LIKE =
      Pattern.compile(
          "^\\s*(?:>\\s*)*(?:[-*+]|\\d{1,9}[.)])?\\s*\\[(\\s{0,2}|\\s?[xX✓✔v/~?*-]\\s?)\\](?![(:\\[])(.*)$");
  private static final Pattern WEEK =
      Pattern.compile(
          "^\\s*\\*\\*Week\\s+(\\d{1,3})(?:\\s*[-–]\\s*(\\d{1,3}))?(?::\\*\\*|\\*\\*\\s*:?)\\s*(.*?)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAYS =
      Pattern.compile("\\s*\\((\\d{1,3}(?:\\.\\d+)?)\\s*days?\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGN_OFF_HEADING =
      Pattern.compile("sign[- ]?off", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_A_ROLE =
      Pattern.compile(
          "(?i)status|progress|date|last updated|next review|version|notes?|owner|purpose|project");
  private static final Pattern NO_BLOCKERS =
      Pattern.compile(
          "^(none|n/?a|nothing|no (current |open |known )?blockers?)\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern RESOLVED_MARK = Pattern.compile("^\\s*(✅|✔|☑|~~)");
  private static final Pattern RESOLVED_LABEL =
      Pattern.compile("(?i)\\b(resolved|fixed|closed|done|cleared)\\b");
  private static final Pattern LABEL_LINE = Pattern.compile("^\\s*\\*\\*[^*]+\\*\\*.*$");
  private static final Pattern BLOCKER_SEPARATOR = Pattern.compile("\\s+[-–—]\\s+|:\\s+");
  private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s\\-–—:]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static MutableDataSet markdownOptions() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create()));
    options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.WITH_CAPTION, false);
    return options;
  }

  /** Parses Markdown text; {@code source} names the file in the snapshot and in problems. */
  public ParsedDocument parse(String source, String text) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    return new Run(source, text).parse();
  }

  /** Normalizes line ends and drops a byte-order mark. */
  static String normalize(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** One parse: the state of a single pass over one document. */
  private static final class Run {
    private final String source;
    private final String[] lines;
    private final boolean[] opaque;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private final List<HeadingAt> headings = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private final List<TableBlock> tables = new ArrayList<>();
    private final Map<String, Object> frontMatter = new LinkedHashMap<>();
    private final boolean[] itemLine;
    private final int[] lineStarts;
    private Matcher[] keys;
    private String title;
    private int frontMatterLines;

    Run(String source, String text) {
      this.source = source;
      this.lines = normalize(text).split("\n", -1);
      this.opaque = new boolean[lines.length + 2];
      this.itemLine = new boolean[lines.length + 2];
      this.lineStarts = new int[lines.length];
    }

    /** Indexes where each line of the text given to flexmark starts. */
    private void indexLines(String body) {
      int line = 0;
      lineStarts[0] = 0;
      for (int i = 0; i < body.length() && line + 1 < lineStarts.length; i++) {
        if (body.charAt(i) == '\n') {
          lineStarts[++line] = i + 1;
        }
      }
    }

    /** The 1-based line of a character offset of the text flexmark parsed. */
    private int lineOf(int offset) {
      int at = java.util.Arrays.binarySearch(lineStarts, Math.max(0, offset));
      return (at >= 0 ? at : -at - 2) + 1;
    }

    /** The 1-based line of a node's last character. */
    private int lastLineOf(Node node) {
      return lineOf(Math.max(node.getStartOffset(), node.getEndOffset() - 1));
    }

    ParsedDocument parse() {
      String body = readFrontMatter();
      indexLines(body);
      Document document = MARKDOWN.parse(body);
      frames.add(new Frame(null, 1));
      walk(document);
      flagMalformedBoxes();

      Map<String, String> header = new LinkedHashMap<>();
      int firstBoundary = frames.size() > 1 ? frames.get(1).line : lines.length + 1;
      int headerDateLine = 0;
      LocalDate headerDate = null;
      for (int n = 1; n < firstBoundary; n++) {
        Matcher m = keyAt(n);
        if (m != null) {
          String key = m.group(1).trim();
          header.putIfAbsent(key, m.group(2));
          if (key.equalsIgnoreCase("Date") && headerDateLine == 0) {
            headerDateLine = n;
            headerDate = date(m.group(2), n, "the **Date** line");
          }
        }
      }
      LocalDate frontMatterDate = frontMatterDate();
      applyStatusLines();
      applyCompletionTables();

      List<Section> sections = new ArrayList<>();
      List<Part> parts = new ArrayList<>();
      for (Frame frame : frames) {
        String markdown = slice(frame.line, frame.end);
        int position = 0;
        if (frame.isSection()) {
          position = sections.size() + 1;
          sections.add(frame.freeze(position, markdown));
        }
        if (!markdown.isBlank()) {
          parts.add(new Part(frame.heading == null ? "" : frame.heading.plain, frame.line, markdown, position));
        }
      }

      Double score = null;
      int scoreLine = 0;
      for (int n = 1; n <= lines.length && score == null; n++) {
        Matcher m = opaque[n] || !containsIgnoreCase(lines[n - 1], "overall") ? null : OVERALL_SCORE.matcher(lines[n - 1]);
        if (m != null && m.find()) {
          score = Double.parseDouble(m.group(1));
          scoreLine = n;
        }
      }

      Keyed lastUpdated = firstKey("Last Updated");
      Keyed nextReview = firstKey("Next Review");
      Keyed version = firstKey("Version");
      Object fmProject = frontMatter.get("project");
      String project = fmProject instanceof String s && !s.isBlank() ? s.trim() : header.get("Project");
      LocalDate documentDate = frontMatterDate != null ? frontMatterDate : headerDate;
      int dateLine = frontMatterDate != null ? 1 : headerDateLine;
      List<Signature> signatures = new ArrayList<>();
      int signOffLine = readSignOff(signatures);

      Snapshot snapshot =
          new Snapshot(
              source,
              documentDate,
              project == null || project.isBlank() ? null : project,
              title,
              header,
              frontMatter,
              sections,
              parts,
              score,
              scoreLine,
              readBlockers(),
              readTimeline(),
              signatures,
              signOffLine,
              listUnder(t -> t.matches("(?i)^(key |known |open |main )?risks?\\b.*")),
              listUnder(t -> t.matches("(?i)^(external |key )?dependenc(y|ies)\\b.*")),
              listUnder(t -> t.matches("(?i)^(key )?assumptions?\\b.*")),
              lastUpdated == null ? null : date(lastUpdated.value, lastUpdated.line, "Last Updated"),
              nextReview == null ? null : date(nextReview.value, nextReview.line, "Next Review"),
              nextReview == null ? 0 : nextReview.line,
              version == null || version.value.isBlank() ? null : version.value);
      return new ParsedDocument(snapshot, frontMatterDate, headerDate, dateLine, problems);
    }

    /** Reads YAML front matter into {@link #frontMatter} and returns the text with it blanked. */
    private String readFrontMatter() {
      if (lines.length < 2 || !lines[0].strip().equals("---")) {
        return String.join("\n", lines);
      }
      int close = -1;
      for (int i = 1; i < lines.length; i++) {
        String l = lines[i].strip();
        if (l.equals("---") || l.equals("...")) {
          close = i;
          break;
        }
      }
      if (close < 0) {
        problems.add(Problem.warning("FRONT_MATTER", source, 1,
            "front matter opened with \"---\" is never closed; add a closing \"---\" line"));
        return String.join("\n", lines);
      }
      String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
      try {
        Object loaded = SafeYaml.load(yaml);
        if (loaded instanceof Map<?, ?> map) {
          map.forEach((k, v) -> frontMatter.put(String.valueOf(k), v));
        } else if (loaded != null) {
          problems.add(Problem.warning("FRONT_MATTER", source, 1,
              "front matter is not a set of \"key: value\" lines; it is ignored"));
        }
      } catch (RuntimeException e) {
        problems.add(Problem.warning("FRONT_MATTER", source, 2 + SafeYaml.line(e),
            "front matter is not valid YAML (" + SafeYaml.reason(e) + "); it is ignored"));
      }
      frontMatterLines = close + 1;
      String[] body = lines.clone();
      for (int i = 0; i <= close; i++) {
        body[i] = "";
        opaque[i + 1] = true;
      }
      return String.join("\n", body);
    }

    private LocalDate frontMatterDate() {
      Object value = frontMatter.get("date");
      if (value == null) {
        return null;
      }
      return date(String.valueOf(value), 1, "the front matter's date");
    }

    /** Visits the AST in document order, building frames, subsections, items and list entries. */
    private void walk(Node root) {
      Deque<Node> stack = new ArrayDeque<>();
      stack.push(root);
      while (!stack.isEmpty()) {
        Node node = stack.pop();
        if (visit(node)) {
          for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
            stack.push(child);
          }
        }
      }
    }

    /** Handles one node; returns whether to descend into its children. */
    private boolean visit(Node node) {
      if (node instanceof FencedCodeBlock
          || node instanceof IndentedCodeBlock
          || node instanceof HtmlBlock
          || node instanceof HtmlCommentBlock) {
        markOpaque(node);
        return false;
      }
      if (node instanceof Heading heading) {
        onHeading(heading);
        return false;
      }
      if (node instanceof TableBlock table) {
        tables.add(table);
        return false;
      }
      if (node instanceof ListItem listItem) {
        onListItem(listItem);
      }
      return true;
    }

    private void markOpaque(Node node) {
      int first = lineOf(node.getStartOffset());
      int last = lastLineOf(node);
      for (int n = first; n <= last && n < opaque.length; n++) {
        opaque[n] = true;
      }
    }

    private void onHeading(Heading heading) {
      int line = lineOf(heading.getStartOffset());
      String raw = heading.getText().toString().strip();
      String plainText = plain(heading);
      HeadingAt at = new HeadingAt(heading.getLevel(), line, raw, plainText, StatusMarks.strip(plainText));
      headings.add(at);
      if (heading.getLevel() == 1 && title == null) {
        title = at.clean;
        return;
      }
      Frame frame = current();
      if (heading.getLevel() <= 2) {
        frame.end = line - 1;
        frames.add(new Frame(at, line));
      } else {
        frame.openSubsection(at);
      }
    }

    private void onListItem(ListItem node) {
      int line = lineOf(node.getStartOffset());
      int depth = 0;
      int parent = -1;
      for (Node up = node.getParent(); up != null; up = up.getParent()) {
        if (up instanceof ListItem) {
          depth++;
        }
        if (up instanceof TaskListItem && parent == -1) {
          parent = taskIndexOf(up);
        }
      }
      Paragraph paragraph = node.getFirstChild() instanceof Paragraph p ? p : null;
      String[] text = paragraph == null ? new String[] {"", ""} : itemText(paragraph, line);
      boolean task = node instanceof TaskListItem;
      boolean done = task && ((TaskListItem) node).isItemDoneMarker();
      boolean quoted = node.getAncestorOfType(BlockQuote.class) != null;
      entries.add(new Entry(line, depth, text[0], text[1], task, done, quoted));
      if (!task) {
        return;
      }
      itemLine[line] = true;
      Frame frame = current();
      Matcher stamp = STAMP.matcher(text[0]);
      if (stamp.matches()) {
        frame.stamp(date(stamp.group(1), line, "the completion stamp"));
        return;
      }
      Item item =
          new Item(items.size(), text[0], text[1], done, line, depth, parent, frame.subsectionTitle());
      items.add(item);
      taskNodes.put(node, item.index());
      frame.add(item);
    }

    private final Map<Node, Integer> taskNodes = new java.util.IdentityHashMap<>();

    private int taskIndexOf(Node node) {
      Integer index = taskNodes.get(node);
      return index == null ? -1 : index;
    }

    /**
     * The Markdown and plain text of an item's first paragraph, its lines joined; stops before a
     * continuation line that looks like a box, which is reported as malformed instead.
     */
    private String[] itemText(Paragraph paragraph, int line) {
      int first = lineOf(paragraph.getStartOffset());
      int last = lastLineOf(paragraph);
      int cut = last + 1;
      for (int n = Math.max(first + 1, line + 1); n <= last; n++) {
        if (lines[n - 1].indexOf('[') >= 0 && BOX_LIKE.matcher(lines[n - 1]).find()) {
          cut = n;
          break;
        }
      }
      String markdown = paragraph.getChars().toString();
      StringBuilder plain = new StringBuilder();
      if (cut <= last) {
        String[] parts = markdown.split("\n", -1);
        markdown = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, Math.min(parts.length, cut - first)));
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
          if (lineOf(child.getStartOffset()) >= cut) {
            break;
          }
          plain.append(child instanceof SoftLineBreak ? " " : plainOf(child));
        }
      } else {
        plain.append(plain(paragraph));
      }
      return new String[] {collapse(markdown), collapse(plain.toString())};
    }

    /** Reports lines that look like task boxes but are not task items. */
    private void flagMalformedBoxes() {
      for (int n = 1; n <= lines.length; n++) {
        if (opaque[n] || itemLine[n] || lines[n - 1].indexOf('[') < 0) {
          continue;
        }
        Matcher m = BOX_LIKE.matcher(lines[n - 1]);
        if (m.find()) {
          String shown = lines[n - 1].strip();
          if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
          }
          String rest = m.group(2).strip();
          problems.add(Problem.warning("MALFORMED_BOX", source, n,
              "\"" + shown + "\" looks like a task box but is not one, so it is not counted; write \"- [ ] "
                  + rest + "\" or \"- [x] " + rest + "\""));
        }
      }
    }

    /**
     * Assigns each {@code **Status**: N% complete} line: to its subsection when the subsection's
     * items follow it, otherwise (a summary after the section's items, or a line directly under
     * the H2) to the section.
     */
    private void applyStatusLines() {
      for (int n = 1; n <= lines.length; n++) {
        Matcher key = keyAt(n);
        if (key == null || !key.group(1).strip().equalsIgnoreCase("Status")) {
          continue;
        }
        Matcher percent = STATED_PERCENT.matcher(key.group(2));
        if (!percent.find()) {
          continue;
        }
        double value = Double.parseDouble(percent.group(1));
        Frame frame = frameAt(n);
        SubsectionBuilder context = frame.subsectionAt(n);
        if (context == null || !frame.hasItemAfter(n)) {
          if (frame.statedPercent == null) {
            frame.statedPercent = value;
            frame.statedLine = n;
            frame.statedFrom = "status";
          }
        } else if (context.statedPercent == null) {
          context.statedPercent = value;
          context.statedLine = n;
        }
      }
    }

    /** Reads stated percents from a table whose header names Section and Completion. */
    private void applyCompletionTables() {
      for (TableBlock table : tables) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        List<String> head = null;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
          for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
            if (!(row instanceof TableRow)) {
              continue;
            }
            List<String> cells = new ArrayList<>();
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
              if (cell instanceof TableCell) {
                cells.add(collapse(plain(cell)));
              }
            }
            if (part instanceof TableHead) {
              head = head == null ? cells : head;
            } else {
              rows.add(cells);
              rowLines.add(lineOf(row.getStartOffset()));
            }
          }
        }
        if (head == null) {
          continue;
        }
        int sectionColumn = indexOf(head, "section");
        int completionColumn = indexOf(head, "completion");
        if (sectionColumn < 0 || completionColumn < 0) {
          continue;
        }
        for (int r = 0; r < rows.size(); r++) {
          List<String> row = rows.get(r);
          if (row.size() <= Math.max(sectionColumn, completionColumn)) {
            continue;
          }
          Matcher percent = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%").matcher(row.get(completionColumn));
          Frame frame = frameNamed(row.get(sectionColumn));
          if (percent.find() && frame != null && frame.statedPercent == null) {
            frame.statedPercent = Double.parseDouble(percent.group(1));
            frame.statedLine = rowLines.get(r);
            frame.statedFrom = "table";
          }
        }
      }
    }

    private static int indexOf(List<String> head, String word) {
      for (int i = 0; i < head.size(); i++) {
        if (head.get(i).toLowerCase(Locale.ROOT).contains(word)) {
          return i;
        }
      }
      return -1;
    }

    /** The section frame a table row names, by number first, then by title. */
    private Frame frameNamed(String cell) {
      String[] numberAndTitle = numberAndTitle(StatusMarks.strip(cell));
      for (Frame frame : frames) {
        if (frame.isSection() && numberAndTitle[0] != null && numberAndTitle[0].equals(frame.number)) {
          return frame;
        }
      }
      String wanted = numberAndTitle[1].toLowerCase(Locale.ROOT);
      for (Frame frame : frames) {
        if (frame.isSection() && frame.title.toLowerCase(Locale.ROOT).equals(wanted)) {
          return frame;
        }
      }
      return null;
    }

    private List<Blocker> readBlockers() {
      List<Blocker> blockers = new ArrayList<>();
      for (HeadingAt heading : headings) {
        if (!heading.plain.toLowerCase(Locale.ROOT).contains("blocker")) {
          continue;
        }
        for (Entry entry : topEntries(heading)) {
          if (entry.task && entry.done || RESOLVED_MARK.matcher(entry.markdown).find()
              || RESOLVED_LABEL.matcher(labelAbove(heading.line, entry.line)).find()) {
            continue;
          }
          Blocker blocker = blocker(entry);
          if (blocker != null) {
            blockers.add(blocker);
          }
        }
      }
      return blockers;
    }

    /** The nearest bold label line (such as {@code **Resolved Blockers:**}) above a list entry. */
    private String labelAbove(int headingLine, int entryLine) {
      for (int n = entryLine - 1; n > headingLine; n--) {
        if (!itemLine[n] && !opaque[n] && LABEL_LINE.matcher(lines[n - 1]).matches()
            && !lines[n - 1].stripLeading().startsWith("-")) {
          return lines[n - 1];
        }
      }
      return "";
    }

    private Blocker blocker(Entry entry) {
      String markdown = entry.markdown.strip();
      String titleText;
      String detail;
      Matcher bold = Pattern.compile("^\\*\\*(.+?)\\*\\*(.*)$").matcher(markdown);
      if (bold.matches()) {
        titleText = inlinePlain(bold.group(1));
        detail = inlinePlain(bold.group(2));
      } else {
        String plainText = entry.plain;
        Matcher separator = BLOCKER_SEPARATOR.matcher(plainText);
        if (separator.find()) {
          titleText = plainText.substring(0, separator.start());
          detail = plainText.substring(separator.end());
        } else {
          titleText = plainText;
          detail = "";
        }
      }
      titleText = StatusMarks.strip(titleText);
      detail = LEADING_SEPARATOR.matcher(StatusMarks.strip(detail)).replaceFirst("").strip();
      if (titleText.isEmpty() || NO_BLOCKERS.matcher(titleText).matches()) {
        return null;
      }
      return new Blocker(titleText, detail, entry.line);
    }

    private List<PlannedWeek> readTimeline() {
      List<PlannedWeek> weeks = new ArrayList<>();
      for (HeadingAt heading : headings) {
        if (!heading.plain.toLowerCase(Locale.ROOT).contains("timeline")) {
          continue;
        }
        int end = regionEnd(heading);
        List<int[]> starts = new ArrayList<>();
        List<Matcher> found = new ArrayList<>();
        for (int n = heading.line + 1; n <= end; n++) {
          Matcher m = opaque[n] ? null : WEEK.matcher(lines[n - 1]);
          if (m != null && m.matches()) {
            starts.add(new int[] {n});
            found.add(m);
          }
        }
        for (int w = 0; w < found.size(); w++) {
          Matcher m = found.get(w);
          int from = starts.get(w)[0];
          int to = w + 1 < found.size() ? starts.get(w + 1)[0] - 1 : end;
          int minDepth = Integer.MAX_VALUE;
          for (Entry e : entries) {
            if (e.line > from && e.line <= to) {
              minDepth = Math.min(minDepth, e.depth);
            }
          }
          List<PlannedTask> tasks = new ArrayList<>();
          for (Entry e : entries) {
            if (e.line > from && e.line <= to && e.depth == minDepth) {
              Matcher days = DAYS.matcher(e.plain);
              Double estimate = null;
              String text = e.plain;
              if (days.find()) {
                estimate = Double.parseDouble(days.group(1));
                text = (text.substring(0, days.start()) + text.substring(days.end())).strip();
              }
              tasks.add(new PlannedTask(text, estimate, e.line));
            }
          }
          int week = Integer.parseInt(m.group(1));
          int lastWeek = m.group(2) == null ? week : Math.max(week, Integer.parseInt(m.group(2)));
          weeks.add(new PlannedWeek(week, lastWeek, inlinePlain(m.group(3)), from, tasks));
        }
      }
      return weeks;
    }

    /** Reads {@code **Role**: name Date: date} lines; returns the heading line, or 0. */
    private int readSignOff(List<Signature> signatures) {
      for (HeadingAt heading : headings) {
        if (!SIGN_OFF_HEADING.matcher(heading.plain).find()) {
          continue;
        }
        int end = regionEnd(heading);
        if (hasItemsBetween(heading.line, end)) {
          continue;
        }
        for (int n = heading.line + 1; n <= end; n++) {
          Matcher m = keyAt(n);
          if (m == null || NOT_A_ROLE.matcher(m.group(1).strip()).matches()) {
            continue;
          }
          String rest = m.group(2).replace("\\", "");
          String name = rest;
          String date = null;
          Matcher dateAt = Pattern.compile("(?i)\\bdate\\s*:").matcher(rest);
          if (dateAt.find()) {
            name = rest.substring(0, dateAt.start());
            date = blankToNull(rest.substring(dateAt.end()));
          }
          signatures.add(new Signature(inlinePlain(m.group(1)), blankToNull(name), date, n));
        }
        if (!signatures.isEmpty()) {
          return heading.line;
        }
      }
      return 0;
    }

    private boolean hasItemsBetween(int from, int to) {
      for (int n = from; n <= to && n < itemLine.length; n++) {
        if (itemLine[n]) {
          return true;
        }
      }
      return false;
    }

    private static String blankToNull(String value) {
      String s = value.replaceAll("[_\\s*`|]+", " ").strip();
      return s.isEmpty() || s.matches("[-–—.]+") ? null : s;
    }

    /** Plain texts of the non-task entries listed under headings that pass {@code test}. */
    private List<String> listUnder(Predicate<String> test) {
      List<String> found = new ArrayList<>();
      for (HeadingAt heading : headings) {
        if (test.test(numberAndTitle(heading.clean)[1])) {
          for (Entry entry : topEntries(heading)) {
            if (!entry.task && !entry.plain.isEmpty()) {
              found.add(entry.plain);
            }
          }
        }
      }
      return found;
    }

    /** The outermost list entries between a heading and the next heading. */
    private List<Entry> topEntries(HeadingAt heading) {
      int next = lines.length;
      for (HeadingAt h : headings) {
        if (h.line > heading.line) {
          next = h.line - 1;
          break;
        }
      }
      int minDepth = Integer.MAX_VALUE;
      for (Entry e : entries) {
        if (e.line > heading.line && e.line <= next) {
          minDepth = Math.min(minDepth, e.depth);
        }
      }
      List<Entry> top = new ArrayList<>();
      for (Entry e : entries) {
        if (e.line > heading.line && e.line <= next && e.depth == minDepth) {
          top.add(e);
        }
      }
      return top;
    }

    /** The last line before the next heading of the same or a higher level. */
    private int regionEnd(HeadingAt heading) {
      for (HeadingAt h : headings) {
        if (h.line > heading.line && h.level <= heading.level) {
          return h.line - 1;
        }
      }
      return lines.length;
    }

    private Keyed firstKey(String name) {
      for (int n = 1; n <= lines.length; n++) {
        Matcher m = itemLine[n] ? null : keyAt(n);
        if (m != null && m.group(1).strip().equalsIgnoreCase(name)) {
          return new Keyed(n, m.group(2).strip());
        }
      }
      return null;
    }

    /** A {@code **Key**: value} match at a 1-based line outside code, or null; computed once per line. */
    private Matcher keyAt(int n) {
      if (n < 1 || n > lines.length || opaque[n]) {
        return null;
      }
      if (keys == null) {
        keys = new Matcher[lines.length + 1];
        for (int i = 1; i <= lines.length; i++) {
          String line = lines[i - 1];
          if (line.indexOf("**") >= 0) {
            Matcher m = BOLD_KEY.matcher(line);
            keys[i] = m.matches() ? m : null;
          }
        }
      }
      return keys[n];
    }

    /** The first ISO date in a value; a warning names the line when it is not a real date. */
    private LocalDate date(String value, int line, String what) {
      Matcher m = ISO_DATE.matcher(value);
      if (!m.find()) {
        return null;
      }
      try {
        return LocalDate.of(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        problems.add(Problem.warning("BAD_DATE", source, line,
            what + " \"" + m.group() + "\" is not a calendar date; write a real date as YYYY-MM-DD"));
        return null;
      }
    }

    private Frame current() {
      return frames.get(frames.size() - 1);
    }

    private Frame frameAt(int line) {
      Frame found = frames.get(0);
      for (Frame frame : frames) {
        if (frame.line <= line) {
          found = frame;
        }
      }
      return found;
    }

    /** Source lines {@code from..to} (1-based, inclusive), front matter left out; empty if blank. */
    private String slice(int from, int to) {
      StringBuilder out = new StringBuilder();
      for (int n = Math.max(from, frontMatterLines + 1); n <= Math.min(to, lines.length); n++) {
        out.append(lines[n - 1]).append('\n');
      }
      return out.toString().isBlank() ? "" : out.toString();
    }

    /** A heading, as found; {@code clean} is its plain text without status marks. */
    private record HeadingAt(int level, int line, String raw, String plain, String clean) {}

    /** A list item of any kind, with its own paragraph's text. */
    private record Entry(
        int line, int depth, String markdown, String plain, boolean task, boolean done, boolean quoted) {}

    private record Keyed(int line, String value) {}

    /** An H2 (or the text before the first H2) while it is being read. */
    private final class Frame {
      final HeadingAt heading;
      final int line;
      int end = Integer.MAX_VALUE;
      final String number;
      final String title;
      final List<Item> sectionItems = new ArrayList<>();
      final List<SubsectionBuilder> roots = new ArrayList<>();
      final List<SubsectionBuilder> all = new ArrayList<>();
      final Deque<SubsectionBuilder> open = new ArrayDeque<>();
      Double statedPercent;
      int statedLine;
      String statedFrom;

      Frame(HeadingAt heading, int line) {
        this.heading = heading;
        this.line = line;
        if (heading == null) {
          this.number = null;
          this.title = "General";
        } else {
          String[] split = sectionNumberAndTitle(heading.clean);
          this.number = split[0];
          this.title = split[1].isEmpty() ? heading.plain.strip() : split[1];
        }
      }

      boolean isSection() {
        return !sectionItems.isEmpty() || (heading != null && number != null);
      }

      void openSubsection(HeadingAt at) {
        while (!open.isEmpty() && open.peek().heading.level >= at.level) {
          open.pop();
        }
        SubsectionBuilder sub = new SubsectionBuilder(at);
        if (open.isEmpty()) {
          roots.add(sub);
        } else {
          open.peek().children.add(sub);
        }
        open.push(sub);
        all.add(sub);
      }

      String subsectionTitle() {
        return open.isEmpty() ? null : open.peek().title;
      }

      void add(Item item) {
        sectionItems.add(item);
        if (!open.isEmpty()) {
          open.peek().items.add(item);
        }
      }

      void stamp(LocalDate date) {
        if (!open.isEmpty() && open.peek().completedOn == null) {
          open.peek().completedOn = date;
        }
      }

      SubsectionBuilder subsectionAt(int lineNumber) {
        SubsectionBuilder found = null;
        for (SubsectionBuilder sub : all) {
          if (sub.heading.line < lineNumber) {
            found = sub;
          }
        }
        return found;
      }

      boolean hasItemAfter(int lineNumber) {
        return !sectionItems.isEmpty() && sectionItems.get(sectionItems.size() - 1).line() > lineNumber;
      }

      Section freeze(int position, String markdown) {
        String headingText = heading == null ? "" : heading.raw;
        return new Section(
            position,
            number,
            title,
            headingText,
            heading == null ? null : StatusMarks.declared(heading.raw),
            statedPercent,
            statedLine,
            statedFrom,
            line,
            sectionItems,
            roots.stream().map(SubsectionBuilder::freeze).toList(),
            markdown);
      }
    }

    /** An H3 or deeper heading while it is being read. */
    private static final class SubsectionBuilder {
      final HeadingAt heading;
      final String number;
      final String title;
      final List<Item> items = new ArrayList<>();
      final List<SubsectionBuilder> children = new ArrayList<>();
      Double statedPercent;
      int statedLine;
      LocalDate completedOn;

      SubsectionBuilder(HeadingAt heading) {
        this.heading = heading;
        String[] split = numberAndTitle(heading.clean);
        this.number = split[0];
        this.title = split[1].isEmpty() ? heading.plain.strip() : split[1];
      }

      Subsection freeze() {
        return new Subsection(
            number,
            title,
            heading.level,
            StatusMarks.declared(heading.raw),
            statedPercent,
            statedLine,
            completedOn,
            heading.line,
            items,
            children.stream().map(SubsectionBuilder::freeze).toList());
      }
    }
  }

  /** Splits {@code Section 3: Title} or {@code 3. Title} into number and title. */
  static String[] sectionNumberAndTitle(String text) {
    Matcher word = SECTION_WORD.matcher(text);
    if (word.matches()) {
      return new String[] {word.group(1), word.group(2).strip()};
    }
    return numberAndTitle(text);
  }

  /** Splits a leading number such as {@code 1.2} from a heading's title. */
  static String[] numberAndTitle(String text) {
    Matcher m = NUMBERED.matcher(text);
    if (m.matches()) {
      return new String[] {m.group(1), m.group(2).strip()};
    }
    return new String[] {null, text.strip()};
  }

  private static String plain(Node node) {
    return new TextCollectingVisitor().collectAndGetText(node);
  }

  private static String plainOf(Node node) {
    return new TextCollectingVisitor().collectAndGetText(node);
  }

  /** Plain text of a short inline Markdown fragment. */
  private static String inlinePlain(String markdown) {
    String s = markdown.replaceAll("\\*\\*|__|`", "");
    s = s.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
    return collapse(s);
  }

  /** The text with runs of whitespace folded to one space and trimmed, like {@code \\s+} → " ". */
  static String collapse(String text) {
    int len = text.length();
    boolean clean = true;
    for (int i = 0; i < len && clean; i++) {
      char c = text.charAt(i);
      if (isWhite(c) && (c != ' ' || i == 0 || i == len - 1 || isWhite(text.charAt(i + 1)))) {
        clean = false;
      }
    }
    if (clean) {
      return text;
    }
    StringBuilder out = new StringBuilder(len);
    boolean pending = false;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (isWhite(c)) {
        pending = out.length() > 0;
      } else {
        if (pending) {
          out.append(' ');
          pending = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isWhite(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
  }

  private static boolean containsIgnoreCase(String text, String lowerWord) {
    int n = lowerWord.length();
    for (int i = 0; i + n <= text.length(); i++) {
      if (text.regionMatches(true, i, lowerWord, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
