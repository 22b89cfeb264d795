package dev.readiness.analyze;

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
 */
public record SectionFigures(
    Section section, int done, int total, Double percent, Double statedPercent, Double drift) {

  /** Drift beyond this many points is reported. */
  public static final double DRIFT_LIMIT = 10.0;

  public SectionFigures {
    Objects.requireNonNull(section, "section");
    if (done < 0 || done > total) {
      throw new IllegalArgumentException("done " + done + " of " + total);
    }
  }

  static SectionFigures of(Section section) {
    Double percent = Percent.of(section.done(), section.total());
    return new SectionFigures(section, section.done(), section.total(), percent,
        section.statedPercent(), Percent.difference(percent, section.statedPercent()));
  }

  /** Open items. */
  public int open() {
    return total - done;
  }

  /** Open items whose status says partly done. */
  public int partial() {
    return section.partial();
  }

  /** Whether the stated percent is more than {@link #DRIFT_LIMIT} points from the computed one. */
  public boolean drifting() {
    return drift != null && Math.abs(drift) > DRIFT_LIMIT;
  }
}
