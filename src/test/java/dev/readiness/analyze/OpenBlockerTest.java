package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.ExampleData;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenBlockerTest {
  @Test
  void listsLatestOpenBlockersOfEveryProjectOldestFirst() {
    List<OpenBlocker> open = ExampleData.analyze().openBlockers();

    // Hand count (docs/example-history.md): mahavishnu 2026-03-09 keeps Documentation (since
    // 2026-02-02) and Rollback Procedures (since 2026-03-02); orion 2026-03-09 opens Alert routing.
    assertEquals(
        List.of("Documentation", "Rollback Procedures", "Alert routing"),
        open.stream().map(b -> b.status().blocker().title()).toList());
    assertEquals(
        List.of("mahavishnu", "mahavishnu", "orion"),
        open.stream().map(b -> b.project().slug()).toList());
    assertEquals(List.of(35L, 7L, 0L), open.stream().map(b -> b.status().ageDays()).toList());
    assertEquals("2026-03-09", open.get(2).review().date().toString());
  }
}
