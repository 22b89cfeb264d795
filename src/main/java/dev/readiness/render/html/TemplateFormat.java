package dev.readiness.render.html;

import dev.readiness.analyze.Format;

/**
 * Figure formatting for templates, as {@code fmt}: the same text as data.json, the PDFs and the
 * terminal show, through {@link Format}. Arguments are {@code Object} so that a template can pass a
 * missing figure straight in and get {@code n/a}.
 */
public final class TemplateFormat {
  /** The one instance; it holds no state. */
  public static final TemplateFormat INSTANCE = new TemplateFormat();

  private TemplateFormat() {}

  /** {@code 21.2%}, {@code 100%} or {@code n/a}. */
  public String percent(Object value) {
    return Format.percent(number(value));
  }

  /** {@code 52}, {@code 21.2} or {@code n/a}. */
  public String num(Object value) {
    return Format.number(number(value));
  }

  /** {@code +4.3}, {@code −2}, {@code ±0} or {@code n/a}. */
  public String signed(Object value) {
    return Format.signed(number(value));
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

  /** The CSS class of a signed change: {@code up}, {@code down} or {@code flat}. */
  public String trend(Object value) {
    Double d = number(value);
    return d == null || d == 0 ? "flat" : d > 0 ? "up" : "down";
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
