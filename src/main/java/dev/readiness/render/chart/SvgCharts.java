package dev.readiness.render.chart;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws charts as SVG elements, deterministically: the same chart and id give the same bytes. */
public final class SvgCharts {
  /** Chart fonts as the browser should pick them: the measured one first, then look-alikes. */
  private static final String FONT_FAMILY = "DejaVu Sans, Verdana, Segoe UI, sans-serif";

  private SvgCharts() {}

  /**
   * The chart as an {@code <svg>} element.
   *
   * @param id an id unique within the page; also the prefix of the SVG's definitions
   */
  public static String svg(JFreeChart chart, int width, int height, String id) {
    return draw(chart, width, height, id).getSVGElement(id);
  }

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
    return draw(chart, width, height, id).getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
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
    out.write("<title>");
    out.write(Xml.escape(title));
    out.write("</title>");
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
