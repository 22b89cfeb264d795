package dev.readiness.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectionWrappersTest {
  private static List<String> blocks(String markdown) {
    Document doc = MarkdownSyntax.parser().parse(markdown);
    List<String> out = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      out.add(n.getClass().getSimpleName() + ":" + n.getChars().toString().strip());
    }
    return out;
  }

  @Test
  void aWrapperLineIsAnHtmlBlockOfItsOwn() {
    assertEquals(
        List.of(
            "HtmlBlock:<div dir=\"rtl\">",
            "Heading:## סעיף",
            "BulletList:- [ ] פריט",
            "HtmlBlock:</div>"),
        blocks("<div dir=\"rtl\">\n## סעיף\n- [ ] פריט\n</div>\n"));
  }

  @Test
  void itemsRightAfterAWrapperAreItems() {
    Document doc =
        MarkdownSyntax.parser()
            .parse("<div dir='rtl' align=\"right\">\n- [x] א\n- [ ] ב\n</DIV>\n");
    int items = 0;
    for (Node n : doc.getDescendants()) {
      if (n instanceof ListItem) {
        items++;
      }
    }
    assertEquals(2, items);
  }

  @Test
  void otherHtmlBlocksRunToTheBlankLineAsCommonMarkSays() {
    assertEquals(
        List.of("HtmlBlock:<div class=\"note\">\n## not a heading"),
        blocks("<div class=\"note\">\n## not a heading\n"));
    assertEquals(
        List.of("HtmlBlock:<div dir=\"rtl\"><b>x</b>\n## not a heading"),
        blocks("<div dir=\"rtl\"><b>x</b>\n## not a heading\n"));
  }

  @Test
  void recognisesWrappersOnly() {
    assertEquals("rtl", DirectionWrappers.direction("<div dir=\"rtl\">"));
    assertEquals("ltr", DirectionWrappers.direction("<P DIR=LTR>"));
    assertEquals("", DirectionWrappers.direction("</div>"));
    assertNull(DirectionWrappers.direction("<div dir=\"sideways\">"));
    assertNull(DirectionWrappers.direction("<span dir=\"rtl\">"));
    assertNull(DirectionWrappers.direction("<div dir=\"rtl\" onclick=\"x()\"> text"));
    assertNull(DirectionWrappers.direction("<div dir=\"rtl\">" + "x".repeat(300)));
  }

  @Test
  void aWrapperInsideFencedCodeStaysCode() {
    assertEquals(
        List.of("FencedCodeBlock:```\n<div dir=\"rtl\">\n```"),
        blocks("```\n<div dir=\"rtl\">\n```\n"));
    assertEquals(
        Heading.class,
        MarkdownSyntax.parser().parse("<div dir=\"rtl\">\n# T\n").getLastChild().getClass());
    assertEquals(
        HtmlBlock.class,
        MarkdownSyntax.parser().parse("<div dir=\"rtl\">\n# T\n").getFirstChild().getClass());
  }
}
