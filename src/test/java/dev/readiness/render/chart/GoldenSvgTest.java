package dev.readiness.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.ExampleData;
import dev.readiness.analyze.Format;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Trend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of chart of the example history against golden SVG files in
 * src/test/resources/golden/svg: a wrong picture (done and open swapped, a series dropped, a label
 * lost) changes the file. JFreeSVG's definitions prefix is fixed per chart, so the same figures
 * give the same bytes; text is measured with DejaVu Sans (the bundled font, also installed on the
 * machines the tests run on). Refresh them only with {@code mvn test -Dtest=GoldenSvgTest
 * -Dgolden.update=true} and read their diff in review.
 */
class GoldenSvgTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/svg");

  private static Map<String, String> charts() {
    ReportData data = ExampleData.analyze();
    ProjectReport mahavishnu =
        data.projects().stream()
            .filter(p -> p.slug().equals("mahavishnu"))
            .findFirst()
            .orElseThrow();
    ProjectReport orion =
        data.projects().stream().filter(p -> p.slug().equals("orion")).findFirst().orElseThrow();
    Map<String, String> charts = new LinkedHashMap<>();
    charts.put(
        "sections-seed.svg",
        SvgCharts.document(
            ChartFactory.sectionBars(mahavishnu.reviews().get(0)),
            760,
            330,
            "sections",
            "Done and open items per section, the seed review"));
    charts.put(
        "progress-orion.svg",
        SvgCharts.document(
            ChartFactory.progress(orion),
            760,
            300,
            "progress",
            "Computed percent and stated score per review, Orion"));
    charts.put(
        "section-trends-mahavishnu.svg",
        SvgCharts.document(
            ChartFactory.sectionTrends(mahavishnu),
            760,
            392,
            "section-trends",
            "Computed percent per section and review, Mahavishnu"));
    charts.put(
        "gantt-mahavishnu.svg",
        Gantt.svg(mahavishnu.timeline(), LocalDate.parse("2026-03-20"), "Timeline"));
    List<Double> percents =
        new ArrayList<>(mahavishnu.trend().points().stream().map(Trend.Point::percent).toList());
    charts.put("sparkline-mahavishnu.svg", Sparkline.svg(percents, "Computed percent by review"));
    charts.put(
        "badge-orion.svg",
        Badge.svg(
            "readiness",
            Format.percent(orion.latest().percent()) + " · 1 blocker",
            Badge.Tone.BAD,
            "Orion"));
    return charts;
  }

  @Test
  void chartsMatchGoldenFiles() throws IOException {
    boolean update = Boolean.getBoolean("golden.update");
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> chart : charts().entrySet()) {
      Path golden = GOLDEN.resolve(chart.getKey());
      if (update) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, chart.getValue(), StandardCharsets.UTF_8);
      } else if (!Files.isRegularFile(golden)
          || !Files.readString(golden, StandardCharsets.UTF_8).equals(chart.getValue())) {
        differ.add(chart.getKey());
      }
    }
    assertEquals(
        List.of(),
        differ,
        "differs from "
            + GOLDEN
            + "; if the change is intended, run "
            + "mvn test -Dtest=GoldenSvgTest -Dgolden.update=true and review the diff");
  }

  @Test
  void twoRendersAreIdentical() {
    assertEquals(charts(), charts());
  }
}
