package dev.readiness.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import dev.readiness.analyze.Format;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Writes the review and history PDFs of a project; thread-safe. */
public final class PdfRenderer {
  private final String paper;

  /** A renderer for {@code A4} or {@code Letter} paper. */
  public PdfRenderer(String paper) {
    this.paper = paper;
  }

  /** The PDF of one review, for a release ticket. */
  public byte[] review(ReportData data, ProjectReport project, Review review) throws IOException {
    return simple(project.name() + " — review " + review.date(),
        review.done() + " of " + review.total() + " items checked (" + Format.percent(review.percent()) + ")");
  }

  /** The PDF of a project's history. */
  public byte[] history(ReportData data, ProjectReport project) throws IOException {
    return simple(project.name() + " — history", project.reviews().size() + " reviews");
  }

  private byte[] simple(String title, String line) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(paper.equals("Letter") ? PageSize.LETTER : PageSize.A4);
    try {
      PdfWriter.getInstance(document, out);
      document.open();
      document.add(new Paragraph(title));
      document.add(new Paragraph(line));
    } catch (DocumentException e) {
      throw new IOException("cannot write PDF: " + e.getMessage(), e);
    } finally {
      document.close();
    }
    return out.toByteArray();
  }
}
