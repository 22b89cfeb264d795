package dev.readiness.render.html;

import dev.readiness.analyze.Format;
import dev.readiness.render.TextDirection;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Figure formatting for templates, as {@code fmt}: the same text as data.json, the PDFs and the
 * terminal show, through {@link Format}. Arguments are {@code Object} so that a template can pass a
 * missing figure straight in and get {@code n/a}. Thread-safe.
 *
 * <p>Formatted figures are remembered by value: a site prints the same few hundred percents tens of
 * thousands of times, and {@link Format} formats decimals with {@code String.format}, which cost
 * more than the rest of a review page's template did.
 */
public final class TemplateFormat {
  /** The one instance; it holds nothing but remembered results of pure functions. */
  public static final TemplateFormat INSTANCE = new TemplateFormat();

  /** Remembered figures per function; emptied when full, which keeps memory bounded. */
  private static final int MEMO_LIMIT = 16_384;

  private static final TemplateHTMLOutputModel DIR_AUTO = SiteTemplates.markup(" dir=\"auto\"");
  private static final TemplateHTMLOutputModel NO_DIR = SiteTemplates.markup("");
  private static final TemplateHTMLOutputModel BDI = SiteTemplates.markup("<bdi>");
  private static final TemplateHTMLOutputModel END_BDI = SiteTemplates.markup("</bdi>");

  private final Map<Double, String> percents = new ConcurrentHashMap<>();
  private final Map<Double, String> numbers = new ConcurrentHashMap<>();
  private final Map<Double, String> signs = new ConcurrentHashMap<>();

  private TemplateFormat() {}

  /** {@code 21.2%}, {@code 100%} or {@code n/a}. */
  public String percent(Object value) {
    return memo(percents, number(value), Format::percent);
  }

  /** {@code 52}, {@code 21.2} or {@code n/a}. */
  public String num(Object value) {
    return memo(numbers, number(value), Format::number);
  }

  /** {@code +4.3}, {@code −2}, {@code ±0} or {@code n/a}. */
  public String signed(Object value) {
    return memo(signs, number(value), Format::signed);
  }

  private static String memo(
      Map<Double, String> memo, Double value, Function<Double, String> format) {
    if (value == null) {
      return format.apply(null);
    }
    String text = memo.get(value);
    if (text == null) {
      text = format.apply(value);
      if (memo.size() >= MEMO_LIMIT) {
        memo.clear();
      }
      memo.put(value, text);
    }
    return text;
  }

  /** A count with its noun: {@code 1 warning}, {@code 5 warnings}. */
  public String count(Object n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** A count with its noun in the right number: {@code 1 entry}, {@code 2 entries}. */
  public String count(Object n, String singular, String plural) {
    long value = n instanceof Number number ? number.longValue() : 0;
    return value + " " + (value == 1 ? singular : plural);
  }

  /** Text cut to {@code max} characters with an ellipsis. */
  public String clip(Object text, int max) {
    return text == null ? "" : Format.clip(text.toString(), max);
  }

  /**
   * The CSS class of a percent's colour band: {@code heat-0} (below 10) to {@code heat-10} (100),
   * {@code heat-na} without a figure.
   */
  public String heat(Object value) {
    Double d = number(value);
    return d == null ? "heat-na" : "heat-" + (int) Math.floor(Math.max(0, Math.min(100, d)) / 10);
  }

  /**
   * {@code dir="auto"} for an element that shows checklist text with a right-to-left letter (so the
   * browser gives it the direction of its first letter and keeps its words in order), nothing for
   * other text: left to right like the page.
   */
  public TemplateHTMLOutputModel dir(Object text) {
    return text != null && TextDirection.hasRtl(text.toString()) ? DIR_AUTO : NO_DIR;
  }

  /**
   * Checklist text to show inline in a sentence of the page: escaped, and isolated in a {@code
   * <bdi>} when it has a right-to-left letter, so that it reads in its own direction and does not
   * reorder the page's words around it.
   */
  public TemplateHTMLOutputModel isolate(Object text) {
    String value = text == null ? "" : text.toString();
    try {
      TemplateHTMLOutputModel escaped = HTMLOutputFormat.INSTANCE.fromPlainTextByEscaping(value);
      return TextDirection.hasRtl(value)
          ? HTMLOutputFormat.INSTANCE.concat(
              HTMLOutputFormat.INSTANCE.concat(BDI, escaped), END_BDI)
          : escaped;
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CSS class of a signed change: {@code up}, {@code down} or {@code flat}. */
  public String trend(Object value) {
    Double d = number(value);
    return d == null || d == 0 ? "flat" : d > 0 ? "up" : "down";
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
