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
import com.vladsch.flexmark.util.ast.Node;
import dev.readiness.model.Item;
import dev.readiness.model.Part;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Subsection;
import dev.readiness.read.DocumentLines.Entry;
import dev.readiness.read.DocumentLines.HeadingAt;
import dev.readiness.read.DocumentLines.Key;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sections and items: walks the Markdown tree in document order, collecting the headings,
 * list entries and tables of the {@link DocumentLines}, the title (the first H1), one {@link Frame}
 * per H2 (and one for the text before it) with its subsections, and the task items with their
 * nesting. Then it reports lines that look like boxes but are not, takes {@code **Status**: N%
 * complete} lines as stated percents, and freezes the frames into sections and parts.
 */
final class SectionReader {
  private static final Pattern STATED_PERCENT =
      Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%\\s*complete", Pattern.CASE_INSENSITIVE);
  private static final Pattern STAMP =
      Pattern.compile("^\\*\\*Date(?::\\*\\*|\\*\\*\\s*:)\\s*(\\d{4}-\\d{2}-\\d{2})\\s*$");

  private final DocumentLines d;
  private final Deadline deadline;
  private final int maxHeadings;
  final List<Frame> frames = new ArrayList<>();
  final List<Item> items = new ArrayList<>();
  private String title;
  private final Map<Node, Integer> taskNodes = new IdentityHashMap<>();
  private final Map<Node, Nesting> nesting = new IdentityHashMap<>();

  SectionReader(DocumentLines d, Deadline deadline, int maxHeadings) {
    this.d = d;
    this.deadline = deadline;
    this.maxHeadings = maxHeadings;
    frames.add(new Frame(null, 1));
  }

  /** The title: the plain text of the first H1 without status marks, or null. */
  String title() {
    return title;
  }

  /** Visits the AST in document order, building frames, subsections, items and list entries. */
  void walk(Node root) {
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
            d.countEntries(1);
          }
        }
      }
      d.tableBlocks.add(table);
      return false;
    }
    if (node instanceof ListItem listItem) {
      onListItem(listItem);
    }
    return true;
  }

  private void markOpaque(Node node) {
    int first = d.startLine(node);
    int last = d.endLine(node);
    for (int n = first; n <= last && n < d.opaque.length; n++) {
      d.opaque[n] = true;
    }
  }

  private void onHeading(Heading heading) {
    if (d.headings.size() >= maxHeadings) {
      throw new SnapshotParser.OverLimit(
          "TOO_MANY_SECTIONS",
          "has more than "
              + String.format(Locale.ROOT, "%,d", maxHeadings)
              + " headings, the most readiness reads in one file, so it is skipped (it would take too much memory"
              + " to show); split it into several checklists");
    }
    int line = d.startLine(heading);
    String raw = heading.getText().toString().strip();
    String plainText = SnapshotParser.plain(heading);
    HeadingAt at =
        new HeadingAt(
            d.headings.size(),
            heading.getLevel(),
            line,
            raw,
            plainText,
            StatusMarks.strip(plainText));
    d.headings.add(at);
    if (heading.getLevel() == 1 && title == null) {
      title = at.clean();
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
      d.countEntries(1);
    }
    int line = d.startLine(node);
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
    d.entries.add(new Entry(line, depth, text[0], text[1], task, done));
    if (!task) {
      return;
    }
    d.itemLine[line] = true;
    Frame frame = current();
    Matcher stamp = STAMP.matcher(text[0]);
    if (stamp.matches()) {
      frame.stamp(d.date(stamp.group(1), line, "the completion stamp"));
      return;
    }
    Item item =
        new Item(
            items.size(),
            d.texts.of(text[0]),
            d.texts.of(text[1]),
            done,
            line,
            depth,
            parent,
            d.texts.of(frame.subsectionTitle()));
    items.add(item);
    taskNodes.put(node, item.index());
    frame.add(item);
  }

  /**
   * The nesting of a list item the walk did not reach, found by walking up: flexmark can leave an
   * item's parent detached from the document (seen with broken code fences in list items).
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
    int first = d.startLine(paragraph);
    int last = d.endLine(paragraph);
    int cut = last + 1;
    for (int n = Math.max(first + 1, line + 1); n <= last; n++) {
      if (d.lines[n - 1].indexOf('[') >= 0
          && SnapshotParser.BOX_LIKE.matcher(d.lines[n - 1]).find()) {
        cut = n;
        break;
      }
    }
    String markdown = paragraph.getChars().toString();
    StringBuilder plain = new StringBuilder();
    if (cut <= last) {
      String[] parts = markdown.split("\n", -1);
      markdown =
          String.join(" ", Arrays.copyOfRange(parts, 0, Math.min(parts.length, cut - first)));
      for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
        if (d.startLine(child) >= cut) {
          break;
        }
        plain.append(child instanceof SoftLineBreak ? " " : SnapshotParser.plain(child));
      }
    } else {
      plain.append(SnapshotParser.plain(paragraph));
    }
    return new String[] {
      SnapshotParser.collapse(markdown), SnapshotParser.collapse(plain.toString())
    };
  }

  /** Reports lines that look like task boxes but are not task items. */
  void flagMalformedBoxes() {
    String[] lines = d.lines;
    for (int n = 1; n <= lines.length; n++) {
      if (d.opaque[n] || d.itemLine[n] || lines[n - 1].indexOf('[') < 0) {
        continue;
      }
      Matcher m = SnapshotParser.BOX_LIKE.matcher(lines[n - 1]);
      if (m.find()) {
        String shown = lines[n - 1].strip();
        if (shown.length() > 60) {
          shown = shown.substring(0, 57) + "...";
        }
        String rest = m.group(2).strip();
        d.warn(
            Problem.warning(
                "MALFORMED_BOX",
                d.source,
                n,
                "\""
                    + shown
                    + "\" looks like a task box but is not one, so it is not counted; write \"- [ ] "
                    + rest
                    + "\" or \"- [x] "
                    + rest
                    + "\""));
      }
    }
  }

  /**
   * Assigns each {@code **Status**: N% complete} line: to its subsection when the subsection's
   * items follow it, otherwise (a summary after the section's items, or a line directly under the
   * H2) to the section.
   */
  void applyStatusLines() {
    for (int n = 1; n <= d.lines.length; n++) {
      Key key = d.keyAt(n);
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

  /**
   * Gives every item its index in document order once table rows have joined the task items: the
   * rows were numbered after every task item, but their parts come in between.
   */
  void renumber() {
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

  /** The sections (H2 parts with items or a number) and every part with text, in document order. */
  void freeze(List<Section> sections, List<Part> parts) {
    Interner texts = d.texts;
    for (Frame frame : frames) {
      String markdown = d.slice(frame.line, frame.end);
      int position = 0;
      if (frame.isSection()) {
        position = sections.size() + 1;
        sections.add(frame.freeze(position, texts.of(markdown), texts));
      }
      if (!markdown.isBlank()) {
        parts.add(
            new Part(
                frame.heading == null ? "" : texts.of(frame.heading.plain()),
                frame.line,
                texts.of(markdown),
                position));
      }
    }
  }

  /** The line the first H2 starts on, or the line after the last when there is none. */
  int firstBoundary() {
    return frames.size() > 1 ? frames.get(1).line : d.lines.length + 1;
  }

  private Frame current() {
    return frames.get(frames.size() - 1);
  }

  /** The last frame that starts on or before a line (frames are in line order). */
  Frame frameAt(int line) {
    return frames.get(Math.max(1, SnapshotParser.countUpTo(frames, f -> f.line, line)) - 1);
  }

  /**
   * Where a list item sits: how many list items enclose it, and the index of the nearest enclosing
   * counted task item (-1 when none). Kept per item so that nested items are placed in constant
   * time instead of by walking up to the document root.
   */
  private record Nesting(int depth, int parent) {}

  /** An H2 (or the text before the first H2) while it is being read. */
  static final class Frame {
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
        String[] split = SnapshotParser.sectionNumberAndTitle(heading.clean());
        this.number = split[0];
        this.title = split[1].isEmpty() ? heading.plain().strip() : split[1];
      }
    }

    boolean isSection() {
      return !sectionItems.isEmpty() || (heading != null && number != null);
    }

    void openSubsection(HeadingAt at) {
      while (!open.isEmpty() && open.peek().heading.level() >= at.level()) {
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
      int above = SnapshotParser.countUpTo(all, sub -> sub.heading.line(), lineNumber - 1);
      return above == 0 ? null : all.get(above - 1);
    }

    boolean hasItemAfter(int lineNumber) {
      return !sectionItems.isEmpty()
          && sectionItems.get(sectionItems.size() - 1).line() > lineNumber;
    }

    Section freeze(int position, String markdown, Interner texts) {
      String headingText = heading == null ? "" : heading.raw();
      return new Section(
          position,
          texts.of(number),
          texts.of(title),
          texts.of(headingText),
          heading == null ? null : StatusMarks.declared(heading.raw()),
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
  static final class SubsectionBuilder {
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
      String[] split = SnapshotParser.numberAndTitle(heading.clean());
      this.number = split[0];
      this.title = split[1].isEmpty() ? heading.plain().strip() : split[1];
    }

    Subsection freeze(Interner texts) {
      return new Subsection(
          texts.of(number),
          texts.of(title),
          heading.level(),
          StatusMarks.declared(heading.raw()),
          statedPercent,
          statedLine,
          completedOn,
          heading.line(),
          items,
          children.stream().map(sub -> sub.freeze(texts)).toList());
    }
  }
}
