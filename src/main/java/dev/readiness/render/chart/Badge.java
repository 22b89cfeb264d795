package dev.readiness.render.chart;

/** A flat status badge as a standalone SVG file, to embed in a README or a wiki. */
public final class Badge {
  /** Colour of a badge's value. */
  public enum Tone {
    GOOD("#1f7a4d"), WARN("#b35c00"), BAD("#b42318"), NONE("#5b6573");

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
    String l = Xml.escape(label);
    String v = Xml.escape(value);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" viewBox=\"0 0 " + width
        + " 20\" role=\"img\" aria-label=\"" + Xml.escape(title) + "\">"
        + "<title>" + Xml.escape(title) + "</title>"
        + "<rect width=\"" + width + "\" height=\"20\" rx=\"3\" fill=\"#3b4450\"/>"
        + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + tone.fill + "\"/>"
        + "<g fill=\"#fff\" font-family=\"'DejaVu Sans',Verdana,Geneva,sans-serif\" font-size=\"11\" text-anchor=\"middle\">"
        + "<text x=\"" + Xml.num(left / 2.0) + "\" y=\"14\">" + l + "</text>"
        + "<text x=\"" + Xml.num(left + right / 2.0) + "\" y=\"14\">" + v + "</text>"
        + "</g></svg>\n";
  }
}
