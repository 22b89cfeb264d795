package dev.readiness.render.pdf;

import com.lowagie.text.Element;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import dev.readiness.markdown.DirectionWrappers;
import dev.readiness.markdown.LineIndex;
import dev.readiness.markdown.MarkdownSyntax;
import dev.readiness.render.pdf.Typesetter.Style;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One part of a checklist as immutable blocks and inline runs, converted from flexmark's tree.
 * Parts repeat from review to review (most sections do not change in a week), so each distinct text
 * is parsed once and its tree shared by every PDF on every thread; flexmark's own nodes are not
 * shared, as they compute line numbers lazily.
 */
final class MarkdownTree {
  /** The reader's parser, so both see the same tree. */
  private static final Parser PARSER = MarkdownSyntax.parser();

  private static final Pattern HEADER_LINE =
      Pattern.compile("^\\s*\\*\\*[^*\\n]{1,80}?(?::\\*\\*|\\*\\*\\s*:).*$");
  private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?://|mailto:)[^\\s]+$");

  /**
   * Trees kept: a few projects' worth of parts, enough for the weeks being rendered on any thread.
   */
  private static final int CACHED = 256;

  private static final Map<String, MarkdownTree> CACHE =
      new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MarkdownTree> eldest) {
          return size() > CACHED;
        }
      };

  /** The top-level blocks, without link reference definitions. */
  final List<Block> blocks;

  private MarkdownTree(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** The tree of {@code markdown}, parsed once per distinct text. */
  static MarkdownTree of(String markdown) {
    synchronized (CACHE) {
      MarkdownTree cached = CACHE.get(markdown);
      if (cached != null) {
        return cached;
      }
    }
    MarkdownTree tree = parse(markdown);
    synchronized (CACHE) {
      CACHE.put(markdown, tree);
    }
    return tree;
  }

  private static MarkdownTree parse(String markdown) {
    Node document = PARSER.parse(markdown);
    LineIndex lines = LineIndex.of(markdown);
    List<Block> blocks = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (!(n instanceof Reference)) {
        blocks.add(block(n, lines));
      }
    }
    return new MarkdownTree(blocks);
  }

  /** A block; {@code line} counts from 0 at the part's first line. */
  sealed interface Block
      permits HeadingBlock,
          ParagraphBlock,
          ListBlockOf,
          CodeBlock,
          TableOf,
          QuoteBlock,
          RuleBlock,
          RawBlock,
          ReferenceBlock {
    int line();
  }

  /** A heading of level 1 to 6. */
  record HeadingBlock(int line, int level, Inline text) implements Block {}

  /**
   * A paragraph.
   *
   * @param header whether every line is a {@code **Key**: value} header line
   */
  record ParagraphBlock(int line, Inline text, boolean header) implements Block {}

  /** A bullet or ordered list; {@code start} is the number of an ordered list's first item. */
  record ListBlockOf(int line, boolean ordered, int start, List<ListEntry> items) implements Block {
    ListBlockOf {
      items = List.copyOf(items);
    }
  }

  /**
   * An item of a list.
   *
   * @param task whether it has a task box
   * @param done whether its task box is checked
   * @param text its first paragraph, or null when it starts with something else
   * @param rest its other blocks
   */
  record ListEntry(int line, boolean task, boolean done, Inline text, List<Block> rest) {
    ListEntry {
      rest = List.copyOf(rest);
    }
  }

  /** Code, or raw HTML shown as text. */
  record CodeBlock(int line, String text, boolean html) implements Block {}

  /** A table: its rows of cells, whether each row is a header row, and its number of columns. */
  record TableOf(int line, List<List<Cell>> rows, List<Boolean> heads, int columns)
      implements Block {
    TableOf {
      rows = rows.stream().map(List::copyOf).toList();
      heads = List.copyOf(heads);
    }
  }

  /**
   * A cell of a table.
   *
   * @param length the length of its source text, for the column widths
   * @param align an {@link Element} alignment
   */
  record Cell(Inline text, int length, int align) {}

  /** A block quote. */
  record QuoteBlock(int line, List<Block> children) implements Block {
    QuoteBlock {
      children = List.copyOf(children);
    }
  }

  /** A thematic break. */
  record RuleBlock(int line) implements Block {}

  /** Anything else, shown as its stripped source text. */
  record RawBlock(int line, String text) implements Block {}

  /** A link reference definition inside a container, or a direction wrapper: shows nothing. */
  record ReferenceBlock(int line) implements Block {}

  /**
   * The inline content of a block: the runs in order and their plain text.
   *
   * @param plain the text without markup, to choose the direction of the block
   */
  record Inline(List<Run> runs, String plain) {}

  /**
   * How a run's style derives from its block's. A run's looks apply in this order: mono code inside
   * bold text is mono, and the muted colour of an image or raw HTML inside a link wins over the
   * link's accent.
   */
  enum Look {
    BOLD,
    SLANTED,
    MONO,
    ACCENT,
    MUTED,
    /** The small style, whatever the block's and the other looks. */
    SMALL
  }

  /**
   * One piece of inline content: text in a style derived from the block's, or a line break.
   *
   * @param text the text, or null for a line break
   * @param look how the style derives from the block's
   * @param code whether it is inline code, on a shaded background
   * @param anchor the web or mail address it links to, or null
   */
  record Run(String text, Set<Look> look, boolean code, String anchor) {
    Run {
      look = Collections.unmodifiableSet(looks(look));
    }

    /** The style of this run in a block of {@code base} style. */
    Style style(Style base) {
      if (look.contains(Look.SMALL)) {
        return Styles.SMALL;
      }
      Style style = base;
      for (Look l : look) {
        style =
            switch (l) {
              case BOLD -> style.bold();
              case SLANTED -> style.slanted();
              case MONO -> style.mono();
              case ACCENT -> style.color(Styles.ACCENT);
              case MUTED -> style.color(Styles.MUTED);
              case SMALL -> Styles.SMALL;
            };
      }
      return style;
    }
  }

  /** {@code look} with {@code more} added, as a new set that iterates in {@link Look} order. */
  private static EnumSet<Look> looks(Set<Look> look, Look... more) {
    EnumSet<Look> all = EnumSet.noneOf(Look.class);
    all.addAll(look);
    all.addAll(Arrays.asList(more));
    return all;
  }

  private static Block block(Node node, LineIndex lines) {
    int line = lines.startLine(node);
    if (node instanceof Heading h) {
      return new HeadingBlock(line, h.getLevel(), inline(h));
    } else if (node instanceof Paragraph p) {
      return new ParagraphBlock(line, inline(p), isHeaderParagraph(p));
    } else if (node instanceof ListBlock list) {
      List<ListEntry> items = new ArrayList<>();
      for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof ListItem item) {
          items.add(entry(item, lines));
        }
      }
      boolean bullet = list instanceof BulletList;
      int start = list instanceof OrderedList ordered ? ordered.getStartNumber() : 1;
      return new ListBlockOf(line, !bullet, start, items);
    } else if (node instanceof FencedCodeBlock f) {
      return new CodeBlock(line, f.getContentChars().toString(), false);
    } else if (node instanceof IndentedCodeBlock) {
      return new CodeBlock(line, node.getChars().toString(), false);
    } else if (node instanceof HtmlBlockBase) {
      if (DirectionWrappers.direction(node.getChars().toString().strip()) != null) {
        return new ReferenceBlock(
            line); // a <div dir="rtl"> wrapper: its text is laid out by direction
      }
      return new CodeBlock(line, node.getChars().toString(), true);
    } else if (node instanceof TableBlock table) {
      return table(table, lines);
    } else if (node instanceof BlockQuote) {
      return new QuoteBlock(line, children(node, null, lines));
    } else if (node instanceof ThematicBreak) {
      return new RuleBlock(line);
    } else if (node instanceof Reference) {
      return new ReferenceBlock(line);
    }
    return new RawBlock(line, node.getChars().toString().strip());
  }

  private static ListEntry entry(ListItem item, LineIndex lines) {
    Node first = item.getFirstChild();
    Paragraph paragraph = first instanceof Paragraph p ? p : null;
    boolean task = item instanceof TaskListItem;
    boolean done = item instanceof TaskListItem t && t.isItemDoneMarker();
    return new ListEntry(
        lines.startLine(item),
        task,
        done,
        paragraph == null ? null : inline(paragraph),
        children(item, paragraph, lines));
  }

  private static List<Block> children(Node parent, Node except, LineIndex lines) {
    List<Block> blocks = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      if (child != except) {
        blocks.add(block(child, lines));
      }
    }
    return blocks;
  }

  private static TableOf table(TableBlock block, LineIndex lines) {
    List<List<TableCell>> rows = new ArrayList<>();
    List<Boolean> heads = new ArrayList<>();
    collectRows(block, rows, heads);
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    List<List<Cell>> cells = new ArrayList<>();
    for (List<TableCell> row : rows) {
      List<Cell> out = new ArrayList<>();
      for (TableCell c : row) {
        out.add(new Cell(inline(c), c.getText().length(), align(c)));
      }
      cells.add(List.copyOf(out));
    }
    return new TableOf(lines.startLine(block), cells, heads, columns);
  }

  private static void collectRows(Node node, List<List<TableCell>> rows, List<Boolean> heads) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof TableSeparator) {
        continue;
      }
      if (n instanceof TableRow row) {
        List<TableCell> cells = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof TableCell cell) {
            cells.add(cell);
          }
        }
        rows.add(cells);
        heads.add(!cells.isEmpty() && cells.get(0).isHeader());
      } else {
        collectRows(n, rows, heads);
      }
    }
  }

  private static int align(TableCell cell) {
    if (cell.getAlignment() == null) {
      return Element.ALIGN_LEFT;
    }
    return switch (cell.getAlignment()) {
      case RIGHT -> Element.ALIGN_RIGHT;
      case CENTER -> Element.ALIGN_CENTER;
      default -> Element.ALIGN_LEFT;
    };
  }

  /** Whether a paragraph is only {@code **Key**: value} lines (the header the cover shows). */
  private static boolean isHeaderParagraph(Paragraph node) {
    return node.getChars()
        .toString()
        .strip()
        .lines()
        .allMatch(l -> HEADER_LINE.matcher(l).matches());
  }

  private static Inline inline(Node parent) {
    List<Run> runs = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    children(parent, EnumSet.noneOf(Look.class), false, null, runs, plain);
    return new Inline(List.copyOf(runs), plain.toString());
  }

  private static void children(
      Node parent,
      Set<Look> look,
      boolean code,
      String anchor,
      List<Run> runs,
      StringBuilder plain) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      inlineNode(n, look, code, anchor, runs, plain);
    }
  }

  private static void inlineNode(
      Node n, Set<Look> look, boolean code, String anchor, List<Run> runs, StringBuilder plain) {
    if (n instanceof SoftLineBreak) {
      text(" ", look, code, anchor, runs, plain);
    } else if (n instanceof HardLineBreak) {
      runs.add(new Run(null, look, false, null));
      plain.append('\n');
    } else if (n instanceof StrongEmphasis) {
      children(n, looks(look, Look.BOLD), code, anchor, runs, plain);
    } else if (n instanceof Emphasis) {
      children(n, looks(look, Look.SLANTED), code, anchor, runs, plain);
    } else if (n instanceof Code c) {
      text(c.getText().unescape(), looks(look, Look.MONO), true, anchor, runs, plain);
    } else if (n instanceof Link link) {
      link(n, look, code, anchor, runs, plain, link.getUrl().unescape());
    } else if (n instanceof AutoLink link) {
      link(n, look, code, anchor, runs, plain, link.getUrl().unescape());
    } else if (n instanceof MailLink mail) {
      link(n, look, code, anchor, runs, plain, "mailto:" + mail.getText().unescape());
    } else if (n instanceof Image || n instanceof ImageRef) {
      StringBuilder alt = new StringBuilder();
      children(n, look, code, anchor, new ArrayList<>(), alt);
      text(
          "[image: " + alt.toString().strip() + "]",
          looks(look, Look.MUTED),
          code,
          anchor,
          runs,
          plain);
    } else if (n instanceof HtmlInlineBase) {
      text(n.getChars().toString(), looks(look, Look.MONO, Look.MUTED), code, anchor, runs, plain);
    } else if (n.hasChildren()) {
      children(n, look, code, anchor, runs, plain);
    } else {
      text(n.getChars().unescape(), look, code, anchor, runs, plain);
    }
  }

  /** A link: clickable and blue when its target is a web or mail address, plain text otherwise. */
  private static void link(
      Node n,
      Set<Look> look,
      boolean code,
      String anchor,
      List<Run> runs,
      StringBuilder plain,
      String url) {
    String target = url.strip();
    boolean safe = SAFE_URL.matcher(target).matches();
    Set<Look> inner = safe ? looks(look, Look.ACCENT) : look;
    // An enclosing link's target wins, as it did when anchors were set on the chunks afterwards.
    String innerAnchor = anchor != null ? anchor : safe ? target : null;
    if (n.hasChildren()) {
      children(n, inner, code, innerAnchor, runs, plain);
    } else {
      text(n.getChars().unescape(), inner, code, innerAnchor, runs, plain);
    }
    if (!safe
        && !target.isEmpty()
        && !target.toLowerCase(Locale.ROOT).matches("^\\s*(javascript|vbscript|data):.*")) {
      text(" (" + target + ")", EnumSet.of(Look.SMALL), code, anchor, runs, plain);
    }
  }

  private static void text(
      String text,
      Set<Look> look,
      boolean code,
      String anchor,
      List<Run> runs,
      StringBuilder plain) {
    runs.add(new Run(text, look, code, anchor));
    plain.append(text);
  }
}
