package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio, project, blockers and timeline pages of the example history
 * (docs/example-history.md).
 */
class OverviewPagesTest {
  @TempDir static Path dir;
  static BuiltSite site;

  @BeforeAll
  static void build() {
    site = BuiltSite.example(dir);
  }

  @Test
  void portfolioHasARowPerProjectWithComputedBesideStated() {
    Document page = site.page("index.html");
    Elements rows = page.select("#projects tbody tr");
    assertEquals(
        List.of("Mahavishnu MCP Ecosystem", "Orion Payments Gateway"),
        rows.select("th").eachText());
    Element mahavishnu = rows.get(0);
    Elements cells = mahavishnu.select("td");
    assertEquals("2026-03-09", cells.get(0).text());
    assertEquals("52.7% 97/184", cells.get(1).text());
    assertEquals("80 drift −27.3", cells.get(2).text());
    assertEquals("2", cells.get(4).text());
    // Due 2026-03-16, built on 2026-03-20: overdue by 4 days, in red.
    assertEquals("2026-03-16 · overdue 4 days", cells.get(5).selectFirst(".overdue").text());
    assertEquals("—", cells.get(6).text());
    Elements orion = rows.get(1).select("td");
    assertEquals("60% 6/10", orion.get(1).text());
    assertEquals("58", orion.get(2).text());
    assertEquals("1", orion.get(4).text());
    assertEquals("payments-team", orion.get(6).text());
  }

  @Test
  void portfolioSparklineCarriesTheValuesAsItsName() {
    Element spark = site.page("index.html").selectFirst("#projects tbody tr .spark");
    assertEquals("img", spark.attr("role"));
    assertEquals(
        "Computed percent by review: 2026-02-02 21.2%, 2026-02-09 31.4%, 2026-02-16 35.7%, "
            + "2026-03-02 45.1%, 2026-03-09 52.7%",
        spark.attr("aria-label"));
    assertEquals(1, spark.select("polyline").size());
  }

  @Test
  void portfolioHeatMapHasEverySectionOfTheLatestReviews() {
    Document page = site.page("index.html");
    Elements rows = page.select("table.heatmap tbody tr");
    assertEquals(
        List.of("52.2%", "100%", "100%", "85%", "68.4%", "20%", "60%", "33.3%", "0%", "6.7%"),
        rows.get(0).select(".heat-p").eachText());
    assertEquals(
        List.of(
            "heat-5", "heat-10", "heat-10", "heat-8", "heat-6", "heat-2", "heat-6", "heat-3",
            "heat-0", "heat-0"),
        rows.get(0).select("ol.heat li").stream().map(li -> li.className()).toList());
    assertEquals(List.of("75%", "50%", "50%"), rows.get(1).select(".heat-p").eachText());
  }

  @Test
  void portfolioListsNewestReviewsFirst() {
    List<String> newest = site.page("index.html").select("ol.newest > li > a").eachText();
    assertEquals(8, newest.size());
    assertEquals("2026-03-09 · Mahavishnu MCP Ecosystem", newest.get(0));
    assertEquals("2026-03-09 · Orion Payments Gateway", newest.get(1));
    assertEquals("2026-02-02 · Mahavishnu MCP Ecosystem", newest.get(7));
  }

  @Test
  void projectPageShowsTrendBlockersForecastAndReviews() {
    Document page = site.page("projects/mahavishnu/index.html");
    assertEquals(
        List.of("39/184", "58/185", "66/185", "83/184", "97/184"),
        page.select("#progress-h ~ .table-wrap tbody td:eq(1)").eachText());
    assertEquals("progress.svg", page.selectFirst("#progress-h ~ figure img").attr("src"));
    assertEquals(10, page.select("table.matrix tbody tr").size());
    assertEquals(
        List.of("Documentation", "Rollback Procedures"),
        page.select("#blockers-h + .table-wrap tbody th").eachText());
    // Hand count (docs/example-history.md): every blocker ever listed, when first seen and
    // resolved.
    assertEquals(
        List.of(
            "Load Testing 2026-02-02 2026-03-02",
            "CI/CD Pipeline 2026-02-02 2026-02-16",
            "Unit Test Coverage 2026-02-02 2026-03-09",
            "Monitoring Dashboards 2026-02-02 2026-02-16",
            "Documentation 2026-02-02 open, 35 days",
            "Rollback Procedures 2026-03-02 open, 7 days"),
        page.select("#blocker-history tbody tr").eachText());
    Elements reviews = page.select("#reviews-h ~ .table-wrap tbody tr");
    assertEquals(
        List.of("2026-03-09", "2026-03-02", "2026-02-16", "2026-02-09", "2026-02-02"),
        reviews.select("th").eachText());
    assertEquals("+7.6", reviews.get(0).select("td").get(1).text());
    assertEquals("—", reviews.get(4).select("td").get(1).text());
    assertTrue(page.selectFirst(".method").text().startsWith("Method: "));
    // The 2026-02-23 review was missed: the 2026-02-16 review's due date is overdue by 7 days.
    assertTrue(
        page.select("#timeline-h ~ .table-wrap .overdue")
            .eachText()
            .contains("2026-02-23 · overdue 7 days"));
    assertFalse(page.select("#timeline-h ~ .gantt-wrap svg.gantt rect.g-bar").isEmpty());
    assertEquals("../../badges/mahavishnu.svg", page.selectFirst("img.badge").attr("src"));
  }

  @Test
  void blockersPageListsOpenBlockersOldestFirst() {
    Elements rows = site.page("blockers/index.html").select("#blocker-list tbody tr");
    assertEquals(
        List.of("Documentation", "Rollback Procedures", "Alert routing"),
        rows.select("th").eachText());
    assertEquals(
        List.of("35", "7", "0"), rows.stream().map(r -> r.select("td").get(3).text()).toList());
    assertEquals(
        "../projects/orion/2026-03-09/index.html#blockers",
        rows.get(2).select("td a").get(1).attr("href"));
  }

  @Test
  void timelinePageShowsDueReviewsPlansAndEveryReview() {
    Document page = site.page("timeline/index.html");
    assertEquals(
        List.of("2026-03-16 · overdue 4 days", "2026-03-16 · overdue 4 days"),
        page.select("#due-h ~ .table-wrap .overdue").eachText());
    assertEquals(2, page.select("section.plan svg.gantt").size());
    assertEquals(8, page.select("#all-h ~ .table-wrap tbody tr").size());
  }

  @Test
  void badgeShowsComputedPercentAndOpenBlockers() {
    String badge = site.text("badges/mahavishnu.svg");
    assertTrue(badge.contains(">52.7% · 2 blockers</text>"), badge);
    assertTrue(site.text("badges/orion.svg").contains(">60% · 1 blocker</text>"));
  }
}
