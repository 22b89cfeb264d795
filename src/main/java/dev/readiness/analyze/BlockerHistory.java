package dev.readiness.analyze;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One blocker across a project's reviews: when it was listed, for how long, and when it was
 * resolved. A blocker is the same blocker by {@link BlockerKey} (its normalized title).
 *
 * @param title the title as the last review that lists it writes it
 * @param firstListed the first review that ever lists it
 * @param firstSeen the first review of its last unbroken run
 * @param lastListed the last review that lists it
 * @param ageDays its age at {@code lastListed}, counted from {@code firstSeen}
 * @param resolved the first review after {@code lastListed}, which no longer lists it; null while
 *     the latest review lists it
 * @param earlierRuns how many times it was listed, resolved and listed again before its last run
 * @param listings its status in each review that lists it, by the review's index (oldest first)
 */
public record BlockerHistory(
    String title,
    LocalDate firstListed,
    LocalDate firstSeen,
    LocalDate lastListed,
    long ageDays,
    LocalDate resolved,
    int earlierRuns,
    Map<Integer, BlockerStatus> listings) {

  public BlockerHistory {
    Objects.requireNonNull(title, "title");
    listings = Map.copyOf(listings);
    if (listings.isEmpty()) {
      throw new IllegalArgumentException("blocker " + title + " is listed in no review");
    }
  }

  /** Whether the latest review still lists it. */
  public boolean open() {
    return resolved == null;
  }

  /**
   * Its status in review {@code index} (oldest first), or null when that review does not list it.
   */
  public BlockerStatus at(int index) {
    return listings.get(index);
  }

  /** Every blocker the reviews list, in the order they were first listed. */
  static List<BlockerHistory> of(List<Review> reviews) {
    Map<String, TreeMap<Integer, BlockerStatus>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < reviews.size(); i++) {
      for (BlockerStatus status : reviews.get(i).blockers()) {
        byKey
            .computeIfAbsent(BlockerKey.of(status.blocker()), k -> new TreeMap<>())
            .putIfAbsent(i, status);
      }
    }
    List<BlockerHistory> out = new ArrayList<>();
    for (TreeMap<Integer, BlockerStatus> listings : byKey.values()) {
      int last = listings.lastKey();
      BlockerStatus status = listings.get(last);
      out.add(
          new BlockerHistory(
              status.blocker().title(),
              reviews.get(listings.firstKey()).date(),
              status.firstSeen(),
              reviews.get(last).date(),
              status.ageDays(),
              last + 1 < reviews.size() ? reviews.get(last + 1).date() : null,
              status.earlierRuns(),
              listings));
    }
    return List.copyOf(out);
  }
}
