package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.readiness.BuildPipeline;
import dev.readiness.config.Settings;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift shown on pages is the drift the gate and STATED_DRIFT use: {@code gate.maxDrift}. */
class DriftSettingTest {
  @Test
  void pagesMarkDriftBeyondTheGatesMaxDrift(@TempDir Path dir) throws Exception {
    // The seed's drift by section: 43.9, 6.3, 0, 13.7, 20, 40, 30, 45.7, 20, 10; overall 30.8.
    Settings settings = Settings.DEFAULTS.withGate(new Settings.Gate(80, 0, 35.0, false, null));
    Path input = Path.of("checklists");
    Path out = dir.resolve("site");
    BuildPipeline.build(
        new BuildPipeline.Options(input, "checklists", settings, null, false, 1, BuiltSite.CLOCK),
        out);
    Document page =
        Jsoup.parse(out.resolve("projects/mahavishnu/2026-02-02/index.html").toFile(), "UTF-8");
    assertEquals(
        List.of(true, false, false, false, false, true, false, true, false, false),
        page.select("table.by-section tbody tr").stream().map(r -> r.hasClass("drift")).toList());
    assertFalse(page.select("#summary .card").get(1).hasClass("drift"), "30.8 points is within 35");
    assertEquals(
        3,
        page.select("#warnings tbody tr").stream()
            .filter(e -> e.text().contains("STATED_DRIFT"))
            .count(),
        page.select("#warnings").outerHtml());
  }
}
