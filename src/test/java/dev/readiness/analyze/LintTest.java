package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.read.ParsedDocument;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 2, 5);

  private static List<Problem> warnings(String markdown) {
    ParsedDocument parsed = Fixtures.parse(markdown);
    return new Analyzer(Settings.DEFAULTS, TODAY).single(parsed.snapshot(), "test.md", parsed.problems()).warnings();
  }

  private static List<String> codesAndLines(String markdown) {
    return warnings(markdown).stream().map(p -> p.code() + "@" + p.line()).toList();
  }

  @Test
  void seedRaisesEveryWarningSpecNamesForIt() {
    List<Problem> seed = warnings(Fixtures.seed());
    List<String> drift = seed.stream().filter(p -> p.code().equals("STATED_DRIFT")).map(Problem::message).toList();
    assertEquals(8, drift.size());
    for (String section : List.of("\"1. ", "\"4. ", "\"5. ", "\"6. ", "\"7. ", "\"8. ", "\"9. ")) {
      assertEquals(1, drift.stream().filter(m -> m.contains(section)).count(), section);
    }
    assertTrue(drift.contains("the overall score is stated as 52/100 but 39 of 184 boxes are checked (21.2%); "
        + "update the score or the boxes"));
    assertTrue(seed.contains(Problem.warning("CHECKMARK_UNCHECKED", "test.md", 60,
        "\"Session-Buddy encryption implemented (Phase 3) ✅\" says it is done but its box is open; check the box "
            + "(\"- [x]\") or remove the claim")));
    assertTrue(seed.stream().anyMatch(p -> p.code().equals("COMPLETE_WITH_OPEN") && p.line() == 88
        && p.message().startsWith("\"2.3 Alerting\" is marked complete but 1 of its 5 items is open")));
    assertTrue(seed.contains(Problem.warning("CONTRADICTION", "test.md", 315,
        "\"Backup restoration tested\" is open here but checked at line 133; make the two agree")));
    assertEquals(List.of("COMPLETE_WITH_OPEN@28", "CHECKMARK_UNCHECKED@60", "STATED_DRIFT@66", "COMPLETE_WITH_OPEN@70",
            "COMPLETE_WITH_OPEN@88", "STATED_DRIFT@174", "STATED_DRIFT@212", "STATED_DRIFT@250", "STATED_DRIFT@288",
            "CONTRADICTION@315", "STATED_DRIFT@327", "STATED_DRIFT@357", "STATED_DRIFT@408", "UNSIGNED@487"),
        seed.stream().map(p -> p.code() + "@" + p.line()).toList());
  }

  @Test
  void flagsStatedPercentsMoreThanTenPointsFromTheBoxes() {
    assertEquals(List.of("STATED_DRIFT@4"), codesAndLines("""
        ## Section 1: A
        - [x] a
        - [ ] b
        **Status**: 61% complete
        """));
    assertEquals(List.of(), codesAndLines("""
        ## Section 1: A
        - [x] a
        - [ ] b
        **Status**: 60% complete
        """));
    assertEquals(List.of("STATED_DRIFT@3"), codesAndLines("""
        ## A
        - [x] a
        Overall Score: **10/100**
        """));
  }

  @Test
  void flagsSectionsAndSubsectionsDeclaredCompleteWithOpenItems() {
    assertEquals(List.of("COMPLETE_WITH_OPEN@1", "COMPLETE_WITH_OPEN@4"), codesAndLines("""
        ## Section 1: Ops ✅
        ### 1.1 Done ✅
        - [x] a
        ### 1.2 Alerting COMPLETE
        - [x] b
        - [ ] c
        """));
  }

  @Test
  void flagsOpenItemsWhoseTextClaimsDone() {
    assertEquals(List.of("CHECKMARK_UNCHECKED@2", "CHECKMARK_UNCHECKED@3"), codesAndLines("""
        ## A
        - [ ] 0.2 Messaging Types ✅ DONE
        - [ ] Migration COMPLETE
        - [x] Shipped ✅
        - [ ] Runbook documentation complete
        """));
  }

  @Test
  void flagsTheSameItemTwiceWithDifferentStates() {
    assertEquals(List.of("CONTRADICTION@5"), codesAndLines("""
        ## A
        - [x] Backup restoration tested
        - [x] Same state twice
        ## B
        - [ ]   backup   RESTORATION tested ✅
        - [x] Same state twice
        """).stream().filter(s -> !s.startsWith("CHECKMARK")).toList());
  }

  @Test
  void flagsUnsignedRolesOnceAtTheSignOffHeading() {
    List<Problem> w = warnings("""
        ## A
        - [x] a
        ## Sign-Off
        **Technical Lead**: Jane Doe Date: 2026-02-01

        **Security Lead**: ________ Date: ____
        """);
    assertEquals(List.of(Problem.warning("UNSIGNED", "test.md", 3,
        "1 of 2 sign-off roles are unsigned (Security Lead); fill in names and dates before release")), w);
  }

  @Test
  void flagsFilesAndNumberedSectionsWithoutItems() {
    List<Problem> none = warnings("""
        # Table only
        | Check | Level |
        |--|--|
        | Logging | High |
        | Tracing | Low |

        - ✅ done things
        """);
    assertEquals(1, none.size());
    assertEquals("has no task items (\"- [ ]\" or \"- [x]\"), so its progress is n/a; found 2 table rows without a "
        + "status column and 1 list entry without boxes. Write the checks as task items, or give the table a Status "
        + "column, to count them", none.get(0).message());
    assertEquals(List.of("NO_ITEMS@3"), codesAndLines("""
        ## Section 1: A
        - [x] a
        ## Section 2: Later
        Nothing yet.
        """));
  }

  @Test
  void flagsAnOverdueNextReviewAgainstToday() {
    assertEquals(List.of("REVIEW_OVERDUE@3"), codesAndLines("""
        ## A
        - [x] a
        **Next Review**: 2026-02-01
        """));
    assertEquals(List.of(), codesAndLines("""
        ## A
        - [x] a
        **Next Review**: 2026-02-05
        """));
  }

  @Test
  void passesOnMalformedBoxesFromTheReader() {
    assertEquals(List.of("MALFORMED_BOX@3"), codesAndLines("""
        ## A
        - [x] a
        [] b
        """));
  }
}
