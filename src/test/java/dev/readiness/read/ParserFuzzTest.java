package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.markdown.LinearBlockStartsTest;
import dev.readiness.model.Item;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Snapshot;
import dev.readiness.render.json.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests with seeded generators (plain JUnit: a failure names its case seed, and the
 * input is saved under target/fuzz-failures/). Mutated corpus files and random Markdown go through
 * the parser, the analyzer and the JSON writer: nothing throws, 0 ≤ done ≤ total, every item and
 * problem line is within the file, a percent is null exactly when there are no items, and the JSON
 * parses. Random bytes go through the decoder: text or one error, never an exception.
 */
class ParserFuzzTest {
  private static final int MUTATIONS_PER_FILE = 12;
  private static final int RANDOM_DOCUMENTS = 400;

  /**
   * Repetitions of one piece; more trips the analyzer's trailing-status pattern (see the disabled
   * test).
   */
  private static final int REPEAT = 150;

  private static final Duration HANG_GUARD = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SnapshotParser PARSER = new SnapshotParser();
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

  private static final List<String> PIECES =
      List.of(
          "# ",
          "## ",
          "### ",
          "#### ",
          "Section 3: ",
          "1.2 ",
          "Blockers",
          "Timeline",
          "Sign-off",
          "Risks",
          "Dependencies",
          "- [ ] ",
          "- [x] ",
          "* [X] ",
          "+ [ ] ",
          "1. [ ] ",
          "2) [x] ",
          "- [?] ",
          "[] ",
          "  [ ] ",
          "- ",
          "> ",
          ">> ",
          "    ",
          "\t",
          "  ",
          "**Date**: 2026-02-30",
          "**Date**: 2026-03-09",
          "**Status**: 70% complete",
          "**Next Review**: 2026-03-16",
          "**Week 2**: Rollout",
          "(3 days)",
          "Overall Score: **52/100**",
          "**Technical Lead**: Jane Date: 2026-03-01",
          "| Section | Completion |",
          "|---|---|",
          "| 1. Security | 75% |",
          "|",
          "```",
          "~~~",
          "<div>",
          "</div>",
          "<!--",
          "-->",
          "<script>alert(1)</script>",
          "[link](javascript:alert(1))",
          "![img](x.png)",
          "`code`",
          "**bold**",
          "_it_",
          "~~s~~",
          "✅",
          "⚠️",
          "❌",
          "⬜",
          "🟡",
          "COMPLETE",
          "DONE",
          "None",
          "\u200D",
          "\uFE0F",
          "\uD83D",
          "\uDE00",
          "\u202E",
          "\u0000",
          "\u2028",
          "\u0085",
          "é",
          "İ",
          "ı",
          "---",
          "***",
          "___",
          "===",
          "\\",
          "&amp;",
          "&#0;",
          "word",
          "Item text",
          " - ",
          ": ");

  @Test
  void mutatedCorpusFilesKeepTheInvariants() throws IOException {
    List<Path> corpus = LinearBlockStartsTest.corpus();
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          for (int f = 0; f < corpus.size(); f++) {
            String original = Files.readString(corpus.get(f), StandardCharsets.UTF_8);
            for (int m = 0; m < MUTATIONS_PER_FILE; m++) {
              long seed = 1_000L * f + m;
              String mutated = mutate(original, new Random(seed));
              check(
                  "corpus " + corpus.get(f).getFileName() + " mutation seed " + seed,
                  original,
                  mutated);
            }
          }
        });
  }

  @Test
  void randomMarkdownKeepsTheInvariants() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          for (long seed = 0; seed < RANDOM_DOCUMENTS; seed++) {
            Random random = new Random(seed);
            check("random document seed " + seed, randomDocument(random), randomDocument(random));
          }
        });
  }

  @Test
  void randomBytesDecodeToTextOrOneError() throws IOException {
    Path dir = Files.createTempDirectory("fuzz-bytes");
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      if (i % 3 == 0) {
        byte[] text = randomDocument(random).getBytes(StandardCharsets.UTF_8);
        bytes = java.util.Arrays.copyOf(text, text.length + bytes.length);
      }
      Path file = Files.write(dir.resolve(i + ".md"), bytes);
      FileDecoder.Decoded decoded = FileDecoder.decode(file, "f.md", 1_000);
      assertTrue((decoded.text() == null) != (decoded.error() == null), "text or error, case " + i);
      if (decoded.text() != null) {
        check("random bytes " + i, decoded.text(), decoded.text());
      }
    }
  }

  @Test
  void anItemEndingInThousandsOfStatusMarksKeepsTheInvariants() {
    String text = "# Marks\n\n## Section 1: One\n\n- [ ] item" + " ✅".repeat(5_000) + "\n";
    check("thousands of status marks", text, text);
  }

  /** Parses both texts, analyzes them as two reviews of one project, and checks every invariant. */
  private static void check(String name, String before, String after) {
    try {
      ParsedDocument first = PARSER.parse("before.md", before);
      ParsedDocument second = PARSER.parse("after.md", after);
      checkDocument(after, second);
      checkDocument(before, first);

      Analyzer analyzer = new Analyzer(Settings.DEFAULTS, TODAY);
      Review review = analyzer.single(second.snapshot(), "after.md", second.problems());
      JsonNode json = JSON.readTree(ReportJson.review(review));
      checkFigures(json);
      checkFigures(json.get("sections"));

      Snapshot older = first.snapshot().withDate(LocalDate.of(2026, 3, 2));
      Snapshot newer = second.snapshot().withDate(LocalDate.of(2026, 3, 9));
      List<Problem> problems = new ArrayList<>(first.problems());
      problems.addAll(second.problems());
      ReportData data =
          analyzer.analyze(
              new Inventory(
                  List.of(new ProjectInput("fuzz", "Fuzz", List.of(older, newer))), problems),
              "in",
              "readiness fuzz",
              Instant.parse("2026-03-16T00:00:00Z"));
      JsonNode all = JSON.readTree(ReportJson.data(data));
      assertEquals(2, all.get("projects").get(0).get("reviews").size());
      for (JsonNode r : all.get("projects").get(0).get("reviews")) {
        checkFigures(r);
        checkFigures(r.get("sections"));
      }
    } catch (AssertionError | RuntimeException | StackOverflowError | IOException e) {
      save(name, before, after);
      fail(name + ": " + e, e);
    }
  }

  private static void checkDocument(String text, ParsedDocument parsed) {
    int lines = SnapshotParser.normalize(text).split("\n", -1).length;
    Snapshot s = parsed.snapshot();
    int index = 0;
    int done = 0;
    int total = 0;
    for (Section section : s.sections()) {
      assertTrue(
          0 <= section.done() && section.done() <= section.total(), "section done within total");
      done += section.done();
      total += section.total();
      for (Item item : section.items()) {
        assertTrue(
            item.line() >= 1 && item.line() <= lines, "item line " + item.line() + " of " + lines);
        assertTrue(item.parent() < item.index(), "a parent comes before its item");
      }
    }
    for (Item item : s.items()) {
      assertEquals(index++, item.index(), "items are numbered in order");
    }
    assertEquals(total, s.total());
    assertEquals(done, s.done());
    for (Problem p : parsed.problems()) {
      assertTrue(p.line() >= 0 && p.line() <= lines, p.toString());
      assertTrue(!p.message().contains("\n"), "one line: " + p);
    }
    s.blockers().forEach(b -> assertTrue(b.line() >= 1 && b.line() <= lines, "blocker line"));
  }

  /** A review or section object, or an array of them: done, total and percent agree. */
  private static void checkFigures(JsonNode node) {
    if (node.isArray()) {
      node.forEach(ParserFuzzTest::checkFigures);
      return;
    }
    int done = node.get("done").asInt();
    int total = node.get("total").asInt();
    assertTrue(0 <= done && done <= total, node.toString());
    JsonNode percent = node.get("percent");
    assertEquals(
        total == 0, percent.isNull(), "percent is null exactly when there are no items: " + node);
    if (total > 0) {
      assertEquals(100.0 * done / total, percent.asDouble(), 0.05 + 1e-9, "one decimal, half up");
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    for (int n = 1 + random.nextInt(6); n > 0; n--) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length());
      int to = Math.min(s.length(), at + random.nextInt(200));
      switch (random.nextInt(8)) {
        case 0 -> s.delete(at, to);
        case 1 -> s.insert(at, s.substring(at, to));
        case 2 -> s.insert(at, PIECES.get(random.nextInt(PIECES.size())));
        case 3 ->
            s.insert(
                at,
                "\n"
                    + PIECES.get(random.nextInt(PIECES.size()))
                    + PIECES.get(random.nextInt(PIECES.size()))
                    + "\n");
        case 4 -> s.setLength(at);
        case 5 -> s.insert(at, "\n" + "  ".repeat(random.nextInt(150)) + "- [x] deep\n");
        case 6 ->
            s.insert(
                at,
                "\n"
                    + PIECES.get(random.nextInt(PIECES.size())).repeat(random.nextInt(REPEAT))
                    + "\n");
        default -> {
          if (at < s.length()) {
            String chars = "[]x-*#>|\n\r\t `\u0000é✅";
            s.setCharAt(at, chars.charAt(random.nextInt(chars.length())));
          }
        }
      }
    }
    return s.toString();
  }

  private static String randomDocument(Random random) {
    StringBuilder s = new StringBuilder();
    if (random.nextInt(4) == 0) {
      s.append("---\n")
          .append(random.nextBoolean() ? "project: Fuzz\ndate: 2026-03-09\n" : "a: [1, {b: *x\n")
          .append(random.nextBoolean() ? "---\n" : "");
    }
    for (int line = random.nextInt(60); line > 0; line--) {
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        s.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      s.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return s.toString();
  }

  private static void save(String name, String before, String after) {
    try {
      Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
      String file = name.replaceAll("[^A-Za-z0-9.-]+", "_");
      Files.writeString(dir.resolve(file + ".before.md"), before);
      Files.writeString(dir.resolve(file + ".after.md"), after);
    } catch (IOException e) {
      // the failure message names the seed; the saved copy is a convenience
    }
  }
}
