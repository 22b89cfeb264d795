package dev.readiness.read;

import java.time.LocalDate;

/**
 * The dates a checklist can plausibly mean: 1970-01-01 to 2100-12-31. A date outside (a year typo
 * such as {@code 0026-03-09}, a placeholder such as {@code 9999-12-31}) would stretch every chart
 * and timeline over centuries of empty weeks; the reader reports it and leaves it out. The window
 * is fixed rather than relative to the build date, so that a review reads the same on any day.
 */
final class PlausibleDates {
  static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
  static final LocalDate LAST = LocalDate.of(2100, 12, 31);
  static final String RANGE = FIRST + " to " + LAST;

  private PlausibleDates() {}

  /** Whether a date lies in the window. */
  static boolean contains(LocalDate date) {
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }
}
