package dev.readiness.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.render.TextDirection;
import org.junit.jupiter.api.Test;

/**
 * Which blocks of checklist Markdown get a direction of their own, and which direction markup
 * survives.
 */
class TextDirectionMarkupTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  @Test
  void inALeftToRightPageOnlyBlocksWithRightToLeftLettersGetADirection() {
    assertEquals(
        "<p>Plain English.</p>\n<p dir=\"auto\">גיבוי יומי of PostgreSQL</p>",
        sanitizer.clean(
            "<p>Plain English.</p>\n<p>גיבוי יומי of PostgreSQL</p>", 0, TextDirection.LTR));
  }

  @Test
  void inARightToLeftDocumentOnlyBlocksWithoutRightToLeftLettersGetADirection() {
    assertEquals(
        "<p dir=\"auto\">Plain English.</p>\n<p>PostgreSQL גיבוי יומי</p>\n<p>42%</p>",
        sanitizer.clean(
            "<p>Plain English.</p>\n<p>PostgreSQL גיבוי יומי</p>\n<p>42%</p>",
            0, TextDirection.RTL));
  }

  @Test
  void directionsAChecklistWritesAreKeptWhenValid() {
    assertEquals(
        "<p dir=\"rtl\">a</p><p>b</p>",
        sanitizer
            .clean("<p dir=\"RTL\">a</p><p dir=\"sideways\" onclick=\"x()\">b</p>", 0)
            .replace("RTL", "rtl"));
    assertEquals(
        "Read <span dir=\"rtl\">שלום</span> and <bdi>עולם</bdi>, not &lt;b dir=\"rtl\"&gt;x&lt;/b&gt;",
        markdown.inline(
            "Read <span dir=\"rtl\">שלום</span> and <bdi>עולם</bdi>, not <b dir=\"rtl\">x</b>"));
  }

  @Test
  void wrapperLinesAreNotShown() {
    assertEquals("<p>Text</p>", markdown.block("<div dir=\"rtl\">\n\nText\n\n</div>\n", 0).strip());
  }

  @Test
  void theDocumentsDirectionComesFromItsWrapper() {
    assertEquals(TextDirection.RTL, TextDirection.dominant("שלום world שלום"));
    assertEquals(TextDirection.LTR, TextDirection.dominant("Hello שלום world"));
  }
}
