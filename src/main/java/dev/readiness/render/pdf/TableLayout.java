package dev.readiness.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.readiness.render.pdf.PageFlow.Line;
import dev.readiness.render.pdf.PageFlow.Piece;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells laid out as OpenPDF lays out a {@link PdfPTable} in a document: column
 * widths, cell text broken into lines as {@code BidiLine} breaks it without bidi, row heights as
 * {@code PdfPCell.getMaxHeight}, rows drawn as {@code PdfPRow.writeCells} draws them (background,
 * borders, text, cell events, each on its canvas). The text is measured with per-font width arrays,
 * once per cell and width, instead of with a {@code ColumnText} per cell for its height and again
 * for drawing.
 *
 * <p>Cells hold a phrase, or paragraphs one below the other (composite cells). {@link #of}
 * refuses tables with anything else (images, tables or lists in cells, rotation, spans,
 * right-to-left text, indents, fixed heights, footers, table events), and {@link PageFlow} hands
 * those to OpenPDF.
 */
final class TableLayout {
  private static final float BOTTOM_LIMIT = PdfPRow.BOTTOM_LIMIT;

  final PdfPTable table;
  final Row[] rows;
  final float totalWidth;

  private TableLayout(PdfPTable table, Row[] rows, float totalWidth) {
    this.table = table;
    this.rows = rows;
    this.totalWidth = totalWidth;
  }

  /** One row: its cells and its height. */
  static final class Row {
    final Cell[] cells;
    float height;

    Row(Cell[] cells) {
      this.cells = cells;
    }
  }

  /** One cell: OpenPDF's cell for its looks, its text, its place in the row and its own height. */
  static final class Cell {
    final PdfPCell cell;
    final CellContent text;
    float left;
    float right;
    /** The height the cell's content needs, before the row's minimum. */
    float contentHeight;

    Cell(PdfPCell cell, CellContent text) {
      this.cell = cell;
      this.text = text;
    }
  }

  /**
   * The layout of {@code table} across {@code width} points, or null when the table has something
   * this layout does not draw.
   */
  static TableLayout of(PdfPTable table, float width) {
    if (!(table instanceof FlowTable flowTable) || table.isLockedWidth() || table.getFooterRows() != 0
        || table.getTableEvent() != null || table.isSkipFirstHeader() || table.isExtendLastRow()
        || !table.isComplete() || !table.isSplitRows()
        || (table.getRunDirection() != PdfWriter.RUN_DIRECTION_DEFAULT
            && table.getRunDirection() != PdfWriter.RUN_DIRECTION_NO_BIDI)) {
      return null;
    }
    float totalWidth = width * table.getWidthPercentage() / 100.0F;
    float[] relative = flowTable.relativeWidths();
    float total = 0.0F;
    for (float r : relative) {
      total += r;
    }
    float[] absolute = new float[relative.length];
    for (int k = 0; k < relative.length; k++) {
      absolute[k] = totalWidth * relative[k] / total;
    }
    List<PdfPRow> pdfRows = table.getRows();
    Row[] rows = new Row[pdfRows.size()];
    for (int r = 0; r < rows.length; r++) {
      PdfPRow pdfRow = pdfRows.get(r);
      if (pdfRow == null) {
        return null;
      }
      PdfPCell[] pdfCells = pdfRow.getCells();
      if (pdfCells.length != absolute.length) {
        return null;
      }
      Cell[] cells = new Cell[pdfCells.length];
      float x = 0.0F;
      for (int k = 0; k < pdfCells.length; k++) {
        PdfPCell c = pdfCells[k];
        CellContent text = c == null ? null : CellContent.of(c);
        if (text == null) {
          return null;
        }
        Cell cell = new Cell(c, text);
        cell.left = x;
        x += absolute[k];
        cell.right = x;
        cells[k] = cell;
      }
      Row row = new Row(cells);
      for (Cell cell : cells) {
        float height = cell.contentHeight = contentHeight(cell);
        if (height < cell.cell.getMinimumHeight()) {
          height = cell.cell.getMinimumHeight();
        }
        if (height > row.height) {
          row.height = height;
        }
      }
      rows[r] = row;
    }
    return new TableLayout(table, rows, totalWidth);
  }

  /** The height of the header rows. */
  float headerHeight() {
    float total = 0.0F;
    for (int k = 0; k < Math.min(rows.length, table.getHeaderRows()); k++) {
      total += rows[k].height;
    }
    return total;
  }

  /** The height of all rows. */
  float totalHeight() {
    float total = 0.0F;
    for (Row row : rows) {
      total += row.height;
    }
    return total;
  }

  /**
   * Whether OpenPDF's {@code PdfPRow.splitRow} would give nothing for row {@code k} in {@code height}
   * points: no cell has room for its first line, so the row moves to the next page whole.
   */
  boolean splitIsEmpty(int k, float height) {
    for (Cell cell : rows[k].cells) {
      PdfPCell c = cell.cell;
      float left = cell.left + c.getEffectivePaddingLeft();
      float top = 0.0F - c.getEffectivePaddingTop();
      float bottom = 0.0F + c.getEffectivePaddingBottom() - height;
      float right = cell.right - c.getEffectivePaddingRight();
      Column column = column(cell.text, left, bottom, right, top);
      float start = column.yLine;
      column.go(null, null, null);
      if (column.yLine != start) {
        return false;
      }
    }
    return true;
  }

  /** Draws rows {@code from} to {@code to} (exclusive) after the header rows, the first at {@code y}. */
  void write(PdfContentByte canvas, float x, float y, int from, int to, PdfWriter writer, GlyphEncoder encoder) {
    PdfContentByte[] canvases = PdfPTable.beginWritingRows(canvas);
    float yPos = y;
    int headers = Math.min(rows.length, table.getHeaderRows());
    for (int k = 0; k < headers; k++) {
      writeCells(rows[k], x, yPos, canvases, writer, encoder);
      yPos -= rows[k].height;
    }
    for (int k = from; k < to; k++) {
      writeCells(rows[k], x, yPos, canvases, writer, encoder);
      yPos -= rows[k].height;
    }
    PdfPTable.endWritingRows(canvases);
  }

  private static float contentHeight(Cell cell) {
    PdfPCell c = cell.cell;
    float right = cell.right - c.getEffectivePaddingRight();
    float top = 0.0F - c.getEffectivePaddingTop();
    float left = cell.left + c.getEffectivePaddingLeft();
    Column column = column(cell.text, left, BOTTOM_LIMIT, right, top);
    column.go(null, null, null);
    float bottom = column.yLine - c.getEffectivePaddingBottom();
    return 0.0F - bottom;
  }

  /** A column as {@code PdfPRow.setColumn} sets one. */
  private static Column column(CellContent text, float left, float bottom, float right, float top) {
    if (left > right) {
      right = left;
    }
    if (bottom > top) {
      top = bottom;
    }
    return new Column(text, left, bottom, right, top);
  }

  private static void writeCells(Row row, float xPos, float yPos, PdfContentByte[] canvases, PdfWriter writer,
      GlyphEncoder encoder) {
    for (Cell cell : row.cells) {
      PdfPCell c = cell.cell;
      float currentMaxHeight = row.height;
      float right = cell.right + xPos;
      float top = 0.0F + yPos;
      float left = cell.left + xPos;
      float bottom = top - currentMaxHeight;
      Color background = c.getBackgroundColor();
      if (background != null) {
        PdfContentByte backgr = canvases[PdfPTable.BACKGROUNDCANVAS];
        backgr.setColorFill(background);
        backgr.rectangle(left, bottom, right - left, top - bottom);
        backgr.fill();
      }
      if (c.hasBorders()) {
        Rectangle rect = new Rectangle(left, bottom, right, top);
        rect.cloneNonPositionParameters(c);
        rect.setBackgroundColor(null);
        canvases[PdfPTable.LINECANVAS].rectangle(rect);
      }
      float padTop = c.getEffectivePaddingTop();
      float padBottom = c.getEffectivePaddingBottom();
      float tly = 0.0F + yPos - padTop;
      if (cell.contentHeight <= currentMaxHeight) {
        switch (c.getVerticalAlignment()) {
          case Element.ALIGN_MIDDLE -> tly = 0.0F + yPos + (cell.contentHeight - currentMaxHeight) / 2.0F - padTop;
          case Element.ALIGN_BOTTOM -> tly = 0.0F + yPos - currentMaxHeight + cell.contentHeight - padTop;
          default -> { }
        }
      }
      float rightLimit = cell.right + xPos - c.getEffectivePaddingRight();
      float leftLimit = cell.left + xPos + c.getEffectivePaddingLeft();
      float bry = tly - (currentMaxHeight - padTop - padBottom);
      if (tly > bry && leftLimit < rightLimit) {
        Column column = new Column(cell.text, leftLimit, bry - 0.001F, rightLimit, tly);
        column.go(canvases[PdfPTable.TEXTCANVAS], writer, encoder);
      }
      PdfPCellEvent event = c.getCellEvent();
      if (event != null) {
        Rectangle rect = new Rectangle(cell.left + xPos, 0.0F + yPos - currentMaxHeight, cell.right + xPos,
            0.0F + yPos);
        event.cellLayout(c, rect, canvases);
      }
    }
  }

  /**
   * The content of a cell: one text, or (in a composite cell) paragraphs one below the other,
   * each with its leading, alignment and spacing.
   */
  record CellContent(List<CellText> blocks, boolean composite, boolean useAscender) {
    /** The content of a cell, or null when the cell has something this layout does not draw. */
    static CellContent of(PdfPCell cell) {
      if (cell.getColspan() != 1 || cell.getRowspan() != 1 || cell.getRotation() != 0 || cell.isNoWrap()
          || cell.getFixedHeight() > 0 || cell.isUseDescender() || cell.isUseBorderPadding()
          || cell.getImage() != null || cell.getTable() != null) {
        return null;
      }
      ColumnText column = cell.getColumn();
      if ((column.getRunDirection() != PdfWriter.RUN_DIRECTION_DEFAULT
          && column.getRunDirection() != PdfWriter.RUN_DIRECTION_NO_BIDI)
          || column.getIndent() != 0 || column.getFollowingIndent() != 0 || column.getRightIndent() != 0
          || column.getExtraParagraphSpace() != 0) {
        return null;
      }
      List<Element> elements = cell.getCompositeElements();
      if (elements == null || elements.isEmpty()) {
        CellText text = CellText.of(cell.getPhrase() == null ? List.of() : cell.getPhrase().getChunks(),
            column.getAlignment(), column.getLeading(), column.getMultipliedLeading(), 0, 0);
        return text == null ? null : new CellContent(List.of(text), false, column.isUseAscender());
      }
      List<CellText> blocks = new ArrayList<>();
      for (Element e : elements) {
        if (!(e instanceof com.lowagie.text.Paragraph para) || para.getKeepTogether()
            || para.getIndentationLeft() != 0 || para.getIndentationRight() != 0 || para.getFirstLineIndent() != 0
            || para.getExtraParagraphSpace() != 0
            || (para.getRunDirection() != PdfWriter.RUN_DIRECTION_DEFAULT
                && para.getRunDirection() != PdfWriter.RUN_DIRECTION_NO_BIDI)) {
          return null;
        }
        CellText text = CellText.of(para.getChunks(), para.getAlignment(), para.getLeading(),
            para.getMultipliedLeading(), para.getSpacingBefore(), para.getSpacingAfter());
        if (text == null) {
          return null;
        }
        blocks.add(text);
      }
      return new CellContent(blocks, true, column.isUseAscender());
    }
  }

  /** A rectangular column of one cell's content, as OpenPDF's {@link ColumnText}. */
  private static final class Column {
    final CellContent content;
    final float leftX;
    final float minY;
    final float maxY;
    final float width;
    float yLine;
    int linesWritten;

    Column(CellContent content, float llx, float lly, float urx, float ury) {
      this.content = content;
      this.leftX = Math.min(llx, urx);
      this.maxY = Math.max(lly, ury);
      this.minY = Math.min(lly, ury);
      float w = Math.max(llx, urx) - leftX;
      this.width = w < 0.0F ? 0.0F : w;
      this.yLine = maxY;
    }

    /** Lays out (with a canvas: and draws) as much as fits, as ColumnText.go in text or composite mode. */
    void go(PdfContentByte canvas, PdfWriter writer, GlyphEncoder encoder) {
      if (!content.composite()) {
        goText(content.blocks().get(0), content.useAscender(), canvas, writer, encoder);
        return;
      }
      boolean firstPass = true;
      for (CellText block : content.blocks()) {
        if (!firstPass) {
          yLine -= block.spacingBefore;
        }
        int status = goText(block, firstPass && content.useAscender(), canvas, writer, encoder);
        firstPass = false;
        if ((status & ColumnText.NO_MORE_TEXT) == 0) {
          return;
        }
        yLine -= block.spacingAfter;
      }
    }

    /** One text, as ColumnText.go in text mode; returns its status. */
    private int goText(CellText text, boolean useAscender, PdfContentByte canvas, PdfWriter writer,
        GlyphEncoder encoder) {
      PdfContentByte textCanvas = null;
      PageFlow.TextState state = new PageFlow.TextState(encoder);
      float firstLineY = Float.NaN;
      if (width <= 0.0F) {
        return ColumnText.NO_MORE_COLUMN | (text.texts.isEmpty() ? ColumnText.NO_MORE_TEXT : 0);
      }
      int status = ColumnText.NO_MORE_TEXT;
      for (TextLine line : text.lines(width)) {
        float leading;
        if (useAscender && Float.isNaN(firstLineY)) {
          leading = line.ascender();
        } else {
          float[] maxSize = line.maxSize();
          leading = Math.max(text.fixedLeading + maxSize[0] * text.multipliedLeading, maxSize[1]);
        }
        if (yLine > maxY || yLine - leading < minY) {
          status = ColumnText.NO_MORE_COLUMN;
          break;
        }
        yLine -= leading;
        if (canvas != null && textCanvas == null) {
          textCanvas = canvas.getDuplicate();
          textCanvas.beginText();
        }
        if (Float.isNaN(firstLineY)) {
          firstLineY = yLine;
        }
        if (canvas != null) {
          textCanvas.setTextMatrix(leftX + 0.0F + line.indentLeft(text.alignment), yLine);
          PageFlow.write(line.line, textCanvas, canvas, state, writer, null);
        }
        linesWritten++;
      }
      if (textCanvas != null) {
        state.finish(textCanvas);
        textCanvas.endText();
        canvas.add(textCanvas);
      }
      return status;
    }
  }

  /** A line of a cell, as BidiLine returns it. */
  record TextLine(Line line, float remaining) {
    float indentLeft(int alignment) {
      return switch (alignment) {
        case Element.ALIGN_CENTER -> 0.0F + remaining / 2.0F;
        case Element.ALIGN_RIGHT -> 0.0F + remaining;
        default -> 0.0F;
      };
    }

    float[] maxSize() {
      float normal = 0.0F;
      float image = -10000.0F;
      for (Piece p : line.pieces) {
        if (p.image == null) {
          normal = Math.max(p.size, normal);
        } else {
          image = Math.max(p.image.getScaledHeight() + p.offsetY, image);
        }
      }
      return new float[] {normal, image};
    }

    float ascender() {
      float ascender = 0.0F;
      for (Piece p : line.pieces) {
        if (p.image != null) {
          ascender = Math.max(ascender, p.image.getScaledHeight() + p.offsetY);
        } else {
          ascender = Math.max(ascender, p.font.getFontDescriptor(BaseFont.ASCENT, p.size));
        }
      }
      return ascender;
    }
  }

  /**
   * The text of a cell as BidiLine holds it: paragraphs split at line feeds, each with its
   * characters and the piece each character comes from, trimmed at the end.
   */
  static final class CellText {
    final List<char[]> texts = new ArrayList<>();
    final List<Piece[]> details = new ArrayList<>();
    final List<Integer> lengths = new ArrayList<>();
    final int alignment;
    final float fixedLeading;
    final float multipliedLeading;
    final float spacingBefore;
    final float spacingAfter;

    private CellText(int alignment, float fixedLeading, float multipliedLeading, float spacingBefore,
        float spacingAfter) {
      this.alignment = alignment;
      this.fixedLeading = fixedLeading;
      this.multipliedLeading = multipliedLeading;
      this.spacingBefore = spacingBefore;
      this.spacingAfter = spacingAfter;
    }

    /** The text of {@code chunks}, or null when they hold something this layout does not draw. */
    static CellText of(List<? extends Element> chunks, int alignment, float fixedLeading, float multipliedLeading,
        float spacingBefore, float spacingAfter) {
      if (alignment != Element.ALIGN_LEFT && alignment != Element.ALIGN_CENTER && alignment != Element.ALIGN_RIGHT
          && alignment != Element.ALIGN_UNDEFINED) {
        return null;
      }
      CellText text = new CellText(alignment, fixedLeading, multipliedLeading, spacingBefore, spacingAfter);
      List<Piece> pieces = new ArrayList<>();
      for (Element e : chunks) {
        if (!(e instanceof Chunk chunk)) {
          return null;
        }
        Piece piece;
        try {
          piece = Piece.of(chunk);
        } catch (IllegalArgumentException unsupported) {
          return null;
        }
        if (piece.separator != null || (piece.image == null && piece.font == null)) {
          return null;
        }
        pieces.add(piece);
      }
      text.load(pieces);
      return text;
    }

    private void load(List<Piece> pieces) {
      StringBuilder chars = new StringBuilder();
      List<Piece> detail = new ArrayList<>();
      for (Piece p : pieces) {
        String s = p.value;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
              i++;
            }
            if (detail.isEmpty()) {
              detail.add(p);
              chars.append(' ');
              addParagraph(chars, detail, true);
            } else {
              addParagraph(chars, detail, false);
            }
            chars.setLength(0);
            detail.clear();
            continue;
          }
          chars.append(c);
          detail.add(p);
        }
      }
      if (!detail.isEmpty()) {
        addParagraph(chars, detail, false);
      }
    }

    /** Adds a paragraph; {@code empty} when it holds nothing but the piece of its line feed. */
    private void addParagraph(StringBuilder chars, List<Piece> detail, boolean empty) {
      char[] t = chars.toString().toCharArray();
      Piece[] d = detail.toArray(new Piece[0]);
      int length = empty ? 0 : trimRight(t, 0, t.length - 1) + 1;
      if (length > 0) {
        length = trimRightEx(t, 0, length - 1) + 1;
      }
      texts.add(t);
      details.add(d);
      lengths.add(length);
    }

    private static int trimRight(char[] t, int start, int end) {
      int idx = end;
      while (idx >= start && t[idx] <= ' ') {
        idx--;
      }
      return idx;
    }

    private static int trimRightEx(char[] t, int start, int end) {
      int idx = end;
      while (idx >= start && (t[idx] <= ' ' || Piece.noPrint(t[idx]))) {
        idx--;
      }
      return idx;
    }

    private static int trimLeftEx(char[] t, int start, int end) {
      int idx = start;
      while (idx <= end && (t[idx] <= ' ' || Piece.noPrint(t[idx]))) {
        idx++;
      }
      return idx;
    }

    private float linesWidth = Float.NaN;
    private List<TextLine> lines;

    /**
     * Every line of the text in {@code width} points, as BidiLine gives them one after the other;
     * kept for the last width, as a cell is measured and then drawn at the same width.
     */
    List<TextLine> lines(float width) {
      if (lines == null || Float.compare(width, linesWidth) != 0) {
        List<TextLine> all = new ArrayList<>();
        Cursor cursor = new Cursor(this);
        while (!cursor.isEmpty()) {
          TextLine line = cursor.processLine(width, alignment);
          if (line == null) {
            break;
          }
          all.add(line);
        }
        lines = all;
        linesWidth = width;
      }
      return lines;
    }

    /** A reading position in the text: the paragraph loaded and the next character, as BidiLine's. */
    static final class Cursor {
      final CellText text;
      int paragraph = -1;
      int currentChar;
      int length;

      Cursor(CellText text) {
        this.text = text;
      }

      boolean isEmpty() {
        return currentChar >= length && paragraph + 1 >= text.texts.size();
      }

      /** The next line in {@code width} points, or null when the text is used up. */
      TextLine processLine(float width, int alignment) {
        if (currentChar >= length) {
          if (paragraph + 1 >= text.texts.size()) {
            return null;
          }
          paragraph++;
          currentChar = 0;
          length = text.lengths.get(paragraph);
          if (length == 0) {
            Line line = new Line(0, 0, 0);
            line.pieces.add(new Piece("", text.details.get(paragraph)[0]));
            return new TextLine(line, 0.0F);
          }
        }
        char[] chars = text.texts.get(paragraph);
        Piece[] detail = text.details.get(paragraph);
        float originalWidth = width;
        int lastSplit = -1;
        if (currentChar != 0) {
          currentChar = trimLeftEx(chars, currentChar, length - 1);
        }
        int oldCurrentChar = currentChar;
        Piece lastValid = null;
        boolean surrogate = false;
        for (; currentChar < length; currentChar++) {
          Piece ck = detail[currentChar];
          surrogate = Utilities.isSurrogatePair(chars, currentChar);
          int uniC = surrogate ? Utilities.convertToUtf32(chars, currentChar) : chars[currentChar];
          if (Piece.noPrint(uniC)) {
            continue;
          }
          float charWidth = surrogate ? ck.charWidth(uniC) : ck.charWidth(chars[currentChar]);
          boolean splitChar = ck.splitter.isSplitCharacter(oldCurrentChar, currentChar, length, chars, null);
          if (splitChar && Character.isWhitespace((char) uniC)) {
            lastSplit = currentChar;
          }
          if (width - charWidth < 0.0F) {
            break;
          }
          if (splitChar) {
            lastSplit = currentChar;
          }
          width -= charWidth;
          lastValid = ck;
          if (surrogate) {
            currentChar++;
          }
        }
        if (lastValid == null) {
          currentChar++;
          if (surrogate) {
            currentChar++;
          }
          return line(chars, detail, currentChar - 1, currentChar - 1, 0.0F);
        }
        if (currentChar >= length) {
          return line(chars, detail, oldCurrentChar, length - 1, width);
        }
        int newCurrentChar = trimRightEx(chars, oldCurrentChar, currentChar - 1);
        if (newCurrentChar < oldCurrentChar) {
          return line(chars, detail, oldCurrentChar, currentChar - 1, width);
        }
        if (lastSplit != -1 && lastSplit < newCurrentChar) {
          currentChar = lastSplit + 1;
          newCurrentChar = trimRightEx(chars, oldCurrentChar, lastSplit);
          if (newCurrentChar < oldCurrentChar) {
            newCurrentChar = currentChar - 1;
          }
          return line(chars, detail, oldCurrentChar, newCurrentChar,
              originalWidth - width(chars, detail, oldCurrentChar, newCurrentChar));
        }
        return line(chars, detail, oldCurrentChar, newCurrentChar,
            width + width(chars, detail, newCurrentChar + 1, currentChar - 1));
      }

      private static float width(char[] chars, Piece[] detail, int start, int last) {
        float width = 0.0F;
        while (start <= last) {
          if (Utilities.isSurrogatePair(chars, start)) {
            width += detail[start].charWidth(Utilities.convertToUtf32(chars, start));
            start++;
          } else if (!Piece.noPrint(chars[start])) {
            width += detail[start].charWidth(chars[start]);
          }
          start++;
        }
        return width;
      }

      /** The pieces of characters {@code start} to {@code end}, as BidiLine.createArrayOfPdfChunks. */
      private static TextLine line(char[] chars, Piece[] detail, int start, int end, float remaining) {
        Line line = new Line(0, 0, 0);
        Piece ref = detail[start];
        StringBuilder buf = new StringBuilder();
        for (int idx = start; idx <= end; idx++) {
          char c = chars[idx];
          Piece ck = detail[idx];
          if (Piece.noPrint(c)) {
            continue;
          }
          if (ck.image == null) {
            if (ck == ref) {
              buf.append(c);
            } else {
              if (buf.length() > 0) {
                line.pieces.add(new Piece(buf.toString(), ref));
                buf.setLength(0);
              }
              buf.append(c);
              ref = ck;
            }
          } else {
            if (buf.length() > 0) {
              line.pieces.add(new Piece(buf.toString(), ref));
              buf.setLength(0);
            }
            line.pieces.add(ck);
          }
        }
        if (buf.length() > 0) {
          line.pieces.add(new Piece(buf.toString(), ref));
        }
        line.width = remaining;
        return new TextLine(line, remaining);
      }
    }
  }
}
