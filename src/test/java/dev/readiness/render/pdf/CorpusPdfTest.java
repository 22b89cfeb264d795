package dev.readiness.render.pdf;

import static dev.readiness.render.pdf.PdfProbe.assertInOrder;
import static dev.readiness.render.pdf.PdfProbe.fold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.lowagie.text.pdf.PdfReader;
import dev.readiness.Fixtures;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real checklist of the corpus (test resources, copied from ../shared/corpus with their
 * attribution) as a one-review project: both PDFs are made, and their text is what the file says.
 */
class CorpusPdfTest {
  @TempDir static Path dir;

  private static ReportData data;

  /** The review PDF of each corpus file, by file name. */
  private static final Map<String, byte[]> REVIEWS = new TreeMap<>();

  private static final Map<String, byte[]> HISTORIES = new TreeMap<>();

  @BeforeAll
  static void renderEveryFile() throws IOException {
    List<String> names;
    try (Stream<Path> list = Files.list(Fixtures.resourcePath("corpus"))) {
      names =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
              .sorted()
              .toList();
    }
    Map<String, String> projects = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      String slug = "c" + (i + 1);
      Path folder = Files.createDirectories(dir.resolve("input").resolve(slug));
      Files.writeString(
          folder.resolve("2026-01-05.md"), Fixtures.resource("corpus/" + names.get(i)));
      projects.put(slug, names.get(i));
    }
    data = PdfProbe.analyze(dir.resolve("input"), Settings.DEFAULTS);
    PdfRenderer renderer = new PdfRenderer("A4", problem -> {});
    for (ProjectReport project : data.projects()) {
      String name = projects.get(project.slug());
      REVIEWS.put(name, renderer.review(data, project, project.latest()));
      HISTORIES.put(name, renderer.history(data, project));
    }
  }

  @Test
  void everyCorpusFileGivesBothPdfs() throws IOException {
    assertEquals(31, REVIEWS.size(), "every corpus file is a project of its own");
    List<String> failures = new ArrayList<>();
    for (Map<String, byte[]> pdfs : List.of(REVIEWS, HISTORIES)) {
      for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
        PdfReader reader = new PdfReader(e.getValue());
        if (reader.getNumberOfPages() < (pdfs == REVIEWS ? 3 : 2)) {
          failures.add(e.getKey() + ": " + reader.getNumberOfPages() + " pages");
        }
        reader.close();
      }
    }
    assertTrue(failures.isEmpty(), failures.toString());
  }

  @Test
  void headingsWithStatusMarksAndNoItemsKeepTheirWordsAndMarks() {
    assumeFalse(PdfProbe.popplerMissing());
    String text = layout("lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-02.md");
    assertTrue(
        text.contains("Phase 4: Production Hardening - COMPLETE ✔ 6"),
        "in the contents, with its page");
    // Its status table makes "Testing Summary - COMPLETE ✅" a section of items (docs/format.md,
    // Status tables).
    assertTrue(
        text.contains("Sections 3 Testing Summary 3"), "a section, in the contents, with its page");
    assertInOrder(
        text,
        List.of(
            "Notes and the rest of the document",
            "Phase 4: Production Hardening - COMPLETE ✔",
            "Production Deployment Readiness",
            "Files Created in Phase 4"));
  }

  @Test
  void theTextOfAFewFilesReadsBack() {
    assumeFalse(PdfProbe.popplerMissing());
    String shieldfy = layout("shieldfy__API-Security-Checklist__README.md");
    assertTrue(shieldfy.contains("API Security Checklist"), "its title");
    assertTrue(
        shieldfy.contains("☐ Use HTTPS on server side with TLS 1.2+ and secure ciphers"),
        "an item with its box");
    String committee = layout("lesleslie__mahavishnu__COMMITTEE_REVIEW_STATUS@2026-01-25.md");
    assertInOrder(
        committee,
        List.of(
            "Review #1: QA Lead",
            "0 of 5 done",
            "declared complete",
            "☐ Add testing strategy section",
            "Review #5: Security Specialist",
            "☐ OpenSearch TLS/HTTPS configuration"));
  }

  /** The text of a file's review PDF by pdftotext -layout, whitespace folded. */
  private static String layout(String name) {
    byte[] pdf = REVIEWS.get(name);
    assertTrue(pdf != null, "no PDF for " + name);
    return fold(PdfProbe.pdftotext(PdfProbe.file(pdf, dir, "review.pdf")));
  }
}
