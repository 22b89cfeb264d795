package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfCommandTest {
  private static final String REVIEW_PDF = "projects/orion/2026-03-02/orion-2026-03-02.pdf";
  private static final String HISTORY_PDF = "projects/mahavishnu/mahavishnu-history.pdf";

  @Test
  void writesTheDocumentTheSiteBuildWrites(@TempDir Path dir) throws Exception {
    Path site = build(dir, "checklists");
    Path pdf = dir.resolve("orion.pdf");
    Cli.Result r =
        Cli.run("pdf", "--project", "orion", "--date", "2026-03-02", "-o", pdf.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("wrote " + pdf + " (orion review 2026-03-02, "), r.out());
    assertArrayEquals(Files.readAllBytes(site.resolve(REVIEW_PDF)), Files.readAllBytes(pdf));
    String text = text(pdf);
    assertTrue(text.contains("Orion Payments Gateway"), text);
    assertTrue(text.contains("Review of 2026-03-02"), text);
    // The review names its next review (2026-03-09), so only the review line tells them apart.
    assertFalse(text.contains("Review of 2026-03-09"), text);
  }

  /** The command and the site build write the same bytes, and so does the command run twice. */
  @Test
  void writesTheSameBytesAsTheSiteBuild(@TempDir Path dir) throws Exception {
    Path site = build(dir, "checklists");
    Path once = dir.resolve("once.pdf");
    Path twice = dir.resolve("twice.pdf");
    assertEquals(
        0,
        Cli.run("pdf", "--project", "orion", "--date", "2026-03-02", "-o", once.toString()).code());
    assertEquals(
        0,
        Cli.run("pdf", "--project", "orion", "--date", "2026-03-02", "-o", twice.toString())
            .code());
    assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(twice), "the same PDF twice");
    assertArrayEquals(Files.readAllBytes(site.resolve(REVIEW_PDF)), Files.readAllBytes(once));

    Path history = dir.resolve("history.pdf");
    assertEquals(
        0, Cli.run("pdf", "--project", "mahavishnu", "--history", "-o", history.toString()).code());
    assertArrayEquals(Files.readAllBytes(site.resolve(HISTORY_PDF)), Files.readAllBytes(history));
  }

  /**
   * A review's PDF and a history PDF are made from the reviews, never from the day: builds a day
   * apart (SOURCE_DATE_EPOCH 2026-03-16 and 2026-03-17, the day mahavishnu's next review becomes
   * overdue) write the same bytes, and each review PDF names the SHA-256 of its file.
   */
  @Test
  void buildsOnDifferentDaysWriteTheSamePdfs(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertEquals(
        0,
        Cli.run(
                Map.of("SOURCE_DATE_EPOCH", "1773619200"),
                Terminal.NONE,
                "build",
                "--quiet",
                "--input",
                input.toString(),
                "--output",
                first.toString())
            .code());
    assertEquals(
        1,
        Cli.run(
                Map.of("SOURCE_DATE_EPOCH", "1773705600"),
                Terminal.NONE,
                "build",
                "--quiet",
                "--input",
                input.toString(),
                "--output",
                second.toString(),
                "--strict")
            .code(),
        "a day later the next review is overdue");
    List<Path> pdfs;
    try (var files = Files.walk(first)) {
      pdfs =
          files.filter(p -> p.toString().endsWith(".pdf")).map(first::relativize).sorted().toList();
    }
    assertEquals(10, pdfs.size(), pdfs.toString());
    for (Path pdf : pdfs) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(pdf)),
          Files.readAllBytes(second.resolve(pdf)),
          pdf.toString());
    }
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(input.resolve("mahavishnu/2026-03-09.md"))));
    String text = text(first.resolve("projects/mahavishnu/2026-03-09/mahavishnu-2026-03-09.pdf"));
    assertTrue(
        text.contains(
            "Made from 2026-03-09.md (SHA-256 " + sha256.substring(0, 12) + ") by readiness"),
        text);
    assertFalse(
        text.contains("overdue"), "whether the next review is late is not the review PDF's to say");
    String site = Files.readString(second.resolve("projects/mahavishnu/index.html"));
    assertTrue(site.contains("overdue"), "the site, a view of today, says it");
  }

  @Test
  void writesTheHistoryAndTheLatestReview(@TempDir Path dir) throws Exception {
    Path site = build(dir, "checklists");
    Path history = dir.resolve("history.pdf");
    Cli.Result r = Cli.run("pdf", "--project", "mahavishnu", "--history", "-o", history.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("wrote " + history + " (mahavishnu history, "), r.out());
    assertArrayEquals(Files.readAllBytes(site.resolve(HISTORY_PDF)), Files.readAllBytes(history));

    Path latest = dir.resolve("latest.pdf");
    Cli.Result l =
        Cli.run("pdf", "--project", "mahavishnu", "--date", "latest", "-o", latest.toString());
    assertEquals(0, l.code(), l.toString());
    assertTrue(l.out().contains("(mahavishnu review 2026-03-09, "), l.out());
    assertArrayEquals(
        Files.readAllBytes(
            site.resolve("projects/mahavishnu/2026-03-09/mahavishnu-2026-03-09.pdf")),
        Files.readAllBytes(latest));
  }

  @Test
  void followsThePaperOfTheConfiguration(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(dir.resolve("readiness.yaml"), "pdf: {paper: Letter}\n");
    Path site = dir.resolve("site");
    assertEquals(
        0,
        Cli.run("build", "--quiet", "--input", input.toString(), "--output", site.toString())
            .code());
    Path pdf = dir.resolve("letter.pdf");
    assertEquals(
        0,
        Cli.run(
                "pdf",
                "--input",
                input.toString(),
                "--project",
                "orion",
                "--date",
                "2026-03-02",
                "-o",
                pdf.toString())
            .code());
    assertArrayEquals(Files.readAllBytes(site.resolve(REVIEW_PDF)), Files.readAllBytes(pdf));
    PdfReader reader = new PdfReader(pdf.toString());
    try {
      assertEquals(612, Math.round(reader.getPageSize(1).getWidth()));
      assertEquals(792, Math.round(reader.getPageSize(1).getHeight()));
    } finally {
      reader.close();
    }
  }

  @Test
  void reportsUnknownReviewsAndProjectsAsUsageErrors(@TempDir Path dir) {
    Path pdf = dir.resolve("x.pdf");
    Cli.Result date =
        Cli.run("pdf", "--project", "orion", "--date", "2026-03-03", "-o", pdf.toString());
    assertEquals(2, date.code(), date.toString());
    assertEquals(
        List.of(
            "readiness: no review of orion dated 2026-03-03; reviews: 2026-02-23, 2026-03-02, 2026-03-09"),
        date.err().lines().toList());

    Cli.Result which = Cli.run("pdf", "-o", pdf.toString());
    assertEquals(2, which.code(), which.toString());
    assertEquals(
        List.of(
            "readiness: checklists holds 2 projects; pick one with --project SLUG (mahavishnu, orion)"),
        which.err().lines().toList());

    Cli.Result both =
        Cli.run(
            "pdf", "--project", "orion", "--history", "--date", "2026-03-02", "-o", pdf.toString());
    assertEquals(2, both.code(), both.toString());
    assertEquals(
        List.of("readiness: --history is the whole project's history; leave out --date"),
        both.err().lines().toList());

    Cli.Result folder =
        Cli.run("pdf", "--project", "orion", "-o", dir.resolve("missing/x.pdf").toString());
    assertEquals(2, folder.code(), folder.toString());
    assertEquals(1, folder.err().lines().count(), folder.toString());
    assertFalse(Files.exists(pdf));
  }

  @Test
  void aFolderAsOutputGetsTheDefaultName(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("release"));
    Cli.Result existing = Cli.run("pdf", "--project", "orion", "-o", folder.toString());
    assertEquals(0, existing.code(), existing.toString());
    assertTrue(Files.isRegularFile(folder.resolve("orion-2026-03-09.pdf")), existing.toString());
    assertTrue(
        existing
            .out()
            .startsWith("wrote " + folder + "/orion-2026-03-09.pdf (orion review 2026-03-09, "),
        existing.out());

    Cli.Result slash = Cli.run("pdf", "--project", "mahavishnu", "--history", "-o", folder + "/");
    assertEquals(0, slash.code(), slash.toString());
    assertTrue(Files.isRegularFile(folder.resolve("mahavishnu-history.pdf")), slash.toString());

    Cli.Result missing = Cli.run("pdf", "--project", "orion", "-o", dir.resolve("nowhere") + "/");
    assertEquals(2, missing.code(), missing.toString());
    assertEquals(
        List.of("readiness: " + dir.resolve("nowhere") + ": no such folder to write into"),
        missing.err().lines().toList());
    assertFalse(Files.exists(dir.resolve("nowhere")));
  }

  private static Path build(Path dir, String input) {
    Path site = dir.resolve("site");
    Cli.Result r = Cli.run("build", "--quiet", "--input", input, "--output", site.toString());
    assertEquals(0, r.code(), r.toString());
    return site;
  }

  private static String text(Path pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf.toString());
    try {
      StringBuilder text = new StringBuilder();
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString();
    } finally {
      reader.close();
    }
  }

  /** The PDF with its creation and modification dates, file ID and font subset prefixes blanked. */
  @Test
  void aCharacterNoFontHasIsReportedOnTheCommandsErrorStream(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/p"));
    // U+0378 is unassigned: no font has it, on any machine.
    Files.writeString(
        input.resolve("2026-01-05.md"), "# P\n\n## 1. A\n\n- [x] Kept \u0378 here\n- [ ] Open\n");
    Path pdf = dir.resolve("p.pdf");
    Cli.Result r =
        Cli.run(
            "pdf", "--input", input.getParent().toString(), "--project", "p", "-o", pdf.toString());
    assertEquals(0, r.code(), r.toString());
    List<String> err = r.err().lines().toList();
    assertEquals(1, err.size(), r.err());
    assertTrue(
        err.get(0)
            .startsWith(
                input.getParent()
                    + "/p/2026-01-05.md: warning: 1 character (unknown: U+0378)"
                    + " have no font in the review PDF"),
        r.err());
    assertTrue(Files.size(pdf) > 0);
  }
}
