package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviews without items, sections or stated figures still give complete pages. */
class EdgeCaseSiteTest {
  @TempDir Path dir;

  @Test
  void reviewWithoutItemsShowsNotApplicable() {
    BuiltSite site =
        BuiltSite.build(Path.of("src/test/resources/fixtures/site-edge"), dir, null, null, false);
    Document bare = site.page("projects/bare/2026-01-05/index.html");
    assertEquals("n/a", bare.selectFirst("#summary .card .big").text());
    assertEquals("0 of 0 items checked", bare.selectFirst("#summary .card .muted").text());
    assertTrue(bare.selectFirst("#document").text().contains("Nothing to check yet."));
    assertEquals(1, bare.select("h1").size());
    Document portfolio = site.page("index.html");
    assertEquals(
        List.of("n/a 0/0", "100% 2/2"), portfolio.select("#projects tbody tr td:eq(2)").eachText());
    assertTrue(site.text("badges/bare.svg").contains(">n/a · 0 blockers</text>"));
  }

  @Test
  void itemsBeforeTheFirstHeadingFormASectionAndKeepTheirTitle() {
    BuiltSite site =
        BuiltSite.build(Path.of("src/test/resources/fixtures/site-edge"), dir, null, null, false);
    Document page = site.page("projects/preamble/2026-01-05/index.html");
    assertEquals(2, page.select("#checklist input[type=checkbox]").size());
    assertEquals("1/2", page.select("table.by-section tbody tr td").get(3).text());
    assertTrue(
        page.selectFirst("#checklist").text().contains("Late title"),
        "the H1 inside the preamble is kept");
    assertEquals(1, page.select("h1").size(), "and lowered below the page's own h1");
  }

  @Test
  void aReviewWithoutItemsSaysSoInsteadOfAnEmptyChart() {
    BuiltSite site =
        BuiltSite.build(Path.of("src/test/resources/fixtures/site-edge"), dir, null, null, false);
    Document bare = site.page("projects/bare/2026-01-05/index.html");
    assertTrue(bare.select("#by-section figure.chart").isEmpty(), "no chart of empty bars");
    assertEquals(
        "No items: this review has no task items, so there is nothing to chart.",
        bare.selectFirst("#by-section .no-items").text());
    Document preamble = site.page("projects/preamble/2026-01-12/index.html");
    assertEquals(1, preamble.select("#by-section figure.chart img").size());
  }

  @Test
  void unnumberedSectionsShowAShortNameOnThePortfolio() {
    BuiltSite site =
        BuiltSite.build(Path.of("src/test/resources/fixtures/site-edge"), dir, null, null, false);
    Document portfolio = site.page("index.html");
    List<String> tiles = portfolio.select("ol.heat .heat-n").eachText();
    assertTrue(tiles.stream().noneMatch(t -> t.equals("–")), tiles.toString());
    assertTrue(tiles.stream().allMatch(t -> !t.isBlank() && t.length() <= 10), tiles.toString());
  }

  @Test
  void datesThousandsOfYearsApartKeepPagesSmall() {
    // A review dated 0001-01-01 and a next review in 9999: 55 MB project and timeline pages before.
    BuiltSite site =
        BuiltSite.build(Path.of("src/test/resources/fixtures/site-far"), dir, null, null, false);
    for (String page : List.of("projects/far/index.html", "timeline/index.html")) {
      long size = site.text(page).length();
      assertTrue(size < 40_000, page + " is " + size + " characters");
    }
    Document project = site.page("projects/far/index.html");
    assertEquals(
        List.of("0001-01-01", "2026-03-09"),
        project.select("#timeline-h ~ .table-wrap table").first().select("tbody th").eachText(),
        "the far review is still listed");
    assertEquals(1, project.select(".gantt path.g-review").size(), "the plausible review is drawn");
    assertTrue(project.select(".gantt text.g-tick").size() <= 20);
  }
}
