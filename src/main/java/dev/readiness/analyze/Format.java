package dev.readiness.analyze;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * How figures read in messages and every output: {@code 21.2%}, {@code 52}, {@code n/a}. Every
 * decimal is rounded here, half up (away from zero on a tie: {@code 6.25} reads {@code 6.3}), on
 * the shortest decimal form of the value, so that the text shown is the text one would write by
 * hand.
 */
public final class Format {
  private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.HALF_UP);

  private Format() {}

  /** A percent such as {@code 21.2%} or {@code 100%}, or {@code n/a}. */
  public static String percent(Double value) {
    return value == null ? "n/a" : number(value) + "%";
  }

  /**
   * A number to one decimal without a needless {@code .0}: {@code 52}, {@code 21.2}; {@code n/a}
   * for null or a value that is not finite.
   */
  public static String number(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return "n/a";
    }
    BigDecimal rounded = tenths(value);
    return rounded.signum() == 0
        ? "0"
        : rounded.scale() > 0 && rounded.remainder(BigDecimal.ONE).signum() == 0
            ? rounded.setScale(0).toPlainString()
            : rounded.toPlainString();
  }

  /**
   * A number with exactly one decimal, such as {@code 60.0} or {@code 21.2}; {@code n/a} as {@link
   * #number}.
   */
  public static String oneDecimal(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return "n/a";
    }
    BigDecimal rounded = tenths(value);
    return (rounded.signum() == 0 ? BigDecimal.ZERO.setScale(1) : rounded).toPlainString();
  }

  /**
   * A rate such as items per week: one decimal from 1 up ({@code 2.3}), two significant digits
   * below ({@code 0.27}, {@code 0.045}), so that slow but real progress never reads as 0.
   */
  public static String rate(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return "n/a";
    }
    if (Math.abs(value) >= 0.95) {
      return number(value);
    }
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).round(TWO_DIGITS).stripTrailingZeros().toPlainString();
  }

  /** A signed difference such as {@code +4.3} or {@code −2}, or {@code n/a}. */
  public static String signed(Double value) {
    return signed(value, number(value));
  }

  /** A signed rate such as {@code +0.045} or {@code −1.5} (see {@link #rate}), or {@code n/a}. */
  public static String signedRate(Double value) {
    return signed(value, rate(value));
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
    return dates.stream()
        .map(d -> d == null ? "undated" : years <= 1 ? d.toString().substring(5) : d.toString())
        .toList();
  }

  private static String signed(Double value, String text) {
    if (value == null || !Double.isFinite(value)) {
      return "n/a";
    }
    if (text.equals("0")) {
      return "±0";
    }
    return text.startsWith("-") ? "−" + text.substring(1) : "+" + text;
  }

  private static BigDecimal tenths(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}
