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
    StringBuilder out = new StringBuilder(256);
    out.append("<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Xml.escape(label)).append("\">");
    out.append("<line class=\"spark-base\" x1=\"0\" y1=\"").append(y(0)).append("\" x2=\"").append(WIDTH)
        .append("\" y2=\"").append(y(0)).append("\"/>");
    int n = percents.size();
    StringBuilder points = new StringBuilder();
    int last = -1;
    for (int i = 0; i < n; i++) {
      Double v = percents.get(i);
      if (v == null) {
        flush(out, points);
        continue;
      }
      points.append(points.length() == 0 ? "" : " ").append(x(i, n)).append(',').append(y(v));
      last = i;
    }
    flush(out, points);
    if (last >= 0) {
      out.append("<circle class=\"spark-dot\" cx=\"").append(x(last, n)).append("\" cy=\"")
          .append(y(percents.get(last))).append("\" r=\"2.5\"/>");
    }
    return out.append("</svg>").toString();
  }

  private static void flush(StringBuilder out, StringBuilder points) {
    if (points.length() > 0) {
      out.append("<polyline class=\"spark-line\" points=\"").append(points).append("\"/>");
      points.setLength(0);
    }
  }

  private static String x(int i, int n) {
    return Xml.num(n <= 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1));
  }

  private static String y(double percent) {
    return Xml.num(HEIGHT - PAD - Math.max(0, Math.min(100, percent)) * (HEIGHT - 2.0 * PAD) / 100);
  }
}
