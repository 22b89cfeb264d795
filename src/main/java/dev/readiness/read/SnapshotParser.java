package dev.readiness.read;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.readiness.markdown.LineIndex;
import dev.readiness.markdown.MarkdownSyntax;
import dev.readiness.markdown.SafeYaml;
import dev.readiness.model.Blocker;
import dev.readiness.model.DeclaredStatus;
import dev.readiness.model.Item;
import dev.readiness.model.Part;
import dev.readiness.model.PlannedWeek;
import dev.readiness.model.PlannedWeek.PlannedTask;
import dev.readiness.model.PlausibleDates;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import dev.readiness.model.Subsection;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one checklist into a {@link Snapshot} by the counting rules of SPEC.md.
 * Stateless and thread-safe; never throws on any text.
 */
public final class SnapshotParser {
  private static final Parser MARKDOWN = MarkdownSyntax.parser();

  private static final Pattern ITALIC_KEY =
      Pattern.compile("^([*_])([^*_:\\n]{1,80}?)(:\\1|\\1\\s*:|:)\\s*(.*)$");
  static final Pattern BOLD_KEY =
      Pattern.compile("^\\s*\\*\\*([^*\\n]{1,80}?)(?::\\*\\*|\\*\\*\\s*:)\\s*(.*)$");
  private static final Pattern STATED_PERCENT =
      Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%\\s*complete", Pattern.CASE_INSENSITIVE);
  static final Pattern OVERALL_SCORE =
      Pattern.compile(
          "overall\\s++score\\s*+:?+\\s*+\\**+\\s*+(\\d{1,3}(?:\\.\\d+)?)\\s*+/\\s*+100",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern STAMP =
      Pattern.compile("^\\*\\*Date(?::\\*\\*|\\*\\*\\s*:)\\s*(\\d{4}-\\d{2}-\\d{2})\\s*$");
  static final Pattern NUMBERED =
      Pattern.compile(
          "^(?:section\\s+)?(\\d{1,3}(?:\\.\\d{1,3}){0,15})(?:\\s*[.):]\\s*|\\s+)(\\S.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SECTION_WORD =
      Pattern.compile("^section\\s+(\\d{1,3})\\s*[:.\\-–—]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  static final Pattern BOX_LIKE =
      Pattern.compile(
          "^\\s*+(?:>\\s*+)*+(?:[-*+]|\\d{1,9}[.)])?\\s*+\\[(\\s{0,2}|\\s?[xX✓✔v/~?*-]\\s?)\\](?![(:\\[])(.*)$");
  static final Pattern WEEK =
      Pattern.compile(
          "^\\s*\\*\\*Week\\s+(\\d{1,3})(?:\\s*[-–]\\s*(\\d{1,3}))?(?::\\*\\*|\\*\\*\\s*:?)\\s*(.*)$",
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
  private static final Pattern STATUS_HEADER =
      Pattern.compile("(?i)\\b(status|state|done|results?)\\b");
  private static final Pattern TOTAL_ROW = Pattern.compile("(?i)(totals?|overall|sum|average)\\W*");
  private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");

  private final Duration timeLimit;

  /** A parser without a time limit. */
  public SnapshotParser() {
    this(null);
  }

  /**
   * A parser that gives up on a file after {@code timeLimit}, or never when it is null. Some
   * Markdown (very long lines of nested emphasis, links or code spans) makes flexmark slow far
   * beyond the size of the text; a limit keeps one such file from stalling a whole build.
   */
  public SnapshotParser(Duration timeLimit) {
    this(timeLimit, MAX_ENTRIES, MAX_HEADINGS);
  }

  /** A parser with other entry and heading limits, for tests of inputs beyond them. */
  SnapshotParser(Duration timeLimit, int maxEntries, int maxHeadings) {
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
      throw new IllegalArgumentException("timeLimit must be positive, not " + timeLimit);
    }
    this.timeLimit = timeLimit;
    this.maxEntries = maxEntries;
    this.maxHeadings = maxHeadings;
  }

  private final int maxEntries;
  private final int maxHeadings;

  /**
   * Parses Markdown text; {@code source} names the file in the snapshot and in problems.
   *
   * @throws ParseTimeLimitException when this parser has a time limit and the parse passes it
   */
  public ParsedDocument parse(String source, String text) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    return parse(source, text, new Interner());
  }

  /** {@link #parse(String, String)}, keeping one copy of each text {@code texts} has seen. */
  ParsedDocument parse(String source, String text, Interner texts) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    try {
      return new Run(source, text, Deadline.after(timeLimit), texts, maxEntries, maxHeadings).parse();
    } catch (OverLimit e) {
      Snapshot empty = new Snapshot(source, null, null, null, Map.of(), Map.of(), List.of(), List.of(), null, 0,
          List.of(), List.of(), List.of(), 0, List.of(), List.of(), List.of(), null, null, 0, null, 0);
      return new ParsedDocument(empty, null, null, 0, List.of(Problem.error(e.code, source, 0, e.getMessage())));
    }
  }

  /**
   * The most task items and table rows one file may hold, and the most entries each list read from
   * it (blockers, risks, dependencies, assumptions, planned tasks, sign-off lines) may have. Each
   * costs memory in every stage (a page, a PDF, a chart, the diff): a file over the limit is skipped
   * with {@code TOO_MANY_ITEMS}, so that one generated or corrupted file cannot take the build
   * down. Real checklists hold hundreds.
   */
  public static final int MAX_ENTRIES = 20_000;

  /** The most headings one file may hold (sections and subsections); over it: {@code TOO_MANY_SECTIONS}. */
  public static final int MAX_HEADINGS = 2_000;

  /** The most warnings the parser keeps for one file; the rest are counted in one {@code TOO_MANY_WARNINGS}. */
  static final int MAX_PARSE_WARNINGS = Problem.MAX_WARNINGS_PER_FILE;

  /** A file over {@link #MAX_ENTRIES} or {@link #MAX_HEADINGS}: the parse stops, the file is skipped. */
  private static final class OverLimit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    OverLimit(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /** Normalizes line ends and drops a byte-order mark. */
  static String normalize(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** One parse: the state of a single pass over one document. */
  private static final class Run {
    private final String source;
    private final Deadline deadline;
    private final Interner texts;
    private final String[] lines;
    private final boolean[] opaque;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> unlisted = new java.util.TreeMap<>();
    private int entryCount;
    private final List<Frame> frames = new ArrayList<>();
    private final List<HeadingAt> headings = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private final List<TableBlock> tables = new ArrayList<>();
    private final Map<String, Object> frontMatter = new LinkedHashMap<>();
    private final boolean[] itemLine;
    private Key[] keys;
    private String title;
    private int frontMatterLines;
    private LineIndex lineIndex;
    private int[] headingEnds;
    private int[] regionEnds;

    private final int maxEntries;
    private final int maxHeadings;

    Run(String source, String text, Deadline deadline, Interner texts, int maxEntries, int maxHeadings) {
      this.maxEntries = maxEntries;
      this.maxHeadings = maxHeadings;
      this.source = source;
      this.deadline = deadline;
      this.texts = texts;
      this.lines = normalize(text).split("\n", -1);
      this.opaque = new boolean[lines.length + 2];
      this.itemLine = new boolean[lines.length + 2];
    }

    ParsedDocument parse() {
      readFrontMatter();
      clampNesting();
      String body = body();
      lineIndex = LineIndex.of(body);
      Document document = deadline == null
          ? MARKDOWN.parse(body)
          : MARKDOWN.parse(BasedSequence.of(deadline.watch(body)));
      frames.add(new Frame(null, 1));
      walk(document);
      indexHeadings();
      flagMalformedBoxes();

      Map<String, String> header = new LinkedHashMap<>();
      int firstBoundary = frames.size() > 1 ? frames.get(1).line : lines.length + 1;
      int headerDateLine = 0;
      LocalDate headerDate = null;
      for (int n = 1; n < firstBoundary; n++) {
        Key m = keyAt(n);
        if (m != null) {
          String key = m.name().trim();
          header.putIfAbsent(key, m.value());
          if (key.equalsIgnoreCase("Date") && headerDateLine == 0) {
            headerDateLine = n;
            headerDate = date(m.value(), n, "the **Date** line");
          }
        }
      }
      LocalDate frontMatterDate = frontMatterDate();
      readStatusTables();
      applyStatusLines();
      applyCompletionTables();

      List<Section> sections = new ArrayList<>();
      List<Part> parts = new ArrayList<>();
      for (Frame frame : frames) {
        String markdown = slice(frame.line, frame.end);
        int position = 0;
        if (frame.isSection()) {
          position = sections.size() + 1;
          sections.add(frame.freeze(position, texts.of(markdown), texts));
        }
        if (!markdown.isBlank()) {
          parts.add(new Part(frame.heading == null ? "" : texts.of(frame.heading.plain), frame.line, texts.of(markdown),
              position));
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
              bounded(readBlockers(), "blockers"),
              bounded(readTimeline(), "planned weeks"),
              bounded(signatures, "sign-off lines"),
              signOffLine,
              bounded(listUnder(t -> t.matches("(?i)^(key |known |open |main )?risks?\\b.*")), "risks"),
              bounded(listUnder(t -> t.matches("(?i)^(external |key )?dependenc(y|ies)\\b.*")), "dependencies"),
              bounded(listUnder(t -> t.matches("(?i)^(key )?assumptions?\\b.*")), "assumptions"),
              lastUpdated == null ? null : date(lastUpdated.value, lastUpdated.line, "Last Updated"),
              nextReview == null ? null : date(nextReview.value, nextReview.line, "Next Review"),
              nextReview == null ? 0 : nextReview.line,
              version == null || version.value.isBlank() ? null : version.value,
              documentDate == null ? 0 : dateLine);
      if (!unlisted.isEmpty()) {
        problems.add(Problem.tooManyWarnings(source, unlisted));
      }
      return new ParsedDocument(snapshot, frontMatterDate, headerDate, dateLine, problems);
    }

    /** Keeps a warning, or counts it once {@link #MAX_PARSE_WARNINGS} are kept. */
    private void warn(Problem problem) {
      if (problems.size() < MAX_PARSE_WARNINGS) {
        problems.add(problem);
      } else {
        unlisted.merge(problem.code(), 1, Integer::sum);
      }
    }

    /** A list read from the file, or the end of the parse when it is longer than the entry limit. */
    private <T> List<T> bounded(List<T> list, String what) {
      if (list.size() > maxEntries) {
        throw new OverLimit("TOO_MANY_ITEMS", "lists more than " + String.format(Locale.ROOT, "%,d", maxEntries)
            + " " + what + ", the most readiness reads in one file, so it is skipped (it would take too much memory"
            + " to show); split it into several checklists");
      }
      return list;
    }

    /** Counts task items and table rows; past the entry limit the parse stops. */
    private void countEntries(int more) {
      entryCount += more;
      if (entryCount > maxEntries) {
        throw new OverLimit("TOO_MANY_ITEMS", "has more than " + String.format(Locale.ROOT, "%,d", maxEntries)
            + " task items and table rows, the most readiness reads in one file, so it is skipped (it would take"
            + " too much memory to show); split it into several checklists");
      }
    }

    /** Reads YAML front matter into {@link #frontMatter} and marks its lines as not Markdown. */
    private void readFrontMatter() {
      if (lines.length < 2 || !lines[0].strip().equals("---")) {
        return;
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
        warn(Problem.warning("FRONT_MATTER", source, 1,
            "front matter opened with \"---\" is never closed; add a closing \"---\" line"));
        return;
      }
      String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
      try {
        Object loaded = SafeYaml.load(yaml);
        if (loaded instanceof Map<?, ?> map) {
          map.forEach((k, v) -> frontMatter.put(String.valueOf(k), v));
        } else if (loaded != null) {
          warn(Problem.warning("FRONT_MATTER", source, 1,
              "front matter is not a set of \"key: value\" lines; it is ignored"));
        }
      } catch (RuntimeException e) {
        warn(Problem.warning("FRONT_MATTER", source, 2 + SafeYaml.line(e),
            "front matter is not valid YAML (" + SafeYaml.reason(e) + "); it is ignored"));
      }
      frontMatterLines = close + 1;
      for (int i = 0; i <= close; i++) {
        opaque[i + 1] = true;
      }
    }

    /** The Markdown to parse: the lines with the front matter blanked, so line numbers stay. */
    private String body() {
      if (frontMatterLines == 0) {
        return String.join("\n", lines);
      }
      String[] body = lines.clone();
      java.util.Arrays.fill(body, 0, frontMatterLines, "");
      return String.join("\n", body);
    }

    /** Cuts lines nested deeper than {@link NestingLimit#MAX_LEVELS}; one warning names the first. */
    private void clampNesting() {
      int[] changed = NestingLimit.clamp(lines, frontMatterLines, NestingLimit.MAX_LEVELS);
      if (changed.length > 0) {
        String more = changed.length == 1 ? "" : " (and " + (changed.length - 1) + " more line"
            + (changed.length == 2 ? "" : "s") + ")";
        warn(Problem.warning("DEEP_NESTING", source, changed[0] + 1,
            "lists or quotes are nested more than " + NestingLimit.MAX_LEVELS + " levels deep here" + more
                + "; the deeper levels are read as level " + NestingLimit.MAX_LEVELS
                + ", so items keep their counts but not their nesting"));
      }
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
        if (deadline != null) {
          deadline.tick();
        }
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
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
          if (part instanceof TableBody) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
              countEntries(1);
            }
          }
        }
        tables.add(table);
        return false;
      }
      if (node instanceof ListItem listItem) {
        onListItem(listItem);
      }
      return true;
    }

    private void markOpaque(Node node) {
      int first = startLine(node);
      int last = endLine(node);
      for (int n = first; n <= last && n < opaque.length; n++) {
        opaque[n] = true;
      }
    }

    private void onHeading(Heading heading) {
      if (headings.size() >= maxHeadings) {
        throw new OverLimit("TOO_MANY_SECTIONS", "has more than " + String.format(Locale.ROOT, "%,d", maxHeadings)
            + " headings, the most readiness reads in one file, so it is skipped (it would take too much memory"
            + " to show); split it into several checklists");
      }
      int line = startLine(heading);
      String raw = heading.getText().toString().strip();
      String plainText = plain(heading);
      HeadingAt at = new HeadingAt(headings.size(), heading.getLevel(), line, raw, plainText,
          StatusMarks.strip(plainText));
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
      if (node instanceof TaskListItem) {
        countEntries(1);
      }
      int line = startLine(node);
      Node up = node.getParent();
      while (up != null && !(up instanceof ListItem)) {
        up = up.getParent();
      }
      int depth = 0;
      int parent = -1;
      if (up != null) {
        Nesting outer = nesting.computeIfAbsent(up, this::nestingByWalk);
        depth = outer.depth + 1;
        Integer outerTask = taskNodes.get(up);
        parent = outerTask != null ? outerTask : outer.parent;
      }
      nesting.put(node, new Nesting(depth, parent));
      Paragraph paragraph = node.getFirstChild() instanceof Paragraph p ? p : null;
      String[] text = paragraph == null ? new String[] {"", ""} : itemText(paragraph, line);
      boolean task = node instanceof TaskListItem;
      boolean done = task && ((TaskListItem) node).isItemDoneMarker();
      entries.add(new Entry(line, depth, text[0], text[1], task, done));
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
          new Item(items.size(), texts.of(text[0]), texts.of(text[1]), done, line, depth, parent,
              texts.of(frame.subsectionTitle()));
      items.add(item);
      taskNodes.put(node, item.index());
      frame.add(item);
    }

    private final Map<Node, Integer> taskNodes = new IdentityHashMap<>();
    private final Map<Node, Nesting> nesting = new IdentityHashMap<>();

    /**
     * The nesting of a list item the walk did not reach, found by walking up: flexmark can leave
     * an item's parent detached from the document (seen with broken code fences in list items).
     */
    private Nesting nestingByWalk(Node item) {
      int depth = 0;
      int parent = -1;
      for (Node up = item.getParent(); up != null; up = up.getParent()) {
        if (up instanceof ListItem) {
          depth++;
          Integer task = taskNodes.get(up);
          if (task != null && parent == -1) {
            parent = task;
          }
        }
      }
      return new Nesting(depth, parent);
    }

    /**
     * The Markdown and plain text of an item's first paragraph, its lines joined; stops before a
     * continuation line that looks like a box, which is reported as malformed instead.
     */
    private String[] itemText(Paragraph paragraph, int line) {
      int first = startLine(paragraph);
      int last = endLine(paragraph);
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
          if (startLine(child) >= cut) {
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
          warn(Problem.warning("MALFORMED_BOX", source, n,
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
        Key key = keyAt(n);
        if (key == null || !key.name().strip().equalsIgnoreCase("Status")) {
          continue;
        }
        Matcher percent = STATED_PERCENT.matcher(key.value());
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
      for (TableAt table : tables()) {
        List<String> head = table.head;
        if (head == null) {
          continue;
        }
        int sectionColumn = indexOf(head, "section");
        int completionColumn = indexOf(head, "completion");
        if (sectionColumn < 0 || completionColumn < 0) {
          continue;
        }
        for (Row row : table.rows) {
          if (row.plain.size() <= Math.max(sectionColumn, completionColumn)) {
            continue;
          }
          Matcher percent = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%").matcher(row.plain.get(completionColumn));
          Frame frame = frameNamed(row.plain.get(sectionColumn));
          if (percent.find() && frame != null && frame.statedPercent == null) {
            frame.statedPercent = Double.parseDouble(percent.group(1));
            frame.statedLine = row.line;
            frame.statedFrom = "table";
          }
        }
      }
    }

    /** The document's tables, read once: header cells and body rows, in document order. */
    private List<TableAt> tables() {
      if (tableData == null) {
        tableData = new ArrayList<>(tables.size());
        for (TableBlock table : tables) {
          List<Row> rows = new ArrayList<>();
          List<String> head = null;
          for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null && !(part instanceof TableSeparator); row = row.getNext()) {
              if (!(row instanceof TableRow)) {
                continue;
              }
              List<String> plain = new ArrayList<>();
              List<String> markdown = new ArrayList<>();
              int written = 0;
              for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                if (cell instanceof TableCell tableCell) {
                  plain.add(collapse(plain(cell)));
                  markdown.add(collapse(tableCell.getText().toString()));
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

    private List<TableAt> tableData;

    /**
     * Counts the rows of status tables as items (docs/format.md, "Status tables"): in an H2 part
     * (or the text before the first H2) that holds no task items, each row of a table with a status
     * column is an item, done when its status says done, partial when it says partly done. Tables
     * that sum up the document's own sections, and sign-off tables under a sign-off heading, are not.
     */
    private void readStatusTables() {
      if (tables.isEmpty()) {
        return;
      }
      Set<Frame> withTasks = Collections.newSetFromMap(new IdentityHashMap<>());
      frames.stream().filter(f -> !f.sectionItems.isEmpty()).forEach(withTasks::add);
      int next = items.size();
      for (TableAt table : tables()) {
        Frame frame = frameAt(table.line);
        if (withTasks.contains(frame) || table.head == null || table.rows.isEmpty()
            || (isSignOffTable(table) && isSignOffLine(table.line))) {
          continue;
        }
        int status = statusColumn(table);
        int name = status < 0 ? -1 : nameColumn(table, status);
        if (name < 0 || summarizesSections(table, name)) {
          continue;
        }
        SubsectionBuilder sub = frame.subsectionAt(table.line);
        for (Row row : table.rows) {
          String text = name < row.plain.size() ? row.plain.get(name) : "";
          if (text.isEmpty() || TOTAL_ROW.matcher(text).matches()) {
            continue;
          }
          CellStatus state = statusOf(row, status, table.head.size());
          Item item = new Item(next++, texts.of(row.markdown.get(name)), texts.of(text), state == CellStatus.DONE,
              row.line, 0, -1, sub == null ? null : sub.title, Item.Kind.TABLE_ROW, state == CellStatus.PARTIAL);
          frame.sectionItems.add(item);
          if (sub != null) {
            sub.items.add(item);
          }
          tableItems++;
        }
      }
      if (tableItems > 0) {
        renumber();
      }
    }

    private int tableItems;

    /**
     * The status column of a table: the first whose header says Status, State, Done or Result and
     * that holds at least one status or nothing at all (a blank template: every row open); else the
     * one column whose every cell is a status mark, when no other column holds marks (several
     * columns of marks are a matrix of levels or systems, not a status); else -1.
     */
    private static int statusColumn(TableAt table) {
      for (int c = 0; c < table.head.size(); c++) {
        if (STATUS_HEADER.matcher(table.head.get(c)).find()) {
          boolean blank = true;
          for (Row row : table.rows) {
            if (statusOf(row, c, table.head.size()) != null) {
              return c;
            }
            blank &= c >= row.plain.size() || row.plain.get(c).isEmpty();
          }
          if (blank) {
            return c;
          }
        }
      }
      int found = -1;
      for (int c = 0; c < table.head.size(); c++) {
        boolean full = true;
        boolean marks = false;
        boolean other = false;
        for (Row row : table.rows) {
          String cell = c < row.plain.size() ? row.plain.get(c) : "";
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
     * What a row's status cell says. A row written with fewer cells than the header (flexmark pads
     * it with empty ones) whose status is the last column reads its last written cell: a cell lost
     * in the middle is the likelier mistake than a status left out.
     */
    private static CellStatus statusOf(Row row, int column, int columns) {
      String cell;
      if (column == columns - 1 && row.written > 0 && row.written < columns) {
        cell = row.plain.get(row.written - 1);
      } else if (column < row.plain.size()) {
        cell = row.plain.get(column);
      } else {
        return null;
      }
      String bare = cell.replaceAll("[*_`\\s]", "");
      if (bare.equalsIgnoreCase("x") || bare.equalsIgnoreCase("[x]")) {
        return CellStatus.DONE;
      }
      return bare.equals("[]") ? CellStatus.OPEN : CellStatus.of(cell);
    }

    /** The column that names a row: the first other than the status column with words in it, or -1. */
    private static int nameColumn(TableAt table, int status) {
      for (int c = 0; c < table.head.size(); c++) {
        if (c == status) {
          continue;
        }
        for (Row row : table.rows) {
          if (c < row.plain.size() && HAS_LETTER.matcher(row.plain.get(c)).find()) {
            return c;
          }
        }
      }
      return -1;
    }

    /**
     * Whether a table sums up the document's own sections (like the seed's "Completion by
     * Section"): its header names Section and Completion (the table of stated percents), or at
     * least half of its rows name an H2 of the document by number or title. Its figures are stated
     * figures, not items.
     */
    private boolean summarizesSections(TableAt table, int name) {
      if (indexOf(table.head, "section") >= 0 && indexOf(table.head, "completion") >= 0) {
        return true;
      }
      Set<String> numbers = new HashSet<>();
      Set<String> titles = new HashSet<>();
      for (Frame frame : frames) {
        if (frame.heading != null) {
          if (frame.number != null) {
            numbers.add(frame.number);
          }
          titles.add(frame.title.toLowerCase(Locale.ROOT));
        }
      }
      int named = 0;
      for (Row row : table.rows) {
        String[] split = numberAndTitle(StatusMarks.strip(name < row.plain.size() ? row.plain.get(name) : ""));
        if ((split[0] != null && numbers.contains(split[0])) || titles.contains(split[1].toLowerCase(Locale.ROOT))) {
          named++;
        }
      }
      return named > 0 && named * 2 >= table.rows.size();
    }

    /** Whether a line lies under a sign-off heading. */
    private boolean isSignOffLine(int line) {
      for (HeadingAt heading : headings) {
        if (heading.line < line && line <= regionEnd(heading) && SIGN_OFF_HEADING.matcher(heading.plain).find()) {
          return true;
        }
      }
      return false;
    }

    /**
     * Gives every item its index in document order once table rows have joined the task items: the
     * rows were numbered after every task item, but their parts come in between.
     */
    private void renumber() {
      int[] moved = new int[items.size()];
      Map<Item, Item> renumbered = new IdentityHashMap<>();
      int next = 0;
      for (Frame frame : frames) {
        for (int i = 0; i < frame.sectionItems.size(); i++) {
          Item item = frame.sectionItems.get(i);
          int index = next++;
          int parent = -1;
          if (item.kind() == Item.Kind.TASK) {
            moved[item.index()] = index;
            parent = item.parent() < 0 ? -1 : moved[item.parent()];
          }
          Item at = item.at(index, parent);
          frame.sectionItems.set(i, at);
          renumbered.put(item, at);
        }
        for (SubsectionBuilder sub : frame.all) {
          sub.items.replaceAll(renumbered::get);
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
      if (sectionsByNumber == null) {
        sectionsByNumber = new java.util.HashMap<>();
        sectionsByTitle = new java.util.HashMap<>();
        for (Frame frame : frames) {
          if (frame.isSection()) {
            if (frame.number != null) {
              sectionsByNumber.putIfAbsent(frame.number, frame);
            }
            sectionsByTitle.putIfAbsent(frame.title.toLowerCase(Locale.ROOT), frame);
          }
        }
      }
      String[] numberAndTitle = numberAndTitle(StatusMarks.strip(cell));
      Frame byNumber = numberAndTitle[0] == null ? null : sectionsByNumber.get(numberAndTitle[0]);
      return byNumber != null ? byNumber : sectionsByTitle.get(numberAndTitle[1].toLowerCase(Locale.ROOT));
    }

    private Map<String, Frame> sectionsByNumber;
    private Map<String, Frame> sectionsByTitle;

    private List<Blocker> readBlockers() {
      List<Blocker> blockers = new ArrayList<>();
      for (HeadingAt heading : headings) {
        if (!heading.plain.toLowerCase(Locale.ROOT).contains("blocker")) {
          continue;
        }
        int scanned = heading.line;
        String label = "";
        for (Entry entry : topEntries(heading)) {
          for (; scanned < entry.line - 1; scanned++) {
            if (isLabel(scanned + 1)) {
              label = lines[scanned];
            }
          }
          if (entry.task && entry.done || RESOLVED_MARK.matcher(entry.markdown).find()
              || RESOLVED_LABEL.matcher(label).find()) {
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

    /**
     * Whether a line is a bold label (such as {@code **Resolved Blockers:**}); the nearest one
     * above a blocker entry says whether the entries below it are resolved.
     */
    private boolean isLabel(int n) {
      return !itemLine[n] && !opaque[n] && LABEL_LINE.matcher(lines[n - 1]).matches()
          && !lines[n - 1].stripLeading().startsWith("-");
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
          List<PlannedTask> tasks = new ArrayList<>();
          for (Entry e : outermost(entriesBetween(from, to))) {
            Matcher days = DAYS.matcher(e.plain);
            Double estimate = null;
            String text = e.plain;
            if (days.find()) {
              estimate = Double.parseDouble(days.group(1));
              text = (text.substring(0, days.start()) + text.substring(days.end())).strip();
            }
            tasks.add(new PlannedTask(texts.of(text), estimate, e.line));
          }
          int week = Integer.parseInt(m.group(1));
          int lastWeek = m.group(2) == null ? week : Math.max(week, Integer.parseInt(m.group(2)));
          weeks.add(new PlannedWeek(week, lastWeek, inlinePlain(stripSpaceEnd(m.group(3))), from, tasks));
        }
      }
      return weeks;
    }

    /**
     * Reads {@code **Role**: name Date: date} lines and the rows of sign-off tables
     * ({@code | Role | Name | Signature | Date |}); returns the heading line, or 0.
     */
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
          Key m = keyAt(n);
          if (m == null || NOT_A_ROLE.matcher(m.name().strip()).matches()) {
            continue;
          }
          String rest = m.value().replace("\\", "");
          String name = rest;
          String date = null;
          Matcher dateAt = Pattern.compile("(?i)\\bdate\\s*:").matcher(rest);
          if (dateAt.find()) {
            name = rest.substring(0, dateAt.start());
            date = blankToNull(rest.substring(dateAt.end()));
          }
          signatures.add(new Signature(inlinePlain(m.name()), blankToNull(name), date, n));
        }
        for (TableAt table : tables()) {
          if (table.line > heading.line && table.line <= end) {
            signOffTable(table, signatures);
          }
        }
        if (!signatures.isEmpty()) {
          signatures.sort(java.util.Comparator.comparingInt(Signature::line));
          return heading.line;
        }
      }
      return 0;
    }

    /**
     * Reads a table of a sign-off section: one signature per row, the role from the column headed
     * Role (else the first), the name from Name (else Signature, Signed by or Approver), the date
     * from Date. A table with neither a Role nor a name column is not a sign-off table.
     */
    private void signOffTable(TableAt table, List<Signature> signatures) {
      if (table.head == null) {
        return;
      }
      if (!isSignOffTable(table)) {
        return;
      }
      int role = indexOf(table.head, "role");
      int name = indexOf(table.head, "name");
      int signature = firstIndexOf(table.head, "signature", "signed", "approver");
      int date = indexOf(table.head, "date");
      role = role >= 0 ? role : 0;
      for (Row row : table.rows) {
        String roleText = cell(row, role);
        if (roleText.isEmpty()) {
          continue;
        }
        String who = name >= 0 && name != role ? blankToNull(cell(row, name)) : null;
        if (who == null && signature >= 0 && signature != role) {
          who = blankToNull(cell(row, signature));
        }
        String when = date >= 0 && date != role ? blankToNull(cell(row, date)) : null;
        signatures.add(new Signature(texts.of(roleText), who, when, row.line));
      }
    }

    /** Whether a table has a column headed Role, Name, Signature, Signed or Approver. */
    private static boolean isSignOffTable(TableAt table) {
      return table.head != null && firstIndexOf(table.head, "role", "name", "signature", "signed", "approver") >= 0;
    }

    private static String cell(Row row, int column) {
      return column < row.plain.size() ? row.plain.get(column) : "";
    }

    private static int firstIndexOf(List<String> head, String... words) {
      for (String word : words) {
        int at = indexOf(head, word);
        if (at >= 0) {
          return at;
        }
      }
      return -1;
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
      return outermost(entriesBetween(heading.line, headingEnds[heading.index]));
    }

    /** The last line before the next heading of the same or a higher level. */
    private int regionEnd(HeadingAt heading) {
      return regionEnds[heading.index];
    }

    /**
     * Finds, for every heading, where its text and its region end, in one pass from the last
     * heading back, so that readers of blockers, timelines and lists do not scan all headings
     * for each one.
     */
    private void indexHeadings() {
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

    /** The list entries on lines {@code after+1..to}, found by binary search (entries are in line order). */
    private List<Entry> entriesBetween(int after, int to) {
      int from = countUpTo(entries, Entry::line, after);
      int until = countUpTo(entries, Entry::line, to);
      return from < until ? entries.subList(from, until) : List.of();
    }

    /** The entries of the least depth among {@code found}. */
    private static List<Entry> outermost(List<Entry> found) {
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

    /**
     * The first {@code **Key**: value} line with this key outside task items, or the first in
     * italics ({@code *Key: value*}, {@code *Key*: value}, {@code _Key:_ value}), or null.
     */
    private Keyed firstKey(String name) {
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

    /** A key line in italics, or null: {@code *Key: value*}, {@code *Key:* value} or {@code *Key*: value}. */
    private static Key italicKey(String line) {
      String s = line.strip();
      if (s.length() < 4 || (s.charAt(0) != '*' && s.charAt(0) != '_') || s.charAt(1) == s.charAt(0)
          || Character.isWhitespace(s.charAt(1))) {
        return null;
      }
      Matcher m = ITALIC_KEY.matcher(s);
      if (!m.matches()) {
        return null;
      }
      String value = stripSpaceEnd(m.group(4));
      if (m.group(3).equals(":")) {
        if (!value.endsWith(m.group(1))) {
          return null;
        }
        value = stripSpaceEnd(value.substring(0, value.length() - 1));
      }
      return new Key(m.group(2), value);
    }

    /** A {@code **Key**: value} match at a 1-based line outside code, or null; computed once per line. */
    private Key keyAt(int n) {
      if (n < 1 || n > lines.length || opaque[n]) {
        return null;
      }
      if (keys == null) {
        keys = new Key[lines.length + 1];
        for (int i = 1; i <= lines.length; i++) {
          String line = lines[i - 1];
          if (line.indexOf("**") >= 0) {
            Matcher m = BOLD_KEY.matcher(line);
            keys[i] = m.matches() ? new Key(m.group(1), stripSpaceEnd(m.group(2))) : null;
          }
        }
      }
      return keys[n];
    }

    /**
     * A {@code **Key**: value} line: the key as written, the value without the spaces around it.
     * The value's trailing spaces are cut here rather than by the pattern, whose lazy
     * {@code (.*?)\s*$} was quadratic in a long line of spaces.
     */
    private record Key(String name, String value) {}

    /** The first ISO date in a value; a warning names the line when it is not a real date. */
    private LocalDate date(String value, int line, String what) {
      Matcher m = ISO_DATE.matcher(value);
      if (!m.find()) {
        return null;
      }
      LocalDate date;
      try {
        date = LocalDate.of(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        warn(Problem.warning("BAD_DATE", source, line,
            what + " \"" + m.group() + "\" is not a calendar date; write a real date as YYYY-MM-DD"));
        return null;
      }
      if (!PlausibleDates.contains(date)) {
        warn(Problem.warning("IMPLAUSIBLE_DATE", source, line, what + " " + date + " is outside "
            + PlausibleDates.RANGE + ", so it is left out; write the real date"));
        return null;
      }
      return date;
    }

    /**
     * The 1-based line a node starts on. Flexmark's own {@code getStartLineNumber()} counts line
     * ends from the start of the document on every call, which made long files quadratic.
     */
    private int startLine(Node node) {
      return lineAt(node.getStartOffset());
    }

    /** The 1-based line a node's last character is on, as flexmark's {@code getEndLineNumber()}. */
    private int endLine(Node node) {
      int end = node.getEndOffset();
      return lineAt(end > 0 ? end - 1 : end);
    }

    /** The 1-based line of an offset into the parsed body: one plus the line ends before it. */
    private int lineAt(int offset) {
      return lineIndex.line(offset) + 1;
    }


    private Frame current() {
      return frames.get(frames.size() - 1);
    }

    /** The last frame that starts on or before a line (frames are in line order). */
    private Frame frameAt(int line) {
      return frames.get(Math.max(1, countUpTo(frames, f -> f.line, line)) - 1);
    }

    /** Source lines {@code from..to} (1-based, inclusive), front matter left out; empty if blank. */
    private String slice(int from, int to) {
      StringBuilder out = new StringBuilder();
      for (int n = Math.max(from, frontMatterLines + 1); n <= Math.min(to, lines.length); n++) {
        out.append(lines[n - 1]).append('\n');
      }
      return out.toString().isBlank() ? "" : out.toString();
    }

    /** A table: its header cells (null when it has none), its start line and its body rows. */
    private record TableAt(int line, List<String> head, List<Row> rows) {}

    /**
     * A table body row: its line, its cells as plain text and as inline Markdown, and how many
     * cells were written (the rest is padding up to the header's width).
     */
    private record Row(int line, List<String> plain, List<String> markdown, int written) {}

    /** A heading, as found; {@code clean} is its plain text without status marks. */
    private record HeadingAt(int index, int level, int line, String raw, String plain, String clean) {}

    /** A list item of any kind, with its own paragraph's text. */
    private record Entry(int line, int depth, String markdown, String plain, boolean task, boolean done) {}

    /**
     * Where a list item sits: how many list items enclose it, and the index of the nearest
     * enclosing counted task item (-1 when none). Kept per item so that nested items are placed
     * in constant time instead of by walking up to the document root.
     */
    private record Nesting(int depth, int parent) {}

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

      /** The last subsection whose heading is above a line (subsections are in line order). */
      SubsectionBuilder subsectionAt(int lineNumber) {
        int above = countUpTo(all, sub -> sub.heading.line, lineNumber - 1);
        return above == 0 ? null : all.get(above - 1);
      }

      boolean hasItemAfter(int lineNumber) {
        return !sectionItems.isEmpty() && sectionItems.get(sectionItems.size() - 1).line() > lineNumber;
      }

      Section freeze(int position, String markdown, Interner texts) {
        String headingText = heading == null ? "" : heading.raw;
        return new Section(
            position,
            texts.of(number),
            texts.of(title),
            texts.of(headingText),
            heading == null ? null : StatusMarks.declared(heading.raw),
            statedPercent,
            statedLine,
            statedFrom,
            line,
            sectionItems,
            roots.stream().map(sub -> sub.freeze(texts)).toList(),
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

      Subsection freeze(Interner texts) {
        return new Subsection(
            texts.of(number),
            texts.of(title),
            heading.level,
            StatusMarks.declared(heading.raw),
            statedPercent,
            statedLine,
            completedOn,
            heading.line,
            items,
            children.stream().map(sub -> sub.freeze(texts)).toList());
      }
    }
  }

  /** How many leading elements of {@code sorted} (in order of {@code key}) have a key of at most {@code value}. */
  private static <T> int countUpTo(List<T> sorted, ToIntFunction<T> key, int value) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (key.applyAsInt(sorted.get(mid)) <= value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
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
    return collapse(linkTexts(s));
  }

  /**
   * The text with every {@code [text](url)} and {@code ![text](url)} replaced by its text: what
   * {@code replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")} gives, in one pass. The pattern
   * rescanned to the next {@code ]} from every {@code [}, quadratic in a line of brackets.
   */
  static String linkTexts(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    int from = 0;
    while (true) {
      int open = s.indexOf('[', from);
      if (open < 0) {
        break;
      }
      int close = s.indexOf(']', open + 1);
      if (close < 0) {
        break;
      }
      if (close + 1 >= s.length() || s.charAt(close + 1) != '(') {
        from = close + 1;
        continue;
      }
      int paren = s.indexOf(')', close + 2);
      if (paren < 0) {
        break;
      }
      int start = open > from && s.charAt(open - 1) == '!' ? open - 1 : open;
      out.append(s, copied, start).append(s, open + 1, close);
      copied = paren + 1;
      from = paren + 1;
    }
    return copied == 0 ? s : out.append(s, copied, s.length()).toString();
  }

  /** The text without trailing ASCII white space (what {@code \s*$} matches). */
  static String stripSpaceEnd(String text) {
    int end = text.length();
    while (end > 0 && isAsciiSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
