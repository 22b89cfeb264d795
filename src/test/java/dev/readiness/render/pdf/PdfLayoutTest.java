package dev.readiness.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.render.pdf.PdfProbe.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where things land on the page: no ink in the margins on any page, nested items indented by their
 * depth, long identifiers broken inside their own table column.
 */
class PdfLayoutTest {
  /**
   * The margins of docs/pdf.md in points: 54 left and right; the header and footer lie inside 24 pt
   * of the edges.
   */
  private static final int SIDE = 54;

  private static final int EDGE = 24;

  /** Anti-aliasing may grey the pixel beside a glyph or rule that touches the margin. */
  private static final int SLACK = 2;

  static final String LAYOUT =
      """
      # Layout

      **Date**: 2026-01-05

      ## 1. Nesting

      - [ ] Parent item
        - [ ] Child item
          - [x] Grandchild item
      - [ ] Second parent with a long line that wraps onto a second line, to see that the wrapped line \
      starts under the text and not under the box, whatever the width of the page is today
      - Bullet parent
        - Bullet child

      ## Notes

      | Setting | Value | Notes |
      |---|---|---|
      | spring.datasource.hikari.maximumPoolSizeForProductionWorkloads | 50 | see com.example.platform.persistence.configuration.HikariConnectionPoolSettingsProviderFactoryBean |
      | short | 1 | AVeryLongIdentifierWithoutAnyBreakOpportunityWhatsoeverThatGoesOnAndOnAndOnForever |

      A paragraph with com.example.platform.persistence.configuration.HikariConnectionPoolSettingsProviderFactoryBeanImplementation in it.
      """;

  @TempDir Path dir;

  @Test
  void noInkLeavesTheMarginsOnAnyPage() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    Map<String, byte[]> pdfs = new LinkedHashMap<>();
    ReportData example = PdfProbe.example();
    PdfRenderer renderer = new PdfRenderer("A4");
    for (ProjectReport p : example.projects()) {
      Review r = p.latest();
      pdfs.put(p.slug() + "-" + r.date(), renderer.review(example, p, r));
      pdfs.put(p.slug() + "-history", renderer.history(example, p));
    }
    ReportData layout = PdfProbe.fixture(dir, "layout", Map.of("2026-01-05.md", LAYOUT));
    pdfs.put(
        "layout",
        renderer.review(layout, layout.projects().get(0), layout.projects().get(0).latest()));
    ReportData rtl =
        PdfProbe.fixture(
            dir.resolve("rtl"), "rtl", Map.of("2026-01-05.md", RightToLeftPdfTest.ARABIC));
    pdfs.put("arabic", renderer.review(rtl, rtl.projects().get(0), rtl.projects().get(0).latest()));
    pdfs.put(
        "letter-seed",
        new PdfRenderer("Letter")
            .review(
                example, example.projects().get(0), example.projects().get(0).reviews().get(0)));

    List<String> inked = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
      Path pages = Files.createDirectories(dir.resolve("png-" + e.getKey()));
      for (Path png :
          PdfProbe.pngs(PdfProbe.file(e.getValue(), dir, e.getKey() + ".pdf"), pages, 72)) {
        String where = inkInMargins(ImageIO.read(png.toFile()));
        if (where != null) {
          inked.add(e.getKey() + " " + png.getFileName() + ": " + where);
        }
      }
    }
    assertTrue(inked.isEmpty(), "ink in the margins: " + inked);
  }

  /** Where a page rendered at 72 dpi (a pixel a point) has ink in its margins, or null. */
  static String inkInMargins(BufferedImage page) {
    int w = page.getWidth();
    int h = page.getHeight();
    for (int y = 0; y < h; y++) {
      boolean band = y < EDGE || y >= h - EDGE;
      for (int x = 0; x < w; x++) {
        if (!band && x == SIDE - SLACK) {
          x = w - SIDE + SLACK;
        }
        if (inked(page.getRGB(x, y))) {
          return "x " + x + ", y " + y + " of " + w + " × " + h;
        }
      }
    }
    return null;
  }

  private static boolean inked(int rgb) {
    return ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 3 * 245;
  }

  @Test
  void theMarginCheckSeesInkInAMargin() {
    BufferedImage page = new BufferedImage(595, 842, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 842; y++) {
      for (int x = 0; x < 595; x++) {
        page.setRGB(x, y, 0xFFFFFF);
      }
    }
    assertEquals(null, inkInMargins(page));
    page.setRGB(60, 400, 0x000000);
    assertEquals(null, inkInMargins(page), "inside the text block");
    page.setRGB(40, 400, 0x000000);
    assertEquals("x 40, y 400 of 595 × 842", inkInMargins(page));
  }

  @Test
  void nestedItemsAreIndentedByTheirDepthAndWrappedLinesHangUnderTheText() {
    assumeFalse(PdfProbe.popplerMissing());
    List<Word> words = words(LAYOUT);
    Word parent = word(words, "Parent");
    Word child = word(words, "Child");
    Word grandchild = word(words, "Grandchild");
    assertEquals(14, child.xMin() - parent.xMin(), 0.5, "a nested item is indented one step");
    assertEquals(14, grandchild.xMin() - child.xMin(), 0.5, "two levels, two steps");
    Word box = before(words, parent);
    Word childBox = before(words, child);
    assertEquals("☐", box.text());
    assertEquals(14, childBox.xMin() - box.xMin(), 0.5, "its box too");
    assertTrue(box.xMin() >= SIDE, "the box is inside the margin: " + box);
    Word second = word(words, "Second");
    double wrapped =
        words.stream()
            .filter(
                w ->
                    w.page() == second.page()
                        && w.yMin() > second.yMax()
                        && w.yMin() < second.yMax() + 10)
            .mapToDouble(Word::xMin)
            .min()
            .orElseThrow();
    assertEquals(second.xMin(), wrapped, 0.5, "a wrapped line starts under the text");
    List<Word> bullets = words.stream().filter(w -> w.text().equals("Bullet")).toList();
    assertEquals(14, bullets.get(1).xMin() - bullets.get(0).xMin(), 0.5, "bullets nest too");
  }

  @Test
  void longIdentifiersBreakInsideTheirColumnAtDotsAndWords() {
    assumeFalse(PdfProbe.popplerMissing());
    List<Word> words = words(LAYOUT);
    Word value = word(words, "Value");
    Word notes =
        words.stream()
            .filter(
                w ->
                    w.text().equals("Notes")
                        && w.yMin() > value.yMin() - 1
                        && w.yMin() < value.yMax())
            .findFirst()
            .orElseThrow();
    double row = value.yMax();
    List<Word> first = new ArrayList<>();
    List<Word> third = new ArrayList<>();
    for (Word w : words) {
      if (w.page() != value.page() || w.yMin() < row || w.yMin() > row + 60) {
        continue;
      }
      if (w.xMin() < value.xMin() - 6) {
        first.add(w);
      } else if (w.xMin() >= notes.xMin() - 1) {
        third.add(w);
      }
    }
    for (Word w : first) {
      assertTrue(w.xMax() <= value.xMin() - 4, "\"" + w.text() + "\" runs into the Value column");
    }
    for (Word w : third) {
      assertTrue(w.xMax() <= 595 - SIDE + 0.5, "\"" + w.text() + "\" runs into the margin");
    }
    String identifier = "spring.datasource.hikari.maximumPoolSizeForProductionWorkloads";
    List<String> pieces = first.stream().map(Word::text).filter(t -> !t.equals("short")).toList();
    assertTrue(pieces.size() > 1, "broken: " + pieces);
    assertEquals(identifier, String.join("", pieces));
    for (int i = 0; i + 1 < pieces.size(); i++) {
      String piece = pieces.get(i);
      char last = piece.charAt(piece.length() - 1);
      char next = pieces.get(i + 1).charAt(0);
      assertTrue(
          last == '.' || Character.isLowerCase(last) && Character.isUpperCase(next),
          "broken at a dot or between words: " + pieces);
    }
    assertTrue(
        third.stream().anyMatch(w -> w.text().equals("ProviderFactoryBean")),
        "camel case: " + third);
  }

  private List<Word> words(String markdown) {
    ReportData data = PdfProbe.fixture(dir, "layout", Map.of("2026-01-05.md", markdown));
    ProjectReport project = data.projects().get(0);
    try {
      byte[] pdf = new PdfRenderer("A4").review(data, project, project.latest());
      return PdfProbe.words(PdfProbe.file(pdf, dir, "layout.pdf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first word {@code text} after the contents page. */
  private static Word word(List<Word> words, String text) {
    return words.stream()
        .filter(w -> w.page() > 1 && w.text().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no word " + text));
  }

  private static Word before(List<Word> words, Word word) {
    int at = words.indexOf(word);
    assertFalse(at <= 0, "nothing before " + word);
    return words.get(at - 1);
  }
}
