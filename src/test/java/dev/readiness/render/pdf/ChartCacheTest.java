package dev.readiness.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart drawn once and put into later PDFs gives the bytes drawing it again would give. */
class ChartCacheTest {
  @TempDir Path dir;

  @Test
  void aKeptChartGivesTheSameBytesAsADrawnOne() throws IOException {
    ReportData data = PdfProbe.example();
    ProjectReport project = PdfProbe.project(data, "mahavishnu");
    Review seed = PdfProbe.review(project, "2026-02-02");
    PdfRenderer renderer = new PdfRenderer("A4");
    ChartCache.clear();
    byte[] drawn = renderer.review(data, project, seed);
    assertEquals(1, ChartCache.size(), "the section chart is kept");
    assertEquals(0, ChartCache.replayed());
    byte[] kept = renderer.review(data, project, seed);
    assertEquals(1, ChartCache.replayed(), "the second PDF takes the kept drawing");
    assertArrayEquals(drawn, kept, "the kept drawing is the drawing");
  }

  @Test
  void twoReviewsWithTheSameFiguresShareTheirChartAndAChartWithRightToLeftLabelsIsNotKept()
      throws IOException {
    String review = "# P\n\n## 1. Security\n\n- [x] TLS\n- [ ] WAF\n\n## 2. Ops\n\n- [ ] Backups\n";
    ReportData same =
        PdfProbe.fixture(dir, "same", Map.of("2026-01-05.md", review, "2026-01-12.md", review));
    ProjectReport project = same.projects().get(0);
    PdfRenderer renderer = new PdfRenderer("A4");
    ChartCache.clear();
    byte[] first = renderer.review(same, project, project.reviews().get(0));
    byte[] second = renderer.review(same, project, project.reviews().get(1));
    assertEquals(1, ChartCache.size(), "one chart for both reviews");
    assertEquals(1, ChartCache.replayed());
    ChartCache.clear();
    assertArrayEquals(
        second,
        renderer.review(same, project, project.reviews().get(1)),
        "drawn anew, the same bytes");
    assertTrue(first.length > 0);

    ReportData arabic =
        PdfProbe.fixture(
            dir.resolve("ar"), "ar", Map.of("2026-01-05.md", RightToLeftPdfTest.ARABIC));
    ChartCache.clear();
    renderer.review(arabic, arabic.projects().get(0), arabic.projects().get(0).latest());
    assertEquals(0, ChartCache.size(), "labels set by ColumnText are not kept");
  }
}
