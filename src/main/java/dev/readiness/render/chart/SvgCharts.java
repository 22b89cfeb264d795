package dev.readiness.render.chart;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Draws charts as SVG elements, deterministically: the same chart and id give the same bytes. */
public final class SvgCharts {
  private SvgCharts() {}

  /**
   * The chart as an {@code <svg>} element.
   *
   * @param id an id unique within the page; also the prefix of the SVG's definitions
   */
  public static String svg(JFreeChart chart, int width, int height, String id) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement(id);
  }
}
