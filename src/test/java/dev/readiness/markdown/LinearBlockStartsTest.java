package dev.readiness.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link LinearBlockStarts} must parse exactly as flexmark's own heading and thematic-break starts
 * do, only without their quadratic time and deep recursion.
 */
public class LinearBlockStartsTest {
  private static final Parser OURS = Parser.builder(MarkdownSyntax.options()).build();
  private static final Parser STOCK = Parser.builder(stockOptions()).build();

  private static MutableDataSet stockOptions() {
    MutableDataSet options = MarkdownSyntax.options();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create()));
    return options;
  }

  @Test
  void triesBlockStartsInFlexmarksOrder() {
    List<String> stock =
        DocumentParser.calculateBlockParserFactories(stockOptions(), List.of()).stream()
            .map(f -> f.getClass().getName())
            .toList();
    List<String> ours =
        DocumentParser.calculateBlockParserFactories(
                Parser.builder(MarkdownSyntax.options()).toImmutable(),
                List.of(
                    new LinearBlockStarts.HeadingStart(),
                    new LinearBlockStarts.ThematicBreakStart()))
            .stream()
            .map(
                f ->
                    f.getClass()
                        .getName()
                        .replace(
                            LinearBlockStarts.HeadingStart.class.getName(),
                            HeadingParser.Factory.class.getName())
                        .replace(
                            LinearBlockStarts.ThematicBreakStart.class.getName(),
                            ThematicBreakParser.Factory.class.getName()))
            .toList();
    assertEquals(stock, ours);
  }

  @Test
  void parsesEdgeCasesAsFlexmarkDoes() {
    List<String> cases =
        List.of(
            "---",
            "***",
            "___",
            "- - -",
            "* * *",
            "_ _ _",
            "--",
            "**",
            "-- -",
            "---x",
            "--- ",
            "---\t",
            " ---",
            "   ---",
            "    ---",
            "- ---",
            "> ---",
            "* - *",
            "Title\n---",
            "Title\n===",
            "Title\n--- x",
            "Title\n= =",
            "Title\n-",
            "#",
            "# ",
            "#5",
            "###### x",
            "####### x",
            "# x #",
            "#\tx",
            "- # x",
            "> # x",
            "Title\n# x",
            "a\n---\nb",
            "- a\n---",
            "- a\n  ---",
            "1. a\n   ***",
            "| a |\n|---|\n| b |",
            "- [ ] a\n---",
            "```\n---\n```",
            "<div>\n---\n</div>",
            "a\n\n=== ",
            "***bold***",
            "- - - [ ] x",
            "-\u00a0--",
            "==\n==",
            "Title\n====\n----");
    for (String text : cases) {
      assertEquals(ast(STOCK.parse(text)), ast(OURS.parse(text)), text);
    }
  }

  @Test
  void parsesTheCorpusAsFlexmarkDoes() throws IOException {
    for (Path file : corpus()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertEquals(ast(STOCK.parse(text)), ast(OURS.parse(text)), file.getFileName().toString());
    }
  }

  @Test
  void parsesRandomMarkdownAsFlexmarkDoes() {
    List<String> pieces =
        List.of(
            "-", "=", "*", "_", "#", " ", "  ", "\t", "\n", "\n\n", "a", "Title", "- ", "> ", "1. ",
            "[ ] ", "---", "***", "===", "```", "|", "<div>", "`", "\\");
    Random random = new Random(64);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(30); n > 0; n--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      assertEquals(
          ast(STOCK.parse(text.toString())), ast(OURS.parse(text.toString())), text.toString());
    }
  }

  @Test
  void readsAMegabyteRuleWithoutOverflowingTheStack() {
    Document document =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                OURS.parse(
                    "# T\n\n" + "-".repeat(1_000_000) + "\n\n" + "_ ".repeat(500_000) + "\n"));
    assertEquals(2, count(document, ThematicBreak.class));
  }

  @Test
  void readsALongParagraphOfSpecialLinesInLinearTime() {
    String text = "# T\n\n" + "**Role**: a Date: b\n".repeat(100_000) + "Heading\n---\n";
    Document document = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> OURS.parse(text));
    assertEquals(2, count(document, Heading.class), "the paragraph still ends in a setext heading");
  }

  @Test
  void readsManyMarkersOnOneLineInLinearTime() {
    String text = "- ".repeat(200) + "[ ] x " + "-".repeat(1_000_000) + "\n";
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> OURS.parse(text));
  }

  /** The corpus files of the test resources, by name; shared with the reader's tests. */
  public static List<Path> corpus() throws IOException {
    Path folder = Path.of("src/test/resources/corpus");
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found =
          files
              .filter(
                  p ->
                      p.toString().endsWith(".md")
                          && !p.getFileName().toString().equals("README.md"))
              .sorted()
              .toList();
      assertTrue(found.size() >= 20, "the corpus is in " + folder);
      return found;
    }
  }

  /** The tree as text, one node per line with its depth, type, offsets and markers. */
  private static String ast(Node root) {
    StringBuilder out = new StringBuilder();
    Deque<Node> stack = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    stack.push(root);
    depths.push(0);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      int depth = depths.pop();
      out.append(" ".repeat(depth)).append(node).append('\n');
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
    return out.toString();
  }

  private static int count(Node root, Class<? extends Node> type) {
    int found = 0;
    Deque<Node> stack = new ArrayDeque<>(List.of(root));
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      found += type.isInstance(node) ? 1 : 0;
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        stack.push(child);
      }
    }
    return found;
  }
}
