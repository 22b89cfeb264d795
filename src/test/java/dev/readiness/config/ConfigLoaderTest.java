package dev.readiness.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @Test
  void readsEveryDocumentedKey() throws Exception {
    Settings s =
        ConfigLoader.parse(
            "readiness.yaml",
            """
        site: {title: Release readiness, baseUrl: https://docs.example.com/readiness}
        projects:
          orion: {name: Orion Payments Gateway, owner: payments-team, ticket: REL-1234}
        gate: {minPercent: 72.5, maxOpenBlockers: 1, maxDrift: 15, requireSignoff: true}
        pdf: {enabled: false, paper: letter}
        input: {maxFileBytes: 1048576}
        """);
    assertEquals(
        new Settings.Site("Release readiness", "https://docs.example.com/readiness/"), s.site());
    assertEquals(
        new Settings.ProjectSettings("Orion Payments Gateway", "payments-team", "REL-1234"),
        s.project("orion"));
    assertEquals(new Settings.Gate(72.5, 1, 15.0, true, null), s.gate());
    assertEquals(new Settings.Pdf(false, "Letter"), s.pdf());
    assertEquals(new Settings.Input(1048576), s.input());
  }

  @Test
  void keepsTheDefaultsOfKeysNotGiven() throws Exception {
    Settings s = ConfigLoader.parse("readiness.yaml", "gate: {minPercent: 90}\n");
    assertEquals(new Settings.Gate(90, 0, 10.0, false, null), s.gate());
    assertEquals(Settings.Site.DEFAULTS, s.site());
    assertEquals(Settings.Pdf.DEFAULTS, s.pdf());
    assertEquals(Settings.Input.DEFAULTS, s.input());
    assertEquals(
        new Settings.Gate(80, 0, 10.0, false, null),
        Settings.Gate.DEFAULTS,
        "the documented defaults");
    assertEquals(new Settings.Pdf(true, "A4"), Settings.Pdf.DEFAULTS);
    assertEquals(5L * 1024 * 1024, Settings.Input.DEFAULTS.maxFileBytes());
    assertEquals("Production readiness", Settings.Site.DEFAULTS.title());
  }

  @Test
  void aNullMaxDriftMeansNoLimit() throws Exception {
    assertNull(ConfigLoader.parse("readiness.yaml", "gate: {maxDrift: null}\n").gate().maxDrift());
    assertNull(ConfigLoader.parse("readiness.yaml", "gate:\n  maxDrift:\n").gate().maxDrift());
  }

  @Test
  void anEmptyOrMissingFileGivesTheDefaults(@TempDir Path dir) throws Exception {
    assertSame(Settings.DEFAULTS, ConfigLoader.parse("readiness.yaml", "# nothing yet\n"));
    assertSame(Settings.DEFAULTS, ConfigLoader.load(dir.resolve("readiness.yaml")));
    Files.writeString(dir.resolve("readiness.yaml"), "pdf: {enabled: no}\n");
    assertEquals(false, ConfigLoader.load(dir.resolve("readiness.yaml")).pdf().enabled());
  }

  @Test
  void namesFileLineAndKeyOfEveryMistake() {
    assertError(
        "cfg.yaml:3: gate.maxDrfit: unknown key; known keys here: maxDrift, maxOpenBlockers,"
            + " maxReviewAgeDays, minPercent, requireSignoff",
        "site:\n  title: x\ngate: {maxDrfit: 3}\n");
    assertError(
        "cfg.yaml:1: gate.minPercent: must be between 0 and 100, not 120",
        "gate: {minPercent: 120}\n");
    assertError(
        "cfg.yaml:1: gate.minPercent: must be a number between 0 and 100",
        "gate: {minPercent: \"80\"}\n");
    assertError(
        "cfg.yaml:2: gate.maxOpenBlockers: must be a whole number of at least 0",
        "gate:\n  maxOpenBlockers: 1.5\n");
    assertError("cfg.yaml:1: pdf.enabled: must be true or false", "pdf: {enabled: sometimes}\n");
    assertError("cfg.yaml:1: pdf.paper: must be A4 or Letter, not \"A3\"", "pdf: {paper: A3}\n");
    assertError(
        "cfg.yaml:1: site.baseUrl: must be an absolute http(s) URL, not \"docs/readiness\"",
        "site: {baseUrl: docs/readiness}\n");
    assertError("cfg.yaml:1: input.maxFileBytes: must be at least 1", "input: {maxFileBytes: 0}\n");
    assertError("cfg.yaml:1: gate: must be a mapping of keys to values", "gate: 80\n");
    assertError(
        "cfg.yaml:2: projects.orion.nmae: unknown key; known keys here: name, owner, ticket",
        "projects:\n  orion: {nmae: Orion}\n");
    assertError(
        "cfg.yaml:3: gate: appears twice in one mapping; keep one",
        "gate: {minPercent: 1}\npdf: {paper: A4}\ngate: {minPercent: 2}\n");
    assertError(
        "cfg.yaml:1: gate.minPercent: appears twice in one mapping; keep one",
        "gate: {minPercent: 1, minPercent: 2}\n");
  }

  @Test
  void readsTheMaximumAgeOfTheLatestReview() throws Exception {
    assertEquals(
        30,
        ConfigLoader.parse("readiness.yaml", "gate: {maxReviewAgeDays: 30}\n")
            .gate()
            .maxReviewAgeDays());
    assertNull(
        ConfigLoader.parse("readiness.yaml", "gate: {maxReviewAgeDays: null}\n")
            .gate()
            .maxReviewAgeDays());
    assertError(
        "cfg.yaml:2: gate.maxReviewAgeDays: must be a whole number of at least 0",
        "gate:\n  maxReviewAgeDays: -3\n");
  }

  @Test
  void readsALevelPerWarningCode() throws Exception {
    Settings s =
        ConfigLoader.parse(
            "readiness.yaml",
            """
        warnings:
          COMPLETE_WITH_OPEN: off
          UNSIGNED: error
          STATED_DRIFT: warning
        """);
    assertEquals(Settings.Level.OFF, s.level("COMPLETE_WITH_OPEN"));
    assertEquals(Settings.Level.ERROR, s.level("UNSIGNED"));
    assertEquals(Settings.Level.WARNING, s.level("STATED_DRIFT"));
    assertEquals(Settings.Level.WARNING, s.level("CONTRADICTION"));
  }

  @Test
  void anUnknownWarningCodeNamesFileLineAndKey() {
    assertError(
        "cfg.yaml:3: warnings.UNSIGN: unknown warning code; known codes: "
            + String.join(", ", dev.readiness.model.WarningCodes.all()),
        "gate: {minPercent: 80}\nwarnings:\n  UNSIGN: error\n");
    assertError(
        "cfg.yaml:2: warnings.UNSIGNED: must be off, warning or error",
        "warnings:\n  UNSIGNED: fatal\n");
  }

  @Test
  void notANumberAndInfinityAreConfigErrors() {
    assertError(
        "cfg.yaml:1: gate.minPercent: must be a number between 0 and 100, not \".nan\"",
        "gate: {minPercent: .nan}\n");
    assertError(
        "cfg.yaml:2: gate.maxDrift: must be between 0 and 100, not .inf",
        "gate:\n  maxDrift: .inf\n");
    assertError(
        "cfg.yaml:1: gate.maxDrift: must be between 0 and 100, not -.Inf",
        "gate: {maxDrift: -.Inf}\n");
    assertError(
        "cfg.yaml:1: gate.minPercent: must be a number between 0 and 100, not \"1:30\"",
        "gate: {minPercent: 1:30}\n");
  }

  @Test
  void readsUnderscoredNumbers() throws Exception {
    assertEquals(
        72.5,
        ConfigLoader.parse("readiness.yaml", "gate: {minPercent: 7_2.5}\n").gate().minPercent());
  }

  @Test
  void refusesAFileOverTheLimitBeforeReadingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("readiness.yaml");
    Files.writeString(
        file, "site: {title: \"" + "a".repeat((int) ConfigLoader.MAX_BYTES) + "\"}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertEquals(
        file
            + ": is "
            + Files.size(file)
            + " bytes; a configuration file may have at most 1048576 (1 MiB)",
        e.getMessage());
  }

  @Test
  void refusesAConfigurationThatIsNotARegularFile(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("readiness.yaml");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(fifo));
    assertEquals(fifo + ": not a regular file; readiness.yaml must be a file", e.getMessage());
  }

  @Test
  void projectKeysMustBeSlugs() {
    assertError(
        "cfg.yaml:2: projects.Orion Payments: \"Orion Payments\" is not a project slug; use the slug readiness"
            + " shows for the project (lowercase letters, digits and -), e.g. \"orion-payments\"",
        "projects:\n  Orion Payments: {name: Orion}\n");
  }

  private static void assertError(String expected, String yaml) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.parse("cfg.yaml", yaml));
    assertEquals(expected, e.getMessage());
  }
}
