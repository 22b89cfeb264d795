package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.model.PlausibleDates;
import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one file, or one project, may cost: entries, headings, warnings, reviews and dates (issue
 * 13).
 */
class InputBoundsTest {

  private static String boxes(int count) {
    StringBuilder out = new StringBuilder("# Huge\n\n## Section 1: All\n");
    for (int i = 0; i < count; i++) {
      out.append(i % 3 == 0 ? "- [x] " : "- [ ] ").append("item number ").append(i).append('\n');
    }
    return out.toString();
  }

  @Test
  void readsAFileAtTheEntryLimitAndSkipsOneOverIt() {
    ParsedDocument at = Fixtures.parse(boxes(SnapshotParser.MAX_ENTRIES));
    assertEquals(SnapshotParser.MAX_ENTRIES, at.snapshot().total());
    assertTrue(at.problems().isEmpty(), at.problems().toString());

    ParsedDocument over = Fixtures.parse(boxes(SnapshotParser.MAX_ENTRIES + 1));
    assertEquals(0, over.snapshot().total());
    assertEquals(List.of("TOO_MANY_ITEMS"), over.problems().stream().map(Problem::code).toList());
    assertEquals(Problem.Severity.ERROR, over.problems().get(0).severity());
    assertTrue(
        over.problems()
            .get(0)
            .message()
            .startsWith("has more than 20,000 task items and table rows"),
        over.problems().get(0).message());
  }

  @Test
  void countsTableRowsAgainstTheEntryLimit() {
    StringBuilder table = new StringBuilder("## Status\n| Check | Status |\n|---|---|\n");
    for (int i = 0; i <= SnapshotParser.MAX_ENTRIES; i++) {
      table.append("| c").append(i).append(" | ✅ |\n");
    }
    assertEquals(
        List.of("TOO_MANY_ITEMS"),
        Fixtures.parse(table.toString()).problems().stream().map(Problem::code).toList());
  }

  @Test
  void skipsAFileThatListsMoreBlockersThanTheLimit() {
    StringBuilder out = new StringBuilder("## Blockers\n");
    for (int i = 0; i <= SnapshotParser.MAX_ENTRIES; i++) {
      out.append("- blocker ").append(i).append('\n');
    }
    ParsedDocument over = Fixtures.parse(out.toString());
    assertEquals(List.of("TOO_MANY_ITEMS"), over.problems().stream().map(Problem::code).toList());
    assertTrue(over.problems().get(0).message().startsWith("lists more than 20,000 blockers"));
    assertTrue(over.snapshot().blockers().isEmpty());
  }

  @Test
  void skipsAFileWithMoreHeadingsThanTheLimit() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i <= SnapshotParser.MAX_HEADINGS; i++) {
      out.append("## ").append(i + 1).append(". Part\n- [ ] x\n");
    }
    ParsedDocument over = Fixtures.parse(out.toString());
    assertEquals(
        List.of("TOO_MANY_SECTIONS"), over.problems().stream().map(Problem::code).toList());
    assertEquals(0, over.snapshot().sections().size());
  }

  @Test
  void keepsTwoHundredWarningsOfAFileAndCountsTheRest() {
    StringBuilder out = new StringBuilder("## A\n- [ ] real\n\n");
    for (int i = 0; i < 1_000; i++) {
      out.append("[] not a box ").append(i).append("\n\n");
    }
    ParsedDocument parsed = Fixtures.parse(out.toString());
    assertEquals(201, parsed.problems().size());
    Problem last = parsed.problems().get(200);
    assertEquals("TOO_MANY_WARNINGS", last.code());
    assertEquals(0, last.line());
    assertEquals(
        "800 more warnings are not listed (MALFORMED_BOX 800); fix the ones listed and build again",
        last.message());

    StringBuilder claims = new StringBuilder("## A\n");
    for (int i = 0; i < 500; i++) {
      claims.append("- [ ] task ").append(i).append(" ✅\n");
    }
    Snapshot s = Fixtures.parse(claims.toString()).snapshot();
    Review review =
        new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 3, 9)).single(s, "a.md", List.of());
    assertEquals(Problem.MAX_WARNINGS_PER_FILE + 1, review.warnings().size());
    assertEquals(
        "300 more warnings are not listed (CHECKMARK_UNCHECKED 300); fix the ones listed and build again",
        review.warnings().get(review.warnings().size() - 1).message());
  }

  @Test
  void leavesOutDatesOutsideThePlausibleWindowWithAWarningOnTheirLine() {
    ParsedDocument parsed =
        Fixtures.parse(
            """
        ---
        date: 0001-01-01
        ---
        # T
        **Last Updated**: 1969-12-31
        ## 1. A
        ### 1.1 Done
        - [x] a
        - [x] **Date**: 9999-12-31
        ## Notes
        **Next Review**: 9999-12-31
        **Version**: 2100-12-31 edition
        """);
    Snapshot s = parsed.snapshot();
    assertNull(s.date());
    assertNull(s.lastUpdated());
    assertNull(s.nextReview());
    assertNull(s.sections().get(0).subsections().get(0).completedOn());
    assertEquals(
        List.of(
            "IMPLAUSIBLE_DATE@1",
            "IMPLAUSIBLE_DATE@5",
            "IMPLAUSIBLE_DATE@9",
            "IMPLAUSIBLE_DATE@11"),
        parsed.problems().stream()
            .sorted(Problem.ORDER)
            .map(p -> p.code() + "@" + p.line())
            .toList());
    assertEquals(
        "Next Review 9999-12-31 is outside 1970-01-01 to 2100-12-31, so it is left out; write the real date",
        parsed.problems().stream().filter(p -> p.line() == 11).findFirst().orElseThrow().message());
    assertEquals(
        LocalDate.of(2100, 12, 31),
        Fixtures.parse("**Last Updated**: 2100-12-31\n").snapshot().lastUpdated());
    assertEquals(
        LocalDate.of(1970, 1, 1),
        Fixtures.parse("**Last Updated**: 1970-01-01\n").snapshot().lastUpdated());
  }

  @Test
  void keepsAReviewNamedWithAnImplausibleDateAndWarnsAboutIt(@TempDir Path input)
      throws IOException {
    Path project = Files.createDirectories(input.resolve("p"));
    Files.writeString(project.resolve("0001-01-01.md"), "## A\n- [ ] a\n");
    Files.writeString(project.resolve("2026-03-09.md"), "## A\n- [x] a\n");
    Inventory read = new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).read(input, "in");
    List<Snapshot> reviews = read.projects().get(0).reviews();
    assertEquals(
        List.of(LocalDate.of(1, 1, 1), LocalDate.of(2026, 3, 9)),
        reviews.stream().map(Snapshot::date).toList());
    assertEquals(
        List.of(false, true),
        reviews.stream().map(r -> PlausibleDates.contains(r.date())).toList());
    assertEquals(
        List.of(
            "in/p/0001-01-01.md IMPLAUSIBLE_DATE WARNING: the file name's date 0001-01-01 is outside"
                + " 1970-01-01 to 2100-12-31, so charts and timelines leave the review out; if it is a typo, rename the"
                + " file to the review's real date"),
        read.problems().stream()
            .map(p -> p.file() + " " + p.code() + " " + p.severity() + ": " + p.message())
            .toList());
  }

  @Test
  void readsTheNewestReviewsOfAProjectUpToTheLimit(@TempDir Path input) throws IOException {
    Path project = Files.createDirectories(input.resolve("many"));
    LocalDate day = LocalDate.of(2010, 1, 1);
    int files = InputReader.MAX_REVIEWS + 10;
    for (int i = 0; i < files; i++) {
      Files.writeString(project.resolve(day.plusDays(i) + ".md"), "## A\n- [x] a\n- [ ] b\n");
    }
    Inventory read = new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 2).read(input, "in");
    List<Snapshot> reviews = read.projects().get(0).reviews();
    assertEquals(InputReader.MAX_REVIEWS, reviews.size());
    assertEquals(day.plusDays(10), reviews.get(0).date());
    assertEquals(day.plusDays(files - 1), reviews.get(reviews.size() - 1).date());
    assertEquals(
        List.of(
            "in/many TOO_MANY_REVIEWS: holds 3,010 reviews, more than the 3,000 readiness reads for one"
                + " project; the 10 oldest (up to 2010-01-10) are left out, so move them to an archive folder"),
        read.problems().stream().map(p -> p.file() + " " + p.code() + ": " + p.message()).toList());
  }

  /**
   * The attack of issue 13: a checklist under the size limit with 140,000 boxes, next to a good
   * project, built with PDFs in a JVM of 256 MB. Before the entry limit the build ran out of memory
   * and published nothing; now the file is skipped, named, and the good project is published.
   */
  @Test
  void buildsTheGoodProjectBesideAFileOf140000BoxesInA256MegabyteHeap(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Path good = Files.createDirectories(input.resolve("good"));
    Files.writeString(
        good.resolve("2026-03-09.md"), "# Good\n\n## 1. Security\n- [x] TLS\n- [ ] WAF\n");
    Path huge = Files.createDirectories(input.resolve("huge"));
    Files.writeString(huge.resolve("2026-03-09.md"), boxes(140_000));
    assertTrue(Files.size(huge.resolve("2026-03-09.md")) < 5L << 20, "under the size limit");

    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.readiness.cli.Main",
                "build",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("site").toString()));
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    builder.environment().remove("DISPLAY");
    builder.environment().put("SOURCE_DATE_EPOCH", "1767225600");
    Process build = builder.start();
    if (!build.waitFor(3, TimeUnit.MINUTES)) {
      build.destroyForcibly();
      throw new AssertionError("the build did not finish in 3 minutes");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(1, build.exitValue(), stderr);
    assertTrue(
        stderr.contains(
            "huge/2026-03-09.md: error: has more than 20,000 task items and table rows"),
        stderr);
    assertTrue(!stderr.contains("OutOfMemoryError"), stderr);
    Path review = dir.resolve("site/projects/good/2026-03-09");
    assertTrue(Files.isRegularFile(review.resolve("index.html")));
    assertTrue(Files.isRegularFile(review.resolve("good-2026-03-09.pdf")));
    assertTrue(Files.notExists(dir.resolve("site/projects/huge")));
  }
}
