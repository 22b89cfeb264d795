package dev.readiness.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sources:}, {@code timezone:} and {@code commitUrl:} of readiness.yaml (docs/git.md). */
class GitSettingsTest {
  @Test
  void readsSourcesTimezoneAndCommitUrl() throws Exception {
    Settings s =
        ConfigLoader.parse(
            "readiness.yaml",
            """
        timezone: Europe/Berlin
        commitUrl: https://github.com/acme/payments/commit/{commit}
        sources:
          - git: ../payments/docs/PRODUCTION_READINESS.md
          - {git: ../ledger/LAUNCH.md, project: ledger, commitUrl: "https://gitlab.example.com/ledger/-/commit/{commit}"}
        """);
    assertEquals(ZoneId.of("Europe/Berlin"), s.git().timezone());
    assertEquals("https://github.com/acme/payments/commit/{commit}", s.git().commitUrl());
    assertEquals(
        List.of(
            new Settings.Source("../payments/docs/PRODUCTION_READINESS.md", null, null, 4),
            new Settings.Source(
                "../ledger/LAUNCH.md",
                "ledger",
                "https://gitlab.example.com/ledger/-/commit/{commit}",
                5)),
        s.git().sources());
  }

  @Test
  void withoutThemThereAreNoSourcesAndDaysAreUtc() throws Exception {
    Settings s = ConfigLoader.parse("readiness.yaml", "gate: {minPercent: 90}\n");
    assertEquals(new Settings.Git(List.of(), ZoneOffset.UTC, null), s.git());
    assertEquals(Settings.Git.DEFAULTS, Settings.DEFAULTS.git());
  }

  @Test
  void rejectsAnUnknownTimeZone() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse("readiness.yaml", "timezone: Mars/Olympus\n"));
    assertEquals(
        "readiness.yaml:1: timezone: must be a time zone such as UTC or Europe/Berlin, not \"Mars/Olympus\"",
        e.getMessage());
  }

  @Test
  void rejectsACommitUrlWithoutThePlaceForTheId() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "readiness.yaml", "commitUrl: https://github.com/acme/payments/commit/\n"));
    assertEquals(
        "readiness.yaml:1: commitUrl: must be an absolute http(s) URL with {commit} where the commit id goes,"
            + " e.g. https://github.com/acme/payments/commit/{commit}; not \"https://github.com/acme/payments/commit/\"",
        e.getMessage());
  }

  @Test
  void rejectsAJavascriptCommitUrl() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "readiness.yaml", "commitUrl: \"javascript:alert('{commit}')\"\n"));
    assertEquals(
        true,
        e.getMessage().startsWith("readiness.yaml:1: commitUrl: must be an absolute http(s) URL"),
        e.getMessage());
  }

  @Test
  void aSourceNeedsItsFile() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse("readiness.yaml", "sources:\n  - project: payments\n"));
    assertEquals(
        "readiness.yaml:2: sources[0]: needs git: PATH, the checklist file in a git working tree",
        e.getMessage());
  }

  @Test
  void aSourcesProjectMustBeASlug() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "readiness.yaml", "sources:\n  - {git: a.md, project: Payments Team}\n"));
    assertEquals(
        "readiness.yaml:2: sources[0].project: \"Payments Team\" is not a project slug; use lowercase letters,"
            + " digits and -, e.g. \"payments-team\"",
        e.getMessage());
  }

  @Test
  void rejectsUnknownKeysInASource() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.parse("readiness.yaml", "sources:\n  - {git: a.md, branch: main}\n"));
    assertEquals(
        "readiness.yaml:2: sources[0].branch: unknown key; known keys here: commitUrl, git, project",
        e.getMessage());
  }

  @Test
  void sourcesMustBeAList() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse("readiness.yaml", "sources: {git: a.md}\n"));
    assertEquals(
        "readiness.yaml:1: sources: must be a list of {git: PATH, project: SLUG} entries",
        e.getMessage());
  }
}
