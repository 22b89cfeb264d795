package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.render.TextDirection;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arabic and Hebrew checklists (fixtures/site-rtl): the document reads right to left, its own
 * {@code <div dir="rtl">} wrappers are honoured rather than printed, English blocks inside it stay
 * left to right, and chart labels are embedded right to left.
 */
class RightToLeftSiteTest {
  @TempDir static Path dir;
  static BuiltSite site;

  @BeforeAll
  static void build() {
    site = BuiltSite.build(Path.of("src/test/resources/fixtures/site-rtl"), dir, null, null, false);
  }

  @Test
  void anArabicChecklistReadsRightToLeftAndItsWrapperIsNotPrinted() {
    Document page = site.page("projects/ar/2026-01-05/index.html");
    assertFalse(page.text().contains("<div dir"), "the wrapper is not shown as text");
    List<Element> bodies = page.select("#checklist .md");
    assertEquals(9, bodies.size());
    assertTrue(
        bodies.stream().allMatch(b -> b.attr("dir").equals("rtl")),
        "every section body reads right to left");
    assertEquals("rtl", page.selectFirst("#document .md").attr("dir"));
    assertEquals(64, page.select("#checklist input[type=checkbox]").size());
    // The all-English Monitoring section's list reads left to right within the Arabic document.
    Element monitoring =
        page.select("#checklist .cl-section").stream()
            .filter(s -> s.selectFirst("h3").text().startsWith("Monitoring"))
            .findFirst()
            .orElseThrow();
    assertEquals("auto", monitoring.selectFirst(".md ul").attr("dir"));
    assertFalse(
        monitoring.selectFirst("h3").hasAttr("dir"), "an English heading needs no direction");
    // Arabic items inherit the document's direction, even those that start with a code span.
    Element output =
        page.select("#checklist .cl-section").stream()
            .filter(s -> s.selectFirst("h3").text().equals("المخرجات"))
            .findFirst()
            .orElseThrow();
    assertEquals("auto", output.selectFirst("h3").attr("dir"));
    for (Element li : output.select(".md li")) {
      // An Arabic item inherits; an item with no Arabic letter at all reads left to right.
      assertEquals(TextDirection.hasRtl(li.text()) ? "" : "auto", li.attr("dir"), li.text());
    }
    assertTrue(
        output.select(".md li").stream()
            .filter(li -> !li.hasAttr("dir"))
            .anyMatch(li -> li.text().startsWith("استخدم X-Content-Type-Options")),
        "an Arabic item with a Latin code span inherits");
    assertEquals("auto", page.select("table.by-section tbody th").get(0).attr("dir"));
  }

  @Test
  void aHebrewChecklistKeepsNestingAndMarksLatinBlocks() {
    Document page = site.page("projects/he/2026-01-05/index.html");
    assertEquals("rtl", page.selectFirst("#checklist .md").attr("dir"));
    assertEquals(
        List.of("הרצה על סביבת staging", "תיקון ממצאי High"),
        page.select("#checklist li.task-list-item li.task-list-item").eachText());
    Element status = page.selectFirst("#checklist .md p");
    assertEquals("Status: 50% complete", status.text());
    assertEquals("auto", status.attr("dir"), "an English paragraph reads left to right");
    assertFalse(page.text().contains("<div dir"));
    assertEquals("auto", page.selectFirst("#checklist h3").attr("dir"));
  }

  @Test
  void aWrapperRightAboveTheMarkdownDoesNotSwallowIt() {
    Document page = site.page("projects/tight/2026-01-05/index.html");
    assertEquals(
        2,
        page.select("#checklist input[type=checkbox]").size(),
        "the items under the wrapper count");
    assertEquals("1/2", page.select("table.by-section tbody tr td").get(3).text());
    assertEquals("rtl", page.selectFirst("#checklist .md").attr("dir"));
    assertFalse(page.text().contains("</div>"));
  }

  @Test
  void chartLabelsThatStartRightToLeftAreEmbeddedRightToLeft() {
    String svg = site.text("projects/he/2026-01-05/sections.svg");
    assertTrue(
        svg.contains(
            ">"
                + TextDirection.RTL_EMBEDDING
                + "סעיף 1: אבטחה"
                + TextDirection.POP_DIRECTIONAL
                + "</text>"),
        svg);
    String ar = site.text("projects/ar/2026-01-05/sections.svg");
    assertTrue(ar.contains(">Monitoring</text>"), "left-to-right labels stay as they are");
  }

  @Test
  void rightToLeftNamesAreMarkedOnTheOverviewPages() {
    Document portfolio = site.page("index.html");
    Element he =
        portfolio.select("#projects tbody th").stream()
            .filter(th -> th.text().equals("שער תשלומים"))
            .findFirst()
            .orElseThrow();
    assertEquals("auto", he.attr("dir"));
    Element en =
        portfolio.select("#projects tbody th").stream()
            .filter(th -> th.text().equals("ar"))
            .findFirst()
            .orElseThrow();
    assertFalse(en.hasAttr("dir"));
  }
}
