package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Format#dateLabels}: short labels that never make two different days read the same. */
class DateLabelsTest {
  @Test
  void datesWithinOneYearReadMonthAndDay() {
    assertEquals(
        List.of("05-18", "10-24", "12-31"),
        Format.dateLabels(dates("2025-05-18", "2025-10-24", "2025-12-31")));
  }

  @Test
  void datesAcrossAYearCarryIt() {
    assertEquals(
        List.of("2024-05-18", "2024-10-24", "2025-05-25"),
        Format.dateLabels(dates("2024-05-18", "2024-10-24", "2025-05-25")));
  }

  @Test
  void anUndatedReviewSaysSo() {
    assertEquals(
        List.of("01-05", "undated"),
        Format.dateLabels(Arrays.asList(LocalDate.parse("2026-01-05"), null)));
  }

  private static List<LocalDate> dates(String... dates) {
    return Arrays.stream(dates).map(LocalDate::parse).toList();
  }
}
