package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.BuildPipeline;
import dev.readiness.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site of one small scenario (fixtures/site-golden) against golden files in
 * src/test/resources/golden/site-tiny. Refresh them only with {@code mvn test -Dgolden.update=true}
 * and read their diff in review. JFreeChart SVGs are left out (they depend on the machine's fonts);
 * {@link #twoBuildsAreByteIdentical} covers them.
 */
class GoldenSiteTest {
  private static final Path INPUT = Path.of("src/test/resources/fixtures/site-golden");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/site-tiny");
  private static final List<String> FILES =
      List.of(
          "index.html",
          "projects/tiny/index.html",
          "projects/tiny/2026-01-05/index.html",
          "projects/tiny/2026-01-12/index.html",
          "blockers/index.html",
          "timeline/index.html",
          "search/index.html",
          "search/search-index.js",
          "feed.xml",
          "sitemap.xml",
          "badges/tiny.svg");

  @TempDir Path dir;

  @Test
  void smallScenarioMatchesGoldenFiles() throws IOException {
    BuiltSite site = BuiltSite.build(INPUT, dir, BuiltSite.BASE_URL, null, false);
    boolean update = Boolean.getBoolean("golden.update");
    List<String> differ = new ArrayList<>();
    for (String file : FILES) {
      String actual = site.text(file);
      Path golden = GOLDEN.resolve(file);
      if (update) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      } else if (!Files.isRegularFile(golden)
          || !Files.readString(golden, StandardCharsets.UTF_8).equals(actual)) {
        differ.add(file);
      }
    }
    assertEquals(
        List.of(),
        differ,
        "differs from "
            + GOLDEN
            + "; if the change is intended, run "
            + "mvn test -Dtest=GoldenSiteTest -Dgolden.update=true and review the diff");
  }

  @Test
  void twoBuildsAreByteIdentical() throws IOException {
    // One build on one thread, one on four: the order pages are rendered in must not matter.
    Path a = build(Path.of("checklists"), dir.resolve("a"), 1);
    Path b = build(Path.of("checklists"), dir.resolve("b"), 4);
    List<String> files = files(a);
    assertEquals(files, files(b));
    assertEquals(38, files.size(), files.toString());
    List<String> differ = new ArrayList<>();
    for (String f : files) {
      if (!Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)))) {
        differ.add(f);
      }
    }
    assertEquals(List.of(), differ);
  }

  /** PDFs are the PDF renderer's to make reproducible; this test covers everything else. */
  private static Path build(Path input, Path into, int jobs) throws IOException {
    Settings settings =
        Settings.DEFAULTS.withSite(new Settings.Site("Production readiness", BuiltSite.BASE_URL));
    Path out = into.resolve("site");
    BuildPipeline.build(
        new BuildPipeline.Options(
            input, input.toString(), settings, null, false, jobs, BuiltSite.CLOCK),
        out);
    return out;
  }

  private static List<String> files(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
