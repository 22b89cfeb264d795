package dev.readiness.read;

import static dev.readiness.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.model.Blocker;
import dev.readiness.model.DeclaredStatus;
import dev.readiness.model.Item;
import dev.readiness.model.PlannedWeek;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import dev.readiness.model.Subsection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotParserTest {

  // ---- the seed, against the hand count of SPEC.md and STYLE.md ----

  @Test
  void countsTheSeedByHand() {
    Snapshot seed = parse(Fixtures.seed()).snapshot();
    assertEquals(10, seed.sections().size());
    assertEquals(39, seed.done());
    assertEquals(184, seed.total());
    int[][] perSection = {
      {6, 23}, {12, 18}, {13, 13}, {5, 19}, {0, 20}, {0, 20}, {0, 20}, {3, 21}, {0, 15}, {0, 15}
    };
    for (int i = 0; i < 10; i++) {
      Section s = seed.sections().get(i);
      assertEquals(String.valueOf(i + 1), s.number());
      assertEquals(perSection[i][0], s.done(), "done in section " + (i + 1));
      assertEquals(perSection[i][1], s.total(), "total in section " + (i + 1));
    }
    assertEquals(52.0, seed.statedScore());
  }

  @Test
  void readsTheSeedsSectionsAsWritten() {
    Snapshot seed = parse(Fixtures.seed()).snapshot();
    assertEquals(
        List.of(
            "Security & Compliance",
            "Monitoring & Observability",
            "Resilience & Fault Tolerance",
            "Performance & Scalability",
            "Infrastructure & Deployment",
            "Documentation",
            "Testing Quality",
            "Operational Readiness",
            "Compliance & Governance",
            "Release Readiness"),
        seed.sections().stream().map(Section::title).toList());
    assertEquals(
        List.of(70.0, 75.0, 100.0, 40.0, 20.0, 40.0, 30.0, 60.0, 20.0, 10.0),
        seed.sections().stream().map(Section::statedPercent).toList());
    assertEquals(
        List.of(
            DeclaredStatus.COMPLETE,
            DeclaredStatus.COMPLETE,
            DeclaredStatus.COMPLETE,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS),
        seed.sections().stream().map(Section::declared).toList());
    Section first = seed.sections().get(0);
    assertEquals(28, first.line());
    assertEquals(66, first.statedLine());
    assertEquals("status", first.statedFrom());
    assertEquals(
        List.of("1.1", "1.2", "1.3", "1.4"),
        first.subsections().stream().map(Subsection::number).toList());
    Subsection audit = first.subsections().get(0);
    assertEquals("Security Audit", audit.title());
    assertEquals(DeclaredStatus.COMPLETE, audit.declared());
    assertEquals(LocalDate.of(2026, 2, 2), audit.completedOn());
    assertEquals(6, audit.items().size());
  }

  @Test
  void setsTheEightDateStampsAsideAsCompletionStamps() {
    Snapshot seed = parse(Fixtures.seed()).snapshot();
    long stamps =
        seed.sections().stream()
            .flatMap(s -> s.subsections().stream())
            .filter(sub -> sub.completedOn() != null)
            .count();
    assertEquals(8, stamps);
    assertTrue(seed.items().stream().noneMatch(i -> i.text().startsWith("Date:")));
  }

  @Test
  void readsTheSeedsHeaderBlockersTimelineAndSignOff() {
    Snapshot seed = parse(Fixtures.seed()).snapshot();
    assertEquals("Production Readiness Checklist", seed.title());
    assertEquals("Mahavishnu MCP Ecosystem", seed.project());
    assertEquals(LocalDate.of(2026, 2, 2), seed.date());
    assertEquals("1.0", seed.version());
    assertEquals(
        List.of("Version", "Date", "Project", "Purpose"), List.copyOf(seed.header().keySet()));
    assertEquals(LocalDate.of(2026, 2, 2), seed.lastUpdated());
    assertEquals(LocalDate.of(2026, 2, 9), seed.nextReview());
    assertEquals(528, seed.nextReviewLine());

    assertEquals(
        List.of(
            new Blocker("Load Testing", "Must test system under load", 412),
            new Blocker("CI/CD Pipeline", "Must automate deployment", 413),
            new Blocker("Unit Test Coverage", "Must achieve 80% coverage", 414),
            new Blocker("Monitoring Dashboards", "Must create Grafana dashboards", 415),
            new Blocker("Documentation", "Must complete user and ops docs", 416)),
        seed.blockers());

    assertEquals(4, seed.timeline().size());
    PlannedWeek week1 = seed.timeline().get(0);
    assertEquals(1, week1.week());
    assertEquals("Critical Items", week1.label());
    assertEquals(
        List.of("Load testing", "CI/CD pipeline", "Unit test coverage drive"),
        week1.tasks().stream().map(PlannedWeek.PlannedTask::text).toList());
    assertEquals(
        List.of(2.0, 2.0, 3.0), week1.tasks().stream().map(PlannedWeek.PlannedTask::days).toList());
    assertEquals("Production Deployment", seed.timeline().get(3).label());

    assertEquals(487, seed.signOffLine());
    assertEquals(
        List.of(
            "Technical Lead", "Security Lead", "Operations Lead", "Product Lead", "Final Go/No-Go"),
        seed.signOff().stream().map(Signature::role).toList());
    assertTrue(seed.signOff().stream().noneMatch(Signature::signed));

    assertEquals(3, seed.risks().size());
    assertEquals("Timeline may be optimistic depending on team availability", seed.risks().get(0));
    assertEquals(3, seed.dependencies().size());
    assertEquals(3, seed.assumptions().size());
  }

  @Test
  void keepsEveryLineOfTheSeedInExactlyOnePart() {
    String text = Fixtures.seed();
    Snapshot seed = parse(text).snapshot();
    String joined = String.join("", seed.parts().stream().map(p -> p.markdown()).toList());
    assertEquals(text.strip(), joined.strip());
    assertEquals(
        List.of("", "Instructions"),
        seed.parts().subList(0, 2).stream().map(p -> p.title()).toList());
    assertEquals(16, seed.parts().size());
    assertEquals(10, seed.parts().stream().filter(p -> p.section() > 0).count());
  }

  // ---- counting rules, one at a time ----

  @Test
  void countsEveryMarkerAndBoxSpelling() {
    Snapshot s =
        parse(
                """
        ## Markers
        - [ ] dash
        * [x] star
        + [X] plus with capital X
        1. [ ] ordered dot
        2) [x] ordered paren
        """)
            .snapshot();
    assertEquals(5, s.total());
    assertEquals(3, s.done());
    assertEquals(
        List.of("dash", "star", "plus with capital X", "ordered dot", "ordered paren"),
        s.items().stream().map(Item::text).toList());
  }

  @Test
  void countsNestedTaskItemsAndKeepsTheirParent() {
    Snapshot s =
        parse(
                """
        ## Nested
        - [ ] parent
          - [x] child
            - [ ] grandchild
          - plain bullet
            - [x] under a plain bullet
        - [ ] sibling
        """)
            .snapshot();
    List<Item> items = s.items();
    assertEquals(5, items.size());
    assertEquals(List.of(0, 1, 2, 2, 0), items.stream().map(Item::depth).toList());
    assertEquals(List.of(-1, 0, 1, 0, -1), items.stream().map(Item::parent).toList());
    assertEquals(List.of(2, 3, 4, 6, 7), items.stream().map(Item::line).toList());
  }

  @Test
  void countsItemsInBlockquotesButNotInCodeOrHtml() {
    Snapshot s =
        parse(
                """
        ## Mixed
        > - [x] quoted item

        ```
        - [ ] inside a fence
        ```

            - [ ] indented code

        <!-- - [ ] in a comment -->
        - [ ] real
        """)
            .snapshot();
    assertEquals(2, s.total());
    assertEquals(1, s.done());
  }

  @Test
  void treatsADateItemAsACompletionStampOfItsSubsection() {
    Snapshot s =
        parse(
                """
        ## Section 1: Ops
        ### 1.1 Backups ✅ COMPLETE
        - [x] Nightly backups
        - [x] **Date**: 2026-01-15
        """)
            .snapshot();
    assertEquals(1, s.total());
    assertEquals(LocalDate.of(2026, 1, 15), s.sections().get(0).subsections().get(0).completedOn());
  }

  @Test
  void givesItemsBeforeTheFirstH2ASectionOfTheirOwn() {
    Snapshot s =
        parse(
                """
        # Launch
        - [x] early item
        - [ ] another
        ## Real section
        - [ ] later
        """)
            .snapshot();
    assertEquals(2, s.sections().size());
    Section preamble = s.sections().get(0);
    assertEquals("General", preamble.title());
    assertNull(preamble.number());
    assertEquals(2, preamble.total());
    assertEquals("Real section", s.sections().get(1).title());
  }

  @Test
  void takesSectionNumbersFromEitherPrefix() {
    Snapshot s =
        parse(
                """
        ## Section 3: Resilience
        - [ ] a
        ## 4. Performance
        - [ ] b
        ## 🔐 5. Secrets
        - [ ] c
        ## Unnumbered
        - [ ] d
        ## 2026 Plans
        - [ ] e
        """)
            .snapshot();
    assertEquals(
        List.of("3", "4", "5"), s.sections().subList(0, 3).stream().map(Section::number).toList());
    assertEquals(
        List.of("Resilience", "Performance", "Secrets", "Unnumbered", "2026 Plans"),
        s.sections().stream().map(Section::title).toList());
    assertNull(s.sections().get(3).number());
    assertNull(s.sections().get(4).number());
  }

  @Test
  void readsTheDeclaredStatusFromHeadingMarks() {
    Snapshot s =
        parse(
                """
        ## A ✅
        - [ ] a
        ## B COMPLETE
        - [ ] b
        ## C ⚠️
        - [ ] c
        ## D ⬜
        - [ ] d
        ## E 🟡
        - [ ] e
        ## F ⏳
        - [ ] f
        ## G ❌
        - [ ] g
        ## H
        - [ ] h
        ## Completion notes
        - [ ] i
        """)
            .snapshot();
    assertEquals(
        java.util.Arrays.asList(
            DeclaredStatus.COMPLETE,
            DeclaredStatus.COMPLETE,
            DeclaredStatus.AT_RISK,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.IN_PROGRESS,
            DeclaredStatus.NOT_DONE,
            null,
            null),
        s.sections().stream().map(Section::declared).toList());
  }

  @Test
  void givesAStatusLineToTheSectionWhenItSummarizesAndToTheSubsectionWhenItLeads() {
    Snapshot s =
        parse(
                """
        ## Section 1: Summary at the end
        ### 1.1 First
        - [ ] a
        ### 1.2 Second
        - [ ] b

        **Status**: 70% complete (most done)

        ## Phases
        ### Phase 0
        **Status:** 🟡 Partial (25% complete)
        - [x] c
        - [ ] d
        ### Phase 1
        **Status:** ⏳ Not started (0% complete)
        - [ ] e
        """)
            .snapshot();
    Section summary = s.sections().get(0);
    assertEquals(70.0, summary.statedPercent());
    assertEquals(7, summary.statedLine());
    assertNull(summary.subsections().get(1).statedPercent());
    Section phases = s.sections().get(1);
    assertNull(phases.statedPercent());
    assertEquals(25.0, phases.subsections().get(0).statedPercent());
    assertEquals(0.0, phases.subsections().get(1).statedPercent());
  }

  @Test
  void takesStatedPercentsFromACompletionTableForSectionsWithoutAStatusLine() {
    Snapshot s =
        parse(
                """
        ## Section 1: Alpha
        - [ ] a
        **Status**: 50% complete
        ## Section 2: Beta
        - [ ] b
        ## Overall Progress
        | Section | Status | Completion |
        |--|--|--|
        | 1. Alpha | ⚠️ | 90% |
        | 2. Beta | ✅ | 80% |
        """)
            .snapshot();
    assertEquals(50.0, s.sections().get(0).statedPercent());
    assertEquals("status", s.sections().get(0).statedFrom());
    assertEquals(80.0, s.sections().get(1).statedPercent());
    assertEquals("table", s.sections().get(1).statedFrom());
    assertEquals(10, s.sections().get(1).statedLine());
  }

  @Test
  void readsTheStatedOverallScore() {
    assertEquals(
        52.0,
        parse("### Overall Score: **52/100** (Needs Improvement)\n").snapshot().statedScore());
    assertEquals(82.5, parse("Overall Score: 82.5 / 100\n").snapshot().statedScore());
    assertNull(parse("Production Readiness: 82.1/100\n").snapshot().statedScore());
  }

  @Test
  void readsBlockersFromBoldTitlesOrDashesAndSkipsNoneAndResolved() {
    Snapshot s =
        parse(
                """
        ## Notes
        ### Critical Blockers
        1. **❌ Load Testing** - Must test system under load
        2. ⚠️ CI/CD pipeline - not automated
        3. Plain title only
        ### blockers
        1. None currently blocking
        ## Blockers
        **Current Blockers:** None

        **Resolved Blockers:**
        - ✅ Committee review complete - all done
        """)
            .snapshot();
    assertEquals(
        List.of(
            new Blocker("Load Testing", "Must test system under load", 3),
            new Blocker("CI/CD pipeline", "not automated", 4),
            new Blocker("Plain title only", "", 5)),
        s.blockers());
  }

  @Test
  void readsSignedAndUnsignedSignOffLines() {
    Snapshot s =
        parse(
                """
        ## Sign-Off
        **Technical Lead**: Jane Doe Date: 2026-03-09

        **Security Lead**: \\_\\_\\_\\_\\_\\_ Date: \\_\\_\\_\\_

        **Product Lead**:
        """)
            .snapshot();
    assertEquals(
        List.of(
            new Signature("Technical Lead", "Jane Doe", "2026-03-09", 2),
            new Signature("Security Lead", null, null, 4),
            new Signature("Product Lead", null, null, 6)),
        s.signOff());
    assertEquals(1, s.signOffLine());
  }

  @Test
  void ignoresASignOffChecklistSubsection() {
    Snapshot s =
        parse(
                """
        ## Section 10: Release
        ### 10.3 Release Sign-off
        - [ ] Technical lead approval

        **Status**: 10% complete
        """)
            .snapshot();
    assertTrue(s.signOff().isEmpty());
    assertEquals(0, s.signOffLine());
    assertEquals(10.0, s.sections().get(0).statedPercent());
  }

  @Test
  void readsCrlfWithBomLikeLf() {
    String lf = Fixtures.seed();
    String crlf = "\uFEFF" + lf.replace("\n", "\r\n");
    Snapshot a = parse(lf).snapshot();
    Snapshot b = parse(crlf).snapshot();
    assertEquals(a.items(), b.items());
    assertEquals(a.blockers(), b.blockers());
    assertEquals(a.statedScore(), b.statedScore());
    assertEquals(
        a.sections().stream().map(Section::statedPercent).toList(),
        b.sections().stream().map(Section::statedPercent).toList());
  }

  @Test
  void readsFrontMatterWithSnakeYamlAndKeepsLineNumbers() {
    var parsed =
        parse(
            """
        ---
        project: Orion Payments Gateway
        date: 2026-03-09
        tags: [a, b]
        ---
        # Orion
        ## Security
        - [x] RBAC configured
        """);
    Snapshot s = parsed.snapshot();
    assertEquals("Orion Payments Gateway", s.project());
    assertEquals(LocalDate.of(2026, 3, 9), parsed.frontMatterDate());
    assertEquals(List.of("a", "b"), s.frontMatter().get("tags"));
    assertEquals(8, s.items().get(0).line());
    assertEquals("Orion", s.title());
    assertTrue(parsed.problems().isEmpty());
  }

  @Test
  void reportsBrokenFrontMatterAndKeepsTheBody() {
    var parsed =
        parse(
            """
        ---
        project: [unclosed
        ---
        ## Security
        - [x] RBAC configured
        """);
    assertEquals(1, parsed.snapshot().total());
    assertEquals(List.of("FRONT_MATTER"), parsed.problems().stream().map(Problem::code).toList());
  }

  @Test
  void reportsLinesThatLookLikeBoxesButAreNotTaskItems() {
    var parsed =
        parse(
            """
        ## Boxes
        - [x] real one
        [] missing marker and space
          [ ] indented without marker
        - [?] odd mark
        [link]: https://example.com
        [x](not-a-box)
        """);
    assertEquals(1, parsed.snapshot().total());
    assertEquals("real one", parsed.snapshot().items().get(0).text());
    assertEquals(
        List.of(3, 4, 5),
        parsed.problems().stream()
            .filter(p -> p.code().equals("MALFORMED_BOX"))
            .map(Problem::line)
            .toList());
  }

  @Test
  void readsPlainTextAndMarkdownOfAnItem() {
    Item item =
        parse(
                """
        ## S
        - [ ] **Capital**: set `capital_ok: true` in [the config](https://example.com)
        """)
            .snapshot()
            .items()
            .get(0);
    assertEquals("Capital: set capital_ok: true in the config", item.text());
    assertEquals(
        "**Capital**: set `capital_ok: true` in [the config](https://example.com)",
        item.markdown());
    assertFalse(item.done());
  }

  @Test
  void doesNotTreatLaterH1sAsTheTitle() {
    Snapshot s =
        parse(
                """
        # Checklist
        ## A
        - [ ] a
        # Contribution
        - [ ] b
        """)
            .snapshot();
    assertEquals("Checklist", s.title());
    assertEquals(List.of("A", "Contribution"), s.sections().stream().map(Section::title).toList());
  }
}
