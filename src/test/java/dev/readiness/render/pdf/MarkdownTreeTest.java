package dev.readiness.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.render.pdf.MarkdownTree.CodeBlock;
import dev.readiness.render.pdf.MarkdownTree.HeadingBlock;
import dev.readiness.render.pdf.MarkdownTree.ListBlockOf;
import dev.readiness.render.pdf.MarkdownTree.ListEntry;
import dev.readiness.render.pdf.MarkdownTree.Look;
import dev.readiness.render.pdf.MarkdownTree.ParagraphBlock;
import dev.readiness.render.pdf.MarkdownTree.Run;
import dev.readiness.render.pdf.MarkdownTree.TableOf;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A part's Markdown as the immutable tree the PDF lays out, parsed once per distinct text. */
class MarkdownTreeTest {
  private static final String PART =
      """
      ## 3. Monitoring

      **Status**: 40%

      - [x] Dashboards for `latency`
        - [ ] Alert on [error budget](https://example.com/slo) burn
      - [ ] Runbook [here](javascript:alert(1)) and [there](docs/run.md)

      | Name | Value |
      |------|------:|
      | alpha | 1 |

      ```
      echo hi
      ```
      """;

  @Test
  void directionWrappersShowNothingAndOtherHtmlShowsAsSource() {
    MarkdownTree tree =
        MarkdownTree.of(
            """
        <div dir="rtl">

        نص الملاحظات

        </div>

        <details>open</details>
        """);
    assertEquals(4, tree.blocks.size());
    assertTrue(
        tree.blocks.get(0) instanceof MarkdownTree.ReferenceBlock,
        "the opening wrapper shows nothing");
    assertTrue(tree.blocks.get(1) instanceof ParagraphBlock);
    assertTrue(
        tree.blocks.get(2) instanceof MarkdownTree.ReferenceBlock,
        "the closing wrapper shows nothing");
    assertEquals("<details>open</details>", ((CodeBlock) tree.blocks.get(3)).text().strip());
  }

  @Test
  void theSameTextGivesTheSameTree() {
    assertSame(MarkdownTree.of(PART), MarkdownTree.of(new String(PART)));
  }

  @Test
  void keepsBlocksWithTheirLinesFromThePartsFirstLine() {
    MarkdownTree tree = MarkdownTree.of(PART);
    assertEquals(5, tree.blocks.size());
    HeadingBlock heading = (HeadingBlock) tree.blocks.get(0);
    assertEquals(2, heading.level());
    assertEquals("3. Monitoring", heading.text().plain());
    ParagraphBlock status = (ParagraphBlock) tree.blocks.get(1);
    assertEquals(2, status.line());
    assertTrue(status.header(), "a **Key**: value line is a header paragraph");
    ListBlockOf list = (ListBlockOf) tree.blocks.get(2);
    assertFalse(list.ordered());
    ListEntry first = list.items().get(0);
    assertEquals(4, first.line());
    assertTrue(first.task() && first.done());
    ListEntry nested = ((ListBlockOf) first.rest().get(0)).items().get(0);
    assertEquals(5, nested.line());
    assertTrue(nested.task() && !nested.done());
    TableOf table = (TableOf) tree.blocks.get(3);
    assertEquals(2, table.columns());
    assertEquals(List.of(true, false), table.heads());
    assertEquals(com.lowagie.text.Element.ALIGN_RIGHT, table.rows().get(1).get(1).align());
    assertEquals("echo hi\n", ((CodeBlock) tree.blocks.get(4)).text());
  }

  @Test
  void inlineRunsCarryTheirLookCodeShadeAndSafeLinkTargetsOnly() {
    ListBlockOf list = (ListBlockOf) MarkdownTree.of(PART).blocks.get(2);
    List<Run> dashboards = list.items().get(0).text().runs();
    Run code = dashboards.get(dashboards.size() - 1);
    assertEquals("latency", code.text());
    assertEquals(Set.of(Look.MONO), code.look());
    assertTrue(code.code());

    ListEntry alert = ((ListBlockOf) list.items().get(0).rest().get(0)).items().get(0);
    Run link =
        alert.text().runs().stream()
            .filter(r -> "error budget".equals(r.text()))
            .findFirst()
            .orElseThrow();
    assertEquals("https://example.com/slo", link.anchor());
    assertEquals(Set.of(Look.ACCENT), link.look());

    ListEntry runbook = list.items().get(1);
    assertEquals(
        "Runbook here and there (docs/run.md)",
        runbook.text().plain(),
        "a javascript: target is dropped; another target is printed after its text");
    assertTrue(runbook.text().runs().stream().allMatch(r -> r.anchor() == null));
    Run target = runbook.text().runs().get(runbook.text().runs().size() - 1);
    assertEquals(Set.of(Look.SMALL), target.look(), "the printed target is in the small style");
    assertNull(target.anchor());
  }

  @Test
  void rawHtmlInsideALinkIsMutedMonoNotTheLinksAccent() {
    ParagraphBlock p =
        (ParagraphBlock) MarkdownTree.of("[see <b>this</b>](https://example.com)\n").blocks.get(0);
    Run html =
        p.text().runs().stream().filter(r -> "<b>".equals(r.text())).findFirst().orElseThrow();
    assertEquals(Set.of(Look.ACCENT, Look.MONO, Look.MUTED), html.look());
    assertEquals(Styles.BODY.mono().color(Styles.MUTED), html.style(Styles.BODY));
  }

  @Test
  void codeInsideBoldTextIsMono() {
    ParagraphBlock p = (ParagraphBlock) MarkdownTree.of("**run `make` first**\n").blocks.get(0);
    Run code = p.text().runs().stream().filter(Run::code).findFirst().orElseThrow();
    assertEquals(Styles.BODY.bold().mono(), code.style(Styles.BODY));
  }
}
