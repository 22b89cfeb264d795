package dev.readiness.render.pdf;

import static dev.readiness.render.pdf.PdfProbe.assertInOrder;
import static dev.readiness.render.pdf.PdfProbe.fold;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changes part of mahavishnu's second review. By hand, with diff(1) between 2026-02-02 and
 * 2026-02-09: 18 boxes checked, one checked item added, nothing reopened; 39 → 58 of 185.
 */
class ReviewChangesPdfTest {
  private static final List<String> CHECKED =
      List.of(
          "All secrets in environment variables (not hardcoded)",
          ".env files in .gitignore",
          "Session-Buddy encryption implemented (Phase 3) ✔",
          "Grafana dashboards created",
          "Real-time metrics displayed",
          "System health dashboard",
          "Memory limits configured",
          "CPU limits configured",
          "Worker pool limits set",
          "Production configuration documented",
          "Environment-specific configs (dev/staging/prod)",
          "Configuration version controlled",
          "CI/CD pipeline configured",
          "Automated testing in pipeline",
          "Rollback procedures tested",
          "Docker images built",
          "Tests run in CI/CD pipeline",
          "Tests run on every commit");

  @TempDir Path dir;

  @Test
  void changesSincePreviousReviewListEveryCheckedAndAddedItem() throws IOException {
    ReportData data = PdfProbe.example();
    ProjectReport project = PdfProbe.project(data, "mahavishnu");
    byte[] pdf =
        new PdfRenderer("A4").review(data, project, PdfProbe.review(project, "2026-02-09"));
    String text = fold(String.join(" ", PdfProbe.pages(pdf)));
    int at = text.indexOf("Changes since 2026-02-02", text.indexOf("Sign-off"));
    assertTrue(at > 0, "the changes part is missing");
    assertInOrder(
        text.substring(at),
        List.of(
            "Checked items 39 → 58",
            "computed 21.2% → 31.4% (+10.2)",
            "stated 52 → 58 (+6)",
            "Checked since (18)",
            "Added (1)",
            "Load test environment provisioned (staging-perf)"));
    assertTrue(!text.contains("Reopened ("), "nothing was reopened");

    assumeFalse(PdfProbe.popplerMissing());
    String poppler = fold(PdfProbe.pdftotext(PdfProbe.file(pdf, dir, "second.pdf")));
    String changes = poppler.substring(poppler.indexOf("Checked since (18)"));
    for (String item : CHECKED) {
      assertTrue(changes.contains("☑ " + item), "missing: ☑ " + item);
    }
    assertTrue(
        changes.contains(
            "☑ Load test environment provisioned (staging-perf) · 4. Performance & Scalability"));
  }
}
