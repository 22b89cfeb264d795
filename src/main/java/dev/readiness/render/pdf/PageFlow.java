package dev.readiness.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEvent;
import com.lowagie.text.pdf.PdfTextArray;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.DrawInterface;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vertical flow of a document: places paragraphs line by line, tables and images, and starts
 * pages. It does what OpenPDF's {@code PdfDocument} does with the elements these PDFs use
 * (left-aligned paragraphs with indents and spacing; chunks with colours, drawn marks, code shade,
 * links, destinations, tags and slant; rules; tables; charts), step for step, so the pages come
 * out where OpenPDF would put them, but it measures text with per-font width arrays instead of
 * building a {@code PdfChunk} with attribute maps for every piece of every line.
 *
 * <p>Backgrounds, marks, rules and images, then the paragraph text, go to the content under the
 * page's direct content, where OpenPDF's own graphics and text layers lie under tables. Tables go
 * to {@link TableLayout}, or to OpenPDF's {@link ColumnText} as {@code PdfDocument} sends them
 * when that layout does not take them. Nothing may be added to the {@link Document} itself.
 */
final class PageFlow {
  /** Chunk attributes that this flow draws; any other is refused rather than silently dropped. */
  private static final Set<String> KNOWN = Set.of(Chunk.SKEW, Chunk.BACKGROUND, Chunk.ACTION, Chunk.LOCALGOTO,
      Chunk.LOCALDESTINATION, Chunk.GENERICTAG, Chunk.IMAGE, Chunk.SEPARATOR, Chunk.SPLITCHARACTER);

  private final Document document;
  private final PdfWriter writer;
  private final PdfPageEvent events;
  private final GlyphEncoder encoder;
  private final boolean referenceTables;
  private final float top;
  private final float bottom;
  private final float left;
  private final float right;

  /** How far below the top margin the flow is, as PdfDocument's {@code currentHeight}. */
  private float currentHeight;
  private float leading;
  private boolean pageEmpty = true;
  private float indentation;
  private Line line;
  private final List<Line> lines = new ArrayList<>();
  /**
   * The page's paragraph text: one text object whose lines move relative to each other, added
   * after the page's backgrounds and marks when the page ends, as PdfDocument's text layer is.
   */
  private PdfContentByte text;

  /** @param referenceTables whether to lay out every table with OpenPDF's ColumnText */
  PageFlow(Document document, PdfWriter writer, PdfPageEvent events, GlyphEncoder encoder, boolean referenceTables) {
    this.document = document;
    this.writer = writer;
    this.events = events;
    this.encoder = encoder;
    this.referenceTables = referenceTables;
    this.top = document.top();
    this.bottom = document.bottom();
    this.left = document.left();
    this.right = document.right();
    startPage();
  }

  /** The height of the flow's position above the page's lower edge. */
  float verticalPosition() {
    return top - currentHeight;
  }

  /** Adds a paragraph, a table or an image (a chart). */
  void add(Element element) {
    if (element instanceof Paragraph p) {
      paragraph(p);
    } else if (element instanceof PdfPTable t) {
      if (t.size() > t.getHeaderRows()) {
        flushLines();
        table(t);
        pageEmpty = false;
        newLine();
      }
    } else if (element instanceof Image i) {
      image(i);
    } else {
      throw new IllegalArgumentException("the page flow cannot add a " + element.getClass().getSimpleName());
    }
  }

  /** Starts a new page unless this one is empty. */
  void newPage() {
    if (isPageEmpty()) {
      return;
    }
    flushLines();
    endPage();
    document.newPage();
    startPage();
  }

  /** Writes the lines still waiting, before the document closes. */
  void finish() {
    if (line != null && line.pieces.size() > 0) {
      lines.add(line);
      line = newLineObject();
    }
    flushLines();
    endPage();
  }

  private boolean isPageEmpty() {
    return writer.getDirectContent().getInternalBuffer().size() == 0
        && writer.getDirectContentUnder().getInternalBuffer().size() == 0 && pageEmpty
        && lines.isEmpty();
  }

  private void startPage() {
    currentHeight = 0;
    pageEmpty = true;
    text = new PdfContentByte(writer);
    text.beginText();
    text.moveText(left, top);
    carriageReturn();
  }

  private void endPage() {
    text.endText();
    writer.getDirectContentUnder().add(text);
  }

  private float indentLeft() {
    return left + indentation;
  }

  private float available() {
    return top - bottom;
  }

  private Line newLineObject() {
    return new Line(indentLeft(), right, leading);
  }

  private void paragraph(Paragraph paragraph) {
    if (paragraph.getAlignment() != Element.ALIGN_LEFT && paragraph.getAlignment() != Element.ALIGN_UNDEFINED) {
      throw new IllegalArgumentException("the page flow sets paragraphs left-aligned only");
    }
    paragraph(paragraph, paragraph.getFont(), paragraph.getTotalLeading(), paragraph.getIndentationLeft(),
        paragraph.getFirstLineIndent(), paragraph.getSpacingBefore(), paragraph.getSpacingAfter());
  }

  /**
   * Adds a left-aligned paragraph of {@code chunks}, as PdfDocument adds a {@link Paragraph} with
   * these properties, without copying the chunks into one.
   *
   * @param font the paragraph's font, for the spacing lines
   * @param indent the left indentation of every line
   * @param firstLineIndent added to the indentation of the first line
   */
  void paragraph(List<? extends Element> chunks, Font font, float paragraphLeading, float indent,
      float firstLineIndent, float before, float after) {
    addSpacing(before, leading, font);
    leading = paragraphLeading;
    carriageReturn();
    if (currentHeight + line.height + leading > available()) {
      newPage();
    }
    indentation += indent;
    carriageReturn();
    line.setExtraIndent(firstLineIndent);
    for (Element e : chunks) {
      if (!(e instanceof Chunk c)) {
        throw new IllegalArgumentException("a paragraph of the page flow holds chunks only");
      }
      chunk(c);
    }
    carriageReturn();
    addSpacing(after, paragraphLeading, font);
    indentation -= indent;
    carriageReturn();
  }

  private void chunk(Chunk c) {
    Piece piece = Piece.of(c);
    if (piece.changeLeading || piece.font == null) {
      throw new IllegalArgumentException("the page flow keeps the leading of lines with images");
    }
    Piece overflow;
    while ((overflow = line.add(piece)) != null) {
      carriageReturn();
      piece = overflow;
      overflow.trimFirstSpace();
    }
    pageEmpty = false;
  }

  /** Spacing before or after a paragraph: a line holding a space, unless at the top of a page. */
  private void addSpacing(float extra, float oldLeading, Font font) {
    if (extra == 0 || pageEmpty || currentHeight + line.height + leading > available()) {
      return;
    }
    leading = extra;
    carriageReturn();
    chunk(new Chunk(" ", font));
    carriageReturn();
    leading = oldLeading;
  }

  private void carriageReturn() {
    if (line != null) {
      if (currentHeight + line.height + leading < available()) {
        if (line.pieces.size() > 0) {
          currentHeight += line.height;
          lines.add(line);
          pageEmpty = false;
        }
      } else {
        newPage();
      }
    }
    line = newLineObject();
  }

  private void newLine() {
    carriageReturn();
    if (!lines.isEmpty()) {
      lines.add(line);
      currentHeight += line.height;
    }
    line = newLineObject();
  }

  private void table(PdfPTable table) {
    TableLayout layout = referenceTables ? null : TableLayout.of(table, right - indentLeft());
    if (layout != null) {
      List<Pass> passes = plan(layout);
      if (passes != null) {
        place(layout, passes);
        return;
      }
    }
    tableByColumnText(table);
  }

  /**
   * Where each page's part of a table goes, as ColumnText.goComposite and PdfDocument.addPTable
   * decide it; null when a row would be split across pages, which only OpenPDF does.
   */
  private List<Pass> plan(TableLayout layout) {
    PdfPTable table = layout.table;
    float height = currentHeight;
    if (table.getKeepTogether() && currentHeight > 0
        && !(layout.totalHeight() + table.spacingBefore() <= top - currentHeight - bottom)) {
      height = 0;
    }
    boolean dummyParagraph = height > 0;
    List<Pass> passes = new ArrayList<>();
    int listIdx = 0;
    int headerRows = table.getHeaderRows();
    int loop = 0;
    while (true) {
      float yLine = top - height;
      float start = yLine;
      boolean firstPass = !(passes.isEmpty() && dummyParagraph);
      float yTemp = yLine;
      if (!firstPass && listIdx == 0) {
        yTemp -= table.spacingBefore();
      }
      float yLineWrite = yTemp;
      boolean done = false;
      boolean wrote = false;
      if (!(yTemp < bottom) && !(yTemp > start)) {
        yTemp -= layout.headerHeight();
        if (yTemp < bottom || yTemp > start) {
          if (firstPass) {
            return null;
          }
        } else {
          if (listIdx < headerRows) {
            listIdx = headerRows;
          }
          int k;
          for (k = listIdx; k < layout.rows.length; k++) {
            float rowHeight = layout.rows[k].height;
            if (yTemp - rowHeight < bottom) {
              break;
            }
            yTemp -= rowHeight;
          }
          boolean write = true;
          if (k < layout.rows.length) {
            if (table.isSplitLate() && (k != listIdx || !firstPass)) {
              if (k == listIdx && !firstPass) {
                write = false;
              }
            } else if (layout.splitIsEmpty(k, yTemp - bottom)) {
              if (k == listIdx) {
                write = false;
              }
            } else {
              return null;
            }
          }
          if (write) {
            passes.add(new Pass(passes.size() == 0 ? height : 0, yLineWrite, listIdx, k));
            wrote = true;
            yLine = yTemp;
            if (k < layout.rows.length) {
              listIdx = k;
            } else {
              yLine -= table.spacingAfter();
              done = true;
            }
          }
        }
      }
      if (!wrote) {
        passes.add(new Pass(passes.isEmpty() ? height : 0, Float.NaN, listIdx, listIdx));
      }
      Pass last = passes.get(passes.size() - 1);
      last.end = yLine;
      if (done) {
        return passes;
      }
      loop = top - height == yLine ? loop + 1 : 0;
      if (loop == 3) {
        return null;
      }
      height = 0;
    }
  }

  /** One page's part of a table: the rows from {@code from} to {@code to} (exclusive) below the header. */
  private static final class Pass {
    final float height;
    final float y;
    final int from;
    final int to;
    float end;

    Pass(float height, float y, int from, int to) {
      this.height = height;
      this.y = y;
      this.from = from;
      this.to = to;
    }
  }

  private void place(TableLayout layout, List<Pass> passes) {
    if (passes.get(0).height == 0 && currentHeight > 0) {
      newPage();
    }
    float x = indentLeft() + (right - indentLeft() - layout.totalWidth) / 2.0F;
    for (int i = 0; i < passes.size(); i++) {
      Pass pass = passes.get(i);
      if (i > 0) {
        newPage();
      }
      if (!Float.isNaN(pass.y)) {
        layout.write(writer.getDirectContent(), x, pass.y, pass.from, pass.to, writer, encoder);
      }
    }
    Pass last = passes.get(passes.size() - 1);
    text.moveText(0, last.end - top + currentHeight);
    currentHeight = top - last.end;
  }

  private void tableByColumnText(PdfPTable table) {
    ColumnText ct = new ColumnText(writer.getDirectContent());
    if (table.getKeepTogether() && !fits(table) && currentHeight > 0) {
      newPage();
    }
    if (currentHeight > 0 || table.isSkipFirstHeader()) {
      Paragraph p = new Paragraph();
      p.setLeading(0);
      ct.addElement(p);
    }
    ct.addElement(table);
    boolean headersInEvent = table.isHeadersInEvent();
    table.setHeadersInEvent(true);
    int loop = 0;
    while (true) {
      ct.setSimpleColumn(indentLeft(), bottom, right, top - currentHeight);
      int status;
      try {
        status = ct.go();
      } catch (DocumentException e) {
        throw new IllegalStateException("cannot lay out a table: " + e.getMessage(), e);
      }
      if ((status & ColumnText.NO_MORE_TEXT) != 0) {
        text.moveText(0, ct.getYLine() - top + currentHeight);
        currentHeight = top - ct.getYLine();
        break;
      }
      loop = top - currentHeight == ct.getYLine() ? loop + 1 : 0;
      if (loop == 3) {
        throw new IllegalStateException("a table row is taller than a page");
      }
      newPage();
    }
    table.setHeadersInEvent(headersInEvent);
  }

  private boolean fits(PdfPTable table) {
    if (!table.isLockedWidth()) {
      table.setTotalWidth((right - indentLeft()) * table.getWidthPercentage() / 100.0F);
    }
    return table.getTotalHeight() + (currentHeight > 0 ? table.spacingBefore() : 0) <= top - currentHeight - bottom;
  }

  private void image(Image image) {
    if (image.hasAbsoluteY() || (image.getAlignment() & Image.TEXTWRAP) != 0
        || (image.getAlignment() & Image.UNDERLYING) != 0) {
      throw new IllegalArgumentException("the page flow places images in the flow only");
    }
    if (currentHeight != 0 && top - currentHeight - image.getScaledHeight() < bottom) {
      newPage();
      if (currentHeight != 0 && top - currentHeight - image.getScaledHeight() < bottom) {
        throw new IllegalStateException("an image is taller than a page");
      }
    }
    pageEmpty = false;
    float diff = leading / 2.0F;
    float lowerLeft = top - currentHeight - image.getScaledHeight() - diff;
    float[] mt = image.matrix();
    float start = indentLeft() - mt[4];
    if ((image.getAlignment() & Image.RIGHT) == Image.RIGHT) {
      start = right - image.getScaledWidth() - mt[4];
    }
    if ((image.getAlignment() & Image.MIDDLE) == Image.MIDDLE) {
      start = indentLeft() + (right - indentLeft() - image.getScaledWidth()) / 2.0F - mt[4];
    }
    if (image.hasAbsoluteX()) {
      start = image.getAbsoluteX();
    }
    if ((image.getAlignment() & Image.RIGHT) == Image.RIGHT) {
      start -= image.getIndentationRight();
    } else if ((image.getAlignment() & Image.MIDDLE) == Image.MIDDLE) {
      start += image.getIndentationLeft() - image.getIndentationRight();
    } else {
      start += image.getIndentationLeft();
    }
    try {
      writer.getDirectContentUnder().addImage(image, mt[0], mt[1], mt[2], mt[3], start, lowerLeft - mt[5]);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot place an image: " + e.getMessage(), e);
    }
    currentHeight += image.getScaledHeight() + diff;
    flushLines();
    text.moveText(0, -(image.getScaledHeight() + diff));
    newLine();
  }

  /**
   * Shows one line of left-to-right text left- or right-aligned at ({@code x}, {@code y}), with the
   * text matrix and operators that {@link ColumnText#showTextAligned} gives it without bidi.
   */
  static void showAligned(PdfContentByte canvas, int alignment, Phrase phrase, float x, float y,
      GlyphEncoder encoder) {
    if (alignment != Element.ALIGN_LEFT && alignment != Element.ALIGN_RIGHT) {
      throw new IllegalArgumentException("only left and right alignment");
    }
    Line line = new Line(0, 0, 0);
    float remaining = 20000.0F;
    for (Element e : phrase) {
      Piece piece = Piece.of((Chunk) e);
      if (piece.value.isEmpty()) {
        continue;
      }
      if (piece.image != null || piece.separator != null || piece.value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("an aligned line holds text only");
      }
      String v = piece.value;
      for (int k = 0; k < v.length(); k++) {
        if (Utilities.isSurrogatePair(v, k)) {
          remaining -= piece.charWidth(Utilities.convertToUtf32(v, k));
          k++;
        } else {
          remaining -= piece.charWidth(v.charAt(k));
        }
      }
      line.pieces.add(piece);
    }
    canvas.saveState();
    if (!line.pieces.isEmpty()) {
      float leftX = alignment == Element.ALIGN_LEFT ? 0.0F + x : -20000.0F + x;
      float indent = alignment == Element.ALIGN_LEFT ? 0.0F : 0.0F + remaining;
      float top = 2.0F + y;
      canvas.beginText();
      canvas.setTextMatrix(leftX + 0.0F + indent, top - 2.0F);
      TextState state = new TextState(encoder);
      write(line, canvas, canvas, state, null, null);
      state.finish(canvas);
      canvas.endText();
    }
    canvas.restoreState();
  }

  /** Writes the waiting lines, each below the one before, as PdfDocument's text object would. */
  private void flushLines() {
    if (line != null && line.pieces.size() > 0) {
      lines.add(line);
      line = newLineObject();
    }
    if (lines.isEmpty()) {
      return;
    }
    PdfContentByte graphics = writer.getDirectContentUnder();
    TextState state = new TextState(encoder);
    for (Line l : lines) {
      float moveX = l.left - left;
      text.moveText(moveX, -l.height);
      write(l, text, graphics, state, writer, this);
      text.moveText(-moveX, 0);
    }
    state.finish(text);
    lines.clear();
  }

  /**
   * The font and fill colour a text object has set. The fill colour is set only when a piece
   * needs another than the one in force, and black is restored when the batch of lines ends,
   * where OpenPDF sets it before and resets it after every piece.
   */
  static final class TextState {
    final GlyphEncoder encoder;
    private Piece font;
    private Color fill;

    TextState(GlyphEncoder encoder) {
      this.encoder = encoder;
    }

    void fill(PdfContentByte text, Color color) {
      if (color == null ? fill != null : !color.equals(fill)) {
        if (color == null) {
          text.resetRGBColorFill();
        } else {
          text.setColorFill(color);
        }
        fill = color;
      }
    }

    /** Restores black, as every piece leaves it in OpenPDF. */
    void finish(PdfContentByte text) {
      fill(text, null);
    }
  }

  /**
   * Writes one line at the text position, as PdfDocument.writeLineToContent does for a line
   * that is not justified.
   *
   * @param flow the flow whose page events get the line's generic tags, or null
   */
  static void write(Line line, PdfContentByte text, PdfContentByte graphics, TextState state,
      PdfWriter writer, PageFlow flow) {
    int separators = 0;
    for (Piece p : line.pieces) {
      if (p.separator != null) {
        separators++;
      }
    }
    float glue = separators > 0 ? line.width / separators : 0;
    int lastStroked = line.pieces.size() - 1;
    while (lastStroked >= 0 && !line.pieces.get(lastStroked).stroked()) {
      lastStroked--;
    }
    float x = text.getXTLM();
    float baseX = x;
    float y = text.getYTLM();
    boolean adjustMatrix = false;
    for (int i = 0; i < line.pieces.size(); i++) {
      Piece piece = line.pieces.get(i);
      if (i <= lastStroked) {
        float width = piece.width();
        Piece next = i + 1 < line.pieces.size() ? line.pieces.get(i + 1) : null;
        if (piece.separator != null) {
          width = glue;
          DrawInterface di = (DrawInterface) piece.separator[0];
          float ascender = piece.font.getFontDescriptor(BaseFont.ASCENT, piece.size);
          float descender = piece.font.getFontDescriptor(BaseFont.DESCENT, piece.size);
          if ((Boolean) piece.separator[1]) {
            di.draw(graphics, baseX, y + descender, baseX + line.originalWidth, ascender - descender, y);
          } else {
            di.draw(graphics, x, y + descender, x + glue, ascender - descender, y);
          }
        }
        if (piece.background != null) {
          graphics.saveState();
          float ascender = piece.font.getFontDescriptor(BaseFont.ASCENT, piece.size);
          float descender = piece.font.getFontDescriptor(BaseFont.DESCENT, piece.size);
          graphics.setColorFill((Color) piece.background[0]);
          float[] extra = (float[]) piece.background[1];
          graphics.rectangle(x - extra[0], y + descender - extra[1], width + extra[0] + extra[2],
              ascender - descender + extra[1] + extra[3]);
          graphics.fill();
          graphics.setGrayFill(0.0F);
          graphics.restoreState();
        }
        if (piece.action != null) {
          PdfAnnotation annotation = new PdfAnnotation(writer, x, y, x + width, y + piece.size, piece.action);
          annotation.setFlags(PdfAnnotation.FLAGS_PRINT);
          writer.addAnnotation(annotation);
        }
        if (piece.localGoto != null) {
          text.localGoto(piece.localGoto, x, y, x + width, y + piece.size);
        }
        if (piece.localDestination != null) {
          text.localDestination(piece.localDestination, new PdfDestination(PdfDestination.XYZ, x, y + piece.size, 0));
        }
        if (piece.genericTag != null && flow != null && flow.events != null) {
          flow.events.onGenericTag(writer, flow.document, new Rectangle(x, y, x + width, y + piece.size),
              piece.genericTag);
        }
        if (piece.skew != null) {
          text.setTextMatrix(1, piece.skew[0], piece.skew[1], 1, x, y);
        }
        if (piece.image != null) {
          Image image = piece.image;
          float[] matrix = image.matrix();
          matrix[4] = x + piece.offsetX - matrix[4];
          matrix[5] = y + piece.offsetY - matrix[5];
          try {
            graphics.addImage(image, matrix[0], matrix[1], matrix[2], matrix[3], matrix[4], matrix[5]);
          } catch (DocumentException e) {
            throw new IllegalStateException("cannot draw a mark: " + e.getMessage(), e);
          }
          text.moveText(x + image.getScaledWidth() - text.getXTLM(), 0);
        }
        x += width;
      }
      if (piece.image == null
          && (state.font == null || state.font.font != piece.font || state.font.size != piece.size)) {
        state.font = piece;
        text.setFontAndSize(piece.font, piece.size);
      }
      if (piece.image == null) {
        state.fill(text, piece.color);
      }
      if (piece.image != null) {
        adjustMatrix = true;
      } else if (piece.separator != null && !(Boolean) piece.separator[1]) {
        PdfTextArray array = new PdfTextArray();
        array.add(-glue * 1000.0F / piece.size);
        text.showText(array);
      } else if (piece.separator == null) {
        state.encoder.show(text, piece.font, piece.size, piece.value);
      }
      if (piece.skew != null) {
        adjustMatrix = true;
        text.setTextMatrix(x, y);
      }
    }
    if (adjustMatrix) {
      text.moveText(baseX - text.getXTLM(), 0);
    }
  }

  /** One line of a paragraph, as OpenPDF's {@code PdfLine}. */
  static final class Line {
    float left;
    /** The width still free. */
    float width;
    float originalWidth;
    final float height;
    final List<Piece> pieces = new ArrayList<>();

    Line(float left, float right, float height) {
      this.left = left;
      this.width = right - left;
      this.originalWidth = width;
      this.height = height;
    }

    void setExtraIndent(float extra) {
      left += extra;
      width -= extra;
      if (extra < 0) {
        originalWidth -= extra;
      }
    }

    /** Adds as much of {@code piece} as fits; returns the rest, or null. */
    Piece add(Piece piece) {
      if (piece.value.isEmpty()) {
        return null;
      }
      Piece overflow = piece.split(width);
      if (piece.value.length() <= 0 && piece.image == null) {
        if (pieces.isEmpty()) {
          Piece rest = overflow.truncate(width);
          width -= overflow.width();
          if (overflow.value.length() > 0) {
            pieces.add(overflow);
            return rest;
          }
          if (rest != null) {
            pieces.add(rest);
          }
          return null;
        }
        width += pieces.get(pieces.size() - 1).trimLastSpace();
      } else {
        if (overflow != null) {
          piece.trimLastSpace();
        }
        width -= piece.width();
        pieces.add(piece);
      }
      return overflow;
    }
  }

  /** A piece of text or a drawn mark in one style, as OpenPDF's {@code PdfChunk}. */
  static final class Piece {
    private static final char[] SINGLE_SPACE = {' '};

    String value;
    final BaseFont font;
    final float size;
    final Color color;
    final GlyphMetrics widths;
    final SplitCharacter splitter;
    final float[] skew;
    final Object[] background;
    final PdfAction action;
    final String localGoto;
    final String localDestination;
    final String genericTag;
    final Object[] separator;
    Image image;
    final float offsetX;
    final float offsetY;
    /** Whether a drawn image may make its line taller; the page flow refuses such chunks. */
    final boolean changeLeading;

    Piece(String value, Piece other) {
      this.value = value;
      this.font = other.font;
      this.size = other.size;
      this.color = other.color;
      this.widths = other.widths;
      this.splitter = other.splitter;
      this.skew = other.skew;
      this.background = other.background;
      this.action = other.action;
      this.localGoto = other.localGoto;
      this.localDestination = other.localDestination;
      this.genericTag = other.genericTag;
      this.separator = other.separator;
      this.image = other.image;
      this.offsetX = other.offsetX;
      this.offsetY = other.offsetY;
      this.changeLeading = other.changeLeading;
    }

    private Piece(Chunk chunk) {
      Font f = chunk.getFont();
      Map<String, Object> attributes = chunk.getChunkAttributes();
      if (attributes == null) {
        attributes = Map.of();
      }
      Object[] img = (Object[]) attributes.get(Chunk.IMAGE);
      if (f.getBaseFont() == null && img == null) {
        throw new IllegalArgumentException("a chunk of the page flow needs an embedded font");
      }
      if (f.getStyle() > 0) {
        throw new IllegalArgumentException("the page flow draws no synthetic bold, italic or underline");
      }
      value = chunk.getContent();
      font = f.getBaseFont();
      size = f.getSize() == Font.UNDEFINED ? 12 : f.getSize();
      color = f.getColor();
      widths = font == null ? null : GlyphMetrics.of(font);
      for (String key : attributes.keySet()) {
        if (!KNOWN.contains(key)) {
          throw new IllegalArgumentException("the page flow cannot draw the chunk attribute " + key);
        }
      }
      SplitCharacter split = (SplitCharacter) attributes.get(Chunk.SPLITCHARACTER);
      splitter = split == null ? DefaultSplitCharacter.DEFAULT : split;
      skew = (float[]) attributes.get(Chunk.SKEW);
      background = (Object[]) attributes.get(Chunk.BACKGROUND);
      action = (PdfAction) attributes.get(Chunk.ACTION);
      localGoto = (String) attributes.get(Chunk.LOCALGOTO);
      localDestination = (String) attributes.get(Chunk.LOCALDESTINATION);
      String tag = (String) attributes.get(Chunk.GENERICTAG);
      genericTag = "".equals(tag) ? value : tag;
      separator = (Object[]) attributes.get(Chunk.SEPARATOR);
      changeLeading = img != null && (Boolean) img[3];
      image = img == null ? null : (Image) img[0];
      offsetX = img == null ? 0 : (Float) img[1];
      offsetY = img == null ? 0 : (Float) img[2];
    }

    static Piece of(Chunk chunk) {
      return new Piece(chunk);
    }

    boolean stroked() {
      return skew != null || background != null || action != null || localGoto != null || localDestination != null
          || genericTag != null || separator != null || image != null;
    }

    float width() {
      if (image != null) {
        return image.getScaledWidth();
      }
      return widths.of(value) * 0.001F * size;
    }

    /** The width of one character in this piece's font, or of its image, as PdfChunk.getCharWidth. */
    float charWidth(int c) {
      if (noPrint(c)) {
        return 0;
      }
      if (image != null) {
        return image.getScaledWidth();
      }
      return widths.of(c) * 0.001F * size;
    }

    static boolean noPrint(int c) {
      return c >= 8203 && c <= 8207 || c >= 8234 && c <= 8238;
    }

    /** Keeps what fits in {@code available} points, broken where a line may break; returns the rest, or null. */
    Piece split(float available) {
      if (image != null) {
        if (image.getScaledWidth() > available) {
          Piece rest = new Piece("\uFFFC", this);
          value = "";
          image = null;
          return rest;
        }
        return null;
      }
      int position = 0;
      int splitPosition = -1;
      float currentWidth = 0;
      int lastSpace = -1;
      int length = value.length();
      char[] chars = value.toCharArray();
      for (; position < length; position++) {
        char character = chars[position];
        if (character == '\r' || character == '\n') {
          int inc = character == '\r' && position + 1 < length && chars[position + 1] == '\n' ? 2 : 1;
          String rest = value.substring(position + inc);
          value = value.substring(0, position);
          if (value.length() < 1) {
            value = " ";
          }
          return new Piece(rest, this);
        }
        boolean surrogate = Utilities.isSurrogatePair(chars, position);
        currentWidth += surrogate ? charWidth(Utilities.convertToUtf32(chars[position], chars[position + 1]))
            : charWidth(character);
        if (character == ' ') {
          lastSpace = position + 1;
        }
        if (surrogate) {
          position++;
        }
        if (currentWidth > available) {
          break;
        }
        if (splitter.isSplitCharacter(0, position, length, chars, null)) {
          splitPosition = position + 1;
        }
      }
      if (position == length) {
        return null;
      }
      if (splitPosition < 0) {
        String rest = value;
        value = "";
        return new Piece(rest, this);
      }
      if (lastSpace > splitPosition && splitter.isSplitCharacter(0, 0, 1, SINGLE_SPACE, null)) {
        splitPosition = lastSpace;
      }
      String rest = value.substring(splitPosition);
      value = trimEnd(value.substring(0, splitPosition));
      return new Piece(rest, this);
    }

    /** Keeps what fits in {@code available} points, at least one character; returns the rest, or null. */
    Piece truncate(float available) {
      if (image != null) {
        if (image.getScaledWidth() > available) {
          Piece rest = new Piece("", this);
          value = "";
          image = null;
          return rest;
        }
        return null;
      }
      if (available < charWidthOfSpace()) {
        String rest = value.substring(1);
        value = value.substring(0, 1);
        return new Piece(rest, this);
      }
      int position = 0;
      float currentWidth = 0;
      int length = value.length();
      boolean surrogate = false;
      for (; position < length; position++) {
        surrogate = Utilities.isSurrogatePair(value, position);
        currentWidth += surrogate ? charWidth(Utilities.convertToUtf32(value, position)) : charWidth(value.charAt(position));
        if (currentWidth > available) {
          break;
        }
        if (surrogate) {
          position++;
        }
      }
      if (position == length) {
        return null;
      }
      if (position == 0) {
        position = surrogate ? 2 : 1;
      }
      String rest = value.substring(position);
      value = value.substring(0, position);
      return new Piece(rest, this);
    }

    float trimLastSpace() {
      if (value.length() > 1 && value.endsWith(" ")) {
        value = value.substring(0, value.length() - 1);
        return charWidthOfSpace();
      }
      return 0;
    }

    float trimFirstSpace() {
      if (value.length() > 1 && value.startsWith(" ")) {
        value = value.substring(1);
        return charWidthOfSpace();
      }
      return 0;
    }

    private float charWidthOfSpace() {
      return image != null ? image.getScaledWidth() : widths.of(' ') * 0.001F * size;
    }

    private static String trimEnd(String s) {
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
        end--;
      }
      return s.substring(0, end);
    }
  }
}
