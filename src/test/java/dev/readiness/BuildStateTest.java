package dev.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.readiness.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {
  @TempDir Path dir;
  Path input;
  Path output;

  @BeforeEach
  void input() throws IOException {
    input = Files.createDirectories(dir.resolve("in/p"));
    Files.writeString(input.resolve("2026-01-05.md"), "## A\n- [x] a\n- [ ] b\n");
    Files.writeString(
        input.resolve("2026-01-12.md"), "## A\n- [x] a\n- [ ] b\n**Next Review**: 2025-12-20\n");
    output = dir.resolve("out");
  }

  private BuildPipeline.Options options(boolean pdf, long epoch) {
    return new BuildPipeline.Options(
        dir.resolve("in"),
        "in",
        Settings.DEFAULTS,
        null,
        pdf,
        1,
        Clock.fixed(Instant.ofEpochSecond(epoch), ZoneOffset.UTC));
  }

  @Test
  void secondBuildWithNothingChangedWritesNothingAndReportsTheSame() throws IOException {
    BuildPipeline.Result first = BuildPipeline.build(options(false, 1767225600), output);
    assertFalse(first.summary().upToDate());
    FileTime written = Files.getLastModifiedTime(output.resolve("index.html"));
    BuildPipeline.Result second = BuildPipeline.build(options(false, 1767225600), output);
    assertTrue(second.summary().upToDate());
    assertNull(second.data());
    assertEquals(first.summary().problems(), second.summary().problems());
    assertEquals(first.summary().reviews(), second.summary().reviews());
    assertEquals(first.summary().stats(), second.summary().stats());
    assertEquals(first.summary().latestFiles(), second.summary().latestFiles());
    assertEquals(written, Files.getLastModifiedTime(output.resolve("index.html")));
    assertTrue(
        second.summary().problems().stream().anyMatch(p -> p.code().equals("REVIEW_OVERDUE")));
  }

  @Test
  void rebuildsWhenAnInputChanges() throws IOException {
    BuildPipeline.build(options(false, 1767225600), output);
    Files.writeString(input.resolve("2026-01-12.md"), "## A\n- [x] a\n- [x] b\n");
    BuildPipeline.Result again = BuildPipeline.build(options(false, 1767225600), output);
    assertFalse(again.summary().upToDate());
    assertEquals(100.0, again.data().projects().get(0).latest().percent());
  }

  @Test
  void rebuildsWhenAFileIsAddedOrOptionsOrTheDateChange() throws IOException {
    BuildPipeline.build(options(false, 1767225600), output);
    assertFalse(BuildPipeline.build(options(true, 1767225600), output).summary().upToDate());
    assertTrue(BuildPipeline.build(options(true, 1767225600), output).summary().upToDate());
    assertFalse(BuildPipeline.build(options(true, 1767312000), output).summary().upToDate());
    Files.writeString(input.resolve("2026-01-19.md"), "## A\n- [x] a\n");
    BuildPipeline.Result added = BuildPipeline.build(options(true, 1767312000), output);
    assertFalse(added.summary().upToDate());
    assertEquals(3, added.summary().reviews());
  }

  @Test
  void rebuildsWhenTheOutputIsNoLongerWhole() throws IOException {
    BuildPipeline.build(options(false, 1767225600), output);
    Files.delete(output.resolve("projects/p/index.html"));
    assertFalse(BuildPipeline.build(options(false, 1767225600), output).summary().upToDate());
    assertTrue(Files.exists(output.resolve("projects/p/index.html")));
  }

  @Test
  void hashesAgainOnlyTheFilesWhoseSizeTimeOrStatusChanged() throws IOException {
    Path root = dir.resolve("in").toRealPath();
    Path file = input.resolve("2026-01-12.md");
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(file, hourAgo);
    Files.setLastModifiedTime(input.resolve("2026-01-05.md"), hourAgo);
    FileHashes.Hashes first = FileHashes.of(root);
    assertEquals(2, first.hashed());
    FileHashes.Hashes second = FileHashes.of(root);
    assertEquals(0, second.hashed(), "both vouched for by their records");
    assertEquals(first.hashes(), second.hashes());

    // Same size and the old time put back: the status-change time still moved, so it is read again.
    Files.writeString(file, Files.readString(file).replace("- [x] a", "- [ ] a"));
    Files.setLastModifiedTime(file, hourAgo);
    FileHashes.Hashes third = FileHashes.of(root);
    assertEquals(1, third.hashed());
    assertFalse(
        third.hashes().get("p/2026-01-12.md").equals(first.hashes().get("p/2026-01-12.md")));
    assertEquals(first.hashes().get("p/2026-01-05.md"), third.hashes().get("p/2026-01-05.md"));
    BuildPipeline.Result build = BuildPipeline.build(options(false, 1767225600), output);
    assertEquals(0.0, build.data().projects().get(0).latest().percent());
  }

  @Test
  void hashesAgainAFileModifiedJustBeforeTheLastBuild() throws IOException {
    Path file = input.resolve("2026-01-12.md");
    FileTime justNow = FileTime.fromMillis(System.currentTimeMillis() - 500);
    Files.setLastModifiedTime(file, justNow);
    BuildPipeline.build(options(false, 1767225600), output);

    // A change within the file system's clock tick keeps size and time; the file was modified
    // less than FileHashes.SETTLE_MILLIS before hashing began, so its record is not trusted.
    Files.writeString(file, Files.readString(file).replace("- [x] a", "- [ ] a"));
    Files.setLastModifiedTime(file, justNow);
    BuildPipeline.Result again = BuildPipeline.build(options(false, 1767225600), output);
    assertFalse(again.summary().upToDate());
    assertEquals(0.0, again.data().projects().get(0).latest().percent());
  }

  @Test
  void aFileThatCouldNotBeReadIsReadAgainOnceItCanBe() throws IOException {
    Path file = input.resolve("2026-01-12.md");
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(file, hourAgo);
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(
          !Files.isReadable(file), "not running as root, where permissions do not stop reads");
      assertEquals(1, BuildPipeline.build(options(false, 1767225600), output).summary().reviews());
    } finally {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
    BuildPipeline.Result again = BuildPipeline.build(options(false, 1767225600), output);
    assertFalse(again.summary().upToDate());
    assertEquals(2, again.summary().reviews());
  }
}
