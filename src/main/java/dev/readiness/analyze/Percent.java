package dev.readiness.analyze;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as every output shows them: one decimal, rounded half up, computed once here. */
public final class Percent {
  private Percent() {}

  /** {@code done / total × 100} to one decimal, or null when there are no items. */
  public static Double of(int done, int total) {
    if (total <= 0) {
      return null;
    }
    return round(done * 100.0 / total);
  }

  /** {@code a - b} to one decimal, or null when either is missing. */
  public static Double difference(Double a, Double b) {
    if (a == null || b == null) {
      return null;
    }
    return round(a - b);
  }

  /** A value rounded half up to one decimal. */
  public static double round(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }
}
