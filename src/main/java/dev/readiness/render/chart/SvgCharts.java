package dev.readiness.render.chart;

import dev.readiness.render.TextDirection;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws charts as SVG elements, deterministically: the same chart and id give the same bytes. */
public final class SvgCharts {
  /** Chart fonts as the browser should pick them: the measured one first, then look-alikes. */
  private static final String FONT_FAMILY = "DejaVu Sans, Verdana, Segoe UI, sans-serif";

  /**
   * A text element JFreeSVG writes: its start tag, its escaped content (no markup) and its end tag.
   */
  private static final Pattern TEXT = Pattern.compile("(<text\\b[^>]*>)([^<]*)(</text>)");

  private SvgCharts() {}

  /**
   * The chart as a standalone, scalable SVG file (for an {@code <img>}, which a strict
   * Content-Security-Policy allows where it blocks the style attributes JFreeSVG writes inline).
   *
   * @param id the SVG's id and the prefix of its definitions
   * @param title the chart's accessible name, written as its {@code <title>}
   */
  public static String document(JFreeChart chart, int width, int height, String id, String title) {
    return document(element(chart, width, height, id), title);
  }

  /**
   * The chart as the root element of a standalone SVG file, without a title: the same chart, size
   * and id give the same string, so it can be drawn once and given to {@link #document(String,
   * String)} with each title it is shown under.
   *
   * @param id the SVG's id and the prefix of its definitions
   */
  public static String element(JFreeChart chart, int width, int height, String id) {
    return rightToLeft(
        draw(chart, width, height, id)
            .getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null));
  }

  /**
   * The SVG with each text that starts with a right-to-left letter wrapped in a right-to-left
   * embedding. JFreeChart lays a label out from its left end, measured as a whole; a browser then
   * orders the label's letters by the bidirectional algorithm, which in a left-to-right {@code
   * <text>} puts the runs of an Arabic or Hebrew label (around its digits and Latin words) in the
   * wrong order. The embedding makes the label read right to left within the same box.
   */
  static String rightToLeft(String svg) {
    if (!TextDirection.hasRtl(svg)) {
      return svg;
    }
    Matcher m = TEXT.matcher(svg);
    StringBuilder out = new StringBuilder(svg.length() + 64);
    while (m.find()) {
      String content = m.group(2);
      String replacement =
          TextDirection.firstStrong(content) == TextDirection.RTL
              ? m.group(1)
                  + TextDirection.RTL_EMBEDDING
                  + content
                  + TextDirection.POP_DIRECTIONAL
                  + m.group(3)
              : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A standalone SVG file of an element from {@link #element}.
   *
   * @param title the chart's accessible name, written as its {@code <title>}
   */
  public static String document(String element, String title) {
    StringWriter out = new StringWriter(element.length() + title.length() + 64);
    try {
      writeDocument(element, title, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes {@link #document(String, String)} to {@code out}. */
  public static void writeDocument(String element, String title, Writer out) throws IOException {
    int open = element.indexOf('>') + 1;
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write(element, 0, open);
    out.write(new SvgWriter(title.length() + 16, false).element("title", title).finish());
    out.write(element, open, element.length() - open);
    out.write("\n");
  }

  private static SVGGraphics2D draw(JFreeChart chart, int width, int height, String id) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    g.setFontFunction(family -> FONT_FAMILY);
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g;
  }
}
