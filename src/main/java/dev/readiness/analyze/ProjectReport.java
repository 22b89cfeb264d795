package dev.readiness.analyze;

import java.util.List;
import java.util.Objects;

/**
 * A project's history with everything the outputs show about it.
 *
 * @param slug the slug used in paths
 * @param name display name
 * @param owner owning team, or null
 * @param ticket release ticket, or null
 * @param reviews reviews oldest first
 * @param diffs one per consecutive pair, oldest first
 * @param trend figures over time
 * @param forecast dates to 100% and to the gate
 * @param timeline reviews, due dates, planned weeks, stamps
 */
public record ProjectReport(
    String slug,
    String name,
    String owner,
    String ticket,
    List<Review> reviews,
    List<ReviewDiff> diffs,
    Trend trend,
    Forecast forecast,
    Timeline timeline) {

  public ProjectReport {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    reviews = List.copyOf(reviews);
    diffs = List.copyOf(diffs);
    if (reviews.isEmpty()) {
      throw new IllegalArgumentException("project " + slug + " has no reviews");
    }
    if (diffs.size() != reviews.size() - 1) {
      throw new IllegalArgumentException("project " + slug + " needs one diff per pair of reviews");
    }
  }

  /** The newest review. */
  public Review latest() {
    return reviews.get(reviews.size() - 1);
  }

  /**
   * Every blocker any review lists, in the order first listed, with its dates; worked out on each
   * call.
   */
  public List<BlockerHistory> blockerHistory() {
    return BlockerHistory.of(reviews);
  }

  /** The diff that ends at review {@code index}, or null for the first review. */
  public ReviewDiff diffInto(int index) {
    return index <= 0 ? null : diffs.get(index - 1);
  }
}
