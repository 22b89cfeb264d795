package dev.readiness.read;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.readiness.markdown.MarkdownSyntax;
import dev.readiness.model.Part;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Snapshot;
import dev.readiness.read.DocumentLines.Key;
import dev.readiness.read.DocumentLines.Keyed;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one checklist into a {@link Snapshot} by the counting rules of SPEC.md.
 * Stateless and thread-safe; never throws on any text.
 *
 * <p>One parse reads a {@link DocumentLines} in turn with a reader per part of a checklist: the
 * {@link FrontMatterReader}, the {@link SectionReader} (sections, subsections and task items, in
 * one walk of the Markdown tree), the {@link TableReader} (status tables and completion tables),
 * the {@link BlockerReader}, the {@link TimelineReader} and the {@link SignOffReader}; the key
 * lines ({@code **Date**:}, {@code Last Updated}, ...) and the overall score are read here.
 */
public final class SnapshotParser {
  private static final Parser MARKDOWN = MarkdownSyntax.parser();

  static final Pattern BOLD_KEY =
      Pattern.compile("^\\s*\\*\\*([^*\\n]{1,80}?)(?::\\*\\*|\\*\\*\\s*:)\\s*(.*)$");
  static final Pattern OVERALL_SCORE =
      Pattern.compile(
          "overall\\s++score\\s*+:?+\\s*+\\**+\\s*+(\\d{1,3}(?:\\.\\d+)?)\\s*+/\\s*+100",
          Pattern.CASE_INSENSITIVE);
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
      return read(source, text, Deadline.after(timeLimit), texts, maxEntries, maxHeadings);
    } catch (OverLimit e) {
      Snapshot empty =
          new Snapshot(
              source, null, null, null, Map.of(), Map.of(), List.of(), List.of(), null, 0,
              List.of(), List.of(), List.of(), 0, List.of(), List.of(), List.of(), null, null, 0,
              null, 0);
      return new ParsedDocument(
          empty, null, null, 0, List.of(Problem.error(e.code, source, 0, e.getMessage())));
    }
  }

  /**
   * The most task items and table rows one file may hold, and the most entries each list read from
   * it (blockers, risks, dependencies, assumptions, planned tasks, sign-off lines) may have. Each
   * costs memory in every stage (a page, a PDF, a chart, the diff): a file over the limit is
   * skipped with {@code TOO_MANY_ITEMS}, so that one generated or corrupted file cannot take the
   * build down. Real checklists hold hundreds.
   */
  public static final int MAX_ENTRIES = 20_000;

  /**
   * The most headings one file may hold (sections and subsections); over it: {@code
   * TOO_MANY_SECTIONS}.
   */
  public static final int MAX_HEADINGS = 2_000;

  /**
   * The most warnings the parser keeps for one file; the rest are counted in one {@code
   * TOO_MANY_WARNINGS}.
   */
  static final int MAX_PARSE_WARNINGS = Problem.MAX_WARNINGS_PER_FILE;

  /**
   * A file over {@link #MAX_ENTRIES} or {@link #MAX_HEADINGS}: the parse stops, the file is
   * skipped.
   */
  static final class OverLimit extends RuntimeException {
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

  /**
   * One parse: each reader in turn over the lines of one document, in the order their warnings
   * come.
   */
  private static ParsedDocument read(
      String source,
      String text,
      Deadline deadline,
      Interner texts,
      int maxEntries,
      int maxHeadings) {
    DocumentLines d = new DocumentLines(source, text, texts, maxEntries);
    Map<String, Object> frontMatter = FrontMatterReader.read(d);
    d.clampNesting();
    String body = d.body();
    Document document =
        deadline == null
            ? MARKDOWN.parse(body)
            : MARKDOWN.parse(BasedSequence.of(deadline.watch(body)));
    SectionReader sectionReader = new SectionReader(d, deadline, maxHeadings);
    sectionReader.walk(document);
    d.indexHeadings();
    sectionReader.flagMalformedBoxes();

    Map<String, String> header = new LinkedHashMap<>();
    int firstBoundary = sectionReader.firstBoundary();
    int headerDateLine = 0;
    LocalDate headerDate = null;
    for (int n = 1; n < firstBoundary; n++) {
      Key m = d.keyAt(n);
      if (m != null) {
        String key = m.name().trim();
        header.putIfAbsent(key, m.value());
        if (key.equalsIgnoreCase("Date") && headerDateLine == 0) {
          headerDateLine = n;
          headerDate = d.date(m.value(), n, "the **Date** line");
        }
      }
    }
    LocalDate frontMatterDate = FrontMatterReader.date(d, frontMatter);
    TableReader tableReader = new TableReader(d, sectionReader);
    tableReader.readStatusTables();
    sectionReader.applyStatusLines();
    tableReader.applyCompletionTables();

    List<Section> sections = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    sectionReader.freeze(sections, parts);

    Double score = null;
    int scoreLine = 0;
    String[] lines = d.lines;
    for (int n = 1; n <= lines.length && score == null; n++) {
      Matcher m =
          d.opaque[n] || !containsIgnoreCase(lines[n - 1], "overall")
              ? null
              : OVERALL_SCORE.matcher(lines[n - 1]);
      if (m != null && m.find()) {
        score = Double.parseDouble(m.group(1));
        scoreLine = n;
      }
    }

    Keyed lastUpdated = d.firstKey("Last Updated");
    Keyed nextReview = d.firstKey("Next Review");
    Keyed version = d.firstKey("Version");
    Object fmProject = frontMatter.get("project");
    String project =
        fmProject instanceof String s && !s.isBlank() ? s.trim() : header.get("Project");
    LocalDate documentDate = frontMatterDate != null ? frontMatterDate : headerDate;
    int dateLine = frontMatterDate != null ? 1 : headerDateLine;
    SignOffReader.SignOff signOff = SignOffReader.read(d);

    Snapshot snapshot =
        new Snapshot(
            source,
            documentDate,
            project == null || project.isBlank() ? null : project,
            sectionReader.title(),
            header,
            frontMatter,
            sections,
            parts,
            score,
            scoreLine,
            d.bounded(BlockerReader.read(d), "blockers"),
            d.bounded(TimelineReader.read(d), "planned weeks"),
            d.bounded(signOff.signatures(), "sign-off lines"),
            signOff.line(),
            d.bounded(
                d.listUnder(t -> t.matches("(?i)^(key |known |open |main )?risks?\\b.*")), "risks"),
            d.bounded(
                d.listUnder(t -> t.matches("(?i)^(external |key )?dependenc(y|ies)\\b.*")),
                "dependencies"),
            d.bounded(d.listUnder(t -> t.matches("(?i)^(key )?assumptions?\\b.*")), "assumptions"),
            lastUpdated == null
                ? null
                : d.date(lastUpdated.value(), lastUpdated.line(), "Last Updated"),
            nextReview == null
                ? null
                : d.date(nextReview.value(), nextReview.line(), "Next Review"),
            nextReview == null ? 0 : nextReview.line(),
            version == null || version.value().isBlank() ? null : version.value(),
            documentDate == null ? 0 : dateLine);
    return new ParsedDocument(snapshot, frontMatterDate, headerDate, dateLine, d.problems());
  }

  /**
   * How many leading elements of {@code sorted} (in order of {@code key}) have a key of at most
   * {@code value}.
   */
  static <T> int countUpTo(List<T> sorted, ToIntFunction<T> key, int value) {
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

  /** The plain text of a node, as flexmark collects it. */
  static String plain(Node node) {
    return new TextCollectingVisitor().collectAndGetText(node);
  }

  /** Plain text of a short inline Markdown fragment. */
  static String inlinePlain(String markdown) {
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
