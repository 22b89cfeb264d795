package dev.readiness.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast table layout draws what OpenPDF's own table layout draws: the same text where poppler
 * reads it, and the same pixels on every page.
 */
class TableLayoutTest {
  /** Tables that span pages, right-aligned and centred cells, code, marks and a long cell. */
  private static final String CHECKLIST = """
      # Tables

      **Date**: 2026-03-02

      ## Section 1: Things

      - [ ] First item
      - [x] Second item ✅

      ## Notes

      | Name | Value | Note |
      |------|------:|:----:|
      %s

      ```
      code in a one-cell table
          indented
      ```
      """.formatted(rows());

  @TempDir Path dir;

  private static String rows() {
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= 90; i++) {
      rows.append("| row ").append(i).append(" with `code` and **bold** words | ").append(i * 37)
          .append(" | ").append(i % 7 == 0 ? "a note long enough to wrap over two or three lines in its narrow "
              + "column ⚠️ 2026-04-13 and 24/27 stay whole" : "short").append(" |\n");
    }
    return rows.toString();
  }

  @Test
  void theSeedReviewLooksAsOpenPdfWouldLayItOut() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    ReportData data = PdfProbe.example();
    ProjectReport project = PdfProbe.project(data, "mahavishnu");
    Review seed = project.reviews().get(0);
    byte[] fast = new PdfRenderer("A4", p -> { }, false).review(data, project, seed);
    byte[] reference = new PdfRenderer("A4", p -> { }, true).review(data, project, seed);
    assertSameLook(fast, reference, "seed");
  }

  @Test
  void theHistoryLooksAsOpenPdfWouldLayItOut() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    ReportData data = PdfProbe.example();
    ProjectReport project = PdfProbe.project(data, "mahavishnu");
    byte[] fast = new PdfRenderer("Letter", p -> { }, false).history(data, project);
    byte[] reference = new PdfRenderer("Letter", p -> { }, true).history(data, project);
    assertSameLook(fast, reference, "history");
  }

  @Test
  void aTableOverSeveralPagesLooksAsOpenPdfWouldLayItOut() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    ReportData data = PdfProbe.fixture(dir, "tables", Map.of("2026-03-02.md", CHECKLIST));
    ProjectReport project = PdfProbe.project(data, "tables");
    Review review = project.reviews().get(0);
    List<Problem> warnings = new ArrayList<>();
    byte[] fast = new PdfRenderer("A4", warnings::add, false).review(data, project, review);
    byte[] reference = new PdfRenderer("A4", p -> { }, true).review(data, project, review);
    assertTrue(PdfProbe.pages(fast).size() >= 5, "the table spans pages");
    assertSameLook(fast, reference, "tables");
  }

  private void assertSameLook(byte[] fast, byte[] reference, String name) throws IOException {
    Path fastFile = PdfProbe.file(fast, dir, name + "-fast.pdf");
    Path referenceFile = PdfProbe.file(reference, dir, name + "-reference.pdf");
    assertEquals(PdfProbe.pdftotext(referenceFile), PdfProbe.pdftotext(fastFile), "text where poppler reads it");
    Path fastPages = Files.createDirectories(dir.resolve(name + "-fast"));
    Path referencePages = Files.createDirectories(dir.resolve(name + "-reference"));
    List<Path> fastPngs = PdfProbe.pngs(fastFile, fastPages);
    List<Path> referencePngs = PdfProbe.pngs(referenceFile, referencePages);
    assertEquals(referencePngs.size(), fastPngs.size(), "pages");
    for (int i = 0; i < fastPngs.size(); i++) {
      assertArrayEquals(Files.readAllBytes(referencePngs.get(i)), Files.readAllBytes(fastPngs.get(i)),
          name + " page " + (i + 1) + " has the same pixels");
    }
  }
}
