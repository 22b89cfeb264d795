package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @Test
  void namesTheProjectOnceWhenTheTitleHoldsIt() {
    Cli.Result r = Cli.run("inspect", "checklists/orion/2026-03-09.md");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        "Orion Payments Gateway — Production Readiness", r.out().lines().findFirst().orElse(""));
  }

  @Test
  void addsTheProjectWhenTheTitleLacksIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2026-03-09.md");
    Files.writeString(
        file, "---\nproject: Orion\n---\n# Production Readiness\n\n## 1. A\n\n- [x] One\n");
    Cli.Result r = Cli.run("inspect", file.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("Production Readiness — Orion", r.out().lines().findFirst().orElse(""));
  }
}
