package dev.readiness.analyze;

import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One review with every figure the outputs show.
 *
 * @param snapshot what the file says
 * @param file the file as named in messages
 * @param done checked items
 * @param total items
 * @param percent computed percent, or null when there are no items
 * @param statedScore the stated overall score, or null
 * @param scoreDrift computed percent minus stated score, or null
 * @param sections per-section figures in order
 * @param blockers open blockers with their ages
 * @param warnings every warning for this file, by line
 * @param signed signed sign-off roles
 * @param verdict the review against the release gate
 */
public record Review(
    Snapshot snapshot,
    String file,
    int done,
    int total,
    Double percent,
    Double statedScore,
    Double scoreDrift,
    List<SectionFigures> sections,
    List<BlockerStatus> blockers,
    List<Problem> warnings,
    int signed,
    GateVerdict verdict) {

  public Review {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(file, "file");
    sections = List.copyOf(sections);
    blockers = List.copyOf(blockers);
    warnings = List.copyOf(warnings);
    if (done < 0 || done > total) {
      throw new IllegalArgumentException("done " + done + " of " + total);
    }
  }

  /** The review date, or null for a file without one. */
  public LocalDate date() {
    return snapshot.date();
  }

  /** Open items. */
  public int open() {
    return total - done;
  }

  /** Open items whose status says partly done. */
  public int partial() {
    return snapshot.partial();
  }

  /** Whether the stated score is more than {@link SectionFigures#DRIFT_LIMIT} points from the computed percent. */
  public boolean scoreDrifting() {
    return scoreDrift != null && Math.abs(scoreDrift) > SectionFigures.DRIFT_LIMIT;
  }
}
