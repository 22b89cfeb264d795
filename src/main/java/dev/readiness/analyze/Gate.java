package dev.readiness.analyze;

import dev.readiness.config.Settings;
import dev.readiness.model.Signature;
import java.util.ArrayList;
import java.util.List;

/** The release gate: a review passes when every configured rule holds. */
public final class Gate {
  private Gate() {}

  /**
   * Measures a review's figures against the gate.
   *
   * @param percent computed percent, or null when there are no items
   * @param openBlockers open blockers
   * @param scoreDrift computed percent minus stated score, or null
   * @param signOff the sign-off lines
   * @param ageDays days from the review date to the build date, for a project's latest review (null
   *     for an older one or one without a date: then {@code maxReviewAgeDays} is not measured)
   */
  public static GateVerdict evaluate(
      Double percent,
      int openBlockers,
      Double scoreDrift,
      List<Signature> signOff,
      Long ageDays,
      Settings.Gate gate) {
    List<String> reasons = new ArrayList<>();
    if (percent == null) {
      reasons.add(
          "no task items, so no percent to measure against the minimum of "
              + Format.percent(gate.minPercent()));
    } else if (percent < gate.minPercent()) {
      reasons.add(
          Format.percent(percent)
              + " complete is below the minimum of "
              + Format.percent(gate.minPercent()));
    }
    if (openBlockers > gate.maxOpenBlockers()) {
      reasons.add(
          openBlockers
              + " open blocker"
              + (openBlockers == 1 ? "" : "s")
              + " (at most "
              + gate.maxOpenBlockers()
              + " allowed)");
    }
    if (SectionFigures.beyondLimit(scoreDrift, gate)) {
      reasons.add(
          "the stated score is "
              + Format.number(Math.abs(scoreDrift))
              + " points from the computed "
              + "percent (at most "
              + Format.number(gate.maxDrift())
              + " allowed)");
    }
    if (gate.requireSignoff()) {
      long unsigned = signOff.stream().filter(s -> !s.signed()).count();
      if (signOff.isEmpty()) {
        reasons.add("no sign-off section, and sign-off is required");
      } else if (unsigned > 0) {
        reasons.add(unsigned + " of " + signOff.size() + " sign-off roles unsigned");
      }
    }
    if (gate.maxReviewAgeDays() != null && ageDays != null && ageDays > gate.maxReviewAgeDays()) {
      reasons.add(
          "the latest review is "
              + days(ageDays)
              + " old (at most "
              + days(gate.maxReviewAgeDays())
              + " allowed); hold a review");
    }
    return new GateVerdict(reasons.isEmpty(), reasons);
  }

  private static String days(long n) {
    return n + " day" + (n == 1 ? "" : "s");
  }
}
