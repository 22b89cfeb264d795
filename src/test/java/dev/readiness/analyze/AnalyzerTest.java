package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.ProjectInput;
import dev.readiness.read.SnapshotParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Analyzer} makes of small histories read from a folder, one behaviour at a time. */
class AnalyzerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @TempDir Path input;

  private void write(String file, String markdown) throws IOException {
    Path path = input.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, markdown);
  }

  private ReportData analyze(Settings settings, String shownAs) throws IOException {
    Inventory inventory = new InputReader(settings.input().maxFileBytes(), 1).read(input, shownAs);
    return new Analyzer(settings, TODAY).analyze(inventory, shownAs, "test", Instant.EPOCH);
  }

  private ReportData analyze(Inventory inventory) {
    return new Analyzer(Settings.DEFAULTS, TODAY).analyze(inventory, "in", "test", Instant.EPOCH);
  }

  private ProjectReport project(String slug) throws IOException {
    return analyze(Settings.DEFAULTS, "in").projects().stream()
        .filter(p -> p.slug().equals(slug))
        .findFirst()
        .orElseThrow();
  }

  private static String codes(List<Problem> problems) {
    return String.join(
        " ", problems.stream().map(p -> p.code() + "@" + p.file() + ":" + p.line()).toList());
  }

  @Test
  void namesReviewFilesUnderTheInputAsShown() throws IOException {
    write("p/2026-03-02.md", "- [x] a\n");
    assertEquals(
        "in/p/2026-03-02.md", analyze(Settings.DEFAULTS, "in/").projects().get(0).latest().file());
  }

  @Test
  void namesReviewFilesAloneWhenTheInputIsShownAsNothing() throws IOException {
    write("p/2026-03-02.md", "- [x] a\n");
    assertEquals(
        "p/2026-03-02.md", analyze(Settings.DEFAULTS, "").projects().get(0).latest().file());
  }

  @Test
  void givesAReadWarningToItsReviewAndListsItOnce() {
    ReportData data =
        analyze(inventoryWith(Problem.warning("FRONT_MATTER", "in/p/2026-03-02.md", 2, "bad")));
    assertEquals(
        "FRONT_MATTER@in/p/2026-03-02.md:2", codes(data.projects().get(0).latest().warnings()));
    assertEquals("FRONT_MATTER@in/p/2026-03-02.md:2", codes(data.problems()));
  }

  @Test
  void listsAWarningAboutAFileThatIsNoReview() {
    ReportData data =
        analyze(inventoryWith(Problem.warning("NOT_A_REVIEW", "in/notes.md", 0, "no date")));
    assertEquals("", codes(data.projects().get(0).latest().warnings()));
    assertEquals("NOT_A_REVIEW@in/notes.md:0", codes(data.problems()));
  }

  @Test
  void listsAReadErrorOfAReviewFile() {
    ReportData data =
        analyze(inventoryWith(Problem.error("READ_FAILED", "in/p/2026-03-02.md", 0, "unreadable")));
    assertEquals("READ_FAILED@in/p/2026-03-02.md:0", codes(data.problems()));
  }

  @Test
  void sortsAllProblemsByFileAndLine() {
    ReportData data =
        analyze(
            inventoryWith(
                Problem.warning("B", "in/z.md", 1, "z"),
                Problem.warning("A", "in/a.md", 9, "a9"),
                Problem.warning("A", "in/a.md", 3, "a3")));
    assertEquals("A@in/a.md:3 A@in/a.md:9 B@in/z.md:1", codes(data.problems()));
  }

  private Inventory inventoryWith(Problem... problems) {
    var parsed = new SnapshotParser().parse("p/2026-03-02.md", "- [x] a\n");
    var snapshot = parsed.snapshot().withDate(LocalDate.of(2026, 3, 2), 0);
    return new Inventory(List.of(new ProjectInput("p", "P", List.of(snapshot))), List.of(problems));
  }

  @Test
  void warnsOfAnOverdueReviewWithTheFollowingReviewsDate() throws IOException {
    write("p/2026-02-02.md", "**Next Review**: 2026-02-09\n\n- [ ] a\n");
    write("p/2026-02-19.md", "**Next Review**: 2026-03-20\n\n- [x] a\n");
    Review first = project("p").reviews().get(0);
    Problem overdue =
        first.warnings().stream()
            .filter(p -> p.code().equals("REVIEW_OVERDUE"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "the next review was due 2026-02-09 but the following review is dated 2026-02-19 (10 days late);"
            + " keep to the review cadence or move the date",
        overdue.message());
    assertEquals(1, overdue.line());
  }

  @Test
  void warnsOfAnOverdueLatestReviewAgainstToday() throws IOException {
    write("p/2026-02-02.md", "**Next Review**: 2026-02-23\n\n- [ ] a\n");
    Problem overdue =
        project("p").latest().warnings().stream()
            .filter(p -> p.code().equals("REVIEW_OVERDUE"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "the next review was due 2026-02-23, 7 days ago; hold the review or move the \"Next Review\" date",
        overdue.message());
  }

  @Test
  void doesNotWarnOfAReviewHeldOnItsDueDate() throws IOException {
    write("p/2026-02-02.md", "**Next Review**: 2026-02-09\n\n- [ ] a\n");
    write("p/2026-02-09.md", "**Next Review**: 2026-03-20\n\n- [x] a\n");
    assertEquals(List.of(), project("p").reviews().get(0).warnings());
  }

  @Test
  void measuresOnlyTheLatestReviewsAgeForTheGate() throws IOException {
    write("p/2025-01-06.md", "- [x] a\n");
    write("p/2026-03-02.md", "- [x] a\n");
    Settings maxAge = Settings.DEFAULTS.withGate(new Settings.Gate(0, 0, null, false, 30));
    List<Review> reviews = analyze(maxAge, "in").projects().get(0).reviews();
    assertEquals(List.of(true, true), reviews.stream().map(r -> r.verdict().pass()).toList());
  }

  @Test
  void warnsOfAReviewDatedAfterTheBuildDate() throws IOException {
    write("p/2026-03-12.md", "- [x] a\n");
    Problem future = project("p").latest().warnings().get(0);
    assertEquals("FUTURE_DATE", future.code());
    assertEquals(
        "the file name dates this review 2026-03-12, 10 days after the build date 2026-03-02; as the newest"
            + " review it is the one the gate measures, so correct the date (a mistyped year, or readiness new --date in"
            + " the future?)",
        future.message());
  }

  @Test
  void toleratesAReviewDatedTheDayAfterTheBuildDate() throws IOException {
    write("p/2026-03-03.md", "- [x] a\n");
    assertEquals(List.of(), project("p").latest().warnings());
  }

  @Test
  void keepsOnlyWarningsAmongAReviewsReadProblems() {
    var parsed = new SnapshotParser().parse("p/2026-03-02.md", "- [x] a\n");
    var snapshot = parsed.snapshot().withDate(LocalDate.of(2026, 3, 2), 0);
    Review review =
        new Analyzer(Settings.DEFAULTS, TODAY)
            .single(
                snapshot,
                "p.md",
                List.of(Problem.error("E", "p.md", 1, "e"), Problem.warning("W", "p.md", 2, "w")));
    assertEquals("W@p.md:2", codes(review.warnings()));
  }

  @Test
  void takesOwnerAndTicketFromTheNewestFrontMatterThatHasThem() throws IOException {
    write("p/2026-02-02.md", "---\nowner: old-team\nticket: OPS-1\n---\n- [x] a\n");
    write("p/2026-02-09.md", "---\nowner: '  new-team '\nticket: ' '\n---\n- [x] a\n");
    write("p/2026-02-16.md", "- [x] a\n");
    ProjectReport p = project("p");
    assertEquals("new-team", p.owner());
    assertEquals("OPS-1", p.ticket());
  }

  @Test
  void hasNoOwnerWhenNoReviewNamesOne() throws IOException {
    write("p/2026-02-02.md", "- [x] a\n");
    assertNull(project("p").owner());
  }

  @Test
  void prefersTheConfiguredOwnerAndTicket() throws IOException {
    write("p/2026-02-02.md", "---\nowner: front-team\nticket: OPS-1\n---\n- [x] a\n");
    Settings settings =
        new Settings(
            Settings.DEFAULTS.site(),
            Map.of("p", new Settings.ProjectSettings(null, "config-team", "OPS-9")),
            Settings.DEFAULTS.gate(),
            Settings.DEFAULTS.pdf(),
            Settings.DEFAULTS.input());
    ProjectReport p = analyze(settings, "in").projects().get(0);
    assertEquals("config-team", p.owner());
    assertEquals("OPS-9", p.ticket());
  }

  @Test
  void followsARenamedSectionInOneTrendSeries() throws IOException {
    write("p/2026-02-02.md", "## 1. Alpha\n- [x] a\n- [ ] b\n## 2. Beta\n- [ ] c\n");
    write("p/2026-02-09.md", "## 1. Alpha renamed\n- [x] a\n- [x] b\n## 3. Gamma\n- [ ] d\n");
    List<Trend.SectionSeries> series = project("p").trend().sections();
    assertEquals(
        List.of("s1 1. Alpha [50.0, 100.0]", "s2 2. Beta [0.0, null]", "s3 3. Gamma [null, 0.0]"),
        series.stream()
            .map(s -> s.key() + " " + s.label().replace(" renamed", "") + " " + s.percents())
            .toList());
    assertEquals("1. Alpha renamed", series.get(0).label());
  }

  @Test
  void keepsEachSectionsStatedPercentInItsSeries() throws IOException {
    write("p/2026-02-02.md", "## 1. Alpha\n- [x] a\n- [ ] b\n\n**Status**: 40% complete\n");
    assertEquals(Arrays.asList(40.0), project("p").trend().sections().get(0).stated());
  }

  @Test
  void measuresVelocityAsNetItemsPerWeek() throws IOException {
    write("p/2026-02-02.md", "- [ ] a\n- [ ] b\n- [x] c\n");
    write("p/2026-02-16.md", "- [x] a\n- [x] b\n- [ ] c\n");
    Trend.Velocity v = project("p").trend().velocity().get(0);
    assertEquals(
        new Trend.Velocity(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 16), 14, 2, 1, 1, 0.5),
        v);
  }

  @Test
  void listsTheTrendPointOfEveryReview() throws IOException {
    write(
        "p/2026-02-02.md",
        "Overall Score: **40/100**\n\n- [ ] a\n- [x] c\n\n## Blockers\n- **DB** - down\n");
    assertEquals(
        List.of(new Trend.Point(LocalDate.of(2026, 2, 2), 1, 2, 50.0, 40.0, 1)),
        project("p").trend().points());
  }

  private static final String PLAN =
      """
      - [ ] a
      - [ ] b
      - [ ] c

      ## Timeline
      **Week 1**: Start
      - Set up (2 days)
      - Review
      **Week 2-3**: Finish
      - Ship (1.5 days)
      """;

  @Test
  void placesPlannedWeeksFromTheReviewThatWroteThePlan() throws IOException {
    write("p/2026-02-02.md", PLAN);
    List<Timeline.PlannedWindow> planned = project("p").timeline().planned();
    assertEquals(
        List.of("1-1 Start 2026-02-02..2026-02-08 2.0", "2-3 Finish 2026-02-09..2026-02-22 1.5"),
        planned.stream()
            .map(
                w ->
                    w.week()
                        + "-"
                        + w.lastWeek()
                        + " "
                        + w.label()
                        + " "
                        + w.start()
                        + ".."
                        + w.end()
                        + " "
                        + w.plannedDays())
            .toList());
    assertEquals(LocalDate.of(2026, 2, 2), planned.get(0).anchor());
  }

  @Test
  void countsItemsDoneInEachPlannedWindowAndThePercentAtItsEnd() throws IOException {
    write("p/2026-02-02.md", PLAN);
    write("p/2026-02-09.md", PLAN.replace("- [ ] a", "- [x] a"));
    write("p/2026-02-16.md", PLAN.replace("- [ ] a", "- [x] a").replace("- [ ] b", "- [x] b"));
    List<Timeline.PlannedWindow> planned = project("p").timeline().planned();
    assertEquals(2, planned.size(), "a plan repeated unchanged is placed once");
    assertEquals(List.of(0, 2), planned.stream().map(Timeline.PlannedWindow::actualDone).toList());
    assertEquals(0.0, planned.get(0).percentAtEnd());
    assertNull(planned.get(1).percentAtEnd(), "the second window ends after the latest review");
  }

  @Test
  void placesAChangedPlanAgainFromTheReviewThatChangedIt() throws IOException {
    write("p/2026-02-02.md", PLAN);
    write("p/2026-02-09.md", PLAN.replace("Ship (1.5 days)", "Ship (3 days)"));
    write(
        "p/2026-02-16.md",
        PLAN.replace("Ship (1.5 days)", "Ship (3 days)").replace("Finish", "Done"));
    write(
        "p/2026-02-23.md",
        PLAN.replace("Ship (1.5 days)", "Ship (3 days)")
            .replace("Finish", "Done")
            .replace("**Week 2-3**", "**Week 2-4**"));
    write(
        "p/2026-03-02.md",
        PLAN.replace("Ship (1.5 days)", "Ship (3 days)")
            .replace("Finish", "Done")
            .replace("**Week 2-3**", "**Week 2-4**")
            .replace("- Review\n", "- Review again\n"));
    List<LocalDate> anchors =
        project("p").timeline().planned().stream()
            .map(Timeline.PlannedWindow::anchor)
            .distinct()
            .toList();
    assertEquals(
        List.of(
            LocalDate.of(2026, 2, 2),
            LocalDate.of(2026, 2, 9),
            LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 2, 23),
            LocalDate.of(2026, 3, 2)),
        anchors);
  }

  @Test
  void placesAPlanThatLostAWeekAgain() throws IOException {
    write("p/2026-02-02.md", PLAN);
    write("p/2026-02-09.md", PLAN.substring(0, PLAN.indexOf("**Week 2-3**")));
    assertEquals(3, project("p").timeline().planned().size());
  }

  private static final String STAMPED =
      """
      ## 1. Alpha
      ### 1.2 Logging
      - [x] a
      - [x] **Date**: 2026-01-20
      ### Metrics
      - [x] b
      - [x] **Date**: 2026-01-10
      #### Deep
      - [x] **Date**: 2026-01-15
      """;

  @Test
  void listsEachCompletionStampOnceByDateFromTheFirstReviewThatCarriesIt() throws IOException {
    write("p/2026-02-02.md", STAMPED);
    write("p/2026-02-09.md", STAMPED);
    List<Timeline.Stamp> stamps = project("p").timeline().stamps();
    assertEquals(
        List.of("2026-01-10 Metrics", "2026-01-15 Deep", "2026-01-20 1.2 Logging"),
        stamps.stream().map(s -> s.date() + " " + s.subsection()).toList());
    assertEquals(
        List.of(LocalDate.of(2026, 2, 2)),
        stamps.stream().map(Timeline.Stamp::review).distinct().toList());
    assertEquals("1. Alpha", stamps.get(0).section());
  }

  @Test
  void agesABlockerListedTwiceInOneReviewOnce() throws IOException {
    write("p/2026-02-02.md", "- [ ] a\n\n## Blockers\n- **DB** - down\n- **DB** - still down\n");
    assertEquals(1, project("p").latest().blockers().size());
  }

  @Test
  void marksAReviewDatedTwoDaysAheadAsFutureDated() throws IOException {
    write("p/2026-03-04.md", "- [x] a\n");
    assertEquals(true, project("p").latest().futureDated());
  }

  @Test
  void doesNotMarkAReviewDatedOneDayAheadAsFutureDated() throws IOException {
    write("p/2026-03-03.md", "- [x] a\n");
    assertEquals(false, project("p").latest().futureDated());
  }

  @Test
  void findsTheDiffIntoAReviewAndNoneIntoTheFirst() throws IOException {
    write("p/2026-02-02.md", "- [ ] a\n");
    write("p/2026-02-09.md", "- [x] a\n");
    ProjectReport p = project("p");
    assertNull(p.diffInto(0));
    assertEquals(p.diffs().get(0), p.diffInto(1));
  }

  @Test
  void listsOpenBlockersOldestFirstThenLongestOpenThenByProjectAndTitle() throws IOException {
    write("b/2026-02-02.md", "- [ ] a\n\n## Blockers\n- **Xray** - x\n");
    write("b/2026-02-16.md", "- [ ] a\n\n## Blockers\n- **Xray** - x\n");
    write("a/2026-02-02.md", "- [ ] a\n\n## Blockers\n- **Zeta** - z\n- **Alpha** - a\n");
    write("c/2026-01-26.md", "- [ ] a\n\n## Blockers\n- **Whiskey** - w\n");
    List<OpenBlocker> open = OpenBlocker.of(analyze(Settings.DEFAULTS, "in").projects());
    assertEquals(
        List.of("c Whiskey", "b Xray", "a Alpha", "a Zeta"),
        open.stream().map(b -> b.project().slug() + " " + b.status().blocker().title()).toList());
  }

  @Test
  void listsOpenBlockersOfTheSameAgeByProjectBeforeTitle() throws IOException {
    write("b/2026-02-02.md", "- [ ] a\n\n## Blockers\n- **Alpha** - a\n");
    write("a/2026-02-02.md", "- [ ] a\n\n## Blockers\n- **Zeta** - z\n");
    List<OpenBlocker> open = OpenBlocker.of(analyze(Settings.DEFAULTS, "in").projects());
    assertEquals(
        List.of("a Zeta", "b Alpha"),
        open.stream().map(b -> b.project().slug() + " " + b.status().blocker().title()).toList());
  }
}
