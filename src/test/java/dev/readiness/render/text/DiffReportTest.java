package dev.readiness.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.analyze.ReviewDiff;
import dev.readiness.analyze.ReviewDiff.ItemChange;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffReportTest {
  private static final ReviewDiff SETBACK =
      new ReviewDiff(
          LocalDate.of(2026, 3, 2),
          null,
          List.of(),
          List.of(new ItemChange("1. Security", "RBAC configured", "RBAC configured", false, 12)),
          List.of(),
          List.of(new ItemChange("2. Ops", "Pager set up", "Pager set up", true, 20)),
          List.of(),
          List.of("4. Compliance"),
          List.of("3. Legacy"),
          List.of(),
          List.of("Alert routing"),
          List.of(),
          5,
          4,
          50.0,
          36.4,
          -13.6,
          null,
          40.0,
          null);

  @Test
  void showsSetbacksAndMissingFigures() {
    assertEquals(
        """
        a.md → b.md
        review    2026-03-02 → no date
        checked   5 → 4
        computed  50% → 36.4%  (−13.6)
        stated    n/a → 40  (n/a)

        sections added (1)
          4. Compliance

        sections removed (1)
          3. Legacy

        reopened (1)
          1. Security: RBAC configured

        removed (1)
          [x] 2. Ops: Pager set up

        blockers opened (1)
          Alert routing
        """,
        DiffReport.text(SETBACK, "a.md", "b.md", Style.PLAIN));
  }

  @Test
  void coloursSetbacksRed() {
    String text = DiffReport.text(SETBACK, "a.md", "b.md", Style.ANSI);
    assertTrue(text.contains("\u001b[31m(−13.6)\u001b[0m"), text);
    assertTrue(text.contains("  \u001b[31mAlert routing\u001b[0m\n"), text);
    assertTrue(text.contains("\u001b[32m4. Compliance\u001b[0m"), text);
    assertEquals(
        DiffReport.text(SETBACK, "a.md", "b.md", Style.PLAIN),
        text.replaceAll("\u001b\\[[0-9;]*m", ""));
  }
}
