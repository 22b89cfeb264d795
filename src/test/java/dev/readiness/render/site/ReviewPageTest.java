package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewPageTest {
  @TempDir static Path dir;
  static BuiltSite site;

  @BeforeAll
  static void build() {
    site = BuiltSite.example(dir);
  }

  @Test
  void seedReviewShowsComputedBesideStatedFigures() {
    Document page = site.page("projects/mahavishnu/2026-02-02/index.html");
    Elements cards = page.select("#summary .card");
    assertEquals("21.2%", cards.get(0).selectFirst(".big").text());
    assertEquals("39 of 184 items checked", cards.get(0).selectFirst(".muted").text());
    assertEquals("52", cards.get(1).selectFirst(".big").text());
    assertTrue(cards.get(1).hasClass("drift"), "stated 52 vs computed 21.2 is drift");
    assertEquals("5", cards.get(2).selectFirst(".big").text());
    Element total = page.selectFirst("table.by-section tfoot tr");
    assertEquals(
        List.of("All sections", "39", "145", "39/184", "21.2%", "52", "−30.8"),
        total.select("th, td").eachText());
  }

  @Test
  void seedSectionRowsMatchTheHandCount() {
    Document page = site.page("projects/mahavishnu/2026-02-02/index.html");
    Elements rows = page.select("table.by-section tbody tr");
    assertEquals(
        List.of("6/23", "12/18", "13/13", "5/19", "0/20", "0/20", "0/20", "3/21", "0/15", "0/15"),
        rows.stream().map(r -> r.select("td").get(3).text()).toList());
    assertEquals(
        List.of("26.1%", "66.7%", "100%", "26.3%", "0%", "0%", "0%", "14.3%", "0%", "0%"),
        rows.stream().map(r -> r.select("td").get(4).text()).toList());
    assertEquals(
        List.of("70%", "75%", "100%", "40%", "20%", "40%", "30%", "60%", "20%", "10%"),
        rows.stream().map(r -> r.select("td").get(5).text()).toList());
    // SPEC: drift on sections 1 and 4 to 9; section 10 is exactly 10 points off, which is allowed.
    assertEquals(
        List.of(true, false, false, true, true, true, true, true, true, false),
        rows.stream().map(r -> r.hasClass("drift")).toList());
    assertEquals("1. Security & Compliance", rows.get(0).selectFirst("th").text());
  }

  @Test
  void seedChecklistShowsEveryItemAsADisabledCheckbox() {
    Document page = site.page("projects/mahavishnu/2026-02-02/index.html");
    Elements boxes = page.select("#checklist input[type=checkbox]");
    // 184 items and the 8 completion stamps, which are boxes in the document but not items.
    assertEquals(192, boxes.size());
    assertEquals(47, page.select("#checklist input[type=checkbox][checked]").size());
    assertTrue(boxes.stream().allMatch(b -> b.hasAttr("disabled") && b.hasAttr("aria-label")));
    assertEquals(10, page.select("#checklist section.cl-section").size());
    Element item = page.getElementById("L60");
    assertNotNull(item, "items carry their line as id");
    assertTrue(item.text().contains("Session-Buddy encryption implemented (Phase 3)"));
    // Inline Markdown of items is rendered: `debug_token.py` is code.
    assertTrue(
        page.select("#checklist li.task-list-item code").eachText().contains("debug_token.py"));
  }

  @Test
  void seedPageListsWarningsBlockersAndSignOff() {
    Document page = site.page("projects/mahavishnu/2026-02-02/index.html");
    List<String> codes = page.select("#warnings tbody td:eq(1)").eachText();
    assertTrue(
        codes.containsAll(
            List.of("STATED_DRIFT", "CHECKMARK_UNCHECKED", "COMPLETE_WITH_OPEN", "CONTRADICTION")));
    // Warning lines link to the line on the page: the heading of section 1 (line 28), the open
    // "Backup restoration tested" in 8.3 (line 315).
    List<String> lineLinks = page.select("#warnings tbody td:eq(0) a").eachAttr("href");
    assertTrue(lineLinks.containsAll(List.of("#L28", "#L60", "#L315")), lineLinks.toString());
    assertEquals("1. Security & Compliance complete", page.getElementById("L28").text());
    assertTrue(page.getElementById("L315").text().contains("Backup restoration tested"));
    assertEquals(
        List.of(
            "Load Testing",
            "CI/CD Pipeline",
            "Unit Test Coverage",
            "Monitoring Dashboards",
            "Documentation"),
        page.select("#blockers tbody th").eachText());
    assertEquals("Sign-off (0 of 5 signed)", page.selectFirst("#signoff-h").text());
    assertEquals(5, page.select("#signoff .bad").size());
    assertEquals(
        "This is the first review of Mahavishnu MCP Ecosystem.",
        page.selectFirst("#diff p").text());
    assertFalse(page.select("#document .part").isEmpty(), "the rest of the document is shown");
    assertTrue(page.selectFirst("#document").text().contains("pytest --cov=mahavishnu"));
  }

  @Test
  void reviewLinksToItsPdfAndNeighbours() {
    Document first = site.page("projects/mahavishnu/2026-02-02/index.html");
    assertEquals("mahavishnu-2026-02-02.pdf", first.selectFirst(".pager a.pdf").attr("href"));
    assertEquals("../2026-02-09/index.html", first.selectFirst(".pager a[rel=next]").attr("href"));
    assertTrue(first.select(".pager a[rel=prev]").isEmpty());
    Document latest = site.page("projects/mahavishnu/2026-03-09/index.html");
    assertEquals("../2026-03-02/index.html", latest.selectFirst(".pager a[rel=prev]").attr("href"));
    assertTrue(latest.select(".pager a[rel=next]").isEmpty());
    assertTrue(
        Files.isRegularFile(site.file("projects/mahavishnu/2026-02-02/mahavishnu-2026-02-02.pdf")));
  }

  @Test
  void diffShowsReopenedRewordedAndBlockerChanges() {
    Document feb16 = site.page("projects/mahavishnu/2026-02-16/index.html");
    assertTrue(feb16.select("#diff ul.reopened li").text().contains("Rollback procedures tested"));
    Element reworded = feb16.selectFirst("#diff ul.reworded li");
    assertEquals("Incident escalation paths defined", reworded.selectFirst("del").text());
    assertEquals(
        "Incident escalation paths defined and documented", reworded.selectFirst("ins").text());
    assertEquals(
        List.of("Resolved: CI/CD Pipeline", "Resolved: Monitoring Dashboards"),
        feb16.select("#diff li.good").eachText());
    Document mar2 = site.page("projects/mahavishnu/2026-03-02/index.html");
    assertTrue(
        mar2.select("#diff ul.removed li")
            .text()
            .contains("Terraform scripts created (if applicable)"));
    // A removed item links to its line in the previous review, a checked one to its line here.
    assertEquals(
        "../2026-02-16/index.html#L200", mar2.selectFirst("#diff ul.removed li a").attr("href"));
    assertTrue(
        mar2.select("#diff ul.done li a").stream()
            .allMatch(a -> a.attr("href").matches("#L[0-9]+")));
    assertTrue(
        mar2.select("#diff li").eachText().stream()
            .anyMatch(t -> t.startsWith("Renamed: 6. Documentation →")));
    assertEquals(List.of("Opened: Rollback Procedures"), mar2.select("#diff li.bad").eachText());
    // 45.1 − 35.7 = +9.4 points; 72 − 63 = +9.
    assertEquals(List.of("+9.4", "+9"), mar2.select("#diff > p .chg").eachText());
  }

  @Test
  void latestReviewShowsBlockerAgesAndSignature() {
    Document page = site.page("projects/mahavishnu/2026-03-09/index.html");
    Elements rows = page.select("#blockers tbody tr");
    assertEquals(
        List.of("Documentation", "2026-02-02", "35"),
        List.of(
            rows.get(0).selectFirst("th").text(),
            rows.get(0).select("td").get(1).text(),
            rows.get(0).select("td").get(2).text()));
    assertEquals("7", rows.get(1).select("td").get(2).text());
    assertEquals("Jane Doe", page.select("#signoff tbody tr").get(0).select("td").get(0).text());
    assertEquals(4, page.select("#plan ol.weeks > li").size());
  }
}
