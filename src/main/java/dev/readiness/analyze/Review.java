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
 * @param warnings every warning for this file, by line; those that {@code warnings:} in {@code
 *     readiness.yaml} raises to errors have severity {@code ERROR}, those it turns off are left out
 * @param signed signed sign-off roles
 * @param verdict the review against the release gate
 * @param scoreDrifting whether the stated score is more than {@code gate.maxDrift} points from the
 *     computed percent (reported, and shown as drift by every output)
 * @param ageDays days from the review date to the build date (negative for a review dated after
 *     it), or null without a date
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
    GateVerdict verdict,
    boolean scoreDrifting,
    Long ageDays) {

  /**
   * Days a review may lie after the build date without being called future-dated: the build date is
   * the UTC date, and a review written today east of UTC may be dated a day later.
   */
  public static final int FUTURE_SLACK_DAYS = 1;

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

  /**
   * Whether the review is dated more than {@link #FUTURE_SLACK_DAYS} after the build date: a
   * mistyped year or a {@code new --date} in the future, reported as FUTURE_DATE.
   */
  public boolean futureDated() {
    return ageDays != null && ageDays < -FUTURE_SLACK_DAYS;
  }
}
