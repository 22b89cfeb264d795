package dev.readiness.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;
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
import dev.readiness.read.LineIndex;
import dev.readiness.read.MarkdownSyntax;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.readiness.model.Item;
import dev.readiness.model.Problem;
import dev.readiness.render.pdf.Typesetter.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lays out checklist Markdown as PDF blocks by a walk over flexmark's AST: headings, paragraphs,
 * lists with task items as drawn check boxes, tables, code in monospace, quotes, rules. Raw HTML
 * is shown as text, never interpreted; links keep only {@code http}, {@code https} and
 * {@code mailto} targets. Lines that carry a warning get a mark with the warning's code.
 */
final class MarkdownBlocks {
  /** The reader's parser, so both see the same tree. */
  private static final Parser PARSER = MarkdownSyntax.parser();
  private static final Pattern HEADER_LINE =
      Pattern.compile("^\\s*\\*\\*[^*\\n]{1,80}?(?::\\*\\*|\\*\\*\\s*:).*$");
  private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?://|mailto:)[^\\s]+$");
  private static final float INDENT = 14f;

  private final Composer out;
  private final Set<Integer> itemLines;
  private final Map<Integer, List<String>> warnings = new TreeMap<>();
  private LineIndex lines;

  /**
   * @param items the review's counted items: a task box on any other line is a completion stamp
   *     ({@code - [x] **Date**: …}), shown without a box so that the boxes match the counts
   * @param warnings the review's warnings, shown next to the lines they concern
   */
  MarkdownBlocks(Composer out, List<Item> items, List<Problem> warnings) {
    this.out = out;
    this.itemLines = items.stream().map(Item::line).collect(Collectors.toUnmodifiableSet());
    for (Problem p : warnings) {
      if (p.line() > 0) {
        this.warnings.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p.code());
      }
    }
  }

  /**
   * Lays out one part of a document.
   *
   * @param markdown the part's source
   * @param firstLine the source line of its first line, to match warnings
   * @param skipTitle whether to leave out its first heading (shown by the caller with figures)
   * @param skipHeader whether to leave out the first H1 and the {@code **Key**: value} header lines
   *     (shown on the cover)
   */
  void render(String markdown, int firstLine, boolean skipTitle, boolean skipHeader) {
    Node document = PARSER.parse(markdown);
    lines = LineIndex.of(markdown);
    List<Node> blocks = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Reference) {
        continue;
      }
      blocks.add(n);
    }
    boolean titleSkipped = false;
    for (int i = 0; i < blocks.size(); i++) {
      Node node = blocks.get(i);
      if (i == 0 && skipTitle && node instanceof Heading) {
        continue;
      }
      if (skipHeader && node instanceof Heading h && h.getLevel() == 1 && !titleSkipped) {
        titleSkipped = true;
        continue;
      }
      if (skipHeader && isHeaderParagraph(node)) {
        continue;
      }
      if (node instanceof ThematicBreak && (i == 0 || i == blocks.size() - 1 || blocks.get(i + 1) instanceof ThematicBreak)) {
        continue;
      }
      block(node, firstLine, 0);
    }
  }

  private void block(Node node, int firstLine, int depth) {
    float indent = depth * INDENT;
    int line = firstLine + lines.startLine(node);
    if (node instanceof Heading h) {
      Style style = h.getLevel() <= 2 ? Styles.H2 : h.getLevel() == 3 ? Styles.H3 : Styles.H4;
      Phrase phrase = out.type.phrase(style.size() * 1.3f);
      String plain = inline(h, style, phrase);
      flag(phrase, line, style);
      out.keepSpace(style.size() * 5);
      out.text(phrase, plain, indent, 0, h.getLevel() <= 3 ? 9 : 6, 3);
    } else if (node instanceof Paragraph p) {
      Phrase phrase = out.type.phrase(Styles.BODY.size() * 1.4f);
      String plain = inline(p, Styles.BODY, phrase);
      out.text(phrase, plain, indent, 0, 2, 4);
    } else if (node instanceof ListBlock list) {
      list(list, firstLine, depth);
    } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
      BasedSequence content = node instanceof FencedCodeBlock f ? f.getContentChars() : node.getChars();
      code(content.toString(), indent, false);
    } else if (node instanceof HtmlBlockBase) {
      code(node.getChars().toString(), indent, true);
    } else if (node instanceof TableBlock table) {
      table(table);
    } else if (node instanceof BlockQuote) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        block(child, firstLine, depth + 1);
      }
    } else if (node instanceof ThematicBreak) {
      com.lowagie.text.Paragraph rule = new com.lowagie.text.Paragraph(out.type.phrase(12));
      Chunk separator = new Chunk(new LineSeparator(0.5f, 100, Styles.RULE, Element.ALIGN_CENTER, 3));
      separator.setFont(Typesetter.font(out.fonts.regular, Styles.BODY));
      rule.add(separator);
      rule.setIndentationLeft(indent);
      out.add(rule);
    } else if (!(node instanceof Reference)) {
      String text = node.getChars().toString().strip();
      if (!text.isEmpty()) {
        out.paragraph(text, Styles.BODY, 2, 4);
      }
    }
  }

  private void list(ListBlock list, int firstLine, int depth) {
    int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 1;
    for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof ListItem item) {
        item(item, list instanceof BulletList ? null : number + ".", firstLine, depth);
        number++;
      }
    }
  }

  private void item(ListItem item, String ordinal, int firstLine, int depth) {
    int line = firstLine + lines.startLine(item);
    Node first = item.getFirstChild();
    Paragraph paragraph = first instanceof Paragraph p ? p : null;
    Phrase phrase = out.type.phrase(Styles.BODY.size() * 1.4f);
    float hanging;
    String plain;
    if (item instanceof TaskListItem task) {
      if (!itemLines.contains(line)) {
        phrase.addAll(out.type.chunks("completion stamp · ", Styles.SMALL.color(Styles.GOOD)));
        String stamp = paragraph == null ? "" : inline(paragraph, Styles.SMALL.color(Styles.GOOD), phrase);
        out.text(phrase, stamp, depth * INDENT + 15, 0, 0, 2.5f);
        rest(item, paragraph, firstLine, depth);
        return;
      }
      phrase.add(out.type.markChunk(task.isItemDoneMarker() ? Mark.BOX_DONE : Mark.BOX_OPEN, Styles.BODY.size() * 1.1f));
      phrase.add(new Chunk(" ", Typesetter.font(out.fonts.regular, Styles.BODY)));
      hanging = 15f;
    } else {
      String marker = ordinal == null ? (depth % 2 == 0 ? "•" : "◦") : ordinal;
      phrase.addAll(out.type.chunks(marker + " ", Styles.BODY.color(Styles.MUTED)));
      hanging = ordinal == null ? 10f : out.fonts.regular.getWidthPoint(marker + " ", Styles.BODY.size()) + 1;
    }
    Style style = item instanceof TaskListItem task && task.isItemDoneMarker() ? Styles.BODY.color(Styles.MUTED) : Styles.BODY;
    plain = paragraph == null ? "" : inline(paragraph, style, phrase);
    flag(phrase, line, Styles.BODY);
    out.text(phrase, plain, depth * INDENT, hanging, 0, 2.5f);
    rest(item, paragraph, firstLine, depth);
  }

  private void rest(ListItem item, Paragraph paragraph, int firstLine, int depth) {
    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
      if (child != paragraph) {
        block(child, firstLine, depth + 1);
      }
    }
  }

  private void table(TableBlock block) {
    List<List<TableCell>> rows = new ArrayList<>();
    List<Boolean> heads = new ArrayList<>();
    collectRows(block, rows, heads);
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    if (columns == 0) {
      return;
    }
    float[] widths = new float[columns];
    for (List<TableCell> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], Math.min(40, row.get(c).getText().length()) + 4);
      }
    }
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(8);
    table.setHeaderRows((int) heads.stream().takeWhile(h -> h).count());
    for (int r = 0; r < rows.size(); r++) {
      List<TableCell> row = rows.get(r);
      boolean head = heads.get(r);
      for (int c = 0; c < columns; c++) {
        Style style = head ? Styles.TABLE_HEAD : Styles.TABLE;
        Phrase phrase = out.type.phrase(style.size() * 1.3f);
        String plain = c < row.size() ? inline(row.get(c), style, phrase) : "";
        PdfPCell cell = out.cell(phrase, plain, align(c < row.size() ? row.get(c) : null));
        if (head) {
          cell.setBackgroundColor(Styles.SHADE);
        }
        table.addCell(cell);
      }
    }
    out.add(table);
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
    if (cell == null || cell.getAlignment() == null) {
      return Element.ALIGN_LEFT;
    }
    return switch (cell.getAlignment()) {
      case RIGHT -> Element.ALIGN_RIGHT;
      case CENTER -> Element.ALIGN_CENTER;
      default -> Element.ALIGN_LEFT;
    };
  }

  /** Code or raw HTML, line by line in monospace on a shaded box. */
  private void code(String text, float indent, boolean html) {
    Style style = Styles.TABLE.mono().color(html ? Styles.MUTED : Styles.INK);
    Phrase phrase = out.type.phrase(style.size() * 1.35f);
    String[] lines = text.stripTrailing().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        phrase.add(out.type.newline());
      }
      String line = lines[i].replace("\t", "    ");
      int lead = 0;
      while (lead < line.length() && line.charAt(lead) == ' ') {
        lead++;
      }
      phrase.addAll(out.type.chunks("\u00A0".repeat(lead) + line.substring(lead), style));
    }
    PdfPTable table = new PdfPTable(1);
    table.setWidthPercentage(100);
    table.setSpacingBefore(3);
    table.setSpacingAfter(7);
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setBackgroundColor(Styles.CODE_SHADE);
    cell.setPadding(6);
    cell.setPaddingLeft(6 + indent);
    cell.setUseAscender(true);
    table.addCell(cell);
    out.add(table);
  }

  /** Adds a mark and the codes of the warnings on {@code line}. */
  private void flag(Phrase phrase, int line, Style style) {
    List<String> codes = warnings.get(line);
    if (codes == null) {
      return;
    }
    phrase.add(new Chunk("  ", Typesetter.font(out.fonts.regular, style)));
    phrase.add(out.type.markChunk(Mark.WARNING, style.size() * 0.95f));
    phrase.addAll(out.type.chunks(" " + String.join(", ", codes), Styles.SMALL.color(Styles.WARN)));
  }

  /** Adds the inline content of {@code parent} to {@code phrase}; returns its plain text. */
  String inline(Node parent, Style style, Phrase phrase) {
    StringBuilder plain = new StringBuilder();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      inlineNode(n, style, phrase, plain);
    }
    return plain.toString();
  }

  private void inlineNode(Node n, Style style, Phrase phrase, StringBuilder plain) {
    if (n instanceof SoftLineBreak) {
      text(" ", style, phrase, plain);
    } else if (n instanceof HardLineBreak) {
      phrase.add(out.type.newline());
      plain.append('\n');
    } else if (n instanceof StrongEmphasis) {
      children(n, style.bold(), phrase, plain);
    } else if (n instanceof Emphasis) {
      children(n, style.slanted(), phrase, plain);
    } else if (n instanceof Code code) {
      int before = phrase.size();
      text(code.getText().unescape(), style.mono(), phrase, plain);
      for (int i = before; i < phrase.size(); i++) {
        if (phrase.get(i) instanceof Chunk c && c.getImage() == null) {
          c.setBackground(Styles.CODE_SHADE, 1, 1, 1, 1.5f);
        }
      }
    } else if (n instanceof Link link) {
      link(n, style, phrase, plain, link.getUrl().unescape());
    } else if (n instanceof AutoLink link) {
      link(n, style, phrase, plain, link.getUrl().unescape());
    } else if (n instanceof MailLink mail) {
      link(n, style, phrase, plain, "mailto:" + mail.getText().unescape());
    } else if (n instanceof Image || n instanceof ImageRef) {
      StringBuilder alt = new StringBuilder();
      Phrase ignored = out.type.phrase(Styles.BODY.size() * 1.35f);
      children(n, style, ignored, alt);
      text("[image: " + alt.toString().strip() + "]", style.color(Styles.MUTED), phrase, plain);
    } else if (n instanceof HtmlInlineBase) {
      text(n.getChars().toString(), style.mono().color(Styles.MUTED), phrase, plain);
    } else if (n.hasChildren()) {
      children(n, style, phrase, plain);
    } else {
      text(n.getChars().unescape(), style, phrase, plain);
    }
  }

  /** A link: clickable and blue when its target is a web or mail address, plain text otherwise. */
  private void link(Node n, Style style, Phrase phrase, StringBuilder plain, String url) {
    String target = url.strip();
    boolean safe = SAFE_URL.matcher(target).matches();
    Style look = safe ? style.color(Styles.ACCENT) : style;
    int before = phrase.size();
    if (n.hasChildren()) {
      children(n, look, phrase, plain);
    } else {
      text(n.getChars().unescape(), look, phrase, plain);
    }
    if (safe) {
      for (int i = before; i < phrase.size(); i++) {
        if (phrase.get(i) instanceof Chunk c && c.getImage() == null) {
          c.setAnchor(target);
        }
      }
    } else if (!target.isEmpty() && !target.toLowerCase(Locale.ROOT).matches("^\\s*(javascript|vbscript|data):.*")) {
      text(" (" + target + ")", Styles.SMALL, phrase, plain);
    }
  }

  private void children(Node parent, Style style, Phrase phrase, StringBuilder plain) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      inlineNode(n, style, phrase, plain);
    }
  }

  private void text(String text, Style style, Phrase phrase, StringBuilder plain) {
    phrase.addAll(out.type.chunks(text, style));
    plain.append(text);
  }

  /** Whether a paragraph is only {@code **Key**: value} lines (the header the cover shows). */
  private static boolean isHeaderParagraph(Node node) {
    if (!(node instanceof Paragraph)) {
      return false;
    }
    return node.getChars().toString().strip().lines().allMatch(l -> HEADER_LINE.matcher(l).matches());
  }
}
