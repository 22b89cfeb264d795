package dev.readiness.read;

import static dev.readiness.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.model.Item;
import dev.readiness.model.Section;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Status tables, sign-off tables and italic key lines: the formats of docs/format.md that are not
 * task lists.
 */
class StatusTableTest {

  private static List<String> states(Snapshot s) {
    return s.items().stream()
        .map(i -> i.text() + (i.done() ? " done" : i.partial() ? " partial" : " open"))
        .toList();
  }

  @Test
  void countsEachRowOfATableWithAStatusColumnAsAnItem() {
    Snapshot s =
        parse(
                """
        # Launch
        ## Readiness
        | Check | Owner | Status |
        |---|---|---|
        | Backups | ops | ✅ |
        | Alerts | ops | ❌ Missing |
        | Load test | qa | ⚠️ Partial |
        | Runbook | ops | Done |
        | Pager | ops | Pending |
        | TLS | sec | ✓ |
        | WAF | sec | ✗ |
        | Docs | pm | 🟡 |
        | DR drill | ops | ⬜ |
        | **Total** | | 3/9 |
        """)
            .snapshot();
    assertEquals(
        List.of(
            "Backups done",
            "Alerts open",
            "Load test partial",
            "Runbook done",
            "Pager open",
            "TLS done",
            "WAF open",
            "Docs partial",
            "DR drill open"),
        states(s));
    assertEquals(3, s.done());
    assertEquals(9, s.total());
    Item first = s.items().get(0);
    assertEquals(Item.Kind.TABLE_ROW, first.kind());
    assertEquals(5, first.line());
    assertEquals("Readiness", s.sections().get(0).title());
  }

  @Test
  void readsStatusWordsJoinedByHyphensOrUnderscores() {
    Snapshot s =
        parse(
                """
        ## Launch
        | Task | Status |
        |---|---|
        | LR-1 | done |
        | LR-2 | not-started |
        | LR-3 | in_progress |
        | LR-4 | at-risk |
        """)
            .snapshot();
    assertEquals(List.of("LR-1 done", "LR-2 open", "LR-3 partial", "LR-4 partial"), states(s));
  }

  @Test
  void countsEveryRowOfABlankTemplateAsOpen() {
    Snapshot s =
        parse(
                """
        ## Functional Readiness ✅
        | Item | Status (✅/⚠️/❌) | Owner |
        |---|---|---|
        | Stories completed | | PM |
        | UAT sign-off received | | QA |
        """)
            .snapshot();
    assertEquals(List.of("Stories completed open", "UAT sign-off received open"), states(s));
  }

  @Test
  void countsAStatusTableUnderASignOffHeadingThatHasNoRoleOrNameColumn() {
    Snapshot s =
        parse(
                """
        ## Final readiness sign-off
        | Section | Owner | Status |
        |---|---|---|
        | Go/No-Go review | TBD | not-started |
        """)
            .snapshot();
    assertEquals(List.of("Go/No-Go review open"), states(s));
    assertTrue(s.signOff().isEmpty());
  }

  @Test
  void findsTheStatusColumnByHeaderWordsStateDoneAndResult() {
    for (String header : List.of("State", "Done", "Result", "Current status")) {
      Snapshot s =
          parse(
                  """
          ## A
          | Task | %s |
          |---|---|
          | One | x |
          | Two | no |
          """
                      .formatted(header))
              .snapshot();
      assertEquals(List.of("One done", "Two open"), states(s), header);
    }
  }

  @Test
  void takesAColumnOfMarksAsTheStatusWithoutAHeader() {
    Snapshot s =
        parse(
                """
        ## A
        | Check | |
        |---|---|
        | One | :white_check_mark: |
        | Two | ❌ |
        """)
            .snapshot();
    assertEquals(List.of("One done", "Two open"), states(s));
  }

  @Test
  void leavesAMatrixOfMarkColumnsAndTablesWithoutStatusAlone() {
    Snapshot s =
        parse(
                """
        ## Levels
        | Check | Level C | Level B | Level A |
        |---|---|---|---|
        | Unit test | ✅ | ✅ | ✅ |
        | Coverage | | ✅ | ✅ |
        ## Metrics
        | Metric | Value | Trend |
        |---|---|---|
        | Commits | 26 | 📈 |
        ## Flags
        | Variable | Status |
        |---|---|
        | HOME | required |
        """)
            .snapshot();
    assertEquals(0, s.total());
  }

  @Test
  void countsTablesOnlyInPartsWithoutTaskItems() {
    Snapshot s =
        parse(
                """
        ## Tasks
        - [x] written

        | Check | Status |
        |---|---|
        | Inside a part with tasks | ✅ |
        ## Status
        | Check | Status |
        |---|---|
        | Backups | ✅ |
        ## More
        - [ ] later
        """)
            .snapshot();
    assertEquals(List.of("written done", "Backups done", "later open"), states(s));
    assertEquals(List.of(0, 1, 2), s.items().stream().map(Item::index).toList());
    assertEquals(
        List.of("Tasks", "Status", "More"), s.sections().stream().map(Section::title).toList());
  }

  @Test
  void keepsNestingParentsWhenTableRowsComeBeforeTasks() {
    Snapshot s =
        parse(
                """
        ## Status
        | Check | Status |
        |---|---|
        | Backups | ✅ |
        | Restore | ❌ |
        ## Tasks
        - [ ] parent
          - [x] child
        """)
            .snapshot();
    Item child = s.items().get(3);
    assertEquals("child", child.text());
    assertEquals(3, child.index());
    assertEquals(2, child.parent());
    assertEquals("parent", s.items().get(child.parent()).text());
  }

  @Test
  void givesTableRowsTheSubsectionAboveThem() {
    Snapshot s =
        parse(
                """
        ## Health
        ### Storage
        | Directory | Status |
        |---|---|
        | .venv | ⚠️ Large |
        """)
            .snapshot();
    Item item = s.items().get(0);
    assertEquals("Storage", item.subsection());
    assertEquals(1, s.sections().get(0).subsections().get(0).total());
    assertTrue(item.partial());
  }

  @Test
  void treatsATableThatNamesTheDocumentsSectionsAsStatedFiguresNotItems() {
    Snapshot s =
        parse(
                """
        ## Security
        - [x] a
        - [ ] b
        ## Operations
        - [ ] c
        ## Summary
        | Area | Status | Completion |
        |---|---|---|
        | Security | ⚠️ | 50% |
        | Operations | ❌ | 0% |
        """)
            .snapshot();
    assertEquals(3, s.total());
    assertEquals(1, s.done());
  }

  @Test
  void readsTheStatusOfARowWrittenOneCellShortFromItsLastCell() {
    Snapshot s =
        parse(
                """
        ## Systems
        | System | Import | Ready | Status |
        |---|---|---|---|
        | A | ✅ | ✅ | **READY** |
        | B | ✅ ✅ | **READY** |
        """)
            .snapshot();
    assertEquals(List.of("A done", "B done"), states(s));
  }

  @Test
  void readsASignOffWrittenAsATable() {
    Snapshot s =
        parse(
                """
        ## Tasks
        - [ ] a
        ## Sign-Off
        | Role | Name | Signature | Date |
        |------|------|-----------|------|
        | **Release Manager** | Ada Lovelace | ✍ | 2026-03-01 |
        | **Lead Engineer** | | | |
        | **Security Review** | ___ | | |
        """)
            .snapshot();
    assertEquals(
        List.of(
            new Signature("Release Manager", "Ada Lovelace", "2026-03-01", 6),
            new Signature("Lead Engineer", null, null, 7),
            new Signature("Security Review", null, null, 8)),
        s.signOff());
    assertEquals(3, s.signOffLine());
    assertEquals(1, s.total());
  }

  @Test
  void readsKeyLinesInItalics() {
    Snapshot s =
        parse(
                """
        # T
        ## A
        - [ ] a

        *Last Updated: 2024-12-13*
        _Next Review_: 2025-01-10
        *Version:* 2.1
        """)
            .snapshot();
    assertEquals(LocalDate.of(2024, 12, 13), s.lastUpdated());
    assertEquals(LocalDate.of(2025, 1, 10), s.nextReview());
    assertEquals(6, s.nextReviewLine());
    assertEquals("2.1", s.version());
  }

  @Test
  void doesNotReadAListEntryOrAnEmphasizedSentenceAsAKeyLine() {
    Snapshot s =
        parse(
                """
        ## A
        - [ ] a
        * Last Updated: 2024-12-13
        *Last Updated: 2024-12-13
        """)
            .snapshot();
    assertNull(s.lastUpdated());
  }

  @Test
  void dropsTheSeparatorThatAStrippedMarkLeavesInATitle() {
    Snapshot s =
        parse(
                """
        ## Testing Summary - COMPLETE ✅
        - [x] a
        ## Phase 4: Hardening: ✅
        - [x] b
        """)
            .snapshot();
    assertEquals(
        List.of("Testing Summary", "Phase 4: Hardening"),
        s.sections().stream().map(Section::title).toList());
    assertFalse(s.sections().get(0).heading().isEmpty());
  }
}
