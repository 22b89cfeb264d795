package dev.readiness.read;

import dev.readiness.model.Snapshot;
import java.util.List;
import java.util.Objects;

/**
 * One project's reviews as read, oldest first.
 *
 * @param slug the project's slug
 * @param name its display name
 * @param reviews its dated snapshots, oldest first, one per date
 */
public record ProjectInput(String slug, String name, List<Snapshot> reviews) {
  public ProjectInput {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    reviews = List.copyOf(reviews);
  }
}
