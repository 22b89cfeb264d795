package dev.readiness;

import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** The bundled example history in {@code checklists/}, analyzed at a fixed date. */
public final class ExampleData {
  /** 2026-03-16T00:00:00Z, a week after the latest example reviews. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-16T00:00:00Z"), ZoneOffset.UTC);

  private ExampleData() {}

  /** Build options for a folder of checklists, with the fixed clock and no PDFs. */
  public static BuildPipeline.Options options(Path input, Settings settings, Path templates) {
    return new BuildPipeline.Options(input, input.toString(), settings, templates, false, 2, CLOCK);
  }

  /** Copies the example checklists into {@code dir}/checklists and returns that folder. */
  public static Path copy(Path dir) throws IOException {
    Path from = Path.of("checklists");
    Path target = dir.resolve("checklists");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
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
