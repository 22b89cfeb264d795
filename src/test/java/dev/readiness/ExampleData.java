package dev.readiness;

import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The bundled example history in {@code checklists/}, analyzed at a fixed date. */
public final class ExampleData {
  /** 2026-03-16T00:00:00Z, a week after the latest example reviews. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T00:00:00Z"), ZoneOffset.UTC);

  private ExampleData() {}

  /** Build options for a folder of checklists, with the fixed clock and no PDFs. */
  public static BuildPipeline.Options options(Path input, Settings settings, Path templates) {
    return new BuildPipeline.Options(input, input.toString(), settings, templates, false, 2, CLOCK);
  }

  /** The example history, analyzed. */
  public static ReportData analyze() {
    try {
      return BuildPipeline.analyze(options(Path.of("checklists"), Settings.DEFAULTS, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
