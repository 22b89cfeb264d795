package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.markdown.LinearBlockStartsTest;
import dev.readiness.model.Item;
import dev.readiness.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NestingLimitTest {
  private static final int DEPTH = 1_000;

  @Test
  void leavesOrdinaryLinesAlone() {
    for (String line :
        List.of(
            "",
            "text",
            "- [ ] item",
            "    code",
            "> > - [x] quoted",
            "1. one",
            "- - -",
            "\t- tab",
            " ".repeat(200) + "x",
            "*emphasis*",
            "[ ] not a box",
            "2026-03-01")) {
      assertSame(line, NestingLimit.clampLine(line, NestingLimit.MAX_LEVELS), line);
    }
  }

  @Test
  void leavesTheCorpusAlone() throws IOException {
    for (Path file : LinearBlockStartsTest.corpus()) {
      String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
      assertEquals(
          0,
          NestingLimit.clamp(lines, 0, NestingLimit.MAX_LEVELS).length,
          file.getFileName().toString());
    }
  }

  @Test
  void cutsIndentationAndKeepsTheItem() {
    String deep = " ".repeat(300) + "- [x] deep item";
    assertEquals(" ".repeat(200) + "- [x] deep item", NestingLimit.clampLine(deep, 100));
  }

  @Test
  void cutsMarkersAndKeepsTheLastWithItsBox() {
    String deep = "- ".repeat(300) + "[ ] deep item";
    assertEquals("- ".repeat(66) + "- [ ] deep item", NestingLimit.clampLine(deep, 100));
    assertEquals(">".repeat(100) + " x", NestingLimit.clampLine(">".repeat(5_000) + " x", 100));
    assertEquals(
        "1. ".repeat(66) + "1. [ ] x", NestingLimit.clampLine("1. ".repeat(500) + "[ ] x", 100));
  }

  @Test
  void isIdempotent() {
    for (String line :
        List.of(
            " ".repeat(300) + "- [x] a",
            "- ".repeat(300) + "[ ] b",
            "> - ".repeat(300) + "c",
            "\t".repeat(80) + "d")) {
      String once = NestingLimit.clampLine(line, 100);
      assertSame(once, NestingLimit.clampLine(once, 100), line);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "two spaces",
        "four spaces",
        "tabs",
        "markers on one line",
        "quotes and markers",
        "ordered"
      })
  void countsEveryItemOfAThousandLevelsAndWarnsOnce(String style) {
    IntFunction<String> line =
        switch (style) {
          case "two spaces" ->
              i -> "  ".repeat(i) + "- [" + (i % 2 == 0 ? "x" : " ") + "] level " + i + "\n";
          case "four spaces" ->
              i -> "    ".repeat(i) + "- [" + (i % 2 == 0 ? "x" : " ") + "] level " + i + "\n";
          case "tabs" ->
              i -> "\t".repeat(i) + "- [" + (i % 2 == 0 ? "x" : " ") + "] level " + i + "\n";
          case "markers on one line" ->
              i -> "- ".repeat(i) + "- [" + (i % 2 == 0 ? "x" : " ") + "] level " + i + "\n";
          case "quotes and markers" ->
              i -> "> ".repeat(i) + "- [" + (i % 2 == 0 ? "x" : " ") + "] level " + i + "\n";
          default ->
              i -> "   ".repeat(i) + "1. [" + (i % 2 == 0 ? "x" : " ") + "] level " + i + "\n";
        };
    StringBuilder text = new StringBuilder("# Deep\n\n## Section 1: Nesting\n\n");
    for (int i = 0; i < DEPTH; i++) {
      text.append(line.apply(i));
    }
    ParsedDocument parsed =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> new SnapshotParser().parse("deep.md", text.toString()));
    List<Item> items = parsed.snapshot().items();
    assertEquals(DEPTH, items.size(), style);
    assertEquals(DEPTH / 2, parsed.snapshot().done(), style);
    for (int i = 0; i < DEPTH; i++) {
      assertEquals("level " + i, items.get(i).text(), style);
      assertEquals(5 + i, items.get(i).line(), style);
    }
    assertTrue(items.stream().allMatch(it -> it.depth() <= NestingLimit.MAX_LEVELS + 1), style);
    List<Problem> deep =
        parsed.problems().stream().filter(p -> p.code().equals("DEEP_NESTING")).toList();
    assertEquals(1, deep.size(), style + ": " + parsed.problems());
    assertTrue(deep.get(0).line() > 5 && deep.get(0).line() < 5 + DEPTH, deep.get(0).toString());
  }
}
