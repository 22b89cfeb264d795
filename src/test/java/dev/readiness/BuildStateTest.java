package dev.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    Files.writeString(input.resolve("2026-01-12.md"), "## A\n- [x] a\n- [ ] b\n**Next Review**: 2025-12-20\n");
    output = dir.resolve("out");
  }

  private BuildPipeline.Options options(boolean pdf, long epoch) {
    return new BuildPipeline.Options(dir.resolve("in"), "in", Settings.DEFAULTS, null, pdf, 1,
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
    assertTrue(second.summary().problems().stream().anyMatch(p -> p.code().equals("REVIEW_OVERDUE")));
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
}
