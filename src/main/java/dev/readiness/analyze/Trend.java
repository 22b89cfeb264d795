package dev.readiness.analyze;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A project's figures over its reviews.
 *
 * @param points one per review, oldest first
 * @param sections one series per section lineage (a section followed through renames)
 * @param velocity one per interval between consecutive reviews
 */
public record Trend(List<Point> points, List<SectionSeries> sections, List<Velocity> velocity) {
  public Trend {
    points = List.copyOf(points);
    sections = List.copyOf(sections);
    velocity = List.copyOf(velocity);
  }

  /**
   * The figures of one review.
   *
   * @param date review date
   * @param done checked items
   * @param total items
   * @param percent computed percent, or null
   * @param statedScore stated score, or null
   * @param openBlockers open blockers
   */
  public record Point(
      LocalDate date, int done, int total, Double percent, Double statedScore, int openBlockers) {}

  /**
   * One section's percent over the reviews.
   *
   * @param key a stable id within the project ({@code s1}, {@code s2}, …)
   * @param label the section's label in its latest review
   * @param percents computed percent per review (index as in {@link Trend#points}), null where the
   *     section is absent or has no items
   * @param stated stated percent per review, null where none
   */
  public record SectionSeries(
      String key, String label, List<Double> percents, List<Double> stated) {
    public SectionSeries {
      percents = Collections.unmodifiableList(new ArrayList<>(percents));
      stated = Collections.unmodifiableList(new ArrayList<>(stated));
    }
  }

  /**
   * Throughput between two consecutive reviews.
   *
   * @param from earlier review date
   * @param to later review date
   * @param days days between them
   * @param gross items checked
   * @param reopened items unchecked
   * @param net change in checked items (added and removed items included)
   * @param netPerWeek {@code net × 7 / days}, exact (only its text is rounded, by {@link
   *     Format#rate})
   */
  public record Velocity(
      LocalDate from,
      LocalDate to,
      long days,
      int gross,
      int reopened,
      int net,
      double netPerWeek) {}
}
