package dev.readiness.analyze;

import java.time.LocalDate;
import java.util.List;
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

  /**
   * Short labels for a run of dates, such as column heads: {@code 05-18} while every date falls in
   * one year, the whole {@code 2024-05-18} when the run crosses a year, so that no two different
   * days read the same. A null date reads {@code undated}.
   */
  public static List<String> dateLabels(List<LocalDate> dates) {
    long years = dates.stream().filter(d -> d != null).map(LocalDate::getYear).distinct().count();
    return dates.stream().map(d -> d == null ? "undated" : years <= 1 ? d.toString().substring(5) : d.toString())
        .toList();
  }
}
