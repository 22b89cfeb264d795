package dev.readiness.render.pdf;

import static dev.readiness.render.pdf.PdfProbe.assertInOrder;
import static dev.readiness.render.pdf.PdfProbe.fold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the parts of a checklist are laid out: lists, tables, code, raw HTML and links. */
class MarkdownBlocksTest {
  private static final String CHECKLIST =
      """
      ---
      project: Fixture Service
      owner: platform
      ---
      # Fixture checklist

      **Date**: 2026-03-02
      **Purpose**: Exercise every block

      An opening paragraph that is neither header nor section.

      ## Section 1: Things ⬜

      - [ ] Item with `inline code`, a [safe link](https://example.com/runbook) and a [bad link](javascript:alert(1))
        - [x] Nested done item
          - [ ] Deeply nested open item
      1. [ ] Ordered task
      - [x] **Date**: 2026-02-20

      ## Notes

      | Name | Value |
      |------|------:|
      | alpha | 1 |
      | beta | 22 |

      ```bash
      echo "code block"
          indented line
      ```

      <script>alert("x")</script>

      > A quoted line with *emphasis* and **strength**

      ## Sign-Off

      **Technical Lead**: Ada Lovelace Date: 2026-03-01
      **Security Lead**: ________ Date: ______
      """;

  @TempDir Path dir;

  @Test
  void listsTablesCodeAndQuotesAreLaidOutAsWritten() throws IOException {
    assumeFalse(PdfProbe.popplerMissing());
    byte[] pdf = render();
    String text = fold(PdfProbe.pdftotext(PdfProbe.file(pdf, dir, "blocks.pdf")));
    assertFalse(text.contains("javascript"), "a javascript: target is dropped, its link text kept");
    assertInOrder(
        text,
        List.of(
            "☐ Item with inline code, a safe link and a bad link",
            "☑ Nested done item",
            "☐ Deeply nested open item",
            "☐ Ordered task",
            "completion stamp · Date: 2026-02-20"));
    assertInOrder(
        text, List.of("Introduction", "An opening paragraph that is neither header nor section."));
    assertInOrder(text, List.of("Name", "Value", "alpha", "1", "beta", "22"));
    assertInOrder(text, List.of("echo \"code block\"", "indented line"));
    assertTrue(text.contains("<script>alert(\"x\")</script>"), "raw HTML is shown as text");
    assertTrue(text.contains("A quoted line with emphasis and strength"));
    assertFalse(text.contains("-----"), "the table's separator row is not a row");
    assertTrue(
        PdfProbe.pdffonts(PdfProbe.file(pdf, dir, "blocks.pdf")).contains("DejaVuSansMono"),
        "code is monospace");
  }

  @Test
  void signOffFillsNamesAndLeavesSignatureLines() {
    String text = fold(String.join(" ", PdfProbe.pages(render())));
    int at = text.lastIndexOf("Sign-off");
    assertInOrder(
        text.substring(at),
        List.of(
            "1 of 2 roles signed",
            "Role",
            "Name",
            "Date",
            "Signature",
            "Technical Lead",
            "Ada Lovelace",
            "2026-03-01",
            "Security Lead"));
    assertFalse(text.substring(at).contains("____"), "underscores mean unsigned, not a name");
  }

  @Test
  void onlyWebAndMailLinksBecomeLinksAndNoScriptReachesThePdf() throws IOException {
    PdfReader reader = new PdfReader(render());
    List<String> uris = new ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      scan(reader.getPdfObject(i), uris, 0);
    }
    reader.close();
    assertEquals(List.of("https://example.com/runbook"), uris);
  }

  /** Collects URI targets below a PDF object, failing on any script. */
  private static void scan(PdfObject object, List<String> uris, int depth) {
    if (depth > 8 || object == null || object.isIndirect()) {
      return;
    }
    if (object instanceof PdfDictionary d) {
      assertFalse(d.contains(PdfName.JAVASCRIPT) || d.contains(PdfName.JS), "a script in the PDF");
      if (d.get(PdfName.URI) instanceof PdfString s) {
        uris.add(s.toUnicodeString());
      }
      for (PdfName key : d.getKeys()) {
        if (!PdfName.PARENT.equals(key) && !PdfName.P.equals(key)) {
          scan(d.get(key), uris, depth + 1);
        }
      }
    } else if (object instanceof PdfArray a) {
      for (PdfObject element : a.getElements()) {
        scan(element, uris, depth + 1);
      }
    }
  }

  private byte[] render() {
    ReportData data = PdfProbe.fixture(dir, "fixture", Map.of("2026-03-02.md", CHECKLIST));
    ProjectReport project = data.projects().get(0);
    try {
      return new PdfRenderer("A4").review(data, project, project.latest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
