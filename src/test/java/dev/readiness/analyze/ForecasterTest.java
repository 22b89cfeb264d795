package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.config.Settings;
import dev.readiness.model.Snapshot;
import dev.readiness.read.ProjectInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecasterTest {
  private static ProjectReport history(String... reviews) {
    List<Snapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < reviews.length; i++) {
      snapshots.add(
          Fixtures.parse(reviews[i]).snapshot().withDate(LocalDate.of(2026, 1, 5).plusWeeks(i)));
    }
    return new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 1, 5))
        .project(new ProjectInput("p", "P", snapshots), "in", Map.of());
  }

  /** A project of reviews on the given dates, each {@code boxes(done, total)}. */
  private static ProjectReport dated(LocalDate[] dates, String... reviews) {
    List<Snapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < reviews.length; i++) {
      snapshots.add(Fixtures.parse(reviews[i]).snapshot().withDate(dates[i]));
    }
    return new Analyzer(Settings.DEFAULTS, dates[dates.length - 1])
        .project(new ProjectInput("p", "P", snapshots), "in", Map.of());
  }

  private static String boxes(int done, int total) {
    StringBuilder out = new StringBuilder("## A\n");
    for (int i = 0; i < total; i++) {
      out.append(i < done ? "- [x] item " : "- [ ] item ").append(i).append('\n');
    }
    return out.toString();
  }

  @Test
  void givesNoDatesForASingleReview() {
    Forecast f = history(boxes(1, 10)).forecast();
    assertNull(f.p50());
    assertNull(f.p85());
    assertEquals(
        "there is not enough history yet (a forecast needs at least two reviews on different dates to"
            + " measure a weekly pace)",
        f.reason());
    assertFalse(f.method().contains("0 intervals"), f.method());
    assertFalse(f.method().contains("none"), f.method());
  }

  @Test
  void forecastsOneItemGainedInAYear() {
    // 1 -> 2 of 10 in 365 days: 7/365 items a week. 8 open need 8 × 365 / 7 = 417.1 weeks, so 418;
    // the gate's 80% (8 items) needs 6 more: 312.9 weeks, so 313.
    Forecast f =
        dated(
                new LocalDate[] {LocalDate.of(2025, 3, 2), LocalDate.of(2026, 3, 2)},
                boxes(1, 10),
                boxes(2, 10))
            .forecast();
    assertEquals(List.of(7.0 / 365), f.samples());
    assertEquals(LocalDate.of(2034, 3, 6), f.p50());
    assertEquals(LocalDate.of(2034, 3, 6), f.p85());
    assertEquals(LocalDate.of(2032, 3, 1), f.gateP50());
    assertNull(f.reason());
  }

  @Test
  void forecastsFourteenItemsGainedOverSixYears() {
    // 10 -> 24 of 40 over 312 weeks: 14/312 a week. 16 open: 16 × 312 / 14 = 356.6 weeks, so 357;
    // the gate's 32 items: 8 × 312 / 14 = 178.3 weeks, so 179.
    Forecast f =
        dated(
                new LocalDate[] {LocalDate.of(2020, 1, 6), LocalDate.of(2025, 12, 29)},
                boxes(10, 40),
                boxes(24, 40))
            .forecast();
    assertEquals(LocalDate.of(2032, 11, 1), f.p50());
    assertEquals(LocalDate.of(2029, 6, 4), f.gateP50());
    assertTrue(f.method().contains("+0.045 items/week"), f.method());
  }

  @Test
  void reachesAWholeItemSumOfSlowRatesOnTime() {
    // Seven yearly reviews (52 weeks apart), 2 more items each time: 2/52 a week. 12 of 30 open:
    // exactly 12 × 26 = 312 weeks; the gate's 24 items: exactly 156 weeks.
    LocalDate[] dates = new LocalDate[7];
    String[] reviews = new String[7];
    for (int i = 0; i < 7; i++) {
      dates[i] = LocalDate.of(2020, 1, 6).plusWeeks(52L * i);
      reviews[i] = boxes(6 + 2 * i, 30);
    }
    ProjectReport p = dated(dates, reviews);
    assertEquals(2.0 * 7 / 364, p.trend().velocity().get(0).netPerWeek());
    assertEquals(LocalDate.of(2031, 12, 22), p.forecast().p50());
    assertEquals(LocalDate.of(2031, 12, 22), p.forecast().p85());
    assertEquals(LocalDate.of(2028, 12, 25), p.forecast().gateP50());
  }

  @Test
  void givesNoDatesWithoutNetProgress() {
    Forecast f = history(boxes(4, 10), boxes(4, 10), boxes(3, 10)).forecast();
    assertNull(f.p50());
    assertEquals("no net progress over the last 2 intervals", f.reason());
    assertEquals(List.of(0.0, -1.0), f.samples());
  }

  @Test
  void givesTheReviewDateWhenEverythingIsDone() {
    Forecast f = history(boxes(9, 10), boxes(10, 10)).forecast();
    assertEquals(LocalDate.of(2026, 1, 12), f.p50());
    assertEquals(LocalDate.of(2026, 1, 12), f.gateP85());
  }

  @Test
  void reachesTheGateAtOnceWhenItIsAlreadyMet() {
    Forecast f = history(boxes(6, 10), boxes(8, 10)).forecast();
    assertEquals(LocalDate.of(2026, 1, 12), f.gateP50());
    assertEquals(LocalDate.of(2026, 1, 12).plusWeeks(1), f.p50());
  }

  @Test
  void givesTheSameDatesForTheSameInput() {
    ProjectReport a = history(boxes(1, 40), boxes(4, 40), boxes(5, 40), boxes(9, 40));
    ProjectReport b = history(boxes(1, 40), boxes(4, 40), boxes(5, 40), boxes(9, 40));
    assertEquals(a.forecast(), b.forecast());
    assertEquals(List.of(3.0, 1.0, 4.0), a.forecast().samples());
    // 31 remain at 1, 3 or 4 a week (mean 2.67): the exact median is 12 weeks.
    assertEquals(
        HistoryTest.weeksAllowed(List.of(3.0, 1.0, 4.0), 31, 0.5).get(0),
        (int)
            java.time.temporal.ChronoUnit.WEEKS.between(
                LocalDate.of(2026, 1, 26), a.forecast().p50()));
  }

  @Test
  void givesNoDatesWhenTheLatestReviewHasNoItems() {
    Forecast f = history(boxes(1, 10), "## A\n\nNo boxes any more.\n").forecast();
    assertNull(f.p50());
    assertEquals("the latest review has no task items", f.reason());
  }

  @Test
  void givesNoDatesWhenThePaceIsExactlyZero() {
    Forecast f = history(boxes(4, 10), boxes(4, 10)).forecast();
    assertNull(f.p50());
    assertEquals("no net progress over the last 1 interval", f.reason());
  }

  @Test
  void namesASingleIntervalInTheSingular() {
    Forecast f =
        dated(
                new LocalDate[] {LocalDate.of(2025, 3, 2), LocalDate.of(2026, 3, 2)},
                boxes(1, 10),
                boxes(2, 10))
            .forecast();
    assertTrue(
        f.method().contains("from the last 1 interval (+0.019 items/week) until"), f.method());
  }

  @Test
  void leavesOutTheIntervalBetweenTwoReviewsOfOneDate() {
    LocalDate day = LocalDate.of(2026, 1, 5);
    ProjectReport p =
        dated(
            new LocalDate[] {day, day, day.plusWeeks(1)}, boxes(1, 10), boxes(3, 10), boxes(4, 10));
    assertEquals(0.0, p.trend().velocity().get(0).netPerWeek());
    assertEquals(List.of(1.0), p.forecast().samples());
  }

  @Test
  void forecastsTheLastWeekOfTheHorizon() {
    // One item in 521 weeks, one item open: reached in exactly 521 weeks, the last one looked at.
    LocalDate first = LocalDate.of(2016, 1, 4);
    LocalDate latest = first.plusWeeks(521);
    Forecast f = dated(new LocalDate[] {first, latest}, boxes(1, 3), boxes(2, 3)).forecast();
    assertEquals(latest.plusWeeks(521), f.p50());
  }

  @Test
  void givesNoDateBeyondTheHorizon() {
    LocalDate first = LocalDate.of(2016, 1, 4);
    Forecast f =
        dated(new LocalDate[] {first, first.plusWeeks(522)}, boxes(1, 3), boxes(2, 3)).forecast();
    assertNull(f.p50());
    assertEquals("at this pace 100% is not reached within 10 years", f.reason());
  }

  @Test
  void readsTheQuantilesOfTheSortedRuns() {
    // Paces 3, 1, 1 a week; 4 open: done in 2 weeks unless the first two draws are 1 and 1 (4/9),
    // then in 3 (a 3 next, 4/27) or 4 (8/27). P50 is 2 weeks, P85 4. The gate's 8 items need 2:
    // 1 week when the first draw is 3 (1/3), else 2; P50 and P85 are 2 weeks.
    Forecast f = history(boxes(1, 10), boxes(4, 10), boxes(5, 10), boxes(6, 10)).forecast();
    LocalDate latest = LocalDate.of(2026, 1, 26);
    assertEquals(List.of(3.0, 1.0, 1.0), f.samples());
    assertEquals(latest.plusWeeks(2), f.p50());
    assertEquals(latest.plusWeeks(4), f.p85());
    assertEquals(latest.plusWeeks(2), f.gateP50());
    assertEquals(latest.plusWeeks(2), f.gateP85());
  }
}
