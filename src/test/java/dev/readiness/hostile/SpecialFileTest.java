package dev.readiness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipe or a device anywhere under the input is never opened: opening a pipe waits for a writer
 * for ever, and a device like /dev/zero never ends. Each command runs in a JVM of its own, so that
 * a hang is a failed test, not a stuck build.
 */
class SpecialFileTest {
  private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1767225600");
  private static final long LIMIT_SECONDS = 120;

  @TempDir Path work;
  Path input;

  @BeforeEach
  void setUp() throws Exception {
    input = KilledBuildTest.generate(work.resolve("checklists"), 1, 2, 1);
  }

  /** Pipes as a checklist, beside the checklists and in a folder below. */
  private void pipes() throws Exception {
    Path project = input.resolve("project-00");
    mkfifo(project.resolve("2026-01-19.md"));
    mkfifo(project.resolve("notes.pipe"));
    Files.createDirectories(project.resolve("attachments"));
    mkfifo(project.resolve("attachments/stream"));
  }

  @Test
  void buildSkipsAPipeUnderTheInputAndNamesIt() throws Exception {
    pipes();
    Path log = work.resolve("build.log");
    Process build =
        ChildBuild.command(
            EPOCH,
            List.of(),
            log,
            List.of(
                "build",
                "--input",
                input.toString(),
                "--output",
                work.resolve("site").toString(),
                "--quiet"));
    int exit = await(build, log);
    assertEquals(1, exit, Files.readString(log));
    assertEquals(
        List.of(
            input
                + "/project-00/2026-01-19.md: error: is not a regular file (a pipe, socket or device);"
                + " it is not read [NOT_A_FILE]"),
        Files.readAllLines(log));
    assertTrue(
        Files.isRegularFile(work.resolve("site/projects/project-00/2026-01-12/index.html")),
        "the other reviews are built");
  }

  @Test
  void buildNeverReadsADeviceUnderTheInput() throws Exception {
    Path zero = input.resolve("project-00/zero");
    int made = Mounts.run("mknod", zero.toString(), "c", "1", "5");
    assumeTrue(made == 0, "assumption: mknod is permitted (root); it exited " + made);
    Path log = work.resolve("build.log");
    Process build =
        ChildBuild.command(
            EPOCH,
            List.of(),
            log,
            List.of(
                "build",
                "--input",
                input.toString(),
                "--output",
                work.resolve("site").toString(),
                "--quiet"));
    assertEquals(0, await(build, log), Files.readString(log));
    assertEquals("", Files.readString(log));
  }

  @Test
  void serveStartsWithAPipeUnderTheInput() throws Exception {
    pipes();
    Path log = work.resolve("serve.log");
    Process serve =
        ChildBuild.command(
            EPOCH,
            List.of(),
            log,
            List.of("serve", "--input", input.toString(), "--port", "0", "--no-pdf"));
    try {
      long deadline = System.currentTimeMillis() + LIMIT_SECONDS * 1000;
      while (!Files.readString(log).contains("serving ")) {
        if (!serve.isAlive()) {
          fail("serve ended (exit " + serve.exitValue() + "):\n" + Files.readString(log));
        }
        if (System.currentTimeMillis() > deadline) {
          fail("serve did not start within " + LIMIT_SECONDS + " s:\n" + Files.readString(log));
        }
        Thread.sleep(50);
      }
      assertTrue(
          Files.readString(log).contains("project-00/2026-01-19.md: error: is not a regular file"),
          Files.readString(log));
    } finally {
      serve.destroyForcibly();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The exit code of a child that must end within the limit; a hung one is killed and fails the
   * test.
   */
  private static int await(Process child, Path log) throws Exception {
    if (!child.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
      fail("hung for " + LIMIT_SECONDS + " s:\n" + Files.readString(log));
    }
    return child.exitValue();
  }

  private static void mkfifo(Path path) throws IOException, InterruptedException {
    int exit = Mounts.run("mkfifo", path.toString());
    assumeTrue(exit == 0, "assumption: mkfifo is available; it exited " + exit);
  }
}
