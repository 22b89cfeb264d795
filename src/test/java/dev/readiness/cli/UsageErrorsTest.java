package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A missing input folder, an unknown option and a broken config: exit 2 and one line naming the
 * problem.
 */
class UsageErrorsTest {
  @ParameterizedTest
  @ValueSource(strings = {"build", "check", "serve", "new", "pdf"})
  void aMissingInputFolderIsOneLine(String command) {
    Cli.Result r = Cli.run(command, "--input", "no-such-folder");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of(
            "readiness: no-such-folder: no such folder; pass --input DIR, the folder that holds your checklists"),
        r.err().lines().toList());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "build",
        "check",
        "diff",
        "inspect",
        "serve",
        "new",
        "init",
        "pdf",
        "config",
        "completion"
      })
  void anUnknownOptionIsOneLine(String command) {
    String file = "checklists/orion/2026-03-09.md";
    Cli.Result r =
        switch (command) {
          case "diff" -> Cli.run(command, file, file, "--frobnicate");
          case "inspect" -> Cli.run(command, file, "--frobnicate");
          case "init" -> Cli.run(command, "--project", "x", "--frobnicate");
          case "completion" -> Cli.run(command, "bash", "--frobnicate");
          default -> Cli.run(command, "--frobnicate");
        };
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of(
            "readiness: unknown option '--frobnicate' (see 'readiness " + command + " --help')"),
        r.err().lines().toList());
    assertEquals("", r.out());
  }

  @Test
  void anUnknownCommandIsOneLine() {
    Cli.Result r = Cli.run("publish");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of(
            "readiness: unknown command 'publish'; commands: build, check, diff, inspect, serve, new, init,"
                + " pdf, config, completion, help (see 'readiness --help')"),
        r.err().lines().toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "biuld              | readiness: unknown command 'biuld'; did you mean 'build'? (see 'readiness --help')",
        "chek               | readiness: unknown command 'chek'; did you mean 'check'? (see 'readiness --help')",
        "pfd                | readiness: unknown command 'pfd'; did you mean 'pdf'? (see 'readiness --help')",
        "build --ouptut=x   | readiness: unknown option '--ouptut'; did you mean '--output'? (see 'readiness build --help')",
        "check --min-procent 3 | readiness: unknown option '--min-procent'; did you mean '--min-percent'? (see 'readiness check --help')",
        "serve --prot 0     | readiness: unknown option '--prot'; did you mean '--port'? (see 'readiness serve --help')",
        "pdf --hist         | readiness: unknown option '--hist'; did you mean '--history'? (see 'readiness pdf --help')",
        "check --no-require-sign | readiness: unknown option '--no-require-sign'; did you mean '--no-require-signoff'? (see 'readiness check --help')",
      })
  void aMisspeltCommandOrOptionGetsTheClosestOnes(String args, String expected) {
    Cli.Result r = Cli.run(args.split(" "));
    assertEquals(2, r.code(), r.toString());
    assertEquals(List.of(expected), r.err().lines().toList());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "check", "serve", "new", "pdf"})
  void aBrokenConfigIsOneLineNamingFileLineAndKey(String command, @TempDir Path dir)
      throws Exception {
    Path input = Cli.copyChecklists(dir);
    Path config = dir.resolve("readiness.yaml");
    Files.writeString(
        config, "site:\n  title: Readiness\ngate:\n  minPercent: 80\n  maxOpenBlocker: 0\n");
    Cli.Result r = Cli.run(command, "--input", input.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of(
            "readiness: "
                + config
                + ":5: gate.maxOpenBlocker: unknown key; known keys here: maxDrift,"
                + " maxOpenBlockers, maxReviewAgeDays, minPercent, requireSignoff"),
        r.err().lines().toList());
    assertEquals("", r.out());
  }

  @Test
  void aWrongTypeAndBadYamlAreOneLineToo(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Path config = dir.resolve("custom.yaml");
    Files.writeString(config, "gate: {requireSignoff: maybe}\n");
    Cli.Result type = Cli.run("check", "--input", input.toString(), "--config", config.toString());
    assertEquals(2, type.code(), type.toString());
    assertEquals(
        List.of("readiness: " + config + ":1: gate.requireSignoff: must be true or false"),
        type.err().lines().toList());

    Files.writeString(config, "site: [unclosed\n");
    Cli.Result yaml = Cli.run("check", "--input", input.toString(), "--config", config.toString());
    assertEquals(2, yaml.code(), yaml.toString());
    assertEquals(1, yaml.err().lines().count(), yaml.toString());
    assertTrue(
        yaml.err().startsWith("readiness: " + config + ":2: not valid YAML: "), yaml.toString());

    Cli.Result missing =
        Cli.run(
            "check", "--input", input.toString(), "--config", dir.resolve("nope.yaml").toString());
    assertEquals(2, missing.code(), missing.toString());
    assertEquals(
        List.of("readiness: " + dir.resolve("nope.yaml") + ": no such configuration file"),
        missing.err().lines().toList());
  }

  @Test
  void aBadSourceDateEpochIsAUsageError() {
    Cli.Result r =
        Cli.run(java.util.Map.of("SOURCE_DATE_EPOCH", "yesterday"), Terminal.NONE, "check");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of(
            "readiness: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \"yesterday\""),
        r.err().lines().toList());
  }
}
