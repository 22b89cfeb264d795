package dev.readiness.analyze;

import java.util.Locale;

/** How figures read in messages and every output: {@code 21.2%}, {@code 52}, {@code n/a}. */
public final class Format {
  private Format() {}

  /** A percent such as {@code 21.2%} or {@code 100%}, or {@code n/a}. */
  public static String percent(Double value) {
    return value == null ? "n/a" : number(value) + "%";
  }

  /** A number without a needless {@code .0}: {@code 52}, {@code 21.2}; {@code n/a} for null. */
  public static String number(Double value) {
    if (value == null) {
      return "n/a";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) (double) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A signed difference such as {@code +4.3} or {@code −2}, or {@code n/a}. */
  public static String signed(Double value) {
    if (value == null) {
      return "n/a";
    }
    if (value == 0) {
      return "±0";
    }
    return (value > 0 ? "+" : "−") + number(Math.abs(value));
  }

  /** A text cut to at most {@code max} characters with an ellipsis. */
  public static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
