package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's handling of files and folders that cannot be used; the other files are read. */
class InputReaderRobustnessTest {
  private static final String GOOD = "# Good\n\n## Section 1: One\n\n- [x] done\n- [ ] open\n";

  @TempDir Path input;

  @Test
  void reportsAFileThatVanishesAfterItWasListed() throws IOException {
    write("orion/2026-03-01.md", GOOD);
    Path doomed = write("orion/2026-03-02.md", GOOD);
    InputReader.FileSource deleteFirst =
        (file, shown, max) -> {
          if (file.getFileName().toString().equals("2026-03-01.md")) {
            try {
              Files.delete(doomed);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
          return FileDecoder.decode(file, shown, max);
        };
    Inventory read =
        new InputReader(
                Settings.DEFAULTS.input().maxFileBytes(),
                null,
                1,
                Duration.ofSeconds(30),
                deleteFirst)
            .read(input, "in");
    assertEquals(
        List.of("in/orion/2026-03-02.md: error: disappeared while it was being read [UNREADABLE]"),
        lines(read));
    assertEquals(1, read.projects().get(0).reviews().size());
  }

  @Test
  void reportsAFileThatTakesTooLongToParse() throws IOException {
    write("slow/2026-03-01.md", "# Slow\n\n" + "`a".repeat(200_000) + "\n");
    write("slow/2026-03-02.md", GOOD);
    Inventory read =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 2, Duration.ofSeconds(1))
                    .read(input, "in"));
    assertEquals(
        List.of(
            "in/slow/2026-03-01.md: error: took longer than 1 s to parse, so it is skipped;"
                + " split it or shorten its longest lines [UNPARSABLE]"),
        lines(read));
    assertEquals(1, read.projects().get(0).reviews().size());
  }

  @Test
  void reportsAFileNestedTooDeeplyForTheStack() throws IOException {
    write("wide/2026-03-01.md", "# Wide\n\n| a |\n" + "|-".repeat(2_000_000) + "|\n");
    write("wide/2026-03-02.md", GOOD);
    Inventory read =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).read(input, "in"));
    assertEquals(
        List.of(
            "in/wide/2026-03-01.md: error: is too deeply nested or repetitive for the Markdown parser"
                + " (it ran out of stack), so it is skipped; simplify its longest lines [UNPARSABLE]"),
        lines(read));
    assertEquals(1, read.projects().get(0).reviews().size());
  }

  @Test
  void reportsAPipeInsteadOfWaitingForIt() throws Exception {
    Files.createDirectories(input.resolve("orion"));
    Path fifo = input.resolve("orion/2026-03-01.md");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
    write("orion/2026-03-02.md", GOOD);
    Inventory read =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).read(input, "in"));
    assertEquals(
        List.of(
            "in/orion/2026-03-01.md: error: is not a regular file (a pipe, socket or device);"
                + " it is not read [NOT_A_FILE]"),
        lines(read));
  }

  @Test
  void reportsAFolderThatCannotBeListed() throws IOException {
    write("orion/2026-03-01.md", GOOD);
    Path locked = Files.createDirectories(input.resolve("secret"));
    write("secret/2026-03-01.md", GOOD);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(
          !Files.isReadable(locked), "not running as root, where permissions do not stop reads");
      Inventory read =
          new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).read(input, "in");
      assertEquals(
          List.of(
              "in/secret: error: cannot be listed (permission denied); its checklists are skipped [UNREADABLE]"),
          lines(read));
      assertEquals(List.of("orion"), read.projects().stream().map(ProjectInput::slug).toList());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void readsAFolderLinkedTwiceOnce() throws IOException {
    write("orion/2026-03-01.md", GOOD);
    Files.createSymbolicLink(input.resolve("alias"), Path.of("orion"));
    Files.createSymbolicLink(input.resolve("self"), Path.of("."));
    Inventory read = new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).read(input, "in");
    assertEquals(
        List.of(
            "in/alias: error: is a link to in/orion, which is read already; it is not read again, so remove the link [LINKED_FOLDER]",
            "in/self: error: is a link to the input folder itself; it is not read again, so remove the link [LINKED_FOLDER]"),
        lines(read));
    assertEquals(1, read.projects().size());
  }

  private Path write(String relative, String text) throws IOException {
    Path file = input.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static List<String> lines(Inventory read) {
    return read.problems().stream().map(Problem::toString).toList();
  }
}
