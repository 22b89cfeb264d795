package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.ExampleData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewFiguresTest {
  private final ReportData data = ExampleData.analyze();

  private ProjectReport project(String slug) {
    return data.projects().stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
  }

  @Test
  void countsOpenItemsPerSectionOfTheSeed() {
    Review seed = project("mahavishnu").reviews().get(0);
    // Hand count: 6/23, 12/18, 13/13, 5/19, 0/20, 0/20, 0/20, 3/21, 0/15, 0/15.
    assertEquals(
        List.of(17, 6, 0, 14, 20, 20, 20, 18, 15, 15),
        seed.sections().stream().map(SectionFigures::open).toList());
    assertEquals(145, seed.open());
  }

  @Test
  void marksStatedScoreDriftBeyondTenPoints() {
    // Seed: stated 52 vs computed 21.2; orion 2026-03-02: stated 50 vs computed 50.0;
    // orion 2026-03-09: stated 58 vs computed 60.0 (2 points, within the limit).
    assertTrue(project("mahavishnu").reviews().get(0).scoreDrifting());
    assertFalse(project("orion").reviews().get(1).scoreDrifting());
    assertFalse(project("orion").reviews().get(2).scoreDrifting());
  }
}
