package dev.readiness.render.chart;

import dev.readiness.BuildPipeline;
import dev.readiness.ExampleData;
import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The edge-case fixtures (a review without items, items before the first heading), analyzed. */
final class EdgeData {
  private EdgeData() {}

  static ReportData analyze() {
    return analyze(Path.of("src/test/resources/fixtures/site-edge"));
  }

  static ReportData analyze(Path input) {
    try {
      return BuildPipeline.analyze(ExampleData.options(input, Settings.DEFAULTS, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
