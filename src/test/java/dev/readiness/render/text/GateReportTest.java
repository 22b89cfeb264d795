package dev.readiness.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.config.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateReportTest {
  @Test
  void describesTheGateInWords() {
    assertEquals(
        "at least 80% complete, at most 0 open blockers, stated score within 10 points of the computed"
            + " percent, sign-off not required",
        GateReport.describe(Settings.Gate.DEFAULTS));
    assertEquals(
        "at least 72.5% complete, at most 1 open blocker, no limit on stated-score drift, every sign-off"
            + " role signed",
        GateReport.describe(new Settings.Gate(72.5, 1, null, true, null)));
  }

  @Test
  void saysNothingToCheckForNoProjects() {
    String text = GateReport.text(List.of(), Settings.Gate.DEFAULTS, Style.PLAIN);
    assertEquals(
        "\ngate: " + GateReport.describe(Settings.Gate.DEFAULTS) + "\nno projects to check\n",
        text);
    assertTrue(
        GateReport.pass(List.of()),
        "nothing fails; check itself exits 1 when the input has no reviews");
  }
}
