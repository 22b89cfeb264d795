package dev.readiness.analyze;

import dev.readiness.model.PlannedWeek.PlannedTask;
import java.time.LocalDate;
import java.util.List;

/**
 * A project's reviews, due dates, planned weeks and completion stamps in time.
 *
 * @param reviews each review with its next-review due date
 * @param planned recommended weeks, anchored at the review that first lists them
 * @param stamps completion stamps of subsections, first appearance
 */
public record Timeline(List<ReviewEvent> reviews, List<PlannedWindow> planned, List<Stamp> stamps) {
  public Timeline {
    reviews = List.copyOf(reviews);
    planned = List.copyOf(planned);
    stamps = List.copyOf(stamps);
  }

  /**
   * A review and when the next one was due.
   *
   * @param date the review's date
   * @param due its {@code **Next Review**:} date, or null
   * @param followedOn the date of the following review, or null for the latest
   * @param overdue whether the due date passed before the following review (or before today)
   * @param daysLate days past the due date, 0 when not overdue
   */
  public record ReviewEvent(
      LocalDate date, LocalDate due, LocalDate followedOn, boolean overdue, long daysLate) {}

  /**
   * A recommended week placed in time.
   *
   * @param anchor the review that lists it
   * @param week first week number
   * @param lastWeek last week number
   * @param label its label
   * @param start {@code anchor + 7 × (week − 1)} days
   * @param end the day before {@code anchor + 7 × lastWeek} days
   * @param tasks what was planned
   * @param plannedDays the sum of the tasks' day estimates
   * @param actualDone items checked in reviews dated within the window
   * @param percentAtEnd percent of the latest review on or before {@code end}, or null when the
   *     window has not ended by the latest review
   */
  public record PlannedWindow(
      LocalDate anchor,
      int week,
      int lastWeek,
      String label,
      LocalDate start,
      LocalDate end,
      List<PlannedTask> tasks,
      double plannedDays,
      int actualDone,
      Double percentAtEnd) {
    public PlannedWindow {
      tasks = List.copyOf(tasks);
    }
  }

  /**
   * A {@code - [x] **Date**: YYYY-MM-DD} completion stamp.
   *
   * @param date the stamped date
   * @param section the section's label
   * @param subsection the subsection's title
   * @param review the first review that carries it
   */
  public record Stamp(LocalDate date, String section, String subsection, LocalDate review) {}
}
