package dev.readiness.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A {@code **Week N**: label} entry of a recommended timeline with the tasks listed under it.
 *
 * @param week the week number (the first one for a range such as {@code Week 2-3})
 * @param lastWeek the last week of a range, equal to {@code week} otherwise
 * @param label the text after the colon
 * @param line 1-based source line
 * @param tasks the tasks listed under it
 */
public record PlannedWeek(int week, int lastWeek, String label, int line, List<PlannedTask> tasks)
    implements Serializable {
  public PlannedWeek {
    Objects.requireNonNull(label, "label");
    tasks = List.copyOf(tasks);
    if (week < 0 || lastWeek < week) {
      throw new IllegalArgumentException("bad week range " + week + "-" + lastWeek);
    }
  }

  /**
   * A task of a planned week.
   *
   * @param text the task without its estimate
   * @param days the {@code (N days)} estimate, or null
   * @param line 1-based source line
   */
  public record PlannedTask(String text, Double days, int line) implements Serializable {
    public PlannedTask {
      Objects.requireNonNull(text, "text");
    }
  }
}
