package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.readiness.config.Settings;
import dev.readiness.read.InputReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's blockers across its reviews, against a history worked out by hand. */
class BlockerHistoryTest {
  @TempDir Path dir;

  private static String review(String date, String... blockers) {
    StringBuilder md =
        new StringBuilder(
            "# Orion\n\n**Date**: " + date + "\n\n## 1. Security\n\n- [ ] TLS\n\n## Blockers\n\n");
    for (String b : blockers) {
      md.append("- **").append(b).append("** - waiting\n");
    }
    return md.toString();
  }

  /**
   * By hand: "Load testing" is listed on 01-05 and (as "LOAD TESTING") on 01-12, gone on 01-19,
   * listed again on 01-26: one blocker, open, first seen 01-26 (its second run), listed first on
   * 01-05, resolved once before. "TLS cert" is listed 01-05 to 01-19 and gone on 01-26: resolved by
   * 01-26, 14 days old when last listed.
   */
  @Test
  void followsABlockerResolvedAndListedAgainAndOneWhoseTitleChangedCase() throws IOException {
    Path project = Files.createDirectories(dir.resolve("in/orion"));
    Files.writeString(
        project.resolve("2026-01-05.md"), review("2026-01-05", "Load testing", "TLS cert"));
    Files.writeString(
        project.resolve("2026-01-12.md"), review("2026-01-12", "LOAD TESTING", "TLS cert"));
    Files.writeString(project.resolve("2026-01-19.md"), review("2026-01-19", "TLS cert"));
    Files.writeString(project.resolve("2026-01-26.md"), review("2026-01-26", "Load testing"));
    var inventory =
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).read(dir.resolve("in"), "in");
    ProjectReport report =
        new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 2, 1))
            .analyze(inventory, "in", "readiness test", Instant.EPOCH)
            .projects()
            .get(0);

    List<BlockerHistory> history = report.blockerHistory();
    assertEquals(
        List.of("Load testing", "TLS cert"), history.stream().map(BlockerHistory::title).toList());

    BlockerHistory load = history.get(0);
    assertEquals(LocalDate.of(2026, 1, 5), load.firstListed());
    assertEquals(LocalDate.of(2026, 1, 26), load.firstSeen());
    assertEquals(LocalDate.of(2026, 1, 26), load.lastListed());
    assertEquals(0, load.ageDays());
    assertNull(load.resolved());
    assertEquals(true, load.open());
    assertEquals(1, load.earlierRuns());
    assertEquals(
        "LOAD TESTING", load.at(1).blocker().title(), "the case change is the same blocker");
    assertEquals(7, load.at(1).ageDays());
    assertNull(load.at(2), "not listed on 01-19");

    BlockerHistory tls = history.get(1);
    assertEquals(LocalDate.of(2026, 1, 5), tls.firstListed());
    assertEquals(LocalDate.of(2026, 1, 5), tls.firstSeen());
    assertEquals(LocalDate.of(2026, 1, 19), tls.lastListed());
    assertEquals(14, tls.ageDays());
    assertEquals(LocalDate.of(2026, 1, 26), tls.resolved());
    assertEquals(false, tls.open());
    assertEquals(0, tls.earlierRuns());
  }

  @Test
  void aProjectWhoseReviewsListNoBlockerHasNoHistory() throws IOException {
    Path project = Files.createDirectories(dir.resolve("in/orion"));
    Files.writeString(project.resolve("2026-01-05.md"), review("2026-01-05"));
    var inventory =
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).read(dir.resolve("in"), "in");
    ProjectReport report =
        new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 2, 1))
            .analyze(inventory, "in", "readiness test", Instant.EPOCH)
            .projects()
            .get(0);
    assertEquals(List.of(), report.blockerHistory());
  }
}
