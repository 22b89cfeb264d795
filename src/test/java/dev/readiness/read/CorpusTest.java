package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.model.Item;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The real checklists of ../shared/corpus (copied into test resources with their attribution). */
class CorpusTest {
  private static final Pattern TASK =
      Pattern.compile("^\\s*(?:>\\s*)*(?:[-*+]|\\d+[.)])\\s+\\[([ xX])\\]\\s+\\S.*$");
  private static final Pattern STAMP =
      Pattern.compile("\\[[xX ]\\]\\s+\\*\\*Date\\*\\*:\\s*\\d{4}-\\d{2}-\\d{2}\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

  static Stream<String> files() throws IOException {
    try (Stream<Path> list = Files.list(Fixtures.resourcePath("corpus"))) {
      return list
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** A count that shares no code with the parser: task-box lines outside fences, stamps aside. */
  private static int[] independentCount(String text) {
    int done = 0;
    int total = 0;
    boolean fenced = false;
    for (String line : text.split("\r?\n")) {
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
        continue;
      }
      var m = TASK.matcher(line);
      if (!fenced && m.matches() && !STAMP.matcher(line).find()) {
        total++;
        if (!m.group(1).equals(" ")) {
          done++;
        }
      }
    }
    return new int[] {done, total};
  }

  @ParameterizedTest
  @MethodSource("files")
  void countsEveryCorpusFileLikeAnIndependentCount(String name) {
    String text = Fixtures.resource("corpus/" + name);
    Snapshot s = new SnapshotParser().parse(name, text).snapshot();
    int[] expected = independentCount(text);
    List<Item> tasks = tasks(s);
    assertEquals(expected[0], tasks.stream().filter(Item::done).count(), "done in " + name);
    assertEquals(expected[1], tasks.size(), "total in " + name);
    assertTrue(s.done() <= s.total());
    for (Item item : s.items()) {
      assertTrue(
          item.line() >= 1 && item.line() <= text.split("\n", -1).length,
          name + ": line " + item.line());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "GiveMeAjob-job__Mech-Exo__docs-go_live_checklist@2025-06-13.md, 0, 94",
    "MarinJursic__production-readiness-checklist__docs-checklists-10-evidence-and-decision.md, 0, 59",
    "lesleslie__mahavishnu__COMMITTEE_REVIEW_STATUS@2026-01-25.md, 0, 24",
    "lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-02.md, 5, 10",
    "lesleslie__mahavishnu__OTEL_STORAGE_VALIDATION_CHECKLIST@2026-02-01.md, 9, 59",
    "lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0012.md, 39, 184",
    "lesleslie__mahavishnu__PROGRESS@2026-01-25T0124.md, 0, 43",
    "lesleslie__mahavishnu__PROGRESS@2026-01-25T0729.md, 20, 101",
    "lesleslie__mahavishnu__SECURITY_CHECKLIST@2026-01-24.md, 0, 26",
    "lesleslie__mahavishnu__docs-ULID_PRODUCTION_DEPLOYMENT_CHECKLIST@2026-02-12.md, 17, 17",
    "lesleslie__mahavishnu__docs-WEBSOCKET_DEPLOYMENT_CHECKLIST@2026-05-03.md, 0, 69",
    "lesleslie__mahavishnu__docs-security-SECURITY_CHECKLIST@2026-02-18.md, 30, 56",
    "shieldfy__API-Security-Checklist__README.md, 0, 64"
  })
  void matchesTheCountsTheCorpusReadmeStates(String name, int done, int total) {
    Snapshot s = new SnapshotParser().parse(name, Fixtures.resource("corpus/" + name)).snapshot();
    assertEquals(done, tasks(s).stream().filter(Item::done).count());
    assertEquals(total, tasks(s).size());
  }

  /**
   * Rows of status tables, counted by hand from the files: done, partial (⚠️), open, and in all,
   * task items included. Tables without a status column (metrics, weights, trends, reviewers'
   * ratings), the seed's summary of its own sections, and matrices of levels (mercari) are no
   * items.
   */
  @ParameterizedTest
  @CsvSource({
    // Code Metrics 5 ✅ + 1 ⚠️; Storage 3 ✅ + 1 ⚠️; Context 4 ✅; no task items.
    "lesleslie__mahavishnu__CHECKPOINT_2026-01-30.md, 12, 2, 0, 12, 14",
    // Metrics 4 ✅ + "Active development" + "Net improvement"; tests 5 ✅; storage 3 ✅; phases 7 ✅.
    "lesleslie__mahavishnu__CHECKPOINT_20260203.md, 19, 0, 2, 19, 21",
    // Committee Composition: 5 × "✅ Complete"; 24 open task items elsewhere.
    "lesleslie__mahavishnu__COMMITTEE_REVIEW_STATUS@2026-01-25.md, 5, 0, 0, 5, 29",
    // Test Coverage Improvements: 6 ✅ in "Testing Summary", which has no task items; 5 of 10 tasks.
    "lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-02.md, 6, 0, 0, 11, 16",
    "lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-03.md, 6, 0, 0, 11, 16",
    // Three systems **READY**, one row a cell short (its status is its last cell); 17 of 17 tasks.
    "lesleslie__mahavishnu__docs-ULID_PRODUCTION_DEPLOYMENT_CHECKLIST@2026-02-12.md, 3, 0, 0, 20, 20",
    "lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0012.md, 0, 0, 0, 39, 184",
    // LR 1 done + 7 not-started, CP 7 not-started, the Go/No-Go row under the sign-off heading.
    "RCK777-BALL__WorkPro3__docs-STATUS@2026-02-08T0207.md, 1, 0, 15, 1, 16",
    "RCK777-BALL__WorkPro3__docs-STATUS@2026-02-08T0337.md, 1, 0, 16, 1, 17",
    // Five tables of 4 "✅ ..." rows beside 21 checked tasks in another part.
    "onronder__contentlab-nexus-flow__docs-PRODUCTION_READINESS_FINAL@2025-08-29.md, 20, 0, 0, 41, 41",
    // A score table without a status column: tasks only.
    "onronder__contentlab-nexus-flow__docs-PRODUCTION_READINESS@2025-08-28.md, 0, 0, 0, 14, 33",
    // A blank template: 5 + 6 + 6 + 4 + 3 + 4 rows with empty Status cells, 5 in the decision
    // matrix.
    "Satyapraveenv__delivery-excellence-framework__templates-release-readiness-checklist.md, 0, 0, 33, 0, 33",
    "RCK777-BALL__WorkPro3__docs-readiness-tasks@2026-02-07.md, 0, 0, 0, 0, 20",
    "RCK777-BALL__WorkPro3__docs-readiness-tasks@2026-02-08.md, 0, 0, 0, 0, 48",
    "mercari__production-readiness-checklist__docs-references-pre-production-checklist@2020-09-05.md, 0, 0, 0, 0, 0",
    "gorrion-io__production-readiness-checklist__README@2022-07-06.md, 0, 0, 0, 0, 0"
  })
  void countsTheRowsOfStatusTablesByHand(
      String name, int done, int partial, int open, int allDone, int all) {
    Snapshot s = new SnapshotParser().parse(name, Fixtures.resource("corpus/" + name)).snapshot();
    List<Item> rows = s.items().stream().filter(i -> i.kind() == Item.Kind.TABLE_ROW).toList();
    assertEquals(done, rows.stream().filter(Item::done).count(), "done rows");
    assertEquals(partial, rows.stream().filter(Item::partial).count(), "partial rows");
    assertEquals(open, rows.stream().filter(i -> !i.done() && !i.partial()).count(), "open rows");
    assertEquals(allDone, s.done());
    assertEquals(all, s.total());
    for (int i = 0; i < s.items().size(); i++) {
      assertEquals(i, s.items().get(i).index(), "items in document order");
    }
  }

  @org.junit.jupiter.api.Test
  void diffsTheTwoVersionsOfTheWorkPro3StatusTableByOneAddedRow() {
    Snapshot before = parse("RCK777-BALL__WorkPro3__docs-STATUS@2026-02-08T0207.md");
    Snapshot after = parse("RCK777-BALL__WorkPro3__docs-STATUS@2026-02-08T0337.md");
    var diff = dev.readiness.analyze.DiffCalculator.diff(before, after);
    assertEquals(List.of("LR-009"), diff.added().stream().map(c -> c.text()).toList());
    assertEquals(20, diff.added().get(0).line());
    assertTrue(
        diff.done().isEmpty()
            && diff.removed().isEmpty()
            && diff.reworded().isEmpty()
            && diff.sectionsAdded().isEmpty());
    assertEquals(
        List.of("LR-001 done", "LR-002 open"),
        after.items().subList(0, 2).stream()
            .map(i -> i.text() + (i.done() ? " done" : " open"))
            .toList());
    assertEquals("Go/No-Go review", after.items().get(16).text());
    assertTrue(after.signOff().isEmpty(), "a Section/Owner/Status table is not a sign-off");
  }

  @org.junit.jupiter.api.Test
  void readsTheContentlabHistoryOfTwoDaysAsOneProjectWouldShowIt() {
    Snapshot before =
        parse("onronder__contentlab-nexus-flow__docs-PRODUCTION_READINESS@2025-08-28.md");
    Snapshot after =
        parse("onronder__contentlab-nexus-flow__docs-PRODUCTION_READINESS_FINAL@2025-08-29.md");
    assertEquals(
        LocalDate.of(2025, 8, 28), before.lastUpdated(), "*Last updated: 2025-08-28* in italics");
    assertEquals(
        List.of(
            "Infrastructure Foundation",
            "Security & Authentication",
            "API & Backend Services",
            "Data & Analytics",
            "Frontend & User Experience"),
        after.items().stream()
            .filter(i -> i.kind() == Item.Kind.TABLE_ROW)
            .map(Item::subsection)
            .distinct()
            .toList());
    assertEquals("Structured Logging", after.items().get(0).text());
    var diff = dev.readiness.analyze.DiffCalculator.diff(before, after);
    assertEquals(14, diff.doneBefore());
    assertEquals(41, diff.doneAfter());
    assertTrue(
        diff.sectionsAdded().contains("Component Readiness Scores"),
        diff.sectionsAdded().toString());
    long addedDone = diff.added().stream().filter(c -> c.checked()).count();
    long removedDone = diff.removed().stream().filter(c -> c.checked()).count();
    assertEquals(
        diff.doneAfter() - diff.doneBefore(),
        diff.done().size() - diff.reopened().size() + addedDone - removedDone,
        "the diff's parts add up");
  }

  private static Snapshot parse(String name) {
    return new SnapshotParser().parse(name, Fixtures.resource("corpus/" + name)).snapshot();
  }

  private static List<Item> tasks(Snapshot s) {
    return s.items().stream().filter(i -> i.kind() == Item.Kind.TASK).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "gorrion-io__production-readiness-checklist__README@2022-07-06.md",
    "gorrion-io__production-readiness-checklist__README@2025-05-05.md",
    "lesleslie__mahavishnu__ALL_WORK_COMPLETE@2026-02-02.md",
    "mercari__production-readiness-checklist__docs-references-pre-production-checklist@2020-09-05.md",
    "mercari__production-readiness-checklist__docs-references-pre-production-checklist@2021-05-17.md"
  })
  void reportsTableOnlyAndNoBoxFilesAsNoItemsNotAsErrors(String name) {
    Snapshot s = new SnapshotParser().parse(name, Fixtures.resource("corpus/" + name)).snapshot();
    Review review =
        new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 1, 1)).single(s, name, List.of());
    assertEquals(0, review.total());
    assertEquals(null, review.percent());
    List<Problem> noItems =
        review.warnings().stream().filter(p -> p.code().equals("NO_ITEMS")).toList();
    assertEquals(1, noItems.size(), review.warnings().toString());
    assertEquals(0, noItems.get(0).line());
    assertTrue(noItems.get(0).message().startsWith("has no task items"));
    assertTrue(review.warnings().stream().allMatch(p -> p.severity() == Problem.Severity.WARNING));
  }

  @ParameterizedTest
  @CsvSource({
    "lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0012.md, lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0608.md",
    "lesleslie__mahavishnu__PROGRESS@2026-01-25T0729.md, lesleslie__mahavishnu__PROGRESS@2026-01-29.md",
    "lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-02.md, lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-03.md",
    "lesleslie__mahavishnu__docs-security-SECURITY_CHECKLIST@2026-02-18.md, lesleslie__mahavishnu__docs-security-SECURITY_CHECKLIST@2026-05-16.md"
  })
  void givesFormatOnlyRewritesTheSameModelApartFromSourceLines(String before, String after) {
    Snapshot a =
        new SnapshotParser().parse("x.md", Fixtures.resource("corpus/" + before)).snapshot();
    Snapshot b =
        new SnapshotParser().parse("x.md", Fixtures.resource("corpus/" + after)).snapshot();
    assertTrue(a.total() > 0);
    assertEquals(shape(a), shape(b));
  }

  /** Everything the model says, without line numbers or the source text. */
  private static List<String> shape(Snapshot s) {
    List<String> out = new ArrayList<>();
    out.add(
        "title "
            + s.title()
            + " project "
            + s.project()
            + " date "
            + s.date()
            + " score "
            + s.statedScore()
            + " version "
            + s.version()
            + " next "
            + s.nextReview()
            + " updated "
            + s.lastUpdated());
    out.add("header " + s.header());
    for (Section section : s.sections()) {
      out.add(
          "section "
              + section.number()
              + " "
              + section.title()
              + " "
              + section.declared()
              + " stated "
              + section.statedPercent()
              + " "
              + section.statedFrom());
      section
          .subsections()
          .forEach(
              sub ->
                  out.add(
                      "  sub "
                          + sub.number()
                          + " "
                          + sub.title()
                          + " "
                          + sub.declared()
                          + " "
                          + sub.statedPercent()
                          + " "
                          + sub.completedOn()));
      for (Item item : section.items()) {
        out.add(
            "  item "
                + item.done()
                + " "
                + item.depth()
                + " "
                + item.parent()
                + " "
                + item.subsection()
                + " "
                + item.text());
      }
    }
    s.blockers().forEach(b -> out.add("blocker " + b.title() + " | " + b.detail()));
    s.timeline()
        .forEach(
            w ->
                out.add(
                    "week "
                        + w.week()
                        + " "
                        + w.label()
                        + " "
                        + w.tasks().stream().map(t -> t.text() + "/" + t.days()).toList()));
    s.signOff().forEach(sig -> out.add("sign " + sig.role() + " " + sig.name() + " " + sig.date()));
    out.add("risks " + s.risks() + " deps " + s.dependencies() + " assumptions " + s.assumptions());
    return out;
  }
}
