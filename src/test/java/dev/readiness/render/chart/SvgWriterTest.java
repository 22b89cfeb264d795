package dev.readiness.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SvgWriterTest {
  @Test
  void writesWholeCoordinatesWithoutDecimals() {
    assertEquals("12", SvgWriter.num(12.0));
  }

  @Test
  void roundsCoordinatesHalfUpToOneDecimal() {
    assertEquals("12.3", SvgWriter.num(12.25));
  }

  @Test
  void writesACoordinateThatRoundsToWholeWithoutDecimals() {
    assertEquals("3", SvgWriter.num(2.96));
  }

  @Test
  void writesNegativeCoordinatesWithTheirSign() {
    assertEquals("-2.5", SvgWriter.num(-2.5));
  }

  @Test
  void writesATinyNegativeCoordinateAsZero() {
    assertEquals("0", SvgWriter.num(-0.04));
  }
}
