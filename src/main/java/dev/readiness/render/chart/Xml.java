package dev.readiness.render.chart;

/** Escaping for text and attribute values in the SVG this package writes by hand. */
final class Xml {
  private Xml() {}

  /** The text with {@code & < > " '} escaped and characters XML 1.0 forbids dropped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
              || c >= 0x10000) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  /** A coordinate with at most one decimal, locale-independent. */
  static String num(double value) {
    double r = Math.round(value * 10) / 10.0;
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }
}
