package dev.readiness.analyze;

import dev.readiness.config.Settings;
import dev.readiness.model.Section;
import java.util.Objects;

/**
 * A section's computed figures beside the ones its authors state.
 *
 * @param section the section as written
 * @param done checked items
 * @param total items
 * @param percent computed percent, or null when it has no items
 * @param statedPercent the stated percent, or null
 * @param drift computed minus stated, or null when either is missing
 * @param drifting whether the drift is beyond {@code gate.maxDrift}: reported as STATED_DRIFT and
 *     shown as drift by every output
 */
public record SectionFigures(
    Section section,
    int done,
    int total,
    Double percent,
    Double statedPercent,
    Double drift,
    boolean drifting) {

  public SectionFigures {
    Objects.requireNonNull(section, "section");
    if (done < 0 || done > total) {
      throw new IllegalArgumentException("done " + done + " of " + total);
    }
  }

  static SectionFigures of(Section section, Settings.Gate gate) {
    Double percent = Percent.of(section.done(), section.total());
    Double drift = Percent.difference(percent, section.statedPercent());
    return new SectionFigures(
        section,
        section.done(),
        section.total(),
        percent,
        section.statedPercent(),
        drift,
        beyondLimit(drift, gate));
  }

  /**
   * Whether {@code drift} points between a stated and a computed figure is more than the gate's
   * {@code maxDrift} (never, when the gate sets no limit): the one rule for the drift warning, the
   * gate and every red figure.
   */
  static boolean beyondLimit(Double drift, Settings.Gate gate) {
    return drift != null && gate.maxDrift() != null && Math.abs(drift) > gate.maxDrift();
  }

  /** Open items. */
  public int open() {
    return total - done;
  }

  /** Open items whose status says partly done. */
  public int partial() {
    return section.partial();
  }
}
