package dev.readiness.render.pdf;

import static dev.readiness.render.pdf.PdfProbe.assertInOrder;
import static dev.readiness.render.pdf.PdfProbe.fold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import dev.readiness.Version;
import dev.readiness.analyze.Forecast;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history PDF of the bundled mahavishnu project. Counts by hand from the five files: 39/184,
 * 58/185, 66/185, 83/184, 97/184 items checked; stated 52, 58, 63, 72, 80.
 */
class HistoryPdfTest {
  private static ReportData data;
  private static ProjectReport project;
  private static byte[] pdf;
  private static String text;

  @TempDir Path dir;

  /** Renders once and reads the text back in reading order, with pdftotext. */
  @BeforeAll
  static void render(@TempDir Path tmp) throws IOException {
    data = PdfProbe.example();
    project = PdfProbe.project(data, "mahavishnu");
    pdf = new PdfRenderer("A4").history(data, project);
    assumeFalse(PdfProbe.popplerMissing());
    text = fold(PdfProbe.pdftotext(PdfProbe.file(pdf, tmp, "history.pdf")));
  }

  @Test
  void coverShowsTheSpanTheLatestFiguresAndTheForecast() {
    Forecast f = project.forecast();
    assertInOrder(
        text,
        List.of(
            "READINESS HISTORY",
            "Mahavishnu MCP Ecosystem",
            "5 reviews from 2026-02-02 to 2026-03-09",
            "52.7%",
            "97 of 184 items on 2026-03-09",
            "80/100",
            "drift −27.3",
            "2",
            "release gate not passed",
            "Forecast for 100%: P50 " + f.p50() + ", P85 " + f.p85()));
  }

  @Test
  void chartsAreDrawnWithTheirTextInTheEmbeddedFonts() {
    assertInOrder(
        text,
        List.of(
            "Trend",
            "Computed percent beside the stated score",
            "Computed %",
            "Stated score",
            "Computed percent per section",
            "1. Security & Compliance"));
  }

  @Test
  void reviewTableHasEveryReviewWithItsDeltas() {
    int at = text.indexOf("Drift is the computed percent minus the stated score.");
    assertTrue(at > 0);
    assertInOrder(
        text.substring(at),
        List.of(
            "2026-02-02",
            "39/184",
            "21.2%",
            "52",
            "−30.8",
            "fail",
            "2026-02-09",
            "58/185",
            "31.4%",
            "+10.2",
            "58",
            "+6",
            "−26.6",
            "fail",
            "2026-02-16",
            "66/185",
            "35.7%",
            "+4.3",
            "63",
            "+5",
            "−27.3",
            "fail",
            "2026-03-02",
            "83/184",
            "45.1%",
            "+9.4",
            "72",
            "+9",
            "−26.9",
            "fail",
            "2026-03-09",
            "97/184",
            "52.7%",
            "+7.6",
            "80",
            "+8",
            "−27.3",
            "fail"));
  }

  @Test
  void blockersOverTimeShowFirstSeenAgesAndWhenTheyWentAway() {
    int at = text.indexOf("Blockers over time", text.indexOf("Completion stamps"));
    assertTrue(at > 0);
    assertInOrder(
        text.substring(at),
        List.of(
            "Load Testing",
            "2026-02-02",
            "2026-02-16",
            "14 days",
            "resolved by 2026-03-02",
            "CI/CD Pipeline",
            "2026-02-02",
            "2026-02-09",
            "7 days",
            "resolved by 2026-02-16",
            "Unit Test Coverage",
            "2026-02-02",
            "2026-03-02",
            "28 days",
            "resolved by 2026-03-09",
            "Monitoring Dashboards",
            "2026-02-02",
            "2026-02-09",
            "7 days",
            "resolved by 2026-02-16",
            "Documentation",
            "2026-02-02",
            "2026-03-09",
            "35 days",
            "open, 35 days",
            "Rollback Procedures",
            "2026-03-02",
            "2026-03-09",
            "7 days",
            "open, 7 days",
            "Age in days at each review",
            "Load Testing",
            "0",
            "7",
            "14"));
  }

  @Test
  void forecastStatesItsMethodAndDates() {
    Forecast f = project.forecast();
    assertTrue(f.method().startsWith("Monte Carlo"), f.method());
    assertInOrder(
        text,
        List.of(
            "Method: " + fold(f.method()),
            "100% of the items",
            f.p50().toString(),
            f.p85().toString(),
            "the gate's 80%",
            f.gateP50().toString(),
            f.gateP85().toString()));
  }

  @Test
  void timelineFlagsTheLateReview() {
    assertInOrder(
        text,
        List.of(
            "Reviews and due dates",
            "2026-02-16",
            "2026-02-23",
            "2026-03-02",
            "overdue by 7 days",
            "Recommended weeks",
            "Week 1: Critical Items",
            "Completion stamps",
            "1. Security & Compliance",
            "1.1 Security Audit"));
  }

  @Test
  void columnHeadsCarryTheYearWhenTheReviewsCrossOne() throws IOException {
    String review =
        "# Y\n\n## 1. Security\n\n- [x] TLS\n- [ ] WAF\n\n## Blockers\n\n- **Pen test** - booked\n";
    ReportData years =
        PdfProbe.fixture(
            dir,
            "y",
            Map.of("2024-05-18.md", review, "2024-10-24.md", review, "2025-05-25.md", review));
    byte[] history = new PdfRenderer("A4").history(years, years.projects().get(0));
    String read = fold(PdfProbe.pdftotext(PdfProbe.file(history, dir, "years.pdf")));
    // The year stands above month and day in each column head.
    assertInOrder(
        read,
        List.of(
            "Sections over time",
            "Section 2024 2024 2025 05-18 10-24 05-25",
            "1. Security",
            "Age in days at each review",
            "Blocker 2024 2024 2025 05-18 10-24 05-25",
            "Pen test",
            "0",
            "159",
            "372"));
    assertTrue(
        text.contains("Section 02-02 02-09 02-16 03-02 03-09"), "within one year, month and day");
  }

  @Test
  void aMissingStatedScoreReadsNotApplicableAsOnTheSite() throws IOException {
    ReportData none =
        PdfProbe.fixture(dir, "n", Map.of("2026-01-05.md", "# N\n\n## 1. A\n\n- [x] a\n- [ ] b\n"));
    ProjectReport n = none.projects().get(0);
    String review =
        fold(
            PdfProbe.pdftotext(
                PdfProbe.file(new PdfRenderer("A4").review(none, n, n.latest()), dir, "r.pdf")));
    String history =
        fold(
            PdfProbe.pdftotext(
                PdfProbe.file(new PdfRenderer("A4").history(none, n), dir, "h.pdf")));
    assertInOrder(
        review,
        List.of(
            "STATED",
            "DRIFT",
            "50%",
            "n/a",
            "the checklist states no overall score",
            "n/a",
            "All sections",
            "1/2",
            "50%",
            "n/a",
            "n/a"));
    assertInOrder(history, List.of("LATEST STATED", "n/a", "drift n/a"));
    String figures = review.substring(review.indexOf("STATED"), review.indexOf("Release gate"));
    String latest =
        history.substring(history.indexOf("LATEST STATED"), history.indexOf("release gate"));
    assertTrue(
        !figures.contains("none") && !latest.contains("none"),
        "one wording for a missing score: " + figures);
  }

  @Test
  void outlineMetadataAndFonts() throws IOException {
    PdfReader reader = new PdfReader(pdf);
    List<Map<String, Object>> outline = SimpleBookmark.getBookmarkList(reader);
    assertEquals(
        List.of(
            "Overview",
            "Trend",
            "Reviews",
            "Changes between reviews",
            "Sections over time",
            "Blockers over time",
            "Forecast",
            "Timeline"),
        outline.stream().map(b -> b.get("Title")).toList());
    assertEquals("Mahavishnu MCP Ecosystem — readiness history", reader.getInfo().get("Title"));
    assertEquals(Version.generator(), reader.getInfo().get("Creator"));
    int pages = reader.getNumberOfPages();
    assertTrue(text.contains("Page " + pages + " of " + pages), "footer of the last page");
    reader.close();
    String fonts = PdfProbe.pdffonts(PdfProbe.file(pdf, dir, "history.pdf"));
    fonts
        .lines()
        .skip(2)
        .filter(l -> !l.isBlank())
        .forEach(
            row ->
                assertTrue(
                    row.matches(
                        "[A-Z]{6}\\+DejaVuSans\\S*\\s+CID TrueType\\s+Identity-H\\s+yes yes yes.*"),
                    row));
  }
}
