package dev.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.config.Settings;
import dev.readiness.hostile.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build into the output of an earlier one keeps the files of the projects whose input did not
 * change, and its output is byte for byte that of a clean, sequential build of the same input.
 */
class IncrementalBuildTest {
  private static final List<String> MAHAVISHNU =
      List.of(
          "projects/mahavishnu/index.html",
          "projects/mahavishnu/2026-03-09/index.html",
          "projects/mahavishnu/2026-03-09/mahavishnu-2026-03-09.pdf",
          "projects/mahavishnu/mahavishnu-history.pdf",
          "projects/mahavishnu/progress.svg",
          "badges/mahavishnu.svg");

  @TempDir Path dir;
  Path input;

  @BeforeEach
  void copyExample() throws IOException {
    input = ExampleData.copy(dir);
  }

  private BuildPipeline.Options options(Path templates) {
    return options(templates, 2);
  }

  private BuildPipeline.Options options(Path templates, int jobs) {
    return new BuildPipeline.Options(
        input, "checklists", Settings.DEFAULTS, templates, true, jobs, ExampleData.CLOCK);
  }

  private static Object inode(Path file) throws IOException {
    return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void aNewReviewRemakesItsProjectAndKeepsTheOthersFilesAsTheyAre() throws IOException {
    Path site = dir.resolve("site");
    BuildPipeline.build(options(null), site);
    Map<String, Object> before = new java.util.HashMap<>();
    for (String f : MAHAVISHNU) {
      before.put(f, inode(site.resolve(f)));
    }
    Object orionPage = inode(site.resolve("projects/orion/index.html"));
    Object portfolio = inode(site.resolve("index.html"));

    String latest = Files.readString(input.resolve("orion/2026-03-09.md"));
    Files.writeString(
        input.resolve("orion/2026-03-16.md"),
        latest.replace("2026-03-09", "2026-03-16").replaceFirst("- \\[ \\]", "- [x]"));
    BuildPipeline.Result again = BuildPipeline.build(options(null), site);
    assertFalse(again.summary().upToDate());
    assertEquals(9, again.summary().reviews());

    for (String f : MAHAVISHNU) {
      assertEquals(before.get(f), inode(site.resolve(f)), "kept, not rewritten: " + f);
    }
    assertNotEquals(
        orionPage, inode(site.resolve("projects/orion/index.html")), "orion is made again");
    assertNotEquals(portfolio, inode(site.resolve("index.html")), "the portfolio is made again");
    assertTrue(Files.exists(site.resolve("projects/orion/2026-03-16/orion-2026-03-16.pdf")));
    // Counted as a clean build counts them: 15 pages (14 + the new review), 11 PDFs.
    assertEquals(15, again.stats().pages());
    assertEquals(11, again.stats().pdfs());

    // A clean build on one thread: neither reuse nor the order of rendering shows in the output.
    Path clean = dir.resolve("clean");
    BuildPipeline.Result fresh = BuildPipeline.build(options(null, 1), clean);
    assertEquals(fresh.stats(), again.stats());
    assertEquals(
        Trees.hashes(clean), Trees.hashes(site), "the incremental output is the clean output");
  }

  @Test
  void changedTemplatesRemakeEveryProject() throws IOException {
    Path site = dir.resolve("site");
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("readme.txt"), "no overrides yet\n");
    BuildPipeline.build(options(templates), site);
    Object page = inode(site.resolve("projects/mahavishnu/index.html"));
    Files.writeString(
        input.resolve("orion/2026-03-16.md"),
        Files.readString(input.resolve("orion/2026-03-09.md")).replace("2026-03-09", "2026-03-16"));
    Files.writeString(templates.resolve("readme.txt"), "still none, but the folder changed\n");
    BuildPipeline.build(options(templates), site);
    assertNotEquals(page, inode(site.resolve("projects/mahavishnu/index.html")));
  }
}
