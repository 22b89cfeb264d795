package dev.readiness.render.pdf;

import static dev.readiness.render.pdf.PdfProbe.fold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.model.Problem;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A review in many scripts and full of emoji keeps every letter the embedded fonts cover. */
class UnicodePdfTest {
  private static final String LATIN =
      "Contrôle d'accès configuré à Zürich, Łódź, São Paulo, Ñandú, Ørsted, Şişli";
  private static final String GREEK = "Έλεγχος ασφαλείας ολοκληρώθηκε";
  private static final String CYRILLIC = "Резервное копирование проверено";
  private static final String ARABIC = "مراجعة الأمان مكتملة";
  private static final String HEBREW = "שלום עולם";
  private static final String CJK = "安全审查完成";

  private static final String CHECKLIST =
      """
      # Préparation — Ελληνικά — Проверка

      **Date**: 2026-03-02
      **Project**: Café Zürich Ωmega

      ## Section 1: Sécurité ✅

      - [x] %s
      - [ ] %s 🔐
      - [ ] %s 🚀
      - [ ] %s
      - [ ] %s
      - [ ] Review with the team: %s

      ## Section 2: Überprüfung ⚠️

      - [ ] Rollback drill 🔥 done? 🟡 ⏳ ⬜ ⚠️ ❌ ✅ by 👩‍💻 in 🇫🇷

      ## Blockers

      - **Сертификат TLS** - ожидает подписи ❌
      """
          .formatted(LATIN, GREEK, CYRILLIC, ARABIC, HEBREW, CJK);

  @TempDir Path dir;

  @Test
  void everyLetterTheEmbeddedFontsCoverSurvivesInTheExtractedText() {
    assumeFalse(PdfProbe.popplerMissing());
    List<Problem> warnings = new ArrayList<>();
    String text = extract(render(warnings));
    for (String words :
        List.of(
            LATIN,
            GREEK,
            CYRILLIC,
            "Café Zürich Ωmega",
            "Сертификат TLS",
            "ожидает подписи",
            "Sécurité",
            "Überprüfung")) {
      assertTrue(text.contains(words), "missing: " + words);
    }
    assertTrue(text.contains(ARABIC), "Arabic, shaped for display, reads back as its letters");
    assertTrue(text.contains(HEBREW), "Hebrew");
    assertFalse(text.contains("\uFFFD"), "no replacement character");
  }

  @Test
  void statusEmojiBecomeDrawnMarksAndOtherEmojiBecomeWords() {
    assumeFalse(PdfProbe.popplerMissing());
    String text = extract(render(new ArrayList<>()));
    assertTrue(text.contains(GREEK + " [locked]"), "🔐 as a word");
    assertTrue(text.contains(CYRILLIC + " [launch]"), "🚀 as a word");
    assertTrue(
        text.contains("Rollback drill [urgent] done? ● ◔ □ ⚠ ✘ ✔"),
        "🔥 as a word; 🟡 ⏳ ⬜ ⚠️ ❌ ✅ as drawn marks, with a glyph each in the text layer");
    assertTrue(
        text.contains("✔ by [woman personal computer] in [flag FR]"),
        "a joined sequence is one word");
  }

  @Test
  void charactersWithoutAnyFontShowAPlaceholderAndAWarningOrASystemFont() {
    List<Problem> warnings = new ArrayList<>();
    byte[] pdf = render(warnings);
    String text = fold(String.join(" ", PdfProbe.pages(pdf)));
    if (SystemFonts.pathFor(CJK.codePointAt(0)) == null) {
      assertTrue(text.contains("[6 han characters not shown: no font]"), "a visible placeholder");
      assertTrue(text.contains("Characters not shown"), "a note at the end of the PDF");
      assertEquals(1, warnings.size(), "one warning per PDF");
      Problem w = warnings.get(0);
      assertEquals(MissingGlyphs.CODE, w.code());
      assertTrue(
          w.message()
              .startsWith("6 characters (han: U+5168, U+5B89, U+5B8C, U+5BA1, U+6210, U+67E5)"),
          w.message());
      assertTrue(w.file().endsWith("2026-03-02.md"), w.file());
    } else {
      assertTrue(
          text.contains(CJK),
          "CJK set in the system font " + SystemFonts.pathFor(CJK.codePointAt(0)));
      assertTrue(warnings.isEmpty(), warnings.toString());
    }
  }

  private byte[] render(List<Problem> warnings) {
    ReportData data = PdfProbe.fixture(dir, "intl", Map.of("2026-03-02.md", CHECKLIST));
    ProjectReport project = data.projects().get(0);
    Review review = project.latest();
    try {
      return new PdfRenderer("A4", warnings::add).review(data, project, review);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The text by pdftotext, folded, with Arabic presentation forms mapped back to letters (NFKC) and
   * the bidi embedding marks pdftotext adds around right-to-left runs removed.
   */
  private String extract(byte[] pdf) {
    String text = PdfProbe.pdftotext(PdfProbe.file(pdf, dir, "intl.pdf"));
    text =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .replaceAll("[\\u202A-\\u202E\\u200E\\u200F]", "");
    return fold(text);
  }
}
