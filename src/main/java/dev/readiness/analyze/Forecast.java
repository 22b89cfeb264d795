package dev.readiness.analyze;

import java.time.LocalDate;
import java.util.List;

/**
 * When a project may reach 100% and the gate's percent, from a seeded Monte Carlo simulation.
 *
 * @param method how the dates were computed, in one sentence
 * @param p50 the date half of the runs reach 100% by, or null
 * @param p85 the date 85% of the runs reach 100% by, or null
 * @param gatePercent the gate's minimum percent
 * @param gateP50 the P50 date for the gate's percent (the latest review's date when reached), or
 *     null
 * @param gateP85 the P85 date for the gate's percent, or null
 * @param reason why there are no dates, or null when there are
 * @param samples the weekly net throughputs drawn from
 */
public record Forecast(
    String method,
    LocalDate p50,
    LocalDate p85,
    double gatePercent,
    LocalDate gateP50,
    LocalDate gateP85,
    String reason,
    List<Double> samples) {
  public Forecast {
    samples = List.copyOf(samples);
  }
}
