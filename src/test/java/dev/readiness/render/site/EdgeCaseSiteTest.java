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
    BuiltSite site = BuiltSite.build(Path.of("src/test/resources/fixtures/site-edge"), dir, null, null, false);
    Document bare = site.page("projects/bare/2026-01-05/index.html");
    assertEquals("n/a", bare.selectFirst("#summary .card .big").text());
    assertEquals("0 of 0 items checked", bare.selectFirst("#summary .card .muted").text());
    assertTrue(bare.selectFirst("#document").text().contains("Nothing to check yet."));
    assertEquals(1, bare.select("h1").size());
    Document portfolio = site.page("index.html");
    assertEquals(List.of("n/a 0/0", "100% 2/2"),
        portfolio.select("#projects tbody tr td:eq(2)").eachText());
    assertTrue(site.text("badges/bare.svg").contains(">n/a · 0 blockers</text>"));
  }

  @Test
  void itemsBeforeTheFirstHeadingFormASectionAndKeepTheirTitle() {
    BuiltSite site = BuiltSite.build(Path.of("src/test/resources/fixtures/site-edge"), dir, null, null, false);
    Document page = site.page("projects/preamble/2026-01-05/index.html");
    assertEquals(2, page.select("#checklist input[type=checkbox]").size());
    assertEquals("1/2", page.select("table.by-section tbody tr td").get(3).text());
    assertTrue(page.selectFirst("#checklist").text().contains("Late title"), "the H1 inside the preamble is kept");
    assertEquals(1, page.select("h1").size(), "and lowered below the page's own h1");
  }
}
