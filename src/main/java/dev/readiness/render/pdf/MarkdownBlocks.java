package dev.readiness.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import dev.readiness.model.Item;
import dev.readiness.model.Problem;
import dev.readiness.render.pdf.MarkdownTree.Block;
import dev.readiness.render.pdf.MarkdownTree.Cell;
import dev.readiness.render.pdf.MarkdownTree.CodeBlock;
import dev.readiness.render.pdf.MarkdownTree.HeadingBlock;
import dev.readiness.render.pdf.MarkdownTree.Inline;
import dev.readiness.render.pdf.MarkdownTree.ListBlockOf;
import dev.readiness.render.pdf.MarkdownTree.ListEntry;
import dev.readiness.render.pdf.MarkdownTree.ParagraphBlock;
import dev.readiness.render.pdf.MarkdownTree.QuoteBlock;
import dev.readiness.render.pdf.MarkdownTree.RawBlock;
import dev.readiness.render.pdf.MarkdownTree.RuleBlock;
import dev.readiness.render.pdf.MarkdownTree.Run;
import dev.readiness.render.pdf.MarkdownTree.TableOf;
import dev.readiness.render.pdf.Typesetter.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lays out checklist Markdown as PDF blocks from its {@link MarkdownTree}: headings, paragraphs,
 * lists with task items as drawn check boxes, tables, code in monospace, quotes, rules. Raw HTML is
 * shown as text, never interpreted; links keep only {@code http}, {@code https} and {@code mailto}
 * targets. Lines that carry a warning get a mark with the warning's code.
 */
final class MarkdownBlocks {
  private static final float INDENT = 14f;

  private final Composer out;
  private final Set<Integer> itemLines;
  private final Map<Integer, List<String>> warnings = new TreeMap<>();

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
    List<Block> blocks = MarkdownTree.of(markdown).blocks;
    boolean titleSkipped = false;
    for (int i = 0; i < blocks.size(); i++) {
      Block node = blocks.get(i);
      if (i == 0 && skipTitle && node instanceof HeadingBlock) {
        continue;
      }
      if (skipHeader && node instanceof HeadingBlock h && h.level() == 1 && !titleSkipped) {
        titleSkipped = true;
        continue;
      }
      if (skipHeader && node instanceof ParagraphBlock p && p.header()) {
        continue;
      }
      if (node instanceof RuleBlock
          && (i == 0 || i == blocks.size() - 1 || blocks.get(i + 1) instanceof RuleBlock)) {
        continue;
      }
      block(node, firstLine, 0);
    }
  }

  private void block(Block node, int firstLine, int depth) {
    float indent = depth * INDENT;
    int line = firstLine + node.line();
    if (node instanceof HeadingBlock h) {
      Style style = h.level() <= 2 ? Styles.H2 : h.level() == 3 ? Styles.H3 : Styles.H4;
      Phrase phrase = out.type.phrase(style.size() * 1.3f);
      String plain = inline(h.text(), style, phrase);
      flag(phrase, line, style);
      out.keepSpace(style.size() * 5);
      out.text(phrase, plain, indent, 0, h.level() <= 3 ? 9 : 6, 3);
    } else if (node instanceof ParagraphBlock p) {
      Phrase phrase = out.type.phrase(Styles.BODY.size() * 1.4f);
      String plain = inline(p.text(), Styles.BODY, phrase);
      out.text(phrase, plain, indent, 0, 2, 4);
    } else if (node instanceof ListBlockOf list) {
      list(list, firstLine, depth);
    } else if (node instanceof CodeBlock code) {
      code(code.text(), indent, code.html());
    } else if (node instanceof TableOf table) {
      table(table);
    } else if (node instanceof QuoteBlock quote) {
      for (Block child : quote.children()) {
        block(child, firstLine, depth + 1);
      }
    } else if (node instanceof RuleBlock) {
      Paragraph rule = new Paragraph(out.type.phrase(12));
      Chunk separator =
          new Chunk(new LineSeparator(0.5f, 100, Styles.RULE, Element.ALIGN_CENTER, 3));
      separator.setFont(Typesetter.font(out.fonts.regular, Styles.BODY));
      rule.add(separator);
      rule.setIndentationLeft(indent);
      out.add(rule);
    } else if (node instanceof RawBlock raw) {
      if (!raw.text().isEmpty()) {
        out.paragraph(raw.text(), Styles.BODY, 2, 4);
      }
    }
  }

  private void list(ListBlockOf list, int firstLine, int depth) {
    int number = list.start();
    for (ListEntry item : list.items()) {
      item(item, list.ordered() ? number + "." : null, firstLine, depth);
      number++;
    }
  }

  private void item(ListEntry item, String ordinal, int firstLine, int depth) {
    int line = firstLine + item.line();
    Phrase phrase = out.type.phrase(Styles.BODY.size() * 1.4f);
    float hanging;
    String plain;
    if (item.task()) {
      if (!itemLines.contains(line)) {
        phrase.addAll(out.type.chunks("completion stamp · ", Styles.SMALL.color(Styles.GOOD)));
        String stamp =
            item.text() == null ? "" : inline(item.text(), Styles.SMALL.color(Styles.GOOD), phrase);
        out.text(phrase, stamp, depth * INDENT + out.type.boxIndent(), 0, 0, 2.5f);
        rest(item, firstLine, depth);
        return;
      }
      phrase.add(
          out.type.markChunk(
              item.done() ? Mark.BOX_DONE : Mark.BOX_OPEN, Styles.BODY.size() * 1.1f));
      phrase.add(new Chunk(" ", Typesetter.font(out.fonts.regular, Styles.BODY)));
      hanging = out.type.boxIndent();
    } else {
      String marker = ordinal == null ? (depth % 2 == 0 ? "•" : "◦") : ordinal;
      phrase.addAll(out.type.chunks(marker + " ", Styles.BODY.color(Styles.MUTED)));
      hanging = out.type.width(marker + " ", Styles.BODY);
    }
    Style style = item.task() && item.done() ? Styles.BODY.color(Styles.MUTED) : Styles.BODY;
    plain = item.text() == null ? "" : inline(item.text(), style, phrase);
    flag(phrase, line, Styles.BODY);
    out.text(phrase, plain, depth * INDENT, hanging, 0, 2.5f);
    rest(item, firstLine, depth);
  }

  private void rest(ListEntry item, int firstLine, int depth) {
    for (Block child : item.rest()) {
      block(child, firstLine, depth + 1);
    }
  }

  private void table(TableOf block) {
    List<List<Cell>> rows = block.rows();
    int columns = block.columns();
    if (columns == 0) {
      return;
    }
    float[] widths = new float[columns];
    for (List<Cell> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], Math.min(40, row.get(c).length()) + 4);
      }
    }
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(8);
    table.setHeaderRows((int) block.heads().stream().takeWhile(h -> h).count());
    if (!rows.isEmpty()
        && Composer.direction(
                String.join(" ", rows.get(0).stream().map(c -> c.text().plain()).toList()))
            == PdfWriter.RUN_DIRECTION_RTL) {
      // A table written right to left has its first column on the right.
      table.setRunDirection(PdfWriter.RUN_DIRECTION_RTL);
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Cell> row = rows.get(r);
      boolean head = block.heads().get(r);
      for (int c = 0; c < columns; c++) {
        Style style = head ? Styles.TABLE_HEAD : Styles.TABLE;
        Phrase phrase = out.type.phrase(style.size() * 1.3f);
        String plain = c < row.size() ? inline(row.get(c).text(), style, phrase) : "";
        PdfPCell cell =
            out.cell(phrase, plain, c < row.size() ? row.get(c).align() : Element.ALIGN_LEFT);
        if (head) {
          cell.setBackgroundColor(Styles.SHADE);
        }
        table.addCell(cell);
      }
    }
    out.add(table);
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
    if (Typesetter.hasRightToLeft(text)) {
      // Code reads left to right, but its right-to-left words are shaped and ordered.
      cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
    }
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

  /**
   * Adds the runs of {@code text} to {@code phrase} in a block of {@code style}; returns its plain
   * text.
   */
  String inline(Inline text, Style style, Phrase phrase) {
    for (Run run : text.runs()) {
      if (run.text() == null) {
        phrase.add(out.type.newline());
        continue;
      }
      List<Chunk> chunks = out.type.chunks(run.text(), run.style(style));
      if (run.code() || run.anchor() != null) {
        for (Chunk c : chunks) {
          if (c.getImage() == null) {
            if (run.code()) {
              c.setBackground(Styles.CODE_SHADE, 1, 1, 1, 1.5f);
            }
            if (run.anchor() != null) {
              c.setAnchor(run.anchor());
            }
          }
        }
      }
      phrase.addAll(chunks);
    }
    return text.plain();
  }
}
