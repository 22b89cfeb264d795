package dev.readiness.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class SvgChartsTest {
  private static JFreeChart bars(int done) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(done, "Done", "1. Security & <Compliance>");
    data.addValue(23 - done, "Open", "1. Security & <Compliance>");
    return new JFreeChart(
        new CategoryPlot(
            data, new CategoryAxis(null), new NumberAxis("Items"), new StackedBarRenderer()));
  }

  @Test
  void aDrawingGivenATitleLaterIsTheChartDrawnWithIt() {
    String element = SvgCharts.element(bars(6), 760, 96, "sections");
    assertEquals(
        element,
        SvgCharts.element(bars(6), 760, 96, "sections"),
        "the same figures draw the same SVG");
    assertNotEquals(element, SvgCharts.element(bars(7), 760, 96, "sections"));
    String title = "Done and open items per section, Orion & co, review of 2026-03-09";
    String document = SvgCharts.document(element, title);
    assertEquals(SvgCharts.document(bars(6), 760, 96, "sections", title), document);
    assertTrue(document.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), document);
    assertTrue(
        document.contains(
            "><title>Done and open items per section, Orion &amp; co, review of 2026-03-09</title>"));
    assertTrue(document.endsWith("</svg>\n"));
  }
}
