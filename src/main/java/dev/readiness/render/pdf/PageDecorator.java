package dev.readiness.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws what every page carries: the running header (project and date, not on the cover) and the
 * footer with "page X of Y". Also notes the page each heading lands on and, when the document
 * closes, writes those numbers into the table of contents and the total into every footer.
 */
final class PageDecorator extends PdfPageEventHelper {
  /** Generic tags starting with this mark where a heading of the table of contents lands. */
  static final String DESTINATION = "dest:";

  private static final Color RULE = new Color(0xD5DBE2);

  private final Typesetter type;
  private final String headerLeft;
  private final String headerRight;
  private final String footerLeft;
  private final Map<String, Integer> pages = new HashMap<>();
  private final Map<String, PdfTemplate> contentsNumbers = new LinkedHashMap<>();
  private PdfTemplate total;
  private PdfTemplate head;
  private PdfTemplate foot;
  private int lastPage;

  /**
   * @param headerLeft project and date, shown at the top left of every page but the first
   * @param headerRight what the document is, top right
   * @param footerLeft the generator line, bottom left
   */
  PageDecorator(Typesetter type, String headerLeft, String headerRight, String footerLeft) {
    this.type = type;
    this.headerLeft = headerLeft;
    this.headerRight = headerRight;
    this.footerLeft = footerLeft;
  }

  /** A placeholder that will show the page of destination {@code id} once the document closes. */
  PdfTemplate pageNumberOf(String id, PdfContentByte canvas, float width, float height) {
    PdfTemplate template = canvas.createTemplate(width, height);
    contentsNumbers.put(id, template);
    return template;
  }

  /** The page a destination landed on, or 0 when it has not been laid out. */
  int pageOf(String id) {
    return pages.getOrDefault(id, 0);
  }

  @Override
  public void onOpenDocument(PdfWriter writer, Document document) {
    total = writer.getDirectContent().createTemplate(40, 12);
  }

  @Override
  public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
    if (text.startsWith(DESTINATION)) {
      pages.putIfAbsent(text.substring(DESTINATION.length()), writer.getPageNumber());
    }
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    int page = writer.getPageNumber();
    lastPage = Math.max(lastPage, page);
    PdfContentByte canvas = writer.getDirectContent();
    Rectangle size = document.getPageSize();
    float left = document.left();
    float right = document.right();
    // The running head and the foot are the same on every page: each is set once per document,
    // into a template that every page then places.
    if (page > 1) {
      if (head == null) {
        head = canvas.createTemplate(size.getWidth(), 20);
        show(
            head,
            Element.ALIGN_LEFT,
            type.phrase(headerLeft, Styles.HEADER.bold()),
            left,
            10,
            headerLeft);
        show(
            head,
            Element.ALIGN_RIGHT,
            type.phrase(headerRight, Styles.HEADER),
            right,
            10,
            headerRight);
        rule(head, left, right, 4);
      }
      canvas.addTemplate(head, 0, size.getTop() - 34 - 10);
    }
    float y = 30;
    if (foot == null) {
      foot = canvas.createTemplate(size.getWidth(), 24);
      rule(foot, left, right, 22);
      show(foot, Element.ALIGN_LEFT, type.phrase(footerLeft, Styles.HEADER), left, 10, footerLeft);
    }
    canvas.addTemplate(foot, 0, y - 10);
    String label = "Page " + page + " of ";
    float labelWidth =
        type.face(Typesetter.Face.REGULAR).getWidthPoint(label, Styles.HEADER.size());
    float totalWidth = 18;
    ColumnText.showTextAligned(
        canvas,
        Element.ALIGN_LEFT,
        type.phrase(label, Styles.HEADER),
        right - totalWidth - labelWidth,
        y,
        0);
    canvas.addTemplate(total, right - totalWidth, y - 3);
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    ColumnText.showTextAligned(
        total, Element.ALIGN_LEFT, type.phrase(Integer.toString(lastPage), Styles.HEADER), 0, 3, 0);
    for (Map.Entry<String, PdfTemplate> e : contentsNumbers.entrySet()) {
      int page = pageOf(e.getKey());
      PdfTemplate template = e.getValue();
      ColumnText.showTextAligned(
          template,
          Element.ALIGN_RIGHT,
          type.phrase(page == 0 ? "" : Integer.toString(page), Styles.CONTENTS),
          template.getWidth(),
          template.getHeight() * 0.25f,
          0);
    }
  }

  /** Shows a header or footer line; right-to-left text goes through OpenPDF's bidi layout. */
  private void show(
      PdfContentByte canvas, int align, Phrase phrase, float x, float y, String text) {
    if (Typesetter.hasRightToLeft(text)) {
      ColumnText.showTextAligned(canvas, align, phrase, x, y, 0, PdfWriter.RUN_DIRECTION_LTR, 0);
    } else {
      ColumnText.showTextAligned(canvas, align, phrase, x, y, 0);
    }
  }

  private static void rule(PdfContentByte canvas, float left, float right, float y) {
    canvas.saveState();
    canvas.setColorStroke(RULE);
    canvas.setLineWidth(0.5f);
    canvas.moveTo(left, y);
    canvas.lineTo(right, y);
    canvas.stroke();
    canvas.restoreState();
  }
}
