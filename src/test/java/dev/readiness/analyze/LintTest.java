package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    return new Analyzer(Settings.DEFAULTS, TODAY)
        .single(parsed.snapshot(), "test.md", parsed.problems())
        .warnings();
  }

  private static List<String> codesAndLines(String markdown) {
    return warnings(markdown).stream().map(p -> p.code() + "@" + p.line()).toList();
  }

  private static Review review(Settings settings, String markdown) {
    ParsedDocument parsed = Fixtures.parse(markdown);
    return new Analyzer(settings, TODAY).single(parsed.snapshot(), "test.md", parsed.problems());
  }

  private static Settings gate(Double maxDrift) {
    return Settings.DEFAULTS.withGate(new Settings.Gate(80, 0, maxDrift, false, null));
  }

  private static final String DRIFT_OF_15 =
      """
      ## Section 1: A
      - [x] a
      - [ ] b
      **Status**: 65% complete
      Overall Score: **65/100**
      """;

  @Test
  void seedRaisesEveryWarningSpecNamesForIt() {
    List<Problem> seed = warnings(Fixtures.seed());
    List<String> drift =
        seed.stream().filter(p -> p.code().equals("STATED_DRIFT")).map(Problem::message).toList();
    assertEquals(8, drift.size());
    for (String section : List.of("\"1. ", "\"4. ", "\"5. ", "\"6. ", "\"7. ", "\"8. ", "\"9. ")) {
      assertEquals(1, drift.stream().filter(m -> m.contains(section)).count(), section);
    }
    assertTrue(
        drift.contains(
            "the overall score is stated as 52/100 but 39 of 184 boxes are checked (21.2%); "
                + "update the score or the boxes"));
    assertTrue(
        seed.contains(
            Problem.warning(
                "CHECKMARK_UNCHECKED",
                "test.md",
                60,
                "\"Session-Buddy encryption implemented (Phase 3) ✅\" says it is done but its box is open; check the box "
                    + "(\"- [x]\") or remove the claim")));
    assertTrue(
        seed.stream()
            .anyMatch(
                p ->
                    p.code().equals("COMPLETE_WITH_OPEN")
                        && p.line() == 88
                        && p.message()
                            .startsWith(
                                "\"2.3 Alerting\" is marked complete but 1 of its 5 items is open")));
    assertTrue(
        seed.contains(
            Problem.warning(
                "CONTRADICTION",
                "test.md",
                315,
                "\"Backup restoration tested\" is open here but checked at line 133; make the two agree")));
    assertEquals(
        List.of(
            "COMPLETE_WITH_OPEN@28",
            "CHECKMARK_UNCHECKED@60",
            "STATED_DRIFT@66",
            "COMPLETE_WITH_OPEN@70",
            "COMPLETE_WITH_OPEN@88",
            "STATED_DRIFT@174",
            "STATED_DRIFT@212",
            "STATED_DRIFT@250",
            "STATED_DRIFT@288",
            "CONTRADICTION@315",
            "STATED_DRIFT@327",
            "STATED_DRIFT@357",
            "STATED_DRIFT@408",
            "UNSIGNED@487"),
        seed.stream().map(p -> p.code() + "@" + p.line()).toList());
  }

  @Test
  void flagsStatedPercentsMoreThanTenPointsFromTheBoxes() {
    assertEquals(
        List.of("STATED_DRIFT@4"),
        codesAndLines(
            """
        ## Section 1: A
        - [x] a
        - [ ] b
        **Status**: 61% complete
        """));
    assertEquals(
        List.of(),
        codesAndLines(
            """
        ## Section 1: A
        - [x] a
        - [ ] b
        **Status**: 60% complete
        """));
    assertEquals(
        List.of("STATED_DRIFT@3"),
        codesAndLines(
            """
        ## A
        - [x] a
        Overall Score: **10/100**
        """));
  }

  @Test
  void driftWarningsFollowTheGatesMaxDrift() {
    // 50% computed, 65 stated: 15 points. The default limit of 10 flags it; a limit of 20 does not.
    assertEquals(
        List.of("STATED_DRIFT@4", "STATED_DRIFT@5"),
        review(Settings.DEFAULTS, DRIFT_OF_15).warnings().stream()
            .map(p -> p.code() + "@" + p.line())
            .toList());
    assertEquals(List.of(), review(gate(20.0), DRIFT_OF_15).warnings());
  }

  @Test
  void driftFlagsOfEveryFigureFollowTheGatesMaxDrift() {
    Review flagged = review(gate(14.9), DRIFT_OF_15);
    assertTrue(flagged.scoreDrifting());
    assertTrue(flagged.sections().get(0).drifting());
    Review within = review(gate(15.0), DRIFT_OF_15);
    assertFalse(within.scoreDrifting());
    assertFalse(within.sections().get(0).drifting());
  }

  @Test
  void noDriftLimitMeansNoDriftWarning() {
    Review r = review(gate(null), DRIFT_OF_15);
    assertEquals(List.of(), r.warnings());
    assertFalse(r.scoreDrifting());
  }

  @Test
  void warnsOfAReviewDatedAfterToday() {
    // TODAY is 2026-02-05; one day of slack for time zones east of UTC.
    Review r =
        review(
            Settings.DEFAULTS,
            """
        # T
        **Date**: 2027-02-05

        ## A
        - [x] a
        """);
    assertEquals(
        List.of("FUTURE_DATE@2"),
        r.warnings().stream().map(p -> p.code() + "@" + p.line()).toList());
    assertEquals(
        "this review is dated 2027-02-05, 365 days after the build date 2026-02-05; as the newest review it"
            + " is the one the gate measures, so correct the date (a mistyped year, or readiness new --date in the"
            + " future?)",
        r.warnings().get(0).message());
    assertEquals(-365L, r.ageDays());
    assertTrue(r.futureDated());
  }

  @Test
  void aReviewDatedTomorrowIsWithinTheTimeZoneSlack() {
    Review r = review(Settings.DEFAULTS, "**Date**: 2026-02-06\n\n## A\n- [x] a\n");
    assertEquals(List.of(), r.warnings());
    assertEquals(-1L, r.ageDays());
  }

  @Test
  void warningsTurnedOffAreLeftOut() {
    Settings off =
        new Settings(
            Settings.Site.DEFAULTS,
            java.util.Map.of(),
            Settings.Gate.DEFAULTS,
            Settings.Pdf.DEFAULTS,
            Settings.Input.DEFAULTS,
            java.util.Map.of("STATED_DRIFT", Settings.Level.OFF));
    assertEquals(List.of(), review(off, DRIFT_OF_15).warnings());
  }

  @Test
  void warningsRaisedToErrorsAreErrors() {
    Settings raised =
        new Settings(
            Settings.Site.DEFAULTS,
            java.util.Map.of(),
            Settings.Gate.DEFAULTS,
            Settings.Pdf.DEFAULTS,
            Settings.Input.DEFAULTS,
            java.util.Map.of("STATED_DRIFT", Settings.Level.ERROR));
    assertEquals(
        List.of(Problem.Severity.ERROR, Problem.Severity.ERROR),
        review(raised, DRIFT_OF_15).warnings().stream().map(Problem::severity).toList());
  }

  @Test
  void flagsSectionsAndSubsectionsDeclaredCompleteWithOpenItems() {
    assertEquals(
        List.of("COMPLETE_WITH_OPEN@1", "COMPLETE_WITH_OPEN@4"),
        codesAndLines(
            """
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
    assertEquals(
        List.of("CHECKMARK_UNCHECKED@2", "CHECKMARK_UNCHECKED@3"),
        codesAndLines(
            """
        ## A
        - [ ] 0.2 Messaging Types ✅ DONE
        - [ ] Migration COMPLETE
        - [x] Shipped ✅
        - [ ] Runbook documentation complete
        """));
  }

  @Test
  void flagsTheSameItemTwiceWithDifferentStates() {
    assertEquals(
        List.of("CONTRADICTION@5"),
        codesAndLines(
                """
        ## A
        - [x] Backup restoration tested
        - [x] Same state twice
        ## B
        - [ ]   backup   RESTORATION tested ✅
        - [x] Same state twice
        """)
            .stream()
            .filter(s -> !s.startsWith("CHECKMARK"))
            .toList());
  }

  @Test
  void flagsUnsignedRolesOnceAtTheSignOffHeading() {
    List<Problem> w =
        warnings(
            """
        ## A
        - [x] a
        ## Sign-Off
        **Technical Lead**: Jane Doe Date: 2026-02-01

        **Security Lead**: ________ Date: ____
        """);
    assertEquals(
        List.of(
            Problem.warning(
                "UNSIGNED",
                "test.md",
                3,
                "1 of 2 sign-off roles are unsigned (Security Lead); fill in names and dates before release")),
        w);
  }

  @Test
  void flagsFilesAndNumberedSectionsWithoutItems() {
    List<Problem> none =
        warnings(
            """
        # Table only
        | Check | Level |
        |--|--|
        | Logging | High |
        | Tracing | Low |

        - ✅ done things
        """);
    assertEquals(1, none.size());
    assertEquals(
        "has no task items (\"- [ ]\" or \"- [x]\"), so its progress is n/a; found 2 table rows without a "
            + "status column and 1 list entry without boxes. Write the checks as task items, or give the table a Status "
            + "column, to count them",
        none.get(0).message());
    assertEquals(
        List.of("NO_ITEMS@3"),
        codesAndLines(
            """
        ## Section 1: A
        - [x] a
        ## Section 2: Later
        Nothing yet.
        """));
  }

  @Test
  void flagsAnOverdueNextReviewAgainstToday() {
    assertEquals(
        List.of("REVIEW_OVERDUE@3"),
        codesAndLines(
            """
        ## A
        - [x] a
        **Next Review**: 2026-02-01
        """));
    assertEquals(
        List.of(),
        codesAndLines(
            """
        ## A
        - [x] a
        **Next Review**: 2026-02-05
        """));
  }

  @Test
  void passesOnMalformedBoxesFromTheReader() {
    assertEquals(
        List.of("MALFORMED_BOX@3"),
        codesAndLines(
            """
        ## A
        - [x] a
        [] b
        """));
  }
}
