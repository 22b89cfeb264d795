package dev.readiness.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGraphics2D;
import java.awt.Color;
import java.awt.geom.AffineTransform;

/**
 * The graphics a chart is drawn with into a PDF: OpenPDF's {@link PdfGraphics2D}, except that a
 * label with right-to-left letters is set by OpenPDF's {@link ColumnText}, which orders it with the
 * bidi algorithm and shapes Arabic; {@code PdfGraphics2D} shows a string's characters as they are
 * stored, so Arabic and Hebrew labels would read backwards, their letters unjoined.
 */
final class ChartGraphics extends PdfGraphics2D {
  private final float height;
  private final FontMapper mapper;
  private final ChartCache.Recording recording;

  /**
   * Graphics drawing into {@code canvas}, a template of {@code width} × {@code height} points.
   *
   * @param recording notes the text shown and the fonts used, for {@link ChartCache}; or null
   */
  ChartGraphics(
      PdfContentByte canvas,
      float width,
      float height,
      FontMapper mapper,
      ChartCache.Recording recording) {
    super(canvas, width, height, mapper, false, false, 0);
    this.height = height;
    this.mapper = mapper;
    this.recording = recording;
  }

  private ChartGraphics(ChartGraphics parent) {
    super(parent);
    this.height = parent.height;
    this.mapper = parent.mapper;
    this.recording = parent.recording;
  }

  @Override
  protected PdfGraphics2D createChild() {
    return new ChartGraphics(this);
  }

  @Override
  public void drawString(String s, float x, float y) {
    if (!Typesetter.hasRightToLeft(s)) {
      ByteBuffer buffer = getContent().getInternalBuffer();
      int from = buffer.size();
      super.drawString(s, x, y);
      if (recording != null) {
        recording.shown(mapper.awtToPdf(getFont()), s, buffer.getBuffer(), from, buffer.size());
      }
      return;
    }
    if (recording != null) {
      recording.notKeepable();
    }
    java.awt.Font awt = getFont();
    BaseFont base = mapper.awtToPdf(awt);
    Color color = getPaint() instanceof Color c ? c : Color.BLACK;
    Phrase phrase = new Phrase(new Chunk(s, new Font(base, awt.getSize2D(), Font.NORMAL, color)));
    // From the chart's space (y down, origin top left) to the template's (y up), at the string's
    // baseline, upright.
    AffineTransform t = new AffineTransform(1, 0, 0, -1, 0, height);
    t.concatenate(getTransform());
    t.translate(x, y);
    t.scale(1, -1);
    PdfContentByte canvas = getContent();
    canvas.saveState();
    canvas.transform(t);
    ColumnText.showTextAligned(
        canvas, Element.ALIGN_LEFT, phrase, 0, 0, 0, Composer.direction(s), 0);
    canvas.restoreState();
  }
}
