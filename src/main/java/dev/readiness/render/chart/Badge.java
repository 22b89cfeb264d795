package dev.readiness.render.chart;

/** A flat status badge as a standalone SVG file, to embed in a README or a wiki. */
public final class Badge {
  /** Colour of a badge's value. */
  public enum Tone {
    GOOD("#1f7a4d"),
    WARN("#b35c00"),
    BAD("#b42318"),
    NONE("#5b6573");

    private final String fill;

    Tone(String fill) {
      this.fill = fill;
    }
  }

  private static final double CHAR = 6.6;

  private Badge() {}

  /**
   * The badge.
   *
   * @param label the left text, e.g. {@code readiness}
   * @param value the right text, e.g. {@code 52.7% · 2 blockers}
   * @param title the accessible name
   */
  public static String svg(String label, String value, Tone tone, String title) {
    int left = (int) Math.ceil(label.length() * CHAR) + 12;
    int right = (int) Math.ceil(value.length() * CHAR) + 12;
    int width = left + right;
    SvgWriter svg =
        new SvgWriter(640, true)
            .svg(null)
            .attr("width", width)
            .attr("height", 20)
            .attr("viewBox", "0 0 " + width + " 20")
            .attr("role", "img")
            .attr("aria-label", title)
            .element("title", title);
    svg.empty("rect").attr("width", width).attr("height", 20).attr("rx", 3).attr("fill", "#3b4450");
    svg.empty("rect")
        .attr("x", left)
        .attr("width", right)
        .attr("height", 20)
        .attr("fill", tone.fill);
    svg.start("g")
        .attr("fill", "#fff")
        .attr("font-family", "'DejaVu Sans',Verdana,Geneva,sans-serif")
        .attr("font-size", 11)
        .attr("text-anchor", "middle");
    svg.start("text").attr("x", left / 2.0).attr("y", 14).text(label).end();
    svg.start("text").attr("x", left + right / 2.0).attr("y", 14).text(value).end();
    return svg.finish() + "\n";
  }
}
