package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.config.Settings;
import dev.readiness.model.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Gate}: one rule per test, one small input, the exact verdict. */
class GateTest {
  private static final Settings.Gate DEFAULTS = Settings.Gate.DEFAULTS;

  private static GateVerdict evaluate(
      Double percent, int blockers, Double drift, Long age, Settings.Gate gate) {
    return Gate.evaluate(percent, blockers, drift, List.of(), age, gate);
  }

  @Test
  void passesWhenEveryRuleHolds() {
    assertEquals(new GateVerdict(true, List.of()), evaluate(80.0, 0, 10.0, 3L, DEFAULTS));
  }

  @Test
  void failsBelowTheMinimumPercent() {
    assertEquals(
        List.of("79.9% complete is below the minimum of 80%"),
        evaluate(79.9, 0, null, null, DEFAULTS).reasons());
  }

  @Test
  void failsWithoutItems() {
    assertEquals(
        List.of("no task items, so no percent to measure against the minimum of 80%"),
        evaluate(null, 0, null, null, DEFAULTS).reasons());
  }

  @Test
  void failsOnOneBlockerTooMany() {
    assertEquals(
        List.of("1 open blocker (at most 0 allowed)"),
        evaluate(90.0, 1, null, null, DEFAULTS).reasons());
  }

  @Test
  void failsOnDriftBeyondTheLimit() {
    assertEquals(
        List.of("the stated score is 10.1 points from the computed percent (at most 10 allowed)"),
        evaluate(90.0, 0, -10.1, null, DEFAULTS).reasons());
  }

  @Test
  void passesDriftOfExactlyTheLimit() {
    assertEquals(true, evaluate(90.0, 0, -10.0, null, DEFAULTS).pass());
  }

  @Test
  void ignoresDriftWithoutALimit() {
    assertEquals(
        true, evaluate(90.0, 0, 60.0, null, new Settings.Gate(80, 0, null, false, null)).pass());
  }

  @Test
  void failsAnUnsignedRoleWhenSignOffIsRequired() {
    List<Signature> signOff =
        List.of(
            new Signature("Security Lead", "Ana", "2026-03-01", 10),
            new Signature("Operations Lead", null, null, 11));
    assertEquals(
        List.of("1 of 2 sign-off roles unsigned"),
        Gate.evaluate(90.0, 0, null, signOff, null, new Settings.Gate(80, 0, 10.0, true, null))
            .reasons());
  }

  @Test
  void failsWithoutASignOffSectionWhenSignOffIsRequired() {
    assertEquals(
        List.of("no sign-off section, and sign-off is required"),
        evaluate(90.0, 0, null, null, new Settings.Gate(80, 0, 10.0, true, null)).reasons());
  }

  @Test
  void failsALatestReviewOlderThanTheMaximumAge() {
    assertEquals(
        List.of("the latest review is 31 days old (at most 30 days allowed); hold a review"),
        evaluate(90.0, 0, null, 31L, new Settings.Gate(80, 0, 10.0, false, 30)).reasons());
  }

  @Test
  void passesALatestReviewOfExactlyTheMaximumAge() {
    assertEquals(
        true, evaluate(90.0, 0, null, 30L, new Settings.Gate(80, 0, 10.0, false, 30)).pass());
  }

  @Test
  void doesNotMeasureAgeByDefault() {
    assertEquals(true, evaluate(90.0, 0, null, 4000L, DEFAULTS).pass());
  }

  @Test
  void countsTheUnsignedSignOffRoles() {
    List<Signature> signOff =
        List.of(
            new Signature("Security Lead", "Ana", "2026-03-01", 10),
            new Signature("Operations Lead", null, null, 11),
            new Signature("Product Owner", null, null, 12));
    assertEquals(
        List.of("2 of 3 sign-off roles unsigned"),
        Gate.evaluate(90.0, 0, null, signOff, null, new Settings.Gate(80, 0, 10.0, true, null))
            .reasons());
  }

  @Test
  void passesWhenEverySignOffRoleIsSigned() {
    List<Signature> signOff = List.of(new Signature("Security Lead", "Ana", "2026-03-01", 10));
    assertEquals(
        true,
        Gate.evaluate(90.0, 0, null, signOff, null, new Settings.Gate(80, 0, 10.0, true, null))
            .pass());
  }
}
