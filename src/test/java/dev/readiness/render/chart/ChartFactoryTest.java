package dev.readiness.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.ExampleData;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/** What the charts draw, against the hand counts of the example (docs/example-history.md). */
class ChartFactoryTest {
  private static final ReportData DATA = ExampleData.analyze();

  private static ProjectReport project(String slug) {
    return DATA.projects().stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
  }

  private static List<Integer> row(CategoryDataset data, String series) {
    List<Integer> values = new ArrayList<>();
    int r = data.getRowIndex(series);
    for (int c = 0; c < data.getColumnCount(); c++) {
      values.add(data.getValue(r, c).intValue());
    }
    return values;
  }

  @Test
  void sectionChartDrawsTheSeedsDoneAndOpenItemsPerSection() {
    Review seed = project("mahavishnu").reviews().get(0);
    CategoryDataset data = ((CategoryPlot) ChartFactory.sectionBars(seed).getPlot()).getDataset();
    // Hand count: 6/23, 12/18, 13/13, 5/19, 0/20, 0/20, 0/20, 3/21, 0/15, 0/15.
    assertEquals(List.of(6, 12, 13, 5, 0, 0, 0, 3, 0, 0), row(data, "Done"));
    assertEquals(List.of(17, 6, 0, 14, 20, 20, 20, 18, 15, 15), row(data, "Open"));
    assertEquals(List.of("Done", "Open"), data.getRowKeys());
    assertEquals("1. Security & Compliance", data.getColumnKey(0));
  }

  @Test
  void aReviewWithoutItemsGetsNoBarsButASentence() {
    ReportData edge = EdgeData.analyze();
    Review bare =
        edge.projects().stream()
            .filter(p -> p.slug().equals("bare"))
            .findFirst()
            .orElseThrow()
            .latest();
    assertEquals(0, bare.total());
    JFreeChart chart = ChartFactory.sectionBars(bare);
    CategoryPlot plot = (CategoryPlot) chart.getPlot();
    assertEquals(0, plot.getDataset().getColumnCount(), "no 0-1 axis of empty bars");
    assertEquals(ChartFactory.NO_ITEMS, plot.getNoDataMessage());
    assertNull(chart.getLegend());
    String svg = SvgCharts.element(chart, 760, 96, "sections");
    assertTrue(svg.contains(">No items: this review has no task items to chart</text>"), svg);
  }

  @Test
  void progressChartDrawsComputedBesideStatedPerReview() {
    ProjectReport orion = project("orion");
    CategoryDataset data = ((CategoryPlot) ChartFactory.progress(orion).getPlot()).getDataset();
    assertEquals(List.of("2026-02-23", "2026-03-02", "2026-03-09"), data.getColumnKeys());
    // docs/example-history.md: 3/10, 5/10, 6/10 checked; stated 40, 50, 58.
    assertEquals(List.of(30, 50, 60), row(data, "Computed %"));
    assertEquals(List.of(40, 50, 58), row(data, "Stated score"));
  }

  @Test
  void fewReviewsAreLabelledWithTheirDates() {
    List<LocalDate> dates = List.of(LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-02"));
    assertEquals(List.of("2026-02-23", "2026-03-02"), DateTicks.categoryLabels(dates, 9));
  }

  @Test
  void manyWeeklyReviewsOverYearsAreLabelledByPeriodWithTheYear() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2020-05-18");
        d.isBefore(LocalDate.parse("2026-05-18"));
        d = d.plusWeeks(1)) {
      dates.add(d);
    }
    List<String> labels = DateTicks.categoryLabels(dates, 9);
    List<String> shown = labels.stream().filter(l -> l != null).toList();
    assertEquals(List.of("2021", "2022", "2023", "2024", "2025", "2026"), shown);
    assertEquals(null, labels.get(0), "2020 starts too close to 2021 to be labelled too");
    assertEquals("2021", labels.get(dates.indexOf(LocalDate.parse("2021-01-04"))));
  }

  @Test
  void reviewsOverMonthsAreLabelledByMonthOrQuarter() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2025-10-06");
        d.isBefore(LocalDate.parse("2026-03-01"));
        d = d.plusWeeks(1)) {
      dates.add(d);
    }
    List<String> shown =
        DateTicks.categoryLabels(dates, 9).stream().filter(l -> l != null).toList();
    assertEquals(List.of("2025-10", "2025-11", "2025-12", "2026-01", "2026-02"), shown);
  }

  @Test
  void theDateAxisDrawsOnlyTheChosenLabels() {
    ProjectReport mahavishnu = project("mahavishnu");
    List<LocalDate> dates = mahavishnu.reviews().stream().map(Review::date).toList();
    List<String> chosen =
        DateTicks.categoryLabels(dates, ChartFactory.MAX_DATE_LABELS).stream()
            .filter(l -> l != null)
            .toList();
    String svg = SvgCharts.element(ChartFactory.progress(mahavishnu), 760, 300, "progress");
    List<String> drawn = new ArrayList<>();
    Matcher m = Pattern.compile(">(\\d{4}-\\d{2}(?:-\\d{2})?)</text>").matcher(svg);
    while (m.find()) {
      drawn.add(m.group(1));
    }
    assertTrue(
        chosen.contains("2026-02-02"), "the example's review of 2026-02-02 is labelled: " + chosen);
    assertEquals(chosen, drawn);
  }
}
