package dev.readiness.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.model.Section;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  private static Document parse(String html) {
    return Jsoup.parseBodyFragment(html);
  }

  @Test
  void rendersTaskItemsAsLabelledDisabledCheckboxes() {
    Document doc = parse(markdown.block("- [x] Done *item*\n- [ ] Open `code`\n  - [X] Nested\n", 0));
    List<Element> boxes = doc.select("input");
    assertEquals(3, boxes.size());
    assertEquals(List.of("Done: Done item", "Open: Open code", "Done: Nested"), boxes.stream().map(b -> b.attr("aria-label")).toList());
    assertTrue(boxes.stream().allMatch(b -> b.attr("type").equals("checkbox") && b.hasAttr("disabled")));
    assertEquals(2, doc.select("input[checked]").size());
    assertEquals("code", doc.selectFirst("code").text());
  }

  @Test
  void sectionBodyDropsItsHeadingAndAnchorsItemsAtTheirFileLines() {
    String md = "## Section 2: Ops\n\n### 2.1 Paging\n\n- [ ] Pager set up\n- [x] Escalation\n";
    Section section = new Section(2, "2", "Ops", "Section 2: Ops", null, null, 0, null, 40, List.of(), List.of(), md);
    Document doc = parse(markdown.sectionBody(section, 1));
    assertTrue(doc.select("h2").isEmpty(), "the section's own heading is on the page already");
    assertEquals("2.1 Paging", doc.selectFirst("h4").text(), "H3 lowered by one");
    assertEquals("Pager set up", doc.getElementById("L44").text());
    assertEquals("Escalation", doc.getElementById("L45").text());
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
    Document doc = parse(markdown.block("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n", 0));
    assertTrue(doc.select("script, b").isEmpty());
    assertTrue(doc.text().contains("<script>alert(1)</script>"));
    assertTrue(doc.text().contains("<b onclick=\"x()\">bold</b>"));
  }

  @Test
  void keepsSafeLinksAndDropsDangerousOnes() {
    Document doc = parse(markdown.block("[a](https://x.example/) [b](mailto:a@b.c) [c](docs/x.md) [d](#top) "
        + "[e](javascript:alert(1)) [f](JavaScript:alert(1)) [g](data:text/html,x) [h](vbscript:x)\n", 0));
    assertEquals(List.of("https://x.example/", "mailto:a@b.c", "docs/x.md", "#top"), doc.select("a[href]").eachAttr("href"));
    assertEquals("nofollow noopener noreferrer", doc.selectFirst("a").attr("rel"));
    assertTrue(doc.text().contains("e f g h"));
  }

  @Test
  void turnsImagesIntoLinksSoNothingIsLoaded() {
    Document doc = parse(markdown.block("![chart](https://x.example/c.png) ![](data:image/png;base64,AAAA)\n", 0));
    assertTrue(doc.select("img").isEmpty());
    assertEquals("https://x.example/c.png", doc.selectFirst("a").attr("href"));
    assertEquals("image: chart", doc.selectFirst("a").text());
    assertEquals(1, doc.select("a[href]").size(), "the data: image loses its target");
  }

  @Test
  void inlineRendersWithoutParagraph() {
    assertEquals("Use <code>kubectl</code> and <strong>care</strong>", markdown.inline("Use `kubectl` and **care**"));
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
}
