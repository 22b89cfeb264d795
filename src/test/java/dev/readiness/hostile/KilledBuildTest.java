package dev.readiness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.readiness.cli.Main;
import dev.readiness.render.OutputTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real build in its own JVM, killed while it writes, leaves the previous site whole; the next
 * build recovers and succeeds, and keeps the files readiness did not write.
 */
class KilledBuildTest {
  private static final Path SEED =
      Path.of(
          "src/test/resources/corpus/lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0608.md");
  private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1767225600");
  private static final long WAIT_MILLIS = 120_000;

  @TempDir Path work;

  @Test
  void aBuildKilledMidwayLeavesThePreviousSiteWhole() throws Exception {
    Path input = work.resolve("checklists");
    Path site = work.resolve("site");
    generate(input, 15, 10, 1);
    assertEquals(0, build(input, site));
    Files.writeString(site.resolve("robots.txt"), "User-agent: *\n");
    Files.createDirectories(site.resolve("extra"));
    Files.writeString(site.resolve("extra/notes.md"), "kept\n");
    Map<String, String> before = Trees.hashes(site);
    Map<String, String> inputBefore = Trees.hashes(generate(input, 15, 10, 2));

    Process child =
        ChildBuild.start(
            EPOCH, List.of(), "--input", input.toString(), "--output", site.toString(), "--quiet");
    try {
      Path staging = awaitStagingWith(child, 25);
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the killed build ends");
      assertTrue(
          Files.isDirectory(staging),
          "the build was killed while it wrote " + staging.getFileName());
    } finally {
      child.destroyForcibly();
    }
    Map<String, String> killed = Trees.hashes(site);
    killed.keySet().removeIf(k -> k.startsWith(OutputTree.STAGING + "/"));
    assertEquals(before, killed, "the previous site is whole");
    assertEquals(inputBefore, Trees.hashes(input), "the input is never written");

    assertEquals(0, build(input, site));
    Map<String, String> after = Trees.hashes(site);
    assertNotEquals(
        before.get("data.json"), after.get("data.json"), "the new build replaced the site");
    assertEquals(before.get("robots.txt"), after.get("robots.txt"));
    assertEquals(before.get("extra/notes.md"), after.get("extra/notes.md"));
    try (Stream<Path> beside = Files.list(work)) {
      assertEquals(
          List.of("checklists", "site"),
          beside.map(p -> p.getFileName().toString()).sorted().toList(),
          "nothing beside the site");
    }
    assertFalse(
        Files.exists(site.resolve(OutputTree.STAGING)),
        "the killed build's staging folder is gone");
  }

  /**
   * Waits until the child's staging folder holds {@code files} files; fails if the build ends
   * first.
   */
  private Path awaitStagingWith(Process child, int files) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!child.isAlive()) {
        fail(
            "the build ended (exit "
                + child.exitValue()
                + ") before it could be killed; give it more to write");
      }
      Path p = work.resolve("site").resolve(OutputTree.STAGING);
      try (Stream<Path> walk = Files.walk(p)) {
        if (walk.filter(Files::isRegularFile).count() >= files) {
          return p;
        }
      } catch (IOException notYetOrVanished) {
        // the folder is not there yet, or changed while it was counted; look again
      }
      Thread.sleep(5);
    }
    fail("no staging folder with " + files + " files within " + WAIT_MILLIS / 1000 + " s");
    return null;
  }

  private static int build(Path input, Path site) {
    return Main.execute(
        new Main(EPOCH),
        new String[] {"build", "--input", input.toString(), "--output", site.toString(), "--quiet"},
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
  }

  /**
   * Writes {@code projects} × {@code reviews} weekly reviews of the seed with boxes checked at
   * random.
   */
  static Path generate(Path input, int projects, int reviews, long seed) throws IOException {
    String text = Files.readString(SEED);
    Random random = new Random(seed);
    for (int p = 0; p < projects; p++) {
      Path folder = Files.createDirectories(input.resolve(String.format("project-%02d", p)));
      for (int r = 0; r < reviews; r++) {
        String review = text.replaceFirst("\\*\\*Date\\*\\*: 2026-02-02", "**Date**: review " + r);
        for (int n = random.nextInt(40); n > 0; n--) {
          review = review.replaceFirst("- \\[ \\]", "- [x]");
        }
        Files.writeString(
            folder.resolve(java.time.LocalDate.of(2026, 1, 5).plusWeeks(r) + ".md"), review);
      }
    }
    return input;
  }
}
