package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import dev.readiness.config.Settings;
import dev.readiness.read.InputReader;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled example history against the hand-worked values of docs/example-history.md, which were
 * counted without the tool.
 */
class HistoryTest {
  private static ProjectReport mahavishnu;
  private static ProjectReport orion;

  @BeforeAll
  static void analyze() throws IOException {
    var inventory =
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 2)
            .read(Fixtures.checklists(), "checklists");
    assertTrue(inventory.problems().isEmpty(), inventory.problems().toString());
    ReportData data =
        new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 3, 12))
            .analyze(inventory, "checklists", "readiness test", Instant.EPOCH);
    assertEquals(
        List.of("mahavishnu", "orion"), data.projects().stream().map(ProjectReport::slug).toList());
    mahavishnu = data.projects().get(0);
    orion = data.projects().get(1);
  }

  @Test
  void countsEveryReviewLikeTheAnswerKey() {
    assertEquals(
        List.of(
            "39/184 21.2 52",
            "58/185 31.4 58",
            "66/185 35.7 63",
            "83/184 45.1 72",
            "97/184 52.7 80"),
        mahavishnu.reviews().stream().map(HistoryTest::figures).toList());
    assertEquals(
        List.of("3/10 30 40", "5/10 50 50", "6/10 60 58"),
        orion.reviews().stream().map(HistoryTest::figures).toList());
    assertEquals("Orion Payments Gateway", orion.name());
    assertEquals("payments-team", orion.owner());
  }

  private static String figures(Review r) {
    return r.done()
        + "/"
        + r.total()
        + " "
        + Format.number(r.percent())
        + " "
        + Format.number(r.statedScore());
  }

  @Test
  void diffsTheFirstWeek() {
    ReviewDiff d = mahavishnu.diffs().get(0);
    assertEquals(LocalDate.of(2026, 2, 2), d.from());
    assertEquals(LocalDate.of(2026, 2, 9), d.to());
    assertEquals(18, d.done().size());
    assertEquals(List.of(), d.reopened());
    assertEquals(
        List.of("4. Performance & Scalability: Load test environment provisioned (staging-perf)"),
        labels(d.added()));
    assertTrue(d.added().get(0).checked());
    assertEquals(List.of(), d.removed());
    assertEquals(List.of(), d.reworded());
    assertEquals(List.of(), d.sectionsRenamed());
    assertEquals(List.of(), d.blockersOpened());
    assertEquals(List.of(), d.blockersResolved());
    assertEquals(10.2, d.percentChange());
    assertEquals(6.0, d.scoreChange());
  }

  @Test
  void diffsTheWeekWithAReopenedAndARewordedItem() {
    ReviewDiff d = mahavishnu.diffs().get(1);
    assertEquals(9, d.done().size());
    assertEquals(
        List.of("5. Infrastructure & Deployment: Rollback procedures tested"),
        labels(d.reopened()));
    assertEquals(
        List.of(
            new ReviewDiff.Rewording(
                "8. Operational Readiness",
                "Incident escalation paths defined",
                "Incident escalation paths defined and documented",
                false,
                d.reworded().get(0).line())),
        d.reworded());
    assertEquals(List.of(), d.added());
    assertEquals(List.of(), d.removed());
    assertEquals(List.of("CI/CD Pipeline", "Monitoring Dashboards"), d.blockersResolved());
    assertEquals(4.3, d.percentChange());
    assertEquals(5.0, d.scoreChange());
  }

  @Test
  void diffsTheWeekWithARenamedSectionAndARemovedItem() {
    ReviewDiff d = mahavishnu.diffs().get(2);
    assertEquals(17, d.done().size());
    assertEquals(
        List.of(new ReviewDiff.SectionRename("6. Documentation", "6. Documentation & Runbooks")),
        d.sectionsRenamed());
    assertEquals(List.of(), d.sectionsAdded());
    assertEquals(List.of(), d.sectionsRemoved());
    assertEquals(
        List.of("5. Infrastructure & Deployment: Terraform scripts created (if applicable)"),
        labels(d.removed()));
    assertEquals(List.of("Rollback Procedures"), d.blockersOpened());
    assertEquals(List.of("Load Testing"), d.blockersResolved());
    assertEquals(9.4, d.percentChange());
    assertEquals(9.0, d.scoreChange());
  }

  @Test
  void diffsTheLastWeek() {
    ReviewDiff d = mahavishnu.diffs().get(3);
    assertEquals(14, d.done().size());
    assertTrue(
        d.reopened().isEmpty()
            && d.added().isEmpty()
            && d.removed().isEmpty()
            && d.reworded().isEmpty());
    assertEquals(List.of("Unit Test Coverage"), d.blockersResolved());
    assertEquals(7.6, d.percentChange());
    assertEquals(8.0, d.scoreChange());
    ReviewDiff o = orion.diffs().get(1);
    assertEquals(1, o.done().size());
    assertEquals(List.of("Alert routing"), o.blockersOpened());
    assertEquals(List.of("PCI scope review"), o.blockersResolved());
  }

  @Test
  void addsUpEveryDiffToTheChangeInDoneItems() {
    for (ProjectReport p : List.of(mahavishnu, orion)) {
      for (ReviewDiff d : p.diffs()) {
        long removedDone = d.removed().stream().filter(ReviewDiff.ItemChange::checked).count();
        long addedDone = d.added().stream().filter(ReviewDiff.ItemChange::checked).count();
        assertEquals(
            d.doneAfter(),
            d.doneBefore() + d.done().size() - d.reopened().size() - removedDone + addedDone,
            p.slug() + " " + d.to());
      }
    }
  }

  @Test
  void agesOpenBlockersFromTheFirstReviewOfTheirRun() {
    assertEquals(
        List.of("Documentation 2026-02-02 35", "Rollback Procedures 2026-03-02 7"),
        mahavishnu.latest().blockers().stream().map(HistoryTest::age).toList());
    assertEquals(
        List.of("Alert routing 2026-03-09 0"),
        orion.latest().blockers().stream().map(HistoryTest::age).toList());
    assertEquals(
        List.of(5, 5, 3, 3, 2),
        mahavishnu.trend().points().stream().map(Trend.Point::openBlockers).toList());
  }

  private static String age(BlockerStatus b) {
    return b.blocker().title() + " " + b.firstSeen() + " " + b.ageDays();
  }

  @Test
  void followsSectionsThroughTheRename() {
    Trend.SectionSeries docs = mahavishnu.trend().sections().get(5);
    assertEquals("6. Documentation & Runbooks", docs.label());
    assertEquals(java.util.Arrays.asList(0.0, 0.0, 0.0, 20.0, 20.0), docs.percents());
    assertEquals(10, mahavishnu.trend().sections().size());
  }

  @Test
  void measuresWeeklyVelocity() {
    assertEquals(
        List.of("18 0 19 19", "9 1 8 8", "17 0 17 8.5", "14 0 14 14"),
        mahavishnu.trend().velocity().stream()
            .map(
                v ->
                    v.gross()
                        + " "
                        + v.reopened()
                        + " "
                        + v.net()
                        + " "
                        + Format.number(v.netPerWeek()))
            .toList());
    assertEquals(14, mahavishnu.trend().velocity().get(2).days());
  }

  @Test
  void marksTheMissedNextReview() {
    var events = mahavishnu.timeline().reviews();
    assertEquals(
        List.of(false, false, true, false, false),
        events.stream().map(Timeline.ReviewEvent::overdue).toList());
    assertEquals(7, events.get(2).daysLate());
    assertTrue(
        mahavishnu.reviews().get(2).warnings().stream()
            .anyMatch(
                p ->
                    p.code().equals("REVIEW_OVERDUE")
                        && p.message()
                            .contains(
                                "due 2026-02-23 but the following review is dated 2026-03-02 (7 days late)")));
  }

  @Test
  void anchorsRecommendedWeeksAtTheReviewThatListsThem() {
    var planned = mahavishnu.timeline().planned();
    assertEquals(
        List.of(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 2)),
        planned.stream().map(Timeline.PlannedWindow::anchor).distinct().toList());
    Timeline.PlannedWindow week2 = planned.get(1);
    assertEquals("Documentation & Monitoring", week2.label());
    assertEquals(LocalDate.of(2026, 2, 9), week2.start());
    assertEquals(LocalDate.of(2026, 2, 15), week2.end());
    assertEquals(7.0, week2.plannedDays());
    assertEquals(18, week2.actualDone());
    assertEquals(31.4, week2.percentAtEnd());
  }

  @Test
  void forecastsWithTheDistributionTheSamplesImply() {
    Forecast f = mahavishnu.forecast();
    assertEquals(List.of(19.0, 8.0, 8.5, 14.0), f.samples());
    LocalDate latest = LocalDate.of(2026, 3, 9);
    // 87 items remain; 148 of 184 (80%) needs 51 more.
    assertTrue(
        weeksAllowed(f.samples(), 87, 0.50).contains(weeksTo(latest, f.p50())), "P50 " + f.p50());
    assertTrue(
        weeksAllowed(f.samples(), 87, 0.85).contains(weeksTo(latest, f.p85())), "P85 " + f.p85());
    assertTrue(
        weeksAllowed(f.samples(), 51, 0.50).contains(weeksTo(latest, f.gateP50())),
        "gate P50 " + f.gateP50());
    assertTrue(
        weeksAllowed(f.samples(), 51, 0.85).contains(weeksTo(latest, f.gateP85())),
        "gate P85 " + f.gateP85());
    assertEquals(List.of(8), weeksAllowed(f.samples(), 87, 0.50));
    assertEquals(LocalDate.of(2026, 5, 4), f.p50());
    assertNull(f.reason());
    assertTrue(f.method().startsWith("Monte Carlo, 10,000 runs"));
  }

  private static int weeksTo(LocalDate from, LocalDate to) {
    return (int) java.time.temporal.ChronoUnit.WEEKS.between(from, to);
  }

  /**
   * The exact quantile in weeks: the fewest weeks k for which k draws (uniform, with replacement)
   * sum to at least {@code remaining} with probability at least {@code quantile}, computed by
   * enumeration. Where that probability is within 0.012 of the quantile (over three standard errors
   * of 10,000 runs) the next week is allowed too: there the simulation may fall either way.
   */
  static List<Integer> weeksAllowed(List<Double> samples, double remaining, double quantile) {
    for (int k = 1; k < 30; k++) {
      long hits = 0;
      long all = (long) Math.pow(samples.size(), k);
      for (long code = 0; code < all; code++) {
        double sum = 0;
        long c = code;
        for (int i = 0; i < k; i++) {
          sum += samples.get((int) (c % samples.size()));
          c /= samples.size();
        }
        if (sum >= remaining) {
          hits++;
        }
      }
      double p = (double) hits / all;
      if (Math.abs(p - quantile) < 0.012) {
        return List.of(k, k + 1);
      }
      if (p >= quantile) {
        return List.of(k);
      }
    }
    throw new AssertionError("not reached in 30 weeks");
  }

  private static List<String> labels(List<ReviewDiff.ItemChange> changes) {
    return changes.stream().map(c -> c.section() + ": " + c.text()).toList();
  }
}
