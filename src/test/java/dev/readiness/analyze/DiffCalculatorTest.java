package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiffCalculatorTest {
  private static Snapshot parse(String markdown) {
    return Fixtures.parse(markdown).snapshot();
  }

  private static List<String> texts(List<ReviewDiff.ItemChange> changes) {
    return changes.stream().map(ReviewDiff.ItemChange::text).toList();
  }

  @Test
  void pairsSimilarItemsByTheirExactTextFirst() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## Limits
        - [ ] CPU limits configured
        - [ ] Memory limits configured
        """),
            parse(
                """
        ## Limits
        - [ ] Memory limits configured
        - [x] CPU limits configured
        """));
    assertEquals(List.of("CPU limits configured"), texts(d.done()));
    assertTrue(d.reworded().isEmpty() && d.added().isEmpty() && d.removed().isEmpty());
  }

  @Test
  void callsACloseTextInTheSameSectionReworded() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## Ops
        - [ ] Grafana dashboards created
        - [ ] Pager rota agreed
        """),
            parse(
                """
        ## Ops
        - [x] Grafana dashboards created for all services
        - [ ] Completely different wording here
        """));
    assertEquals(1, d.reworded().size());
    assertEquals("Grafana dashboards created", d.reworded().get(0).from());
    assertEquals("Grafana dashboards created for all services", d.reworded().get(0).to());
    assertEquals(List.of("Grafana dashboards created for all services"), texts(d.done()));
    assertEquals(List.of("Completely different wording here"), texts(d.added()));
    assertEquals(List.of("Pager rota agreed"), texts(d.removed()));
  }

  @Test
  void callsAnItemWithAStatusOrNoteAppendedReworded() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## Phase Status
        - [ ] 0.1 Code Graph Analyzer (Week 1-2)
        - [ ] 0.4 OpenSearch Prototype (Week 1-2)
        - [ ] 1.6 Testing
        - [ ] Pager
        """),
            parse(
                """
        ## Phase Status
        - [ ] 0.1 Code Graph Analyzer ❌ EMPTY DIRECTORY
        - [x] 0.4 OpenSearch Prototype ✅ (100 docs)
        - [ ] 1.6 Testing ❌ NOT PASSING
        - [ ] Docs ❌ missing
        """));
    assertEquals(
        List.of(
            "0.1 Code Graph Analyzer (Week 1-2) → 0.1 Code Graph Analyzer ❌ EMPTY DIRECTORY",
            "0.4 OpenSearch Prototype (Week 1-2) → 0.4 OpenSearch Prototype ✅ (100 docs)",
            "1.6 Testing → 1.6 Testing ❌ NOT PASSING"),
        d.reworded().stream().map(r -> r.from() + " → " + r.to()).toList());
    assertEquals(List.of("0.4 OpenSearch Prototype ✅ (100 docs)"), texts(d.done()));
    assertEquals(List.of("Docs ❌ missing"), texts(d.added()));
    assertEquals(List.of("Pager"), texts(d.removed()));
  }

  @Test
  void diffsTheRowsOfStatusTablesLikeTaskItems() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## Readiness
        | Check | Status |
        |---|---|
        | Backups | ⚠️ |
        | Alerts | ❌ |
        | Runbook | ✅ |
        """),
            parse(
                """
        ## Readiness
        | Check | Status |
        |---|---|
        | Backups | ✅ |
        | Alerts | 🟡 in progress |
        | Runbook | ❌ |
        | Pager | ⚠️ |
        """));
    assertEquals(List.of("Backups"), texts(d.done()));
    assertEquals(List.of("Runbook"), texts(d.reopened()));
    assertEquals(List.of("Pager"), texts(d.added()));
    assertTrue(d.added().get(0).partial());
    assertEquals(7, d.added().get(0).line());
    assertTrue(d.removed().isEmpty() && d.reworded().isEmpty());
    assertEquals(1, d.doneBefore());
    assertEquals(1, d.doneAfter());
  }

  @Test
  void countsABlockerListedTwiceInOneReviewOnce() {
    Snapshot before =
        parse(
            """
        ## Tasks
        - [ ] a
        """);
    Snapshot after =
        parse(Fixtures.resource("corpus/lesleslie__mahavishnu__PROGRESS@2026-01-25T0729.md"));
    ReviewDiff d = DiffCalculator.diff(before, after);
    assertEquals(
        List.of(
            "Code Graph Analyzer",
            "OpenSearch Security",
            "Tests Failing",
            "Dependencies Missing",
            "Code Quality"),
        d.blockersOpened());
    assertEquals(
        List.of(
            "Code Graph Analyzer",
            "OpenSearch Security",
            "Tests Failing",
            "Dependencies Missing",
            "Code Quality"),
        DiffCalculator.diff(after, before).blockersResolved());
    assertEquals(9, after.blockers().size(), "the snapshot keeps every listing as written");
  }

  @Test
  void reportsAnItemMovedToAnotherSectionAsRemovedAndAdded() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## Security
        - [x] Audit log enabled
        - [ ] Secrets rotated
        ## Operations
        - [ ] On-call rota
        """),
            parse(
                """
        ## Security
        - [ ] Secrets rotated
        ## Operations
        - [ ] On-call rota
        - [x] Audit log enabled
        """));
    assertEquals(List.of("Audit log enabled"), texts(d.removed()));
    assertEquals(List.of("Audit log enabled"), texts(d.added()));
    assertEquals("Security", d.removed().get(0).section());
    assertEquals("Operations", d.added().get(0).section());
    assertTrue(d.done().isEmpty());
  }

  @Test
  void pairsDuplicatesInOneReviewInDocumentOrder() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## A
        - [ ] Run tests
        - [ ] Run tests
        - [ ] Run tests
        """),
            parse(
                """
        ## A
        - [x] Run tests
        - [ ] Run tests
        """));
    assertEquals(1, d.done().size());
    assertEquals(1, d.removed().size());
    assertEquals(4, d.removed().get(0).line(), "the third copy is the one gone");
  }

  @Test
  void ignoresCaseWhitespaceAndTrailingStatusMarks() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## A
        - [ ] Backup   restoration tested
        """),
            parse(
                """
        ## A
        - [x] backup restoration TESTED ✅
        """));
    assertEquals(1, d.done().size());
    assertTrue(d.reworded().isEmpty());
  }

  @Test
  void findsRenamedAndRenumberedSectionsByTheirItems() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ## Section 6: Documentation
        - [ ] API docs
        - [ ] Runbooks
        - [ ] FAQ
        ## Section 7: Testing
        - [ ] Unit tests
        """),
            parse(
                """
        ## Section 6: Testing
        - [ ] Unit tests
        ## Section 7: Docs and runbooks
        - [x] API docs
        - [ ] Runbooks
        - [ ] FAQ
        ## Section 8: Launch
        - [ ] Go/no-go
        """));
    assertEquals(
        List.of(
            new ReviewDiff.SectionRename("6. Documentation", "7. Docs and runbooks"),
            new ReviewDiff.SectionRename("7. Testing", "6. Testing")),
        d.sectionsRenamed());
    assertEquals(List.of("8. Launch"), d.sectionsAdded());
    assertEquals(List.of("API docs"), texts(d.done()));
    assertEquals(List.of("Go/no-go"), texts(d.added()));
  }

  @Test
  void diffsBlockersByNormalizedTitle() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                """
        ### Blockers
        1. **❌ Load Testing** - Must test
        2. **CI/CD Pipeline** - automate
        """),
            parse(
                """
        ### Blockers
        1. **load testing** - detail changed
        2. **Alert routing** - new
        """));
    assertEquals(List.of("Alert routing"), d.blockersOpened());
    assertEquals(List.of("CI/CD Pipeline"), d.blockersResolved());
  }

  @ParameterizedTest
  @CsvSource({
    "lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0012.md, lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0608.md",
    "lesleslie__mahavishnu__PROGRESS@2026-01-25T0729.md, lesleslie__mahavishnu__PROGRESS@2026-01-29.md",
    "lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-02.md, lesleslie__mahavishnu__ECOSYSTEM_STATUS_FINAL@2026-02-03.md",
    "lesleslie__mahavishnu__docs-security-SECURITY_CHECKLIST@2026-02-18.md, lesleslie__mahavishnu__docs-security-SECURITY_CHECKLIST@2026-05-16.md"
  })
  void diffsFormatOnlyRewritesToNothing(String before, String after) {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(Fixtures.resource("corpus/" + before)),
            parse(Fixtures.resource("corpus/" + after)));
    assertTrue(d.isEmpty(), d.toString());
    assertEquals(0.0, d.percentChange());
  }

  @Test
  void diffsTheRealSecurityChecklistSeries() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(
                Fixtures.resource(
                    "corpus/lesleslie__mahavishnu__SECURITY_CHECKLIST@2026-01-24.md")),
            parse(
                Fixtures.resource(
                    "corpus/lesleslie__mahavishnu__docs-security-SECURITY_CHECKLIST@2026-02-18.md")));
    assertEquals(List.of("Task Orchestration Security (Phase 0)"), d.sectionsAdded());
    assertEquals(30, d.added().size());
    assertTrue(
        d.added().stream()
            .allMatch(
                c -> c.checked() && c.section().equals("Task Orchestration Security (Phase 0)")));
    assertTrue(
        d.done().isEmpty()
            && d.removed().isEmpty()
            && d.reopened().isEmpty()
            && d.reworded().isEmpty());
    assertEquals(0, d.doneBefore());
    assertEquals(30, d.doneAfter());
  }

  @Test
  void diffsTheRealProgressTrackerSeries() {
    ReviewDiff d =
        DiffCalculator.diff(
            parse(Fixtures.resource("corpus/lesleslie__mahavishnu__PROGRESS@2026-01-25T0124.md")),
            parse(Fixtures.resource("corpus/lesleslie__mahavishnu__PROGRESS@2026-01-25T0729.md")));
    assertEquals(
        List.of(new ReviewDiff.SectionRename("Phase Status", "Phase Status (HONEST Assessment)")),
        d.sectionsRenamed());
    assertTrue(
        texts(d.done())
            .containsAll(List.of("0.2 Messaging Types ✅ DONE", "0.3 MCP Tool Contracts ✅ DONE")));
    assertEquals(0, d.doneBefore());
    assertEquals(20, d.doneAfter());
    assertIdentity(d);
  }

  // ---- properties over generated reviews ----

  @Test
  void diffOfAnyReviewWithItselfIsEmpty() {
    Random random = new Random(7);
    for (int run = 0; run < 200; run++) {
      Snapshot s = parse(randomChecklist(random));
      ReviewDiff d = DiffCalculator.diff(s, s);
      assertTrue(d.isEmpty(), "run " + run);
      assertEquals(s.done(), d.doneAfter());
    }
  }

  @Test
  void partsOfAnyDiffAddUpToTheChangeInDoneItems() {
    Random random = new Random(11);
    for (int run = 0; run < 300; run++) {
      String before = randomChecklist(random);
      String after = mutate(before, random);
      ReviewDiff d = DiffCalculator.diff(parse(before), parse(after));
      assertIdentity(d);
    }
  }

  @Test
  void aFormatOnlyRewriteOfAnyReviewDiffsToNothing() {
    Random random = new Random(13);
    for (int run = 0; run < 200; run++) {
      String before = randomChecklist(random);
      String after =
          before.replace("- [", "* [").replace("\n## ", "\n\n---\n\n## ").replace("\n- ", "\n\n- ");
      assertTrue(DiffCalculator.diff(parse(before), parse(after)).isEmpty(), after);
    }
  }

  private static void assertIdentity(ReviewDiff d) {
    long removedDone = d.removed().stream().filter(ReviewDiff.ItemChange::checked).count();
    long addedDone = d.added().stream().filter(ReviewDiff.ItemChange::checked).count();
    assertEquals(
        d.doneAfter(),
        d.doneBefore() + d.done().size() - d.reopened().size() - removedDone + addedDone,
        d.toString());
  }

  private static final String[] WORDS = {
    "backup",
    "restore",
    "alerting",
    "dashboards",
    "tls",
    "rbac",
    "load",
    "testing",
    "runbook",
    "on-call",
    "secrets",
    "rotation",
    "logging",
    "metrics",
    "canary",
    "rollback"
  };

  private static String randomChecklist(Random random) {
    StringBuilder out = new StringBuilder("# Checklist\n");
    int sections = 1 + random.nextInt(4);
    for (int s = 1; s <= sections; s++) {
      out.append("## Section ")
          .append(s)
          .append(": ")
          .append(WORDS[random.nextInt(WORDS.length)])
          .append('\n');
      int items = random.nextInt(7);
      for (int i = 0; i < items; i++) {
        out.append(random.nextInt(5) == 0 ? "  " : "")
            .append("- [")
            .append(random.nextBoolean() ? "x" : " ")
            .append("] ")
            .append(WORDS[random.nextInt(WORDS.length)])
            .append(' ')
            .append(WORDS[random.nextInt(WORDS.length)])
            .append(' ')
            .append(random.nextInt(4))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Toggles, deletes, inserts and rewords item lines at random. */
  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.contains("- [")) {
        continue;
      }
      switch (random.nextInt(8)) {
        case 0 ->
            lines.set(
                i, line.contains("[x]") ? line.replace("[x]", "[ ]") : line.replace("[ ]", "[x]"));
        case 1 -> lines.remove(i--);
        case 2 ->
            lines.add(
                i + 1,
                "- ["
                    + (random.nextBoolean() ? "x" : " ")
                    + "] new "
                    + WORDS[random.nextInt(WORDS.length)]);
        case 3 -> lines.set(i, line + " and more");
        default -> {}
      }
    }
    return String.join("\n", lines) + "\n";
  }

  @Test
  void aDiffWithAnItemDoneIsNotEmpty() {
    assertEquals(false, DiffCalculator.diff(parse("- [ ] a\n"), parse("- [x] a\n")).isEmpty());
  }
}
