package dev.readiness.render.pdf;

import static dev.readiness.render.pdf.PdfProbe.assertInOrder;
import static dev.readiness.render.pdf.PdfProbe.fold;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import dev.readiness.Version;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.model.Item;
import dev.readiness.model.Problem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review PDF of the seed review (mahavishnu 2026-02-02), checked against hand counts. */
class ReviewPdfTest {
  /**
   * Section labels and figures of the seed, counted by hand: label, done/total, %, stated, drift.
   */
  private static final String[][] SEED_SECTIONS = {
    {"1. Security & Compliance", "6/23", "26.1%", "70%", "−43.9"},
    {"2. Monitoring & Observability", "12/18", "66.7%", "75%", "−8.3"},
    {"3. Resilience & Fault Tolerance", "13/13", "100%", "100%", "±0"},
    {"4. Performance & Scalability", "5/19", "26.3%", "40%", "−13.7"},
    {"5. Infrastructure & Deployment", "0/20", "0%", "20%", "−20"},
    {"6. Documentation", "0/20", "0%", "40%", "−40"},
    {"7. Testing Quality", "0/20", "0%", "30%", "−30"},
    {"8. Operational Readiness", "3/21", "14.3%", "60%", "−45.7"},
    {"9. Compliance & Governance", "0/15", "0%", "20%", "−20"},
    {"10. Release Readiness", "0/15", "0%", "10%", "−10"},
  };

  private static final List<String> SEED_BLOCKERS =
      List.of(
          "Load Testing",
          "CI/CD Pipeline",
          "Unit Test Coverage",
          "Monitoring Dashboards",
          "Documentation");

  private static ReportData data;
  private static ProjectReport project;
  private static Review seed;
  private static byte[] pdf;
  private static List<String> pages;

  @TempDir Path dir;

  @BeforeAll
  static void render() throws IOException {
    data = PdfProbe.example();
    project = PdfProbe.project(data, "mahavishnu");
    seed = PdfProbe.review(project, "2026-02-02");
    pdf = new PdfRenderer("A4").review(data, project, seed);
    pages = PdfProbe.pages(pdf);
  }

  @Test
  void coverShowsProjectDateFiguresDriftVerdictAndGenerator() throws IOException {
    String cover = fold(pages.get(0));
    assertInOrder(
        cover,
        List.of(
            "PRODUCTION READINESS REVIEW",
            "Mahavishnu MCP Ecosystem",
            "Review of 2026-02-02",
            "version 1.0",
            "21.2%",
            "39 of 184 items checked",
            "52/100",
            "−30.8",
            "Release gate: not passed",
            "21.2% complete is below the minimum of 80%",
            "5 open blockers (at most 0 allowed)"));
    assertInOrder(cover, List.of("Open blockers", "5", "Next review", "2026-02-09"));
    String sha256 = seed.snapshot().sha256();
    assertEquals(
        sha256(Path.of("checklists/mahavishnu/2026-02-02.md")), sha256, "the file's own SHA-256");
    assertTrue(
        cover.contains("checklists/mahavishnu/2026-02-02.md · SHA-256 " + sha256.substring(0, 12)),
        cover);
    assertTrue(
        cover.contains(
            "Made from 2026-02-02.md (SHA-256 "
                + sha256.substring(0, 12)
                + ") by "
                + Version.generator()),
        "the footer says what the PDF was made from, and never when: " + cover);
  }

  @Test
  void summaryShowsTheHandCountedFiguresOfEverySectionInOrder() {
    String summary = fold(pages.get(1));
    List<String> expected = new ArrayList<>();
    for (String[] row : SEED_SECTIONS) {
      expected.addAll(List.of(row));
    }
    expected.addAll(List.of("All sections", "39/184", "21.2%", "52/100", "−30.8"));
    assertInOrder(summary, expected);
  }

  @Test
  void figuresAreTheOnesTheAnalysisGivesTheSite() {
    assertEquals(39, seed.done());
    assertEquals(184, seed.total());
    for (int i = 0; i < SEED_SECTIONS.length; i++) {
      var f = seed.sections().get(i);
      assertEquals(SEED_SECTIONS[i][0], f.section().label());
      assertEquals(SEED_SECTIONS[i][1], f.done() + "/" + f.total());
    }
  }

  @Test
  void everySectionTitleBlockerAndWarningIsInTheText() {
    String all = fold(String.join(" ", pages));
    for (String[] row : SEED_SECTIONS) {
      assertTrue(all.contains(row[0]), row[0]);
    }
    int at = all.indexOf("Open blockers (5)", all.indexOf("Sign-off"));
    assertTrue(at > 0, "the blockers part is missing");
    List<String> blockers = new ArrayList<>();
    for (String title : SEED_BLOCKERS) {
      blockers.addAll(List.of(title, "2026-02-02", "0 days"));
    }
    assertInOrder(all.substring(at), blockers);
    assertEquals(
        14,
        seed.warnings().size(),
        "warnings of the seed: 8 drifts, 3 complete-with-open, 1 each of the rest");
    for (Problem w : seed.warnings()) {
      assertTrue(all.contains(w.code()), w.toString());
      assertTrue(
          PdfProbe.withoutMarks(all).contains(PdfProbe.withoutMarks(w.message())), w.toString());
    }
  }

  @Test
  void everyItemHasItsDrawnBoxAndEveryOpenItemIsListed() {
    assumeFalse(PdfProbe.popplerMissing());
    String text = PdfProbe.pdftotext(PdfProbe.file(pdf, dir, "seed.pdf"));
    assertEquals(145, count(text, "☐"), "open boxes (184 items, 39 checked)");
    assertEquals(39, count(text, "☑"), "checked boxes");
    String folded = fold(text);
    int open = 0;
    for (Item item : seed.snapshot().items()) {
      String expected = (item.done() ? "☑ " : "☐ ") + fold(PdfProbe.asShown(item.text()));
      assertTrue(folded.contains(expected), "missing: " + expected);
      open += item.done() ? 0 : 1;
    }
    assertEquals(145, open);
    assertTrue(
        folded.contains("☐ Session-Buddy encryption implemented (Phase 3) ✔ ⚠ CHECKMARK_UNCHECKED"),
        "the checkmark on an open item is a drawn mark and the line carries its warning");
  }

  @Test
  void outlineHasEveryPartWithTheSectionsBelowAndContentsLinksToThem() throws IOException {
    PdfReader reader = new PdfReader(pdf);
    List<Map<String, Object>> outline = SimpleBookmark.getBookmarkList(reader);
    List<String> titles = outline.stream().map(b -> (String) b.get("Title")).toList();
    assertEquals(
        List.of(
            "Overview",
            "Summary by section",
            "Sections",
            "Open blockers (5)",
            "Changes since the previous review",
            "Warnings (14)",
            "Recommended timeline",
            "Notes and the rest of the document",
            "Sign-off"),
        titles);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sections = (List<Map<String, Object>>) outline.get(2).get("Kids");
    assertEquals(
        List.of(SEED_SECTIONS).stream().map(r -> r[0]).toList(),
        sections.stream().map(b -> (String) b.get("Title")).toList());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notes = (List<Map<String, Object>>) outline.get(7).get("Kids");
    assertEquals(
        List.of("Instructions", "Overall Progress", "Quick Reference", "Notes"),
        notes.stream().map(b -> (String) b.get("Title")).toList());

    Map<String, Integer> pageOf = destinationPages(reader);
    assertEquals(1, pageOf.get("overview"));
    assertEquals(2, pageOf.get("summary"));
    String cover = fold(pages.get(0));
    for (String[] entry :
        new String[][] {
          {"Summary by section", "summary"},
          {"Sections", "sections"},
          {"1. Security & Compliance", "s1"},
          {"10. Release Readiness", "s10"},
          {"Open blockers (5)", "blockers"},
          {"Warnings (14)", "warnings"},
          {"Sign-off", "signoff"}
        }) {
      int page = pageOf.get(entry[1]);
      assertTrue(
          cover.matches(".*\\Q" + entry[0] + "\\E ?" + page + "\\b.*"),
          entry[0] + " on page " + page);
      assertTrue(
          fold(pages.get(page - 1)).contains(entry[0]), entry[0] + " is not on page " + page);
    }
    reader.close();
  }

  /** The page of every named destination. */
  static Map<String, Integer> destinationPages(PdfReader reader) {
    Map<Integer, Integer> pageByObject = new HashMap<>();
    for (int i = 1; i <= reader.getNumberOfPages(); i++) {
      pageByObject.put(reader.getPageOrigRef(i).getNumber(), i);
    }
    Map<String, Integer> pages = new HashMap<>();
    reader
        .getNamedDestination()
        .forEach(
            (name, dest) -> {
              PdfArray array = (PdfArray) PdfReader.getPdfObject(dest);
              PdfObject page = array.getPdfObject(0);
              pages.put(
                  String.valueOf(name),
                  pageByObject.get(((com.lowagie.text.pdf.PRIndirectReference) page).getNumber()));
            });
    return pages;
  }

  @Test
  void metadataNamesTheReviewAndTheToolVersion() throws IOException {
    PdfReader reader = new PdfReader(pdf);
    Map<String, String> info = reader.getInfo();
    assertEquals("Mahavishnu MCP Ecosystem — readiness review 2026-02-02", info.get("Title"));
    assertTrue(
        info.get("Subject").contains("21.2% computed (39 of 184 items), stated 52"),
        info.get("Subject"));
    assertTrue(
        info.get("Keywords").contains("mahavishnu") && info.get("Keywords").contains("2026-02-02"));
    assertEquals(Version.generator(), info.get("Creator"));
    assertFalse(info.get("Author").isBlank());
    assertTrue(
        info.get("CreationDate").startsWith("D:20260202000000"),
        "the review's date: " + info.get("CreationDate"));
    assertEquals(info.get("CreationDate"), info.get("ModDate"));
    reader.close();
  }

  @Test
  void everyPageHasHeaderAndPageXOfYFooterOnA4() throws IOException {
    int n = pages.size();
    assertTrue(n >= 10 && n <= 20, n + " pages");
    PdfReader reader = new PdfReader(pdf);
    for (int i = 1; i <= n; i++) {
      String page = fold(pages.get(i - 1));
      assertTrue(page.matches(".*Page " + i + " of ?" + n + "\\b.*"), "footer of page " + i);
      if (i > 1) {
        assertTrue(
            page.contains("Mahavishnu MCP Ecosystem · review 2026-02-02"), "header of page " + i);
      }
      assertEquals(595, Math.round(reader.getPageSize(i).getWidth()));
      assertEquals(842, Math.round(reader.getPageSize(i).getHeight()));
    }
    reader.close();
  }

  @Test
  void letterPaperGivesLetterPages() throws IOException {
    byte[] letter = new PdfRenderer("Letter").review(data, project, seed);
    PdfReader reader = new PdfReader(letter);
    for (int i = 1; i <= reader.getNumberOfPages(); i++) {
      assertEquals(612, Math.round(reader.getPageSize(i).getWidth()));
      assertEquals(792, Math.round(reader.getPageSize(i).getHeight()));
    }
    reader.close();
    assertInOrder(
        fold(String.join(" ", PdfProbe.pages(letter))),
        List.of("Summary by section", "10. Release Readiness", "0/15", "0%", "10%", "−10"));
  }

  @Test
  void paperOtherThanA4OrLetterIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> new PdfRenderer("A3"));
    assertTrue(e.getMessage().contains("A4 or Letter"));
  }

  @Test
  void everyFontIsEmbedded() {
    assumeFalse(PdfProbe.popplerMissing());
    String fonts = PdfProbe.pdffonts(PdfProbe.file(pdf, dir, "seed.pdf"));
    List<String> rows = fonts.lines().skip(2).filter(l -> !l.isBlank()).toList();
    assertEquals(3, rows.size(), fonts);
    for (String row : rows) {
      assertTrue(
          row.matches(
              "[A-Z]{6}\\+DejaVuSans(-Bold|Mono)?\\s+CID TrueType\\s+Identity-H\\s+yes yes yes.*"),
          row);
    }
  }

  @Test
  void chartsAreVectorsNotImages() throws IOException {
    PdfReader reader = new PdfReader(pdf);
    int forms = 0;
    for (int i = 1; i <= reader.getNumberOfPages(); i++) {
      forms += countXObjects(reader.getPageN(i), 0);
    }
    assertTrue(forms > 0, "the chart and marks are form XObjects");
    reader.close();
  }

  /** Counts form XObjects below a page or form, failing on any image XObject. */
  private static int countXObjects(PdfDictionary holder, int depth) {
    PdfDictionary resources = (PdfDictionary) PdfReader.getPdfObject(holder.get(PdfName.RESOURCES));
    if (resources == null || depth > 5) {
      return 0;
    }
    PdfDictionary xobjects = (PdfDictionary) PdfReader.getPdfObject(resources.get(PdfName.XOBJECT));
    if (xobjects == null) {
      return 0;
    }
    int forms = 0;
    for (PdfName name : xobjects.getKeys()) {
      PdfDictionary x = (PdfDictionary) PdfReader.getPdfObject(xobjects.get(name));
      assertFalse(PdfName.IMAGE.equals(x.get(PdfName.SUBTYPE)), "a bitmap image in the PDF");
      forms += 1 + countXObjects(x, depth + 1);
    }
    return forms;
  }

  @Test
  void noPageIsBlank() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    List<Path> pngs = PdfProbe.pngs(PdfProbe.file(pdf, dir, "seed.pdf"), dir);
    assertEquals(pages.size(), pngs.size());
    for (Path png : pngs) {
      BufferedImage image = ImageIO.read(png.toFile());
      int inked = 0;
      int top = image.getHeight() / 10;
      int bottom = image.getHeight() - image.getHeight() / 10;
      for (int y = top; y < bottom; y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          int lightness = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
          inked += lightness < 600 ? 1 : 0;
        }
      }
      double share = inked / (double) (image.getWidth() * (bottom - top));
      assertTrue(share > 0.005, png.getFileName() + " is blank (" + share + " inked)");
    }
  }

  @Test
  void sameDataGivesByteIdenticalPdfsOnAnyThread() throws Exception {
    PdfRenderer renderer = new PdfRenderer("A4");
    assertArrayEquals(pdf, renderer.review(data, project, seed));
    List<byte[]> sequential = new ArrayList<>();
    for (ProjectReport p : data.projects()) {
      for (Review r : p.reviews()) {
        sequential.add(renderer.review(data, p, r));
      }
      sequential.add(renderer.history(data, p));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 2; round++) {
        List<Future<byte[]>> parallel = new ArrayList<>();
        for (ProjectReport p : data.projects()) {
          for (Review r : p.reviews()) {
            parallel.add(pool.submit(() -> renderer.review(data, p, r)));
          }
          parallel.add(pool.submit(() -> renderer.history(data, p)));
        }
        for (int i = 0; i < parallel.size(); i++) {
          assertArrayEquals(
              sequential.get(i), parallel.get(i).get(), "document " + i + " in round " + round);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aHeadingWithAStatusMarkAndNoItemsIsANotesHeadingWithItsMark() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    ReportData minimal =
        PdfProbe.fixture(
            dir, "t", Map.of("2026-01-05.md", "# T\n\n## A\n\n- [ ] x\n\n## Done ✅\n\ntext\n"));
    ProjectReport t = minimal.projects().get(0);
    byte[] review = new PdfRenderer("A4").review(minimal, t, t.latest());
    String text = fold(PdfProbe.pdftotext(PdfProbe.file(review, dir, "minimal.pdf")));
    assertInOrder(
        text,
        List.of(
            "Contents",
            "A 3",
            "Notes and the rest of the document 4",
            "Done ✔ 4",
            "Sections",
            "A",
            "☐ x",
            "Notes and the rest of the document",
            "Done ✔",
            "text",
            "Sign-off"));
  }

  @Test
  void seedReviewStaysUnder300Kilobytes() {
    assertTrue(pdf.length < 300 * 1024, pdf.length + " bytes");
  }

  static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(java.nio.file.Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }
}
