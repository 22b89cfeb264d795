package dev.readiness.analyze;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A blocker still open in a project's latest review, for lists across projects.
 *
 * @param project the project
 * @param review the project's latest review, which lists the blocker
 * @param status the blocker with its first-seen date and age
 */
public record OpenBlocker(ProjectReport project, Review review, BlockerStatus status) {
  /** Oldest first: by first-seen date, then age, project slug and title. */
  public static final Comparator<OpenBlocker> OLDEST_FIRST =
      Comparator.comparing(
              (OpenBlocker b) -> b.status().firstSeen(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              Comparator.comparingLong((OpenBlocker b) -> b.status().ageDays()).reversed())
          .thenComparing(b -> b.project().slug())
          .thenComparing(b -> b.status().blocker().title());

  public OpenBlocker {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(review, "review");
    Objects.requireNonNull(status, "status");
  }

  /** The open blockers of every project's latest review, oldest first. */
  public static List<OpenBlocker> of(List<ProjectReport> projects) {
    return projects.stream()
        .flatMap(p -> p.latest().blockers().stream().map(s -> new OpenBlocker(p, p.latest(), s)))
        .sorted(OLDEST_FIRST)
        .toList();
  }
}
