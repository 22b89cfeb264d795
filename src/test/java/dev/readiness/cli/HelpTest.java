package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
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
  void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
    Cli.Result r = Cli.run(command, "--help");
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("Usage: readiness " + command), r.out());
    int examples = lines.indexOf("Examples:");
    assertTrue(examples > 0, r.out());
    int end = examples + 1;
    while (end < lines.size() && !lines.get(end).isEmpty()) {
      end++;
    }
    List<String> block = lines.subList(examples + 1, end);
    assertTrue(block.size() >= 2, r.out());
    assertTrue(
        block.stream().allMatch(l -> l.startsWith("  ")),
        "examples fit the width unwrapped:\n" + r.out());
    assertTrue(block.get(0).startsWith("  readiness " + command), r.out());
    assertTrue(r.out().contains("Exit codes: "), r.out());
    assertTrue(r.out().replace("\n", " ").contains("; 2 usage"), r.out());
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80), r.out());
    assertEquals(r.out(), Cli.run("help", command).out(), "readiness help COMMAND is the same");
  }

  @Test
  void printsTheVersion() {
    Cli.Result top = Cli.run("--version");
    assertEquals(0, top.code());
    assertTrue(top.out().startsWith("readiness 0.1.0\nJava "), top.out());
    assertEquals(top.out(), Cli.run("check", "--version").out());
    assertEquals(
        top.out(),
        Cli.run("init", "-V").out(),
        "every command has --version (the Invocation mixin)");
    assertTrue(Cli.run("config", "--help").out().contains("-v, --verbose"));
  }

  @Test
  void listsEveryCommand() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.code());
    for (String command :
        List.of(
            "build",
            "check",
            "diff",
            "inspect",
            "serve",
            "new",
            "init",
            "pdf",
            "config",
            "completion")) {
      assertTrue(
          r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")),
          command + "\n" + r.out());
    }
    assertTrue(r.out().contains("Exit codes: 0 success; 1 input problems"), r.out());
  }
}
