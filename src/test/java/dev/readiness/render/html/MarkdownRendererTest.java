package dev.readiness.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.model.Part;
import dev.readiness.model.Section;
import dev.readiness.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownRendererTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  private static Document parse(String html) {
    return Jsoup.parseBodyFragment(html);
  }

  @Test
  void rendersTaskItemsAsLabelledDisabledCheckboxes() {
    Document doc =
        parse(markdown.block("- [x] Done *item*\n- [ ] Open `code`\n  - [X] Nested\n", 0));
    List<Element> boxes = doc.select("input");
    assertEquals(3, boxes.size());
    assertEquals(
        List.of("Done: Done item", "Open: Open code", "Done: Nested"),
        boxes.stream().map(b -> b.attr("aria-label")).toList());
    assertTrue(
        boxes.stream().allMatch(b -> b.attr("type").equals("checkbox") && b.hasAttr("disabled")));
    assertEquals(2, doc.select("input[checked]").size());
    assertEquals("code", doc.selectFirst("code").text());
  }

  @Test
  void sectionBodyDropsItsHeadingAndAnchorsItemsAtTheirFileLines() {
    String md = "## Section 2: Ops\n\n### 2.1 Paging\n\n- [ ] Pager set up\n- [x] Escalation\n";
    Section section =
        new Section(
            2, "2", "Ops", "Section 2: Ops", null, null, 0, null, 40, List.of(), List.of(), md);
    Document doc = parse(markdown.sectionBody(section, 1).html());
    assertTrue(doc.select("h2").isEmpty(), "the section's own heading is on the page already");
    assertEquals("2.1 Paging", doc.selectFirst("h4").text(), "H3 lowered by one");
    assertEquals("Pager set up", doc.getElementById("L44").text());
    assertEquals("Escalation", doc.getElementById("L45").text());
  }

  @Test
  void anchorsEachTableBodyRowAtItsFileLineForDiffsOfStatusTables() {
    String md = "## Status\n\n| Check | Status |\n|---|---|\n| Backups | ✅ |\n| Alerts | ⚠️ |\n";
    Section section =
        new Section(1, null, "Status", "Status", null, null, 0, null, 10, List.of(), List.of(), md);
    Document doc = parse(markdown.sectionBody(section, 1).html());
    assertEquals("table", doc.getElementById("L12").tagName());
    assertEquals("Backups ✅", doc.getElementById("L14").text());
    assertEquals("tr", doc.getElementById("L15").tagName());
    assertEquals(2, doc.select("tbody tr[id]").size());
    assertTrue(
        doc.select("thead tr[id]").isEmpty(), "the header row shares its line with the table");
  }

  @Test
  void demotesHeadingsSoThePageKeepsItsOneH1() {
    Document doc = parse(markdown.block("# Title\n\n## Part\n\n###### Deep\n", 1));
    assertTrue(doc.select("h1").isEmpty());
    assertEquals("Title", doc.selectFirst("h2").text());
    assertEquals("Part", doc.selectFirst("h3").text());
    assertEquals("Deep", doc.selectFirst("h6").text());
  }

  @Test
  void showsRawHtmlAsText() {
    Document doc =
        parse(markdown.block("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n", 0));
    assertTrue(doc.select("script, b").isEmpty());
    assertTrue(doc.text().contains("<script>alert(1)</script>"));
    assertTrue(doc.text().contains("<b onclick=\"x()\">bold</b>"));
  }

  @Test
  void keepsSafeLinksAndDropsDangerousOnes() {
    Document doc =
        parse(
            markdown.block(
                "[a](https://x.example/) [b](mailto:a@b.c) [c](docs/x.md) [d](#top) "
                    + "[e](javascript:alert(1)) [f](JavaScript:alert(1)) [g](data:text/html,x) [h](vbscript:x)\n",
                0));
    assertEquals(
        List.of("https://x.example/", "mailto:a@b.c", "docs/x.md", "#top"),
        doc.select("a[href]").eachAttr("href"));
    assertEquals("nofollow noopener noreferrer", doc.selectFirst("a").attr("rel"));
    assertTrue(doc.text().contains("e f g h"));
  }

  @Test
  void turnsImagesIntoLinksSoNothingIsLoaded() {
    Document doc =
        parse(
            markdown.block(
                "![chart](https://x.example/c.png) ![](data:image/png;base64,AAAA)\n", 0));
    assertTrue(doc.select("img").isEmpty());
    assertEquals("https://x.example/c.png", doc.selectFirst("a").attr("href"));
    assertEquals("image: chart", doc.selectFirst("a").text());
    assertEquals(1, doc.select("a[href]").size(), "the data: image loses its target");
  }

  @Test
  void inlineRendersWithoutParagraph() {
    assertEquals(
        "Use <code>kubectl</code> and <strong>care</strong>",
        markdown.inline("Use `kubectl` and **care**"));
  }

  @Test
  void safeUrlSeesThroughControlCharactersAndSpaces() {
    assertNull(HtmlSanitizer.safeUrl("java\tscript:alert(1)"));
    assertNull(HtmlSanitizer.safeUrl(" javascript:alert(1)"));
    assertNull(HtmlSanitizer.safeUrl("java\u0000script:alert(1)"));
    assertNull(HtmlSanitizer.safeUrl("vbscript:x"));
    assertEquals("https://a.example/x?y=1", HtmlSanitizer.safeUrl("https://a.example/x?y=1"));
    assertEquals("../x.md#y", HtmlSanitizer.safeUrl("../x.md#y"));
    assertEquals("x/y:z", HtmlSanitizer.safeUrl("x/y:z"));
  }

  /**
   * Markdown of most kinds a checklist may hold, in blocks that could lean on each other: lists
   * that are loose only through a blank line, a fence and an HTML block holding what looks like
   * headings, nested and indented lists, a table, a quote with a list, text that imitates an
   * anchor.
   */
  private static final String MIXED =
      """
      ## Section 3: Mixed ✅

      **Status**: 40%

      ### 3.1 Lists
      - [x] Tight *one*
      - [ ] Tight `two` id="L7" <b onclick="x()">not bold</b>
        - [X] Nested [link](https://x.example/a) and ![img](https://x.example/i.png)
      - [ ] Loose through the blank line below

      - [ ] Second loose
      1. Ordered
      2) Other marker
        continued lazily
      Setext heading
      --------------

        - Indented list
         - deeper

      ```sh
      # not a heading
      - [ ] not an item

      kubectl get pods
      ```

          indented code
      <div>
      # inside an HTML block
      </div>

      <!-- a comment
      # still the comment -->
      | Area | Status |
      |------|:------:|
      | A    | [x] done |
      | B \\| C | `x` |

      > - [ ] quoted item
      > > nested quote
      ***
      Trailing paragraph with a hard break\s\s
      and a <https://autolink.example/> and tab\tseparated text.
      """;

  static Stream<String> documents() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path root :
        List.of(
            Fixtures.resourcePath("corpus"),
            Fixtures.resourcePath("seed"),
            Fixtures.resourcePath("fixtures"),
            Fixtures.checklists())) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".md"))
            .sorted()
            .forEach(p -> names.add(p.toString()));
      }
    }
    return names.stream();
  }

  /**
   * One renderer for all documents, so that blocks and texts repeat across them as across reviews.
   */
  private static final MarkdownRenderer SHARED = new MarkdownRenderer();

  @ParameterizedTest
  @MethodSource("documents")
  void rendersSectionsAndPartsAsTheWholeTextRenderedAtOnceAtAnyLine(String file)
      throws IOException {
    assertRendersAsWhole(SHARED, Fixtures.parse(Files.readString(Path.of(file))).snapshot());
  }

  @Test
  void rendersMixedMarkdownAsTheWholeTextRenderedAtOnce() {
    MarkdownRenderer fresh = new MarkdownRenderer();
    assertRendersAsWhole(fresh, Fixtures.parse("# Title\n\n" + MIXED).snapshot());
    // The same blocks again with a link reference, which any block may use: rendered in one piece.
    assertRendersAsWhole(
        fresh,
        Fixtures.parse("# Title\n\n" + MIXED + "\n[ref]: https://ref.example/\n").snapshot());
    assertRendersAsWhole(
        fresh,
        Fixtures.parse(
                "# Title\n\n"
                    + MIXED.replace("Tight *one*", "Tight [one][ref]")
                    + "\n[ref]: https://ref.example/\n")
            .snapshot());
    assertRendersAsWhole(
        fresh,
        Fixtures.parse("# Title\n\n" + MIXED.replace("Tight *one*", "Tight [one][ref]"))
            .snapshot());
  }

  @Test
  void tellsBlocksApartByTheirWholeLines() {
    // From its marker on, the first list reads as the second; its first line's indent nests it.
    MarkdownRenderer fresh = new MarkdownRenderer();
    assertRendersAsWhole(
        fresh, Fixtures.parse("## 1. A\n\nText\n\n- [ ] a\n  - [ ] b\n").snapshot());
    assertRendersAsWhole(
        fresh, Fixtures.parse("## 1. A\n\nText\n\n  - [ ] a\n  - [ ] b\n").snapshot());
  }

  /** Headings after blocks of every kind that a blank line may or may not close. */
  private static final String CUTTABLE =
      """
      ## Section 4: Cut ⬜

      - [ ] loose item

      - [x] its second paragraph follows

        still in the item

      # After a loose list
      > quoted
      > - [ ] quoted item

      ## After a quote
          indented code

      ### After indented code
      <div>
      # inside the HTML block, no blank line before it
      </div>

      #### After an HTML block
      | A | B |
      |---|---|
      | 1 | 2 |

      ####### seven hashes are a paragraph
      #hashtag is a paragraph too

      ##### After a table
      1. one
      2. two
      ###### Right after a list, not cut
      - [ ] last
      """;

  @Test
  void cutsTextBeforeHeadingsThatFollowABlankLine() {
    String md =
        "## A\n\ntext\n\n### B\n- [ ] x\n### C\n\n  # indented\n\n#no\n\n####### no\n\n#\tD\n";
    int[] cuts = MarkdownRenderer.cuts(md);
    assertEquals(
        List.of(0, md.indexOf("### B"), md.indexOf("#\tD")),
        java.util.Arrays.stream(cuts).boxed().toList());
  }

  @Test
  void doesNotCutTextWithFencesLongHtmlBlocksOrLinkReferences() {
    for (String inside :
        List.of(
            "```\n\n# x\n```",
            "~~~\n\n# x\n~~~",
            "<!-- a\n\n# x\n-->",
            "<PRE>\n\n# x\n</pre>",
            "<script>\n\n# x\n</script>",
            "<?php\n\n# x\n?>",
            "[a]: https://a.example/")) {
      String md = "## A\n\ntext\n\n" + inside + "\n\n### B\n\n- [ ] x\n";
      assertEquals(1, MarkdownRenderer.cuts(md).length, inside);
    }
  }

  @Test
  void rendersTextCutIntoPiecesAsTheWholeTextRenderedAtOnce() {
    MarkdownRenderer fresh = new MarkdownRenderer();
    assertTrue(MarkdownRenderer.cuts(CUTTABLE).length > 4);
    assertRendersAsWhole(fresh, Fixtures.parse("# Title\n\n" + CUTTABLE).snapshot());
    // Pieces seen before, now in another order and with one box moved.
    String moved = CUTTABLE.replace("- [ ] quoted item", "- [x] quoted item");
    int first = moved.indexOf("- [ ] loose item");
    int at = moved.indexOf("##### After a table");
    assertRendersAsWhole(
        fresh,
        Fixtures.parse(
                "# Other\n\n"
                    + moved.substring(0, first)
                    + moved.substring(at)
                    + "\n"
                    + moved.substring(first, at))
            .snapshot());
  }

  @Test
  void anchorsAreTheIdsOfThePageNotTextThatLooksLikeOne() {
    String md = "## Section 1: A\n\n- [ ] Set id=\"L3\" and  id=\"L4\" here\n- [x] Done\n";
    Section section =
        new Section(1, "1", "A", "Section 1: A", null, null, 0, null, 20, List.of(), List.of(), md);
    MarkdownRenderer.Fragment body = markdown.sectionBody(section, 1);
    assertEquals(List.of(22, 23), body.anchors());
    assertEquals(List.of("L22", "L23"), parse(body.html()).select("[id]").eachAttr("id"));
    assertTrue(body.html().contains("Set id=\"L3\" and  id=\"L4\" here"), body.html());
  }

  /**
   * Each section and part at its line and 1000 lines further down equals its whole text rendered at
   * once.
   */
  private static void assertRendersAsWhole(MarkdownRenderer renderer, Snapshot snapshot) {
    for (int shift : new int[] {0, 1000}) {
      for (Section s : snapshot.sections()) {
        Section moved =
            new Section(
                s.position(),
                s.number(),
                s.title(),
                s.heading(),
                s.declared(),
                s.statedPercent(),
                s.statedLine(),
                s.statedFrom(),
                s.line() + shift,
                s.items(),
                s.subsections(),
                s.markdown());
        assertSame(
            renderer.whole(s.markdown(), s.line() + shift, 1, true),
            renderer.sectionBody(moved, 1),
            "section at line " + moved.line());
      }
      for (Part p : snapshot.parts()) {
        Part moved = new Part(p.title(), p.line() + shift, p.markdown(), p.section());
        assertSame(
            renderer.whole(p.markdown(), p.line() + shift, 1, false),
            renderer.part(moved, 1),
            "part at line " + moved.line());
      }
    }
  }

  private static void assertSame(String expected, MarkdownRenderer.Fragment actual, String what) {
    assertEquals(expected, actual.html(), what);
    List<Integer> ids = new ArrayList<>();
    for (Element e : parse(expected).select("[id]")) {
      ids.add(Integer.parseInt(e.id().substring(1)));
    }
    assertEquals(ids, actual.anchors(), what + ": anchors");
  }
}
