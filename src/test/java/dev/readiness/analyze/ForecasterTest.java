package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
      snapshots.add(Fixtures.parse(reviews[i]).snapshot().withDate(LocalDate.of(2026, 1, 5).plusWeeks(i)));
    }
    return new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 1, 5))
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
    assertEquals("a forecast needs at least two reviews", f.reason());
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
    assertEquals(HistoryTest.weeksAllowed(List.of(3.0, 1.0, 4.0), 31, 0.5).get(0),
        (int) java.time.temporal.ChronoUnit.WEEKS.between(LocalDate.of(2026, 1, 26), a.forecast().p50()));
  }
}
