package dev.readiness.analyze;

import dev.readiness.model.Blocker;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An open blocker of a review with its age.
 *
 * @param blocker the blocker as written
 * @param firstSeen date of the first review of its current unbroken run
 * @param ageDays days from {@code firstSeen} to this review
 * @param earlierRuns how many times it was listed, resolved and listed again before this run
 */
public record BlockerStatus(Blocker blocker, LocalDate firstSeen, long ageDays, int earlierRuns) {
  public BlockerStatus {
    Objects.requireNonNull(blocker, "blocker");
    if (ageDays < 0 || earlierRuns < 0) {
      throw new IllegalArgumentException("negative age or runs for " + blocker.title());
    }
  }
}
