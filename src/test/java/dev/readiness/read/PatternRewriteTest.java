package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parser's patterns were rewritten to run in linear time on hostile lines (a megabyte of
 * spaces, brackets or digits). These tests hold each rewrite to the pattern it replaced, on many
 * short random strings made of the characters that matter to it, and show that the rewrite is fast
 * where the old pattern was not.
 */
class PatternRewriteTest {
  private static final int SAMPLES = 20_000;
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  private static final Pattern OLD_BOLD_KEY =
      Pattern.compile("^\\s*\\*\\*([^*\\n]{1,80}?)(?::\\*\\*|\\*\\*\\s*:)\\s*(.*?)\\s*$");
  private static final Pattern OLD_OVERALL_SCORE =
      Pattern.compile(
          "overall\\s+score\\s*:?\\s*\\**\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*/\\s*100",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OLD_NUMBERED =
      Pattern.compile(
          "^(?:section\\s+)?(\\d{1,3}(?:\\.\\d{1,3})*)(?:\\s*[.):]\\s*|\\s+)(\\S.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OLD_BOX_LIKE =
      Pattern.compile(
          "^\\s*(?:>\\s*)*(?:[-*+]|\\d{1,9}[.)])?\\s*\\[(\\s{0,2}|\\s?[xX✓✔v/~?*-]\\s?)\\](?![(:\\[])(.*)$");
  private static final Pattern OLD_WEEK =
      Pattern.compile(
          "^\\s*\\*\\*Week\\s+(\\d{1,3})(?:\\s*[-–]\\s*(\\d{1,3}))?(?::\\*\\*|\\*\\*\\s*:?)\\s*(.*?)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OLD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern OLD_LEADING_SYMBOLS =
      Pattern.compile("^(?:[\\p{So}\\p{Sk}\\p{Cs}\\x{FE0F}\\x{200D}]|:[a-z0-9_+-]+:|\\s)+");

  @Test
  void boldKeyMatchesAsBefore() {
    List<String> tokens =
        List.of(
            "**",
            "*",
            ":",
            " ",
            "\t",
            "a",
            "Key",
            "Date",
            "\u2028",
            "\u00a0",
            "x y",
            "2026-01-01",
            "_",
            "\u0085");
    forRandom(
        tokens,
        11,
        s -> {
          Matcher old = OLD_BOLD_KEY.matcher(s);
          Matcher now = SnapshotParser.BOLD_KEY.matcher(s);
          assertEquals(old.matches(), now.matches(), s);
          if (old.matches()) {
            assertEquals(old.group(1), now.group(1), s);
            assertEquals(old.group(2), SnapshotParser.stripSpaceEnd(now.group(2)), s);
          }
        });
  }

  @Test
  void weekMatchesAsBefore() {
    List<String> tokens =
        List.of(
            "**", "Week", "week", " ", "1", "12", "-", "–", "3", ":", "**:", "label", "\t",
            "\u2028", "*");
    forRandom(
        tokens,
        9,
        s -> {
          Matcher old = OLD_WEEK.matcher(s);
          Matcher now = SnapshotParser.WEEK.matcher(s);
          assertEquals(old.matches(), now.matches(), s);
          if (old.matches()) {
            assertEquals(old.group(1), now.group(1), s);
            assertEquals(old.group(2), now.group(2), s);
            assertEquals(old.group(3), SnapshotParser.stripSpaceEnd(now.group(3)), s);
          }
        });
  }

  @Test
  void overallScoreFindsAsBefore() {
    List<String> tokens =
        List.of(
            "overall", "Overall", " ", "  ", "score", "Score", ":", "*", "**", "52", "1.5", "/",
            "100", "/100", "x", "\t");
    forRandom(
        tokens,
        10,
        s -> {
          Matcher old = OLD_OVERALL_SCORE.matcher(s);
          Matcher now = SnapshotParser.OVERALL_SCORE.matcher(s);
          boolean found = old.find();
          assertEquals(found, now.find(), s);
          if (found) {
            assertEquals(old.group(1), now.group(1), s);
            assertEquals(old.start(), now.start(), s);
          }
        });
  }

  @Test
  void boxLikeFindsAsBefore() {
    List<String> tokens =
        List.of(
            " ", "\t", ">", "-", "*", "+", "1.", "12)", "[", "]", "x", "X", "✓", "(", ":", "a",
            "  ", "[ ]", "[x]");
    forRandom(
        tokens,
        9,
        s -> {
          Matcher old = OLD_BOX_LIKE.matcher(s);
          Matcher now = SnapshotParser.BOX_LIKE.matcher(s);
          boolean found = old.find();
          assertEquals(found, now.find(), s);
          if (found) {
            assertEquals(old.group(1), now.group(1), s);
            assertEquals(old.group(2), now.group(2), s);
          }
        });
  }

  @Test
  void numberedMatchesAsBeforeUpToSixteenParts() {
    List<String> tokens =
        List.of(
            "section", "Section", " ", "1", "12", "123", "1234", ".", ")", ":", "Title", "\n", "a",
            "\t");
    forRandom(
        tokens,
        10,
        s -> {
          Matcher old = OLD_NUMBERED.matcher(s);
          Matcher now = SnapshotParser.NUMBERED.matcher(s);
          assertEquals(old.matches(), now.matches(), s);
          if (old.matches()) {
            assertEquals(old.group(1), now.group(1), s);
            assertEquals(old.group(2), now.group(2), s);
          }
        });
  }

  @Test
  void linkTextsReplaceAsBefore() {
    List<String> tokens =
        List.of("[", "]", "(", ")", "!", "a", "b", " ", "![", "](", "\n", "[a](b)", "]]");
    forRandom(
        tokens,
        12,
        s -> assertEquals(OLD_LINK.matcher(s).replaceAll("$1"), SnapshotParser.linkTexts(s), s));
  }

  @Test
  void leadingSymbolsEndWhereThePatternDid() {
    List<String> tokens =
        List.of(
            "✅", "⚠️", "😀", ":ok:", ":", "a", " ", "\t", "\u200D", "\uFE0F", "\uD800", "^", "_",
            ":+1:", "::", "A");
    forRandom(
        tokens,
        8,
        s -> {
          Matcher old = OLD_LEADING_SYMBOLS.matcher(s);
          assertEquals(old.find() ? old.end() : 0, StatusMarks.leadingSymbols(s), s);
        });
  }

  @Test
  void rewrittenPatternsAreLinearOnLongLines() {
    String spaces = " ".repeat(1_000_000);
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          assertEquals(
              "a" + spaces + "b",
              SnapshotParser.stripSpaceEnd(
                  match(SnapshotParser.BOLD_KEY, "**Key**: a" + spaces + "b" + spaces).group(2)));
          assertEquals(
              false, SnapshotParser.OVERALL_SCORE.matcher("Overall Score" + spaces + "x").find());
          assertEquals(false, SnapshotParser.BOX_LIKE.matcher("> " + spaces + "x").find());
          assertEquals(false, SnapshotParser.BOX_LIKE.matcher(spaces + "x").find());
          assertEquals(
              "a" + spaces + "b",
              SnapshotParser.stripSpaceEnd(
                  match(SnapshotParser.WEEK, "**Week 1**: a" + spaces + "b").group(3)));
          assertEquals("[".repeat(1_000_000), SnapshotParser.linkTexts("[".repeat(1_000_000)));
          assertEquals(
              "a".repeat(250_000),
              SnapshotParser.linkTexts("[a](".repeat(250_000).replace("(", "()")).replace("]", ""));
          assertEquals(1_000_000, StatusMarks.leadingSymbols("✅ ".repeat(500_000)));
          assertEquals(
              true, SnapshotParser.NUMBERED.matcher("1.".repeat(500_000) + " Title").matches());
        });
  }

  private static Matcher match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertEquals(true, m.matches(), "should match");
    return m;
  }

  private static void forRandom(
      List<String> tokens, int maxTokens, java.util.function.Consumer<String> check) {
    Random random = new Random(6);
    for (int i = 0; i < SAMPLES; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(maxTokens + 1); n > 0; n--) {
        s.append(tokens.get(random.nextInt(tokens.size())));
      }
      check.accept(s.toString());
    }
  }
}
