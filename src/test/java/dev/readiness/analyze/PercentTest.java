package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link Percent}: one decimal, half up, computed once. */
class PercentTest {
  @Test
  void roundsToOneDecimal() {
    assertEquals(1.3, Percent.of(1, 80));
  }

  @Test
  void roundsTiesHalfUp() {
    // 1/16 = 6.25 exactly: half up gives 6.3, half even would give 6.2.
    assertEquals(6.3, Percent.of(1, 16));
  }

  @Test
  void roundsTiesHalfUpWhereHalfEvenWouldAgree() {
    assertEquals(18.8, Percent.of(3, 16));
  }

  @Test
  void roundsTheSeedsOverallFigure() {
    assertEquals(21.2, Percent.of(39, 184));
  }

  @Test
  void isNullWithoutItems() {
    assertNull(Percent.of(0, 0));
  }

  @Test
  void isZeroWithNothingDone() {
    assertEquals(0.0, Percent.of(0, 15));
  }

  @Test
  void isHundredWhenAllAreDone() {
    assertEquals(100.0, Percent.of(13, 13));
  }

  @Test
  void differenceIsRoundedToo() {
    assertEquals(-30.8, Percent.difference(21.2, 52.0));
  }

  @Test
  void differenceIsNullWhenAFigureIsMissing() {
    assertNull(Percent.difference(21.2, null));
  }

  @Test
  void roundsANegativeTieAwayFromZero() {
    assertEquals(-6.3, Percent.round(-6.25));
  }
}
