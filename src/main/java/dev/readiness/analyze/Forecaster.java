package dev.readiness.analyze;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Forecasts completion dates by Monte Carlo: each run draws weekly net throughputs at random from
 * the recent intervals until the remaining items are done; P50 and P85 are the 50th and 85th
 * percentile of the runs. Seeded per project, so the same input gives the same dates.
 */
final class Forecaster {
  static final int RUNS = 10_000;
  static final int RECENT = 6;
  static final int HORIZON_WEEKS = 520;

  /**
   * Slack for sums of exact weekly rates such as 7/365, which add up to a whole item only nearly.
   */
  private static final double EPSILON = 1e-9;

  private Forecaster() {}

  static Forecast forecast(
      String slug, List<Review> reviews, List<Trend.Velocity> velocity, double gatePercent) {
    Review latest = reviews.get(reviews.size() - 1);
    List<Trend.Velocity> recent =
        velocity.subList(Math.max(0, velocity.size() - RECENT), velocity.size());
    List<Double> samples = new ArrayList<>();
    recent.stream().filter(v -> v.days() > 0).forEach(v -> samples.add(v.netPerWeek()));
    String method = method(samples);
    if (latest.total() == 0) {
      return none(method, gatePercent, "the latest review has no task items", samples);
    }
    int remaining = latest.total() - latest.done();
    int gateRemaining = gateTarget(latest, gatePercent) - latest.done();
    if (remaining == 0) {
      return new Forecast(
          method,
          latest.date(),
          latest.date(),
          gatePercent,
          latest.date(),
          latest.date(),
          null,
          samples);
    }
    if (samples.isEmpty()) {
      return none(
          method,
          gatePercent,
          "there is not enough history yet (a forecast needs at least two reviews"
              + " on different dates to measure a weekly pace)",
          samples);
    }
    double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    if (mean <= 0) {
      return none(
          method,
          gatePercent,
          "no net progress over the last "
              + samples.size()
              + " interval"
              + (samples.size() == 1 ? "" : "s"),
          samples);
    }
    SplittableRandom random = new SplittableRandom(seed(slug, latest.date()));
    double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
    int[] toAll = new int[RUNS];
    int[] toGate = new int[RUNS];
    for (int run = 0; run < RUNS; run++) {
      double cumulative = 0;
      int gateWeeks = gateRemaining <= 0 ? 0 : -1;
      int weeks = 0;
      while (cumulative < remaining - EPSILON && weeks < HORIZON_WEEKS + 1) {
        cumulative += values[random.nextInt(values.length)];
        weeks++;
        if (gateWeeks < 0 && cumulative >= gateRemaining - EPSILON) {
          gateWeeks = weeks;
        }
      }
      toAll[run] = cumulative >= remaining - EPSILON ? weeks : Integer.MAX_VALUE;
      toGate[run] = gateWeeks < 0 ? Integer.MAX_VALUE : gateWeeks;
    }
    Arrays.sort(toAll);
    Arrays.sort(toGate);
    LocalDate p50 = dateAt(latest.date(), toAll, 0.50);
    String reason =
        p50 == null
            ? "at this pace 100% is not reached within " + HORIZON_WEEKS / 52 + " years"
            : null;
    return new Forecast(
        method,
        p50,
        dateAt(latest.date(), toAll, 0.85),
        gatePercent,
        dateAt(latest.date(), toGate, 0.50),
        dateAt(latest.date(), toGate, 0.85),
        reason,
        samples);
  }

  private static Forecast none(
      String method, double gatePercent, String reason, List<Double> samples) {
    return new Forecast(method, null, null, gatePercent, null, null, reason, samples);
  }

  private static LocalDate dateAt(LocalDate from, int[] sortedWeeks, double quantile) {
    int weeks = sortedWeeks[(int) Math.ceil(quantile * sortedWeeks.length) - 1];
    return weeks == Integer.MAX_VALUE ? null : from.plusWeeks(weeks);
  }

  private static long seed(String slug, LocalDate date) {
    long h = 1125899906842597L;
    for (char c : (slug + "|" + date).toCharArray()) {
      h = 31 * h + c;
    }
    return h;
  }

  /** The method in one sentence, naming the rates drawn from when there are any. */
  private static String method(List<Double> samples) {
    String runs =
        "Monte Carlo, "
            + String.format(Locale.ROOT, "%,d", RUNS)
            + " runs drawing a weekly net throughput"
            + " at random from ";
    String drawn =
        samples.isEmpty()
            ? "the last " + RECENT + " intervals between reviews"
            : "the last "
                + samples.size()
                + " interval"
                + (samples.size() == 1 ? "" : "s")
                + " ("
                + String.join(", ", samples.stream().map(Format::signedRate).toList())
                + " items/week)";
    return runs
        + drawn
        + " until the open items are done; P50 and P85 are the dates half and 85% of the runs"
        + " reach";
  }

  /** The fewest checked items with which the latest review's percent reaches the gate's minimum. */
  private static int gateTarget(Review latest, double gatePercent) {
    for (int done = 0; done <= latest.total(); done++) {
      Double percent = Percent.of(done, latest.total());
      if (percent != null && percent >= gatePercent) {
        return done;
      }
    }
    return latest.total();
  }
}
