package dev.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.render.OutputTree;
import dev.readiness.render.SitePaths;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renderer that fails on one review or project costs that output only: one error names the file
 * and the stage, the page says the PDF could not be made, every other file is written and in place,
 * and the next build tries again.
 */
class RenderFailureTest {
  @TempDir Path dir;
  Path input;
  Path site;

  @BeforeEach
  void setUp() throws IOException {
    input = ExampleData.copy(dir);
    site = dir.resolve("site");
  }

  private BuildPipeline.Options options(Path templates) {
    return new BuildPipeline.Options(
        input, "checklists", Settings.DEFAULTS, templates, true, 2, ExampleData.CLOCK);
  }

  private BuildPipeline.Result build(SiteRenderer.PdfMakers pdfs, Path templates)
      throws IOException {
    return BuildPipeline.build(
        options(templates),
        site,
        OutputTree.Foreign.REFUSE,
        BuildPipeline.Progress.NONE,
        false,
        o -> new SiteRenderer(templates, pdfs, 2));
  }

  @Test
  void aPdfRendererThatThrowsOnOneReviewCostsThatReviewsPdfOnly() throws IOException {
    BuildPipeline.Result result = build(failing("orion", "2026-03-02", false), null);

    assertEquals(
        List.of(
            "checklists/orion/2026-03-02.md: error: the review PDF could not be made"
                + " (IllegalStateException: planted for the test); it is left out and the rest of the site is built;"
                + " please report this with the file [RENDER_FAILED]"),
        errors(result));
    List<String> missing = List.of("projects/orion/2026-03-02/orion-2026-03-02.pdf");
    List<String> expected = new ArrayList<>(allPdfs(result.data()));
    expected.removeAll(missing);
    assertEquals(expected, pdfsIn(site), "every other PDF is written");
    assertEquals(9, result.stats().pdfs(), "2 history PDFs and 7 of 8 review PDFs");

    Document page = Jsoup.parse(site.resolve("projects/orion/2026-03-02/index.html").toFile());
    assertTrue(page.select("a[href$=.pdf]").isEmpty(), "no link to a PDF that is not there");
    assertEquals(
        "No PDF: it could not be made (the build named the reason)",
        page.select("nav.pager .pdf").text());
    Document other = Jsoup.parse(site.resolve("projects/orion/2026-03-09/index.html").toFile());
    assertEquals("orion-2026-03-09.pdf", other.select("nav.pager a.pdf").attr("href"));

    BuildPipeline.Result again = build(SiteRenderer.PdfMakers.BUNDLED, null);
    assertFalse(again.summary().upToDate(), "a review whose output failed is made again");
    assertEquals(List.of(), errors(again));
    assertEquals(allPdfs(again.data()), pdfsIn(site));
    assertEquals(
        "orion-2026-03-02.pdf",
        Jsoup.parse(site.resolve("projects/orion/2026-03-02/index.html").toFile())
            .select("nav.pager a.pdf")
            .attr("href"),
        "its page, made again, links the PDF");
    assertTrue(build(SiteRenderer.PdfMakers.BUNDLED, null).summary().upToDate());
  }

  @Test
  void aHistoryPdfThatFailsIsNamedByItsProjectFolderAndLeftOut() throws IOException {
    BuildPipeline.Result result = build(failing("mahavishnu", null, true), null);

    assertEquals(
        List.of(
            "checklists/mahavishnu: error: the history PDF could not be made (IllegalStateException:"
                + " planted for the test); it is left out and the rest of the site is built; please report this with the"
                + " file [RENDER_FAILED]"),
        errors(result));
    assertFalse(Files.exists(site.resolve("projects/mahavishnu/mahavishnu-history.pdf")));
    assertEquals(allPdfs(result.data()).size() - 1, pdfsIn(site).size());
    Document page = Jsoup.parse(site.resolve("projects/mahavishnu/index.html").toFile());
    assertTrue(page.select("a[href$=history.pdf]").isEmpty());
    assertTrue(
        page.select("p.meta").text().contains("No history PDF: it could not be made"),
        page.select("p.meta").text());
    assertFalse(build(SiteRenderer.PdfMakers.BUNDLED, null).summary().upToDate());
    assertTrue(Files.isRegularFile(site.resolve("projects/mahavishnu/mahavishnu-history.pdf")));
    assertFalse(
        Jsoup.parse(site.resolve("projects/mahavishnu/index.html").toFile())
            .select("a[href$=history.pdf]")
            .isEmpty(),
        "the project page, made again, links the history PDF");
  }

  @Test
  void aPageWhoseTemplateFailsOnOneReviewIsLeftOutAndNamed() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("theme"));
    Files.writeString(
        templates.resolve("review.ftlh"),
        "<#if review.file?ends_with(\"2026-02-09.md\")>${noSuchValue}</#if>"
            + Files.readString(Path.of("templates/review.ftlh")));
    BuildPipeline.Result result = build(SiteRenderer.PdfMakers.BUNDLED, templates);

    List<String> errors = errors(result);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors
            .get(0)
            .startsWith(
                "checklists/mahavishnu/2026-02-09.md: error: the review page could not be"
                    + " made (IOException: template review.ftlh: "),
        errors.get(0));
    assertTrue(
        errors
            .get(0)
            .endsWith(
                "; it is left out and the rest of the site is built; please report this with"
                    + " the file [RENDER_FAILED]"),
        errors.get(0));
    assertFalse(
        Files.exists(site.resolve("projects/mahavishnu/2026-02-09/index.html")),
        "no half-written page");
    assertTrue(
        Files.exists(site.resolve("projects/mahavishnu/2026-02-09/mahavishnu-2026-02-09.pdf")));
    assertTrue(Files.exists(site.resolve("projects/mahavishnu/2026-02-16/index.html")));
    assertFalse(OutputTree.manifest(site).contains("projects/mahavishnu/2026-02-09/index.html"));
    assertFalse(Files.exists(site.resolve(OutputTree.STAGING)));
  }

  /**
   * The bundled PDF maker, but one that throws on {@code slug}'s review of {@code date}, or its
   * history.
   */
  private static SiteRenderer.PdfMakers failing(String slug, String date, boolean history) {
    return (paper, warnings) -> {
      SiteRenderer.PdfMaker real = SiteRenderer.PdfMakers.BUNDLED.forPaper(paper, warnings);
      return new SiteRenderer.PdfMaker() {
        @Override
        public byte[] review(ReportData data, ProjectReport project, Review review)
            throws IOException {
          if (!history && project.slug().equals(slug) && review.date().toString().equals(date)) {
            throw new IllegalStateException("planted for the test");
          }
          return real.review(data, project, review);
        }

        @Override
        public byte[] history(ReportData data, ProjectReport project) throws IOException {
          if (history && project.slug().equals(slug)) {
            throw new IllegalStateException("planted for the test");
          }
          return real.history(data, project);
        }
      };
    };
  }

  private static List<String> errors(BuildPipeline.Result result) {
    return result.summary().problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .map(Problem::toString)
        .toList();
  }

  /** Every PDF a whole build writes, sorted. */
  static List<String> allPdfs(ReportData data) {
    List<String> pdfs = new ArrayList<>();
    for (ProjectReport p : data.projects()) {
      pdfs.add(SitePaths.historyPdf(p));
      p.reviews().forEach(r -> pdfs.add(SitePaths.reviewPdf(p, r)));
    }
    pdfs.sort(null);
    return pdfs;
  }

  /** The PDFs under a site folder, by relative path, sorted. */
  static List<String> pdfsIn(Path site) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(p -> p.toString().endsWith(".pdf"))
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
