package dev.readiness.render.chart;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ticks of a date axis: a step that suits the span (weeks, months, quarters, years, or decades
 * and more), chosen so that the labels fit the width they are drawn in, and labels that carry the
 * year whenever the span crosses one. However far apart the dates are, the number of ticks is
 * bounded by the width, never by the span.
 */
public final class DateTicks {
  /** How wide one label character is drawn at the charts' tick size (10–11 px), generously. */
  static final double CHAR_WIDTH = 6.0;

  /** Space kept free between two labels. */
  static final double GAP = 10.0;

  /**
   * One step between ticks.
   *
   * @param unit what it counts
   * @param count how many of them one step is
   */
  record Step(ChronoUnit unit, int count) {
    /** Roughly how many days one step is, to estimate how many ticks a span has. */
    double days() {
      return switch (unit) {
        case WEEKS -> 7.0 * count;
        case MONTHS -> 30.44 * count;
        default -> 365.25 * count;
      };
    }

    /**
     * The label of a tick at {@code date}.
     *
     * @param crossesYear whether the labelled span covers more than one calendar year
     */
    String label(LocalDate date, boolean crossesYear) {
      return switch (unit) {
        case WEEKS -> crossesYear ? date.toString() : date.toString().substring(5);
        case MONTHS ->
            count == 3
                ? year(date) + "-Q" + ((date.getMonthValue() - 1) / 3 + 1)
                : year(date) + "-" + twoDigits(date.getMonthValue());
        default -> year(date);
      };
    }

    /** Which tick interval a date falls in; dates of one interval share the key. */
    long bucket(LocalDate date) {
      return switch (unit) {
        case WEEKS -> Math.floorDiv(date.toEpochDay() + 3, 7L * count);
        case MONTHS -> Math.floorDiv(date.getYear() * 12L + date.getMonthValue() - 1, count);
        default -> Math.floorDiv((long) date.getYear(), count);
      };
    }

    /**
     * The first tick at or after {@code from}, aligned to the calendar (weeks start at {@code
     * from}).
     */
    LocalDate first(LocalDate from) {
      return switch (unit) {
        case WEEKS -> from;
        case MONTHS -> {
          LocalDate month = from.withDayOfMonth(1);
          int offset = Math.floorMod(month.getMonthValue() - 1, count);
          LocalDate aligned = month.minusMonths(offset);
          yield aligned.isBefore(from) ? aligned.plusMonths(count) : aligned;
        }
        default -> {
          long year = Math.floorDiv((long) from.getYear(), count) * count;
          LocalDate aligned = LocalDate.of((int) Math.max(LocalDate.MIN.getYear(), year), 1, 1);
          yield aligned.isBefore(from) ? aligned.plusYears(count) : aligned;
        }
      };
    }

    LocalDate next(LocalDate tick) {
      return tick.plus(count, unit);
    }

    /** Characters of the widest label of this step. */
    int labelChars(boolean crossesYear) {
      return switch (unit) {
        case WEEKS -> crossesYear ? 10 : 5;
        case MONTHS -> 7;
        default -> 4;
      };
    }
  }

  /** The steps tried, smallest first; the last is wider than any span a {@link LocalDate} holds. */
  static final List<Step> STEPS = steps();

  /**
   * A tick: where it is and what it says.
   *
   * @param date the date it marks
   * @param label its text
   */
  public record Tick(LocalDate date, String label) {
    public Tick {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(label, "label");
    }
  }

  private DateTicks() {}

  private static List<Step> steps() {
    List<Step> steps =
        new ArrayList<>(
            List.of(
                new Step(ChronoUnit.WEEKS, 1),
                new Step(ChronoUnit.WEEKS, 2),
                new Step(ChronoUnit.MONTHS, 1),
                new Step(ChronoUnit.MONTHS, 3),
                new Step(ChronoUnit.MONTHS, 6)));
    for (int years = 1; years <= 100_000_000; years *= 10) {
      steps.add(new Step(ChronoUnit.YEARS, years));
      steps.add(new Step(ChronoUnit.YEARS, years * 2));
      steps.add(new Step(ChronoUnit.YEARS, years * 5));
    }
    return List.copyOf(steps);
  }

  /** Whether {@code from} and {@code to} lie in different calendar years. */
  static boolean crossesYear(LocalDate from, LocalDate to) {
    return from.getYear() != to.getYear();
  }

  /**
   * The smallest step whose ticks between the two dates fit {@code width} pixels side by side.
   *
   * @param width the pixels the axis has for labels
   */
  static Step step(LocalDate from, LocalDate to, double width) {
    boolean crosses = crossesYear(from, to);
    double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
    for (Step step : STEPS) {
      double ticks = Math.floor(days / step.days()) + 1;
      if (ticks * (step.labelChars(crosses) * CHAR_WIDTH + GAP) <= width) {
        return step;
      }
    }
    return STEPS.get(STEPS.size() - 1);
  }

  /**
   * The ticks from {@code from} to {@code to}, both included, for an axis {@code width} pixels
   * wide: at most about {@code width / 34} of them, whatever the span.
   */
  public static List<Tick> between(LocalDate from, LocalDate to, double width) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(to + " is before " + from);
    }
    Step step = step(from, to, width);
    boolean crosses = crossesYear(from, to);
    List<Tick> ticks = new ArrayList<>();
    for (LocalDate d = step.first(from); !d.isAfter(to); d = next(step, d, to)) {
      ticks.add(new Tick(d, step.label(d, crosses)));
    }
    return List.copyOf(ticks);
  }

  /** The next tick, or a date after {@code to} where the calendar ends first. */
  private static LocalDate next(Step step, LocalDate tick, LocalDate to) {
    if (LocalDate.MAX.minus(step.count(), step.unit()).isBefore(tick)) {
      return to.plusDays(1);
    }
    return step.next(tick);
  }

  /**
   * Which of a run of dates (oldest first, one per category of a chart) get a label, and the label:
   * every date as written while at most {@code max} of them, otherwise the first date of each week,
   * month, quarter or year (whichever gives at most {@code max} labels), labelled with that period,
   * and never two labels closer than a {@code max}th of the axis.
   *
   * @return one entry per date: its label, or null for none
   */
  public static List<String> categoryLabels(List<LocalDate> dates, int max) {
    int n = dates.size();
    List<String> labels = new ArrayList<>(n);
    if (n <= max) {
      dates.forEach(d -> labels.add(d.toString()));
      return labels;
    }
    LocalDate from = dates.get(0);
    LocalDate to = dates.get(n - 1);
    boolean crosses = crossesYear(from, to);
    Step chosen = STEPS.get(STEPS.size() - 1);
    for (Step step : STEPS) {
      long buckets = step.bucket(to) - step.bucket(from) + 1;
      if (buckets <= max && step.unit() != ChronoUnit.WEEKS) {
        chosen = step;
        break;
      }
    }
    double minGap = (double) n / max;
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i == 0 || chosen.bucket(dates.get(i)) != chosen.bucket(dates.get(i - 1))) {
        starts.add(i);
      }
    }
    // The first review rarely opens its period: when the next period starts close by, that
    // period's label is the one to keep.
    if (starts.size() > 1 && starts.get(1) < minGap) {
      starts.remove(0);
    }
    for (int i = 0; i < n; i++) {
      labels.add(null);
    }
    int previous = Integer.MIN_VALUE / 2;
    for (int i : starts) {
      if (i - previous >= minGap) {
        labels.set(i, chosen.label(dates.get(i), crosses));
        previous = i;
      }
    }
    return labels;
  }

  private static String year(LocalDate date) {
    return Integer.toString(date.getYear());
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
