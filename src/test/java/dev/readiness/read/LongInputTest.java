package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.readiness.model.Item;
import dev.readiness.model.Snapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long inputs that were quadratic in the parser (line numbers, per-heading scans, nearest labels,
 * nesting) are read in bounded time, with the counts and lines a hand count gives. The parser here
 * has no entry or heading limit ({@link SnapshotParser#MAX_ENTRIES}), so that a quadratic step
 * shows at five times the size a build accepts.
 */
class LongInputTest {
  /**
   * Not a speed target (those live in bench/): a quadratic parse of these inputs takes many
   * minutes, a linear one seconds, so a generous guard tells them apart even on a loaded machine.
   */
  private static final Duration HANG_GUARD = Duration.ofSeconds(90);

  private static final int N = 100_000;

  @Test
  void countsOneHundredThousandItemsOnTheirLines() {
    StringBuilder text = new StringBuilder("# Big\n\n## Section 1: All\n\n");
    for (int i = 0; i < N; i++) {
      text.append(i % 4 == 0 ? "- [x] item " : "- [ ] item ").append(i).append('\n');
    }
    Snapshot snapshot = parse(text.toString());
    List<Item> items = snapshot.items();
    assertEquals(N, items.size());
    assertEquals(N / 4, snapshot.done());
    assertEquals(5, items.get(0).line());
    assertEquals(4 + N, items.get(N - 1).line());
    assertEquals("item 99999", items.get(N - 1).text());
  }

  @Test
  void readsManyBlockersUnderOneHeadingWithTheirLabels() {
    StringBuilder text = new StringBuilder("# B\n\n## Blockers\n\n**Open:**\n");
    for (int i = 0; i < N / 2; i++) {
      text.append("- Open blocker ").append(i).append(" - detail\n");
    }
    text.append("**Resolved Blockers:**\n");
    for (int i = 0; i < N / 2; i++) {
      text.append("- Old blocker ").append(i).append('\n');
    }
    Snapshot snapshot = parse(text.toString());
    assertEquals(N / 2, snapshot.blockers().size());
    assertEquals("Open blocker 49999", snapshot.blockers().get(N / 2 - 1).title());
    assertEquals("detail", snapshot.blockers().get(0).detail());
  }

  @Test
  void readsManyHeadingsWithTheirLists() {
    StringBuilder text = new StringBuilder("# H\n");
    for (int i = 0; i < N / 4; i++) {
      text.append("## Section ")
          .append(i + 1)
          .append(": Part\n**Status**: 50% complete\n- [x] a ")
          .append(i)
          .append("\n### Risks\n- risk ")
          .append(i)
          .append('\n');
    }
    Snapshot snapshot = parse(text.toString());
    assertEquals(N / 4, snapshot.sections().size());
    assertEquals(N / 4, snapshot.risks().size());
    assertEquals("risk 24999", snapshot.risks().get(N / 4 - 1));
    assertEquals(50.0, snapshot.sections().get(N / 4 - 1).statedPercent());
  }

  @Test
  void readsALongCompletionTable() {
    StringBuilder text = new StringBuilder("# T\n");
    for (int i = 1; i <= N / 10; i++) {
      text.append("## ").append(i).append(". Part ").append(i).append("\n- [ ] x\n");
    }
    text.append("\n| Section | Completion |\n|---|---|\n");
    for (int i = 1; i <= N / 10; i++) {
      text.append("| ")
          .append(i)
          .append(". Part ")
          .append(i)
          .append(" | ")
          .append(i % 100)
          .append("% |\n");
    }
    Snapshot snapshot = parse(text.toString());
    assertEquals(N / 10, snapshot.sections().size());
    assertEquals(99.0, snapshot.sections().get(98).statedPercent());
  }

  @Test
  void readsAMegabyteLine() {
    Snapshot snapshot =
        parse(
            "# L\n\n## S\n\n- [ ] "
                + "word ".repeat(200_000)
                + "end\n\n**Key**: a"
                + " ".repeat(1_000_000)
                + "b\n");
    assertEquals(1, snapshot.items().size());
    assertEquals(1_000_003, snapshot.items().get(0).text().length());
  }

  private static Snapshot parse(String text) {
    return assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                new SnapshotParser(null, Integer.MAX_VALUE, Integer.MAX_VALUE)
                    .parse("long.md", text))
        .snapshot();
  }
}
