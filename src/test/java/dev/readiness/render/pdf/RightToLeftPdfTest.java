package dev.readiness.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.render.pdf.PdfProbe.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arabic and Hebrew checklists: every place the PDFs set text (headings, the contents, items,
 * tables, notes, running heads, chart labels) orders right-to-left text and shapes Arabic.
 */
class RightToLeftPdfTest {
  /** An Arabic checklist written for these tests. */
  static final String ARABIC =
      """
      # قائمة جاهزية الإنتاج

      **Date**: 2026-01-05
      **Project**: بوابة الدفع

      ## 1. الأمان ✅

      - [x] تفعيل التشفير TLS 1.3 على جميع الخوادم
      - [ ] مراجعة صلاحيات المستخدمين
        - [ ] حذف الحسابات القديمة

      ## 2. المراقبة

      - [ ] إعداد التنبيهات في Grafana
      - [x] لوحة متابعة الأداء

      ## العوائق

      - **اختبار الحمل** - لم يبدأ بعد

      ## ملاحظات

      نص الملاحظات باللغة العربية مع كلمة English في الوسط.

      | البند | الحالة |
      |---|---|
      | النسخ الاحتياطي | جاهز |
      """;

  /** A Hebrew checklist written for these tests. */
  static final String HEBREW =
      """
      # רשימת מוכנות לייצור

      **Date**: 2026-01-05

      ## 1. אבטחה ✅

      - [x] הצפנת TLS בכל השרתים
      - [ ] בדיקת הרשאות משתמשים

      ## 2. ניטור

      - [ ] הגדרת התראות ב-Grafana

      ## הערות

      טקסט הערות בעברית עם מילה English באמצע.
      """;

  @TempDir Path dir;

  /**
   * The words of a PDF as they read: {@code pdftotext -bbox} gives each word's glyphs in the order
   * they stand on the page, so a right-to-left word is turned round, and Arabic presentation forms
   * are mapped back to letters (NFKC). {@link Word#text} is the word as read; a word set unshaped
   * or in the wrong order reads differently.
   */
  private List<Shown> words(String name, String markdown, boolean history) throws IOException {
    ReportData data = PdfProbe.fixture(dir.resolve(name), name, Map.of("2026-01-05.md", markdown));
    ProjectReport project = data.projects().get(0);
    PdfRenderer renderer = new PdfRenderer("A4");
    byte[] pdf =
        history
            ? renderer.history(data, project)
            : renderer.review(data, project, project.latest());
    return PdfProbe.words(PdfProbe.file(pdf, dir, name + (history ? "-history" : "") + ".pdf"))
        .stream()
        .map(Shown::of)
        .toList();
  }

  /**
   * A word as placed on the page and as it reads; {@code shaped} when it holds Arabic presentation
   * forms.
   */
  record Shown(Word word, String text, boolean shaped) {
    static Shown of(Word w) {
      boolean rtl = Typesetter.hasRightToLeft(w.text());
      String read = rtl ? new StringBuilder(w.text()).reverse().toString() : w.text();
      boolean shaped =
          w.text()
              .codePoints()
              .anyMatch(cp -> cp >= 0xFB50 && cp <= 0xFDFF || cp >= 0xFE70 && cp <= 0xFEFF);
      return new Shown(w, Normalizer.normalize(read, Normalizer.Form.NFKC), shaped);
    }
  }

  /**
   * The first word that reads {@code text} on {@code page} below {@code below} points from the top.
   */
  private static Shown find(List<Shown> words, int page, double below, String text) {
    return words.stream()
        .filter(s -> s.word().page() == page && s.word().yMin() > below && s.text().equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "\""
                        + text
                        + "\" does not read right on page "
                        + page
                        + " below "
                        + below
                        + ": "
                        + words.stream()
                            .filter(s -> s.word().page() == page)
                            .map(Shown::text)
                            .toList()));
  }

  private static Shown find(List<Shown> words, int page, String text) {
    return find(words, page, 0, text);
  }

  private static double top(List<Shown> words, int page, String text) {
    return find(words, page, text).word().yMin();
  }

  @Test
  void arabicReadsRightAndIsShapedInEveryPlaceOfTheReviewPdf() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    List<Shown> words = words("ar", ARABIC, false);
    for (String word : List.of("بوابة", "الدفع", "قائمة", "جاهزية", "الإنتاج")) {
      assertTrue(find(words, 1, word).shaped(), "the cover: " + word);
    }
    double contents = top(words, 1, "Contents");
    for (String word : List.of("الأمان", "المراقبة", "ملاحظات")) {
      assertTrue(find(words, 1, contents, word).shaped(), "the contents: " + word);
    }
    assertTrue(find(words, 2, 0, "بوابة").word().yMax() < 60, "the running head");
    double chart = top(words, 2, "open");
    for (String word : List.of("الأمان", "المراقبة")) {
      assertTrue(find(words, 2, chart, word).shaped(), "a chart label: " + word);
    }
    Shown heading = find(words, 3, "الأمان");
    assertTrue(heading.shaped(), "a section heading");
    double end =
        words.stream()
            .map(Shown::word)
            .filter(w -> w.page() == 3 && Math.abs(w.yMin() - heading.word().yMin()) < 1)
            .mapToDouble(Word::xMax)
            .max()
            .orElseThrow();
    assertEquals(595 - 54, end, 1.5, "a right-to-left heading ends at the right margin");
    for (String word : List.of("تفعيل", "التشفير", "مراجعة", "حذف")) {
      assertTrue(find(words, 3, word).shaped(), "an item: " + word);
    }
    assertTrue(find(words, 4, "ملاحظات").shaped(), "a notes heading");
    Shown first = find(words, 4, "الاحتياطي");
    Shown second = find(words, 4, "جاهز");
    assertTrue(
        second.word().xMax() < first.word().xMin(), "a right-to-left table starts on the right");
  }

  @Test
  void hebrewReadsRightInEveryPlaceOfBothPdfs() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    List<Shown> review = words("he", HEBREW, false);
    for (String word : List.of("רשימת", "מוכנות", "לייצור")) {
      find(review, 1, word);
    }
    double contents = top(review, 1, "Contents");
    for (String word : List.of("אבטחה", "ניטור", "הערות")) {
      find(review, 1, contents, word);
    }
    find(review, 2, top(review, 2, "open"), "אבטחה");
    find(review, 3, "אבטחה");
    find(review, 3, "הצפנת");
    find(review, 4, "הערות");
    find(review, 4, "בעברית");

    List<Shown> history = words("he", HEBREW, true);
    double legend = top(history, 2, "per");
    find(history, 2, legend, "אבטחה");
    find(history, 2, legend, "ניטור");
  }
}
