package dev.readiness.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateTicksTest {
  private static List<String> labels(String from, String to, double width) {
    return DateTicks.between(LocalDate.parse(from), LocalDate.parse(to), width).stream()
        .map(DateTicks.Tick::label)
        .toList();
  }

  @Test
  void weeksWithinOneYearAreLabelledMonthAndDayFromTheFirstDate() {
    assertEquals(
        List.of("01-31", "02-07", "02-14", "02-21", "02-28", "03-07"),
        labels("2026-01-31", "2026-03-09", 700));
  }

  @Test
  void weeksAcrossNewYearCarryTheYear() {
    assertEquals(
        List.of("2025-12-20", "2025-12-27", "2026-01-03", "2026-01-10"),
        labels("2025-12-20", "2026-01-12", 700));
  }

  @Test
  void monthsQuartersAndYearsAsTheSpanGrows() {
    assertEquals(
        List.of("2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"),
        labels("2025-06-10", "2026-01-20", 600));
    assertEquals(
        List.of("2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"),
        labels("2024-05-18", "2026-03-01", 600));
    assertEquals(
        List.of("2020", "2021", "2022", "2023", "2024", "2025", "2026"),
        labels("2019-05-18", "2026-05-25", 600));
  }

  @Test
  void aSpanOfThousandsOfYearsHasAHandfulOfTicks() {
    List<DateTicks.Tick> ticks =
        DateTicks.between(LocalDate.parse("0001-01-01"), LocalDate.parse("9999-12-31"), 880);
    assertTrue(ticks.size() <= 880 / 34, ticks.toString());
    assertEquals(19, ticks.size());
    assertEquals("500", ticks.get(0).label());
    assertEquals("9500", ticks.get(18).label());
  }

  @Test
  void tickCountIsBoundedByTheWidthForEverySpan() {
    LocalDate from = LocalDate.parse("2026-01-01");
    for (long days = 1; days < 4_000_000; days = days * 3 + 1) {
      LocalDate to = from.plusDays(days);
      int n = DateTicks.between(from, to, 600).size();
      assertTrue(n >= 1 && n <= 600 / 34 + 1, days + " days: " + n + " ticks");
    }
  }
}
