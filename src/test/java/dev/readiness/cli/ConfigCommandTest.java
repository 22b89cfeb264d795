package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.config.ConfigLoader;
import dev.readiness.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @Test
  void printsEveryDefaultWhenThereIsNoFile(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("checklists"));
    Cli.Result r = Cli.run("config", "--input", input.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        """
        # readiness 0.1.0: the configuration in effect for --input %s
        # file: %s (beside the input folder), not found: every value is a default
        # build time: 2026-03-16T00:00:00Z (SOURCE_DATE_EPOCH)
        site:
          title: Production readiness           # default
          # baseUrl:                            # not set
        projects: {}                            # default
        gate:
          minPercent: 80                        # default
          maxOpenBlockers: 0                    # default
          maxDrift: 10                          # default
          requireSignoff: false                 # default
          # maxReviewAgeDays:                   # not set
        pdf:
          enabled: true                         # default
          paper: A4                             # default
        input:
          maxFileBytes: 5242880                 # default
        warnings: {}                            # default
        sources: []                             # default
        timezone: UTC                           # default
        # commitUrl:                            # not set
        """
            .formatted(input, dir.resolve("readiness.yaml")),
        r.out());
    Path saved = Files.writeString(dir.resolve("saved.yaml"), r.out());
    assertEquals(
        Settings.DEFAULTS, ConfigLoader.load(saved), "the output reads back as the same settings");
  }

  @Test
  void saysWhenTheFileInUseIsInsideTheInputFolder(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("checklists"));
    Path config = Files.writeString(input.resolve("readiness.yaml"), "warnings: {UNSIGNED: off}\n");
    Cli.Result r = Cli.run("config", "--input", input.toString());
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals("# file: " + config + " (inside the input folder)", lines.get(1));
    int warnings = lines.indexOf("warnings:");
    assertEquals(
        List.of("warnings:", "  UNSIGNED: 'off'                       # " + config + ":1"),
        lines.subList(warnings, warnings + 2));
  }

  @Test
  void namesTheLineOfEachValueFromTheFile(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("checklists"));
    Path config =
        Files.writeString(
            dir.resolve("team.yaml"),
            """
        site:
          baseUrl: https://docs.example.com/readiness
        projects:
          orion: {name: "Orion: Payments", owner: payments-team}
        gate:
          maxDrift: null
          minPercent: 72.5
        pdf: {paper: letter}
        timezone: Europe/Berlin
        commitUrl: https://git.example.com/orion/commit/{commit}
        """);
    Cli.Result r = Cli.run("config", "--input", input.toString(), "--config", config.toString());
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals("# file: " + config + " (--config)", lines.get(1));
    String file = config.toString();
    assertEquals(
        List.of(
            "site:",
            "  title: Production readiness           # default",
            "  baseUrl: https://docs.example.com/readiness/ # " + file + ":2",
            "projects:",
            "  orion:",
            "    name: 'Orion: Payments'             # " + file + ":4",
            "    owner: payments-team                # " + file + ":4",
            "    # ticket:                           # not set",
            "gate:",
            "  minPercent: 72.5                      # " + file + ":7",
            "  maxOpenBlockers: 0                    # default",
            "  maxDrift: null                        # " + file + ":6",
            "  requireSignoff: false                 # default",
            "  # maxReviewAgeDays:                   # not set",
            "pdf:",
            "  enabled: true                         # default",
            "  paper: Letter                         # " + file + ":8",
            "input:",
            "  maxFileBytes: 5242880                 # default",
            "warnings: {}                            # default",
            "sources: []                             # default",
            "timezone: Europe/Berlin                 # " + file + ":9",
            "commitUrl: https://git.example.com/orion/commit/{commit} # " + file + ":10"),
        lines.subList(3, lines.size()));
    Path saved = Files.writeString(dir.resolve("saved.yaml"), r.out());
    assertEquals(
        ConfigLoader.load(config),
        ConfigLoader.load(saved),
        "the output reads back as the same settings");
  }

  @Test
  void aBrokenFileIsTheUsualOneLineError(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("checklists"));
    Files.writeString(dir.resolve("readiness.yaml"), "gate:\n  minPercnt: 3\n");
    Cli.Result r = Cli.run("config", "--input", input.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of(
            "readiness: "
                + dir.resolve("readiness.yaml")
                + ":2: gate.minPercnt: unknown key; known keys"
                + " here: maxDrift, maxOpenBlockers, maxReviewAgeDays, minPercent, requireSignoff"),
        r.err().lines().toList());
  }

  @Test
  void withoutSourceDateEpochTheBuildTimeIsNow(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run(Map.of(), Terminal.NONE, "config", "--input", dir.toString());
    assertTrue(
        r.out().contains("\n# build time: the current time (SOURCE_DATE_EPOCH is not set)\n"),
        r.out());
  }
}
