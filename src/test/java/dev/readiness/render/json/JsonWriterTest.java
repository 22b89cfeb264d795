package dev.readiness.render.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.analyze.Format;
import org.junit.jupiter.api.Test;

/** {@link JsonWriter}: figures read as {@link Format} writes them, in JSON syntax. */
class JsonWriterTest {
  private static String figure(Double value) {
    return new JsonWriter(false).figure(value).toString().strip();
  }

  @Test
  void figureIsFormatNumber() {
    for (double value :
        new double[] {52, 21.2, 6.25, 0.35, 21.96, -30.8, -0.04, 1e15, 123456789012.3}) {
      assertEquals(Format.number(value), figure(value), "figure " + value);
    }
  }

  @Test
  void figureRoundsTiesHalfUp() {
    assertEquals("6.3", figure(6.25));
  }

  @Test
  void missingFigureIsNull() {
    assertEquals("null", figure(null));
  }

  @Test
  void figureThatIsNotFiniteIsNull() {
    assertEquals("null", figure(Double.POSITIVE_INFINITY));
  }

  @Test
  void percentAlwaysHasOneDecimal() {
    assertEquals("60.0", new JsonWriter(false).percent(60.0).toString().strip());
  }

  @Test
  void rateKeepsSlowProgress() {
    assertEquals("0.019", new JsonWriter(false).rate(7.0 / 365).toString().strip());
  }
}
