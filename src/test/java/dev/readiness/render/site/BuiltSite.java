package dev.readiness.render.site;

import dev.readiness.BuildPipeline;
import dev.readiness.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A site built from a folder of checklists into a temporary folder, for tests to read. */
final class BuiltSite {
  /** 2026-03-20: four days after the example's latest reviews named their next review. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T00:00:00Z"), ZoneOffset.UTC);

  static final String BASE_URL = "https://docs.example.com/readiness/";

  final Path root;
  final BuildPipeline.Result result;

  private BuiltSite(Path root, BuildPipeline.Result result) {
    this.root = root;
    this.result = result;
  }

  /** The example history with a base URL and PDFs. */
  static BuiltSite example(Path into) {
    return build(Path.of("checklists"), into, BASE_URL, null, true);
  }

  static BuiltSite build(Path input, Path into, String baseUrl, Path templates, boolean pdf) {
    Settings settings = Settings.DEFAULTS;
    if (baseUrl != null) {
      settings = settings.withSite(new Settings.Site(settings.site().title(), baseUrl));
    }
    BuildPipeline.Options options =
        new BuildPipeline.Options(input, input.toString(), settings, templates, pdf, 2, CLOCK);
    Path out = into.resolve("site");
    try {
      return new BuiltSite(out, BuildPipeline.build(options, out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(String relative) {
    return root.resolve(relative);
  }

  String text(String relative) {
    try {
      return Files.readString(file(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Document page(String relative) {
    return Jsoup.parse(text(relative), "");
  }

  /** Every file, as site paths with forward slashes, sorted. */
  List<String> files() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> pages() {
    return files().stream().filter(f -> f.endsWith(".html")).toList();
  }
}
