package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.model.Item;
import dev.readiness.model.Section;
import dev.readiness.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** For any text the parser returns a model (never throws) whose counts stay within bounds. */
class SnapshotParserPropertyTest {
  private static final String[] PIECES = {
    "# ",
    "## ",
    "### ",
    "- [ ] ",
    "- [x] ",
    "* [X] ",
    "1. [ ] ",
    "  - [ ] ",
    "> ",
    "```",
    "~~~",
    "---",
    "|",
    " | ",
    "**Status**: 40% complete",
    "Overall Score: **70/100**",
    "**Date**: 2026-02-30",
    "**Next Review**: 2026-13-01",
    "**Week 1**: plan",
    "(2 days)",
    "Blocker",
    "Sign-off",
    "**Role**: ___ Date: ___",
    "✅",
    "⚠️",
    "❌",
    "⬜",
    "\t",
    "[]",
    "[?]",
    "<script>",
    "<!--",
    "-->",
    "\\",
    "*",
    "_",
    "`",
    "\r\n",
    "\n",
    "\n\n",
    "é",
    "日本",
    "\u0000",
    "\uFEFF"
  };

  private static void assertSane(Snapshot s, String text) {
    assertTrue(s.done() >= 0 && s.done() <= s.total());
    int lines = text.split("\r\n|\r|\n", -1).length;
    for (Item item : s.items()) {
      assertTrue(item.line() >= 1 && item.line() <= lines, "line " + item.line() + " of " + lines);
      assertTrue(item.parent() < item.index());
    }
    int sum = 0;
    for (Section section : s.sections()) {
      assertTrue(section.done() <= section.total());
      sum += section.total();
    }
    assertEquals(s.total(), sum);
  }

  @Test
  void neverThrowsOnRandomMarkdown() {
    Random random = new Random(42);
    SnapshotParser parser = new SnapshotParser();
    for (int run = 0; run < 1500; run++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(60);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
        if (random.nextInt(3) == 0) {
          text.append("word").append(random.nextInt(9));
        }
      }
      String markdown = text.toString();
      assertSane(parser.parse("random.md", markdown).snapshot(), markdown);
    }
  }

  @Test
  void neverThrowsOnMutatedCorpusFiles() throws IOException {
    Random random = new Random(1234);
    SnapshotParser parser = new SnapshotParser();
    List<Path> files;
    try (Stream<Path> list = Files.list(Fixtures.resourcePath("corpus"))) {
      files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    for (Path file : files) {
      String original = Files.readString(file);
      for (int run = 0; run < 20; run++) {
        StringBuilder text = new StringBuilder(original);
        for (int m = 0; m < 1 + random.nextInt(30); m++) {
          int at = random.nextInt(text.length() + 1);
          switch (random.nextInt(3)) {
            case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
            case 1 -> text.delete(at, Math.min(text.length(), at + random.nextInt(40)));
            default -> {
              int from = random.nextInt(text.length() + 1);
              text.insert(
                  at, text.substring(from, Math.min(text.length(), from + random.nextInt(200))));
            }
          }
        }
        String markdown = text.toString();
        assertSane(parser.parse(file.getFileName().toString(), markdown).snapshot(), markdown);
      }
    }
  }
}
