package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Format}: how every figure reads, in every output. */
class FormatTest {
  @Test
  void percentDropsANeedlessDecimal() {
    assertEquals("60%", Format.percent(60.0));
  }

  @Test
  void percentKeepsOneDecimal() {
    assertEquals("21.2%", Format.percent(21.2));
  }

  @Test
  void percentOfNothingIsNotApplicable() {
    assertEquals("n/a", Format.percent(null));
  }

  @Test
  void numberRoundsTiesHalfUp() {
    // 6.25 is exact in binary: half up reads 6.3, half even would read 6.2.
    assertEquals("6.3", Format.number(6.25));
  }

  @Test
  void numberRoundsTheShortestDecimalHalfUp() {
    // 0.35 is 0.34999... in binary; written by hand it is a tie, and ties round up.
    assertEquals("0.4", Format.number(0.35));
  }

  @Test
  void numberThatRoundsToWholeHasNoDecimal() {
    assertEquals("22", Format.number(21.96));
  }

  @Test
  void numberNeverReadsMinusZero() {
    assertEquals("0", Format.number(-0.04));
  }

  @Test
  void numberOfAValueThatIsNotFiniteIsNotApplicable() {
    assertEquals("n/a", Format.number(Double.NaN));
  }

  @Test
  void oneDecimalKeepsTheDecimal() {
    assertEquals("60.0", Format.oneDecimal(60.0));
  }

  @Test
  void signedMarksGain() {
    assertEquals("+4.3", Format.signed(4.3));
  }

  @Test
  void signedMarksLossWithAMinusSign() {
    assertEquals("−30.8", Format.signed(-30.8));
  }

  @Test
  void signedZeroIsPlusMinus() {
    assertEquals("±0", Format.signed(0.0));
  }

  @Test
  void signedOfWhatRoundsToZeroIsPlusMinus() {
    assertEquals("±0", Format.signed(0.04));
  }

  @Test
  void rateBelowOneKeepsTwoSignificantDigits() {
    // 14 items over 312 weeks: 0.0449 a week, which one decimal would show as 0.
    assertEquals("0.045", Format.rate(14.0 / 312));
  }

  @Test
  void rateFromOneUpHasOneDecimal() {
    assertEquals("2.3", Format.rate(2.333));
  }

  @Test
  void signedRateOfSlowProgress() {
    assertEquals("+0.019", Format.signedRate(7.0 / 365));
  }

  @Test
  void clipAddsAnEllipsis() {
    assertEquals("abcd…", Format.clip("abcdefgh", 5));
  }

  @Test
  void clipKeepsATextOfExactlyTheLimit() {
    assertEquals("abc", Format.clip("abc", 3));
  }

  @Test
  void showsAMissingOneDecimalValueAsNotAvailable() {
    assertEquals("n/a", Format.oneDecimal(null));
  }

  @Test
  void showsAMissingRateAsNotAvailable() {
    assertEquals("n/a", Format.rate(null));
  }

  @Test
  void showsAMissingSignedValueAsNotAvailable() {
    assertEquals("n/a", Format.signed(null));
  }

  @Test
  void showsARateOfNinetyFiveHundredthsOnTheOneDecimalScale() {
    assertEquals("1", Format.rate(0.95));
  }

  @Test
  void showsAZeroRateAsZero() {
    assertEquals("0", Format.rate(0.0));
  }
}
