package dev.readiness.render.chart;

import java.util.List;

/** A small inline line of a figure over time, styled by the page's CSS (no inline styles). */
public final class Sparkline {
  private static final int WIDTH = 120;
  private static final int HEIGHT = 28;
  private static final int PAD = 3;

  private Sparkline() {}

  /**
   * An {@code <svg role="img">} of percents on a 0–100 scale; gaps where a value is missing.
   *
   * @param percents values oldest first, null where missing
   * @param label the accessible name, which should carry the values as text
   */
  public static String svg(List<Double> percents, String label) {
    SvgWriter svg =
        new SvgWriter(256, false)
            .svg("spark")
            .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
            .attr("width", WIDTH)
            .attr("height", HEIGHT)
            .attr("role", "img")
            .attr("aria-label", label);
    svg.empty("line")
        .attr("class", "spark-base")
        .attr("x1", 0)
        .attr("y1", y(0))
        .attr("x2", WIDTH)
        .attr("y2", y(0));
    int n = percents.size();
    StringBuilder points = new StringBuilder();
    int last = -1;
    for (int i = 0; i < n; i++) {
      Double v = percents.get(i);
      if (v == null) {
        flush(svg, points);
        continue;
      }
      points
          .append(points.length() == 0 ? "" : " ")
          .append(SvgWriter.num(x(i, n)))
          .append(',')
          .append(SvgWriter.num(y(v)));
      last = i;
    }
    flush(svg, points);
    if (last >= 0) {
      svg.empty("circle")
          .attr("class", "spark-dot")
          .attr("cx", x(last, n))
          .attr("cy", y(percents.get(last)))
          .attr("r", "2.5");
    }
    return svg.finish();
  }

  private static void flush(SvgWriter svg, StringBuilder points) {
    if (points.length() > 0) {
      svg.empty("polyline").attr("class", "spark-line").attr("points", points.toString());
      points.setLength(0);
    }
  }

  private static double x(int i, int n) {
    return n <= 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
  }

  private static double y(double percent) {
    return HEIGHT - PAD - Math.max(0, Math.min(100, percent)) * (HEIGHT - 2.0 * PAD) / 100;
  }
}
