package dev.readiness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review's page and PDF are a function of that review, the ones before it, the settings, the
 * templates and the tool: never of the build date. The weekly job (a week later, every project adds
 * a review) writes no file of an older review again, and its output is that of a clean build.
 */
class WeeklyBuildTest {
  /** The latest example reviews are of 2026-03-09; their next review is due 2026-03-16. */
  private static final String LATEST = "2026-03-09";

  @TempDir Path dir;
  Path input;

  @BeforeEach
  void copyExample() throws IOException {
    input = ExampleData.copy(dir);
  }

  private BuildPipeline.Options options(String day, int jobs) {
    Clock clock = Clock.fixed(Instant.parse(day + "T06:00:00Z"), ZoneOffset.UTC);
    return new BuildPipeline.Options(
        input, "checklists", Settings.DEFAULTS, null, true, jobs, clock);
  }

  /** Each file of each review folder ({@code projects/<slug>/<date>/...}): its inode and time. */
  private static Map<String, List<Object>> reviewFiles(Path site) throws IOException {
    Map<String, List<Object>> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site.resolve("projects"))) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        String name = site.relativize(f).toString();
        if (name.split("/").length == 4) {
          files.put(
              name,
              List.of(
                  Files.getAttribute(f, "unix:ino", LinkOption.NOFOLLOW_LINKS),
                  Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS)));
        }
      }
    }
    return files;
  }

  private static Object inode(Path file) throws IOException {
    return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
  }

  private static String date(String file) {
    return file.split("/")[2];
  }

  /**
   * The next week's review of every project: the latest one a week on, with one more box checked.
   */
  private void addTheNextReviews() throws IOException {
    for (String project : List.of("mahavishnu", "orion")) {
      String latest = Files.readString(input.resolve(project + "/" + LATEST + ".md"));
      Files.writeString(
          input.resolve(project + "/2026-03-16.md"),
          latest
              .replace("2026-03-16", "2026-03-23")
              .replace(LATEST, "2026-03-16")
              .replaceFirst("- \\[ \\]", "- [x]"));
    }
  }

  @Test
  void aWeekLaterNoFileOfAnOlderReviewIsWrittenAgain() throws IOException {
    Path site = dir.resolve("site");
    BuildPipeline.build(options("2026-03-10", 2), site);
    Map<String, List<Object>> before = reviewFiles(site);

    addTheNextReviews();
    BuildPipeline.Result weekly = BuildPipeline.build(options("2026-03-17", 2), site);
    assertFalse(weekly.summary().upToDate());
    Map<String, List<Object>> after = reviewFiles(site);

    int older = 0;
    for (Map.Entry<String, List<Object>> e : before.entrySet()) {
      String file = e.getKey();
      if (date(file).compareTo(LATEST) < 0 || !file.endsWith("/index.html")) {
        assertEquals(e.getValue(), after.get(file), "kept, not written again: " + file);
        older++;
      } else {
        // The page of the review that was the latest links to the new one now.
        assertNotEquals(e.getValue(), after.get(file), "made again: " + file);
        assertTrue(Files.readString(site.resolve(file)).contains("Next review (2026-03-16)"), file);
      }
    }
    assertEquals(
        8 * 3 - 2,
        older,
        "every file of the 6 older reviews, and the 2 latest ones' PDFs and charts");
    assertTrue(Files.isRegularFile(site.resolve("projects/orion/2026-03-16/orion-2026-03-16.pdf")));

    Path clean = dir.resolve("clean");
    BuildPipeline.Result fresh = BuildPipeline.build(options("2026-03-17", 1), clean);
    assertEquals(fresh.stats(), weekly.stats());
    assertEquals(Trees.hashes(clean), Trees.hashes(site), "the weekly output is a clean build's");
  }

  @Test
  void aReviewsPageAndPdfDoNotDependOnTheBuildDate() throws IOException {
    Path early = dir.resolve("early");
    Path late = dir.resolve("late");
    BuildPipeline.build(options("2026-03-10", 2), early);
    BuildPipeline.build(options("2026-04-30", 2), late);
    Map<String, List<Object>> files = reviewFiles(early);
    assertEquals(8 * 3, files.size());
    for (String file : files.keySet()) {
      byte[] a = Files.readAllBytes(early.resolve(file));
      byte[] b = Files.readAllBytes(late.resolve(file));
      if (date(file).equals(LATEST) && file.endsWith("/index.html")) {
        // The latest review's page counts its next review to today: overdue by 45 days now.
        assertFalse(new String(a).contains("overdue"), file);
        assertTrue(new String(b).contains("overdue 45 days"), file);
      } else {
        assertArrayEquals(a, b, "the same whatever the build date: " + file);
      }
    }
    String page = Files.readString(late.resolve("projects/orion/2026-03-02/index.html"));
    assertTrue(page.contains("Generated by readiness"), "the footer names the tool");
    assertFalse(page.contains("2026-04-30"), "and not the build date");
  }

  @Test
  void aLaterDayWithNothingChangedMakesOnlyTheViewsOfNowAndTheLatestPagesAgain()
      throws IOException {
    Path site = dir.resolve("site");
    BuildPipeline.build(options("2026-03-10", 2), site);
    Map<String, List<Object>> before = reviewFiles(site);
    Object portfolio = inode(site.resolve("index.html"));
    Object history = inode(site.resolve("projects/orion/orion-history.pdf"));
    Object projectPage = inode(site.resolve("projects/orion/index.html"));

    BuildPipeline.Result later = BuildPipeline.build(options("2026-04-30", 2), site);
    assertFalse(later.summary().upToDate(), "the views of now show the date");
    Map<String, List<Object>> after = reviewFiles(site);
    for (Map.Entry<String, List<Object>> e : before.entrySet()) {
      boolean latestPage = date(e.getKey()).equals(LATEST) && e.getKey().endsWith("/index.html");
      assertEquals(!latestPage, e.getValue().equals(after.get(e.getKey())), e.getKey());
    }
    assertNotEquals(portfolio, inode(site.resolve("index.html")));
    assertNotEquals(
        projectPage,
        inode(site.resolve("projects/orion/index.html")),
        "a project page shows today");
    assertEquals(
        history,
        inode(site.resolve("projects/orion/orion-history.pdf")),
        "its history PDF does not");
    Path clean = dir.resolve("clean");
    BuildPipeline.build(options("2026-04-30", 1), clean);
    assertEquals(Trees.hashes(clean), Trees.hashes(site), "the output is a clean build's");
  }
}
