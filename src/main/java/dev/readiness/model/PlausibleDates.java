package dev.readiness.model;

import java.time.LocalDate;

/**
 * The dates a checklist can plausibly mean: 1970-01-01 to 2100-12-31. A date outside (a year typo
 * such as {@code 0026-03-09}, a placeholder such as {@code 9999-12-31}) would stretch every chart
 * and timeline over centuries of empty weeks. The reader warns about it ({@code IMPLAUSIBLE_DATE})
 * and leaves a date in the text out; a review dated so by its file name is kept, and whoever draws
 * dates leaves out those this window does not contain. The window is fixed rather than relative to
 * the build date, so that a review reads the same on any day.
 */
public final class PlausibleDates {
  public static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2100, 12, 31);
  public static final String RANGE = FIRST + " to " + LAST;

  private PlausibleDates() {}

  /** Whether a date lies in the window; null does not. */
  public static boolean contains(LocalDate date) {
    if (date == null) {
      return false;
    }
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }
}
