package dev.readiness.analyze;

import dev.readiness.config.Settings;
import dev.readiness.model.Blocker;
import dev.readiness.model.PlannedWeek;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import dev.readiness.model.Subsection;
import dev.readiness.read.Inventory;
import dev.readiness.read.ProjectInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns what was read into {@link ReportData}: figures, warnings and history per project. */
public final class Analyzer {
  private final Settings settings;
  private final LocalDate today;

  /**
   * @param settings gate and project settings
   * @param today the date that due and overdue are measured against
   */
  public Analyzer(Settings settings, LocalDate today) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.today = Objects.requireNonNull(today, "today");
  }

  /**
   * Analyzes every project of an inventory.
   *
   * @param shownAs how the input folder is named in messages, e.g. {@code checklists}
   */
  public ReportData analyze(
      Inventory inventory, String shownAs, String generator, Instant generatedAt) {
    Map<String, List<Problem>> readProblems = new HashMap<>();
    inventory
        .problems()
        .forEach(p -> readProblems.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p));
    Set<String> reviewFiles = new HashSet<>();
    inventory.projects().forEach(p -> p.reviews().forEach(s -> reviewFiles.add(shown(shownAs, s))));
    List<Problem> outsideReviews = new ArrayList<>();
    for (Problem p : inventory.problems()) {
      if (p.severity() == Problem.Severity.ERROR || !reviewFiles.contains(p.file())) {
        outsideReviews.add(p);
      }
    }
    List<Problem> all = WarningLevels.apply(outsideReviews, settings);
    List<ProjectReport> projects = new ArrayList<>();
    for (ProjectInput input : inventory.projects()) {
      ProjectReport report = project(input, shownAs, readProblems);
      projects.add(report);
      report.reviews().forEach(r -> all.addAll(r.warnings()));
    }
    all.sort(Problem.ORDER);
    return new ReportData(generator, generatedAt, today, settings, projects, all);
  }

  /** One project's history. */
  ProjectReport project(
      ProjectInput input, String shownAs, Map<String, List<Problem>> readProblems) {
    List<Snapshot> snapshots = input.reviews();
    List<ReviewDiff> diffs = new ArrayList<>();
    List<Map<Section, Section>> pairings = new ArrayList<>();
    for (int i = 1; i < snapshots.size(); i++) {
      DiffCalculator.Step step = DiffCalculator.step(snapshots.get(i - 1), snapshots.get(i));
      diffs.add(step.diff());
      pairings.add(step.sections());
    }
    List<List<BlockerStatus>> blockers = BlockerAges.of(snapshots);
    List<Timeline.ReviewEvent> events = reviewEvents(snapshots);

    List<Review> reviews = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      Snapshot s = snapshots.get(i);
      String file = shown(shownAs, s);
      List<Problem> extra = new ArrayList<>(readProblems.getOrDefault(file, List.of()));
      Timeline.ReviewEvent event = events.get(i);
      if (event.overdue()) {
        extra.add(
            Problem.warning("REVIEW_OVERDUE", file, s.nextReviewLine(), overdueMessage(event)));
      }
      reviews.add(review(s, file, blockers.get(i), extra, i == snapshots.size() - 1));
    }
    Settings.ProjectSettings configured = settings.project(input.slug());
    Trend trend = trend(reviews, diffs, pairings);
    return new ProjectReport(
        input.slug(),
        configured.name() != null && !configured.name().isBlank()
            ? configured.name()
            : input.name(),
        configured.owner() != null ? configured.owner() : frontMatterText(snapshots, "owner"),
        configured.ticket() != null ? configured.ticket() : frontMatterText(snapshots, "ticket"),
        reviews,
        diffs,
        trend,
        Forecaster.forecast(input.slug(), reviews, trend.velocity(), settings.gate().minPercent()),
        new Timeline(events, planned(reviews, diffs), stamps(snapshots)));
  }

  /**
   * One review on its own: its blockers are new (age 0) and an overdue next review is measured
   * against today.
   */
  public Review single(Snapshot snapshot, String file, List<Problem> readProblems) {
    List<Problem> extra = new ArrayList<>(readProblems);
    Timeline.ReviewEvent event = reviewEvents(List.of(snapshot)).get(0);
    if (event.overdue()) {
      extra.add(
          Problem.warning(
              "REVIEW_OVERDUE", file, snapshot.nextReviewLine(), overdueMessage(event)));
    }
    List<BlockerStatus> blockers = BlockerAges.of(List.of(snapshot)).get(0);
    return review(snapshot, file, blockers, extra, true);
  }

  /**
   * One review's figures, warnings and verdict; {@code latest} when it is its project's newest
   * review, the one whose age the gate measures.
   */
  private Review review(
      Snapshot s, String file, List<BlockerStatus> blockers, List<Problem> extra, boolean latest) {
    Settings.Gate gate = settings.gate();
    List<SectionFigures> sections =
        s.sections().stream().map(section -> SectionFigures.of(section, gate)).toList();
    Double percent = Percent.of(s.done(), s.total());
    Long ageDays = s.date() == null ? null : ChronoUnit.DAYS.between(s.date(), today);
    List<Problem> warnings =
        new ArrayList<>(
            extra.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList());
    Double scoreDrift = Percent.difference(percent, s.statedScore());
    boolean scoreDrifting = SectionFigures.beyondLimit(scoreDrift, gate);
    warnings.addAll(Lint.check(s, sections, percent, scoreDrifting, file));
    if (ageDays != null && ageDays < -Review.FUTURE_SLACK_DAYS) {
      warnings.add(
          Problem.warning("FUTURE_DATE", file, s.dateLine(), futureMessage(s, ageDays, latest)));
    }
    warnings = WarningLevels.apply(warnings, settings);
    warnings.sort(Problem.ORDER);
    warnings = Problem.capped(warnings);
    int signed = (int) s.signOff().stream().filter(Signature::signed).count();
    GateVerdict verdict =
        Gate.evaluate(
            percent, blockers.size(), scoreDrift, s.signOff(), latest ? ageDays : null, gate);
    return new Review(
        s,
        file,
        s.done(),
        s.total(),
        percent,
        s.statedScore(),
        scoreDrift,
        sections,
        blockers,
        warnings,
        signed,
        verdict,
        scoreDrifting,
        ageDays);
  }

  private String futureMessage(Snapshot s, long ageDays, boolean latest) {
    return (s.dateLine() == 0 ? "the file name dates this review " : "this review is dated ")
        + s.date()
        + ", "
        + -ageDays
        + " days after the build date "
        + today
        + (latest ? "; as the newest review it is the one the gate" + " measures, so" : ";")
        + " correct the date (a mistyped year, or readiness new --date in the future?)";
  }

  private List<Timeline.ReviewEvent> reviewEvents(List<Snapshot> snapshots) {
    List<Timeline.ReviewEvent> events = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      Snapshot s = snapshots.get(i);
      LocalDate due = s.nextReview();
      LocalDate followedOn = i + 1 < snapshots.size() ? snapshots.get(i + 1).date() : null;
      LocalDate measuredAt = followedOn != null ? followedOn : today;
      boolean overdue = due != null && measuredAt.isAfter(due);
      long late = overdue ? ChronoUnit.DAYS.between(due, measuredAt) : 0;
      events.add(new Timeline.ReviewEvent(s.date(), due, followedOn, overdue, late));
    }
    return events;
  }

  private static String overdueMessage(Timeline.ReviewEvent event) {
    if (event.followedOn() != null) {
      return "the next review was due "
          + event.due()
          + " but the following review is dated "
          + event.followedOn()
          + " ("
          + event.daysLate()
          + " days late); keep to the review cadence or move the date";
    }
    return "the next review was due "
        + event.due()
        + ", "
        + event.daysLate()
        + " days ago; hold the review or move the \"Next Review\" date";
  }

  private Trend trend(
      List<Review> reviews, List<ReviewDiff> diffs, List<Map<Section, Section>> pairings) {
    List<Trend.Point> points = new ArrayList<>();
    for (Review r : reviews) {
      points.add(
          new Trend.Point(
              r.date(), r.done(), r.total(), r.percent(), r.statedScore(), r.blockers().size()));
    }
    Map<String, Double[]> percents = new LinkedHashMap<>();
    Map<String, Double[]> stated = new LinkedHashMap<>();
    Map<String, String> labels = new HashMap<>();
    Map<Section, String> keyOf = new IdentityHashMap<>();
    int n = reviews.size();
    for (int i = 0; i < n; i++) {
      Map<Section, String> previousKeys = keyOf;
      keyOf = new IdentityHashMap<>();
      Map<Section, Section> back = new IdentityHashMap<>();
      if (i > 0) {
        pairings.get(i - 1).forEach((a, b) -> back.put(b, a));
      }
      for (SectionFigures f : reviews.get(i).sections()) {
        Section before = back.get(f.section());
        String key = before != null ? previousKeys.get(before) : null;
        if (key == null) {
          key = "s" + (percents.size() + 1);
          percents.put(key, new Double[n]);
          stated.put(key, new Double[n]);
        }
        keyOf.put(f.section(), key);
        percents.get(key)[i] = f.percent();
        stated.get(key)[i] = f.statedPercent();
        labels.put(key, f.section().label());
      }
    }
    List<Trend.SectionSeries> series = new ArrayList<>();
    percents.forEach(
        (key, values) ->
            series.add(
                new Trend.SectionSeries(
                    key, labels.get(key), Arrays.asList(values), Arrays.asList(stated.get(key)))));
    List<Trend.Velocity> velocity = new ArrayList<>();
    for (ReviewDiff d : diffs) {
      long days = ChronoUnit.DAYS.between(d.from(), d.to());
      int net = d.doneAfter() - d.doneBefore();
      velocity.add(
          new Trend.Velocity(
              d.from(),
              d.to(),
              days,
              d.done().size(),
              d.reopened().size(),
              net,
              days > 0 ? net * 7.0 / days : 0.0));
    }
    return new Trend(points, series, velocity);
  }

  private List<Timeline.PlannedWindow> planned(List<Review> reviews, List<ReviewDiff> diffs) {
    List<Timeline.PlannedWindow> windows = new ArrayList<>();
    List<PlannedWeek> previous = List.of();
    LocalDate latest = reviews.get(reviews.size() - 1).date();
    for (Review review : reviews) {
      List<PlannedWeek> weeks = review.snapshot().timeline();
      if (weeks.isEmpty() || samePlan(weeks, previous)) {
        previous = weeks;
        continue;
      }
      previous = weeks;
      LocalDate anchor = review.date();
      for (PlannedWeek week : weeks) {
        LocalDate start = anchor.plusDays(7L * (week.week() - 1));
        LocalDate end = anchor.plusDays(7L * week.lastWeek() - 1);
        int actual = 0;
        for (ReviewDiff d : diffs) {
          if (!d.to().isBefore(start) && !d.to().isAfter(end)) {
            actual += d.done().size();
          }
        }
        Double atEnd = null;
        if (!end.isAfter(latest)) {
          for (Review r : reviews) {
            if (!r.date().isAfter(end)) {
              atEnd = r.percent();
            }
          }
        }
        double days =
            week.tasks().stream()
                .filter(t -> t.days() != null)
                .mapToDouble(PlannedWeek.PlannedTask::days)
                .sum();
        windows.add(
            new Timeline.PlannedWindow(
                anchor,
                week.week(),
                week.lastWeek(),
                week.label(),
                start,
                end,
                week.tasks(),
                days,
                actual,
                atEnd));
      }
    }
    return windows;
  }

  private static boolean samePlan(List<PlannedWeek> a, List<PlannedWeek> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      PlannedWeek x = a.get(i);
      PlannedWeek y = b.get(i);
      if (x.week() != y.week()
          || x.lastWeek() != y.lastWeek()
          || !x.label().equals(y.label())
          || !x.tasks().stream()
              .map(t -> t.text() + "|" + t.days())
              .toList()
              .equals(y.tasks().stream().map(t -> t.text() + "|" + t.days()).toList())) {
        return false;
      }
    }
    return true;
  }

  private static List<Timeline.Stamp> stamps(List<Snapshot> snapshots) {
    List<Timeline.Stamp> stamps = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Snapshot s : snapshots) {
      for (Section section : s.sections()) {
        collectStamps(section, section.subsections(), s.date(), seen, stamps);
      }
    }
    stamps.sort(
        Comparator.comparing(Timeline.Stamp::date)
            .thenComparing(Timeline.Stamp::section)
            .thenComparing(Timeline.Stamp::subsection));
    return stamps;
  }

  private static void collectStamps(
      Section section,
      List<Subsection> subs,
      LocalDate review,
      Set<String> seen,
      List<Timeline.Stamp> out) {
    for (Subsection sub : subs) {
      if (sub.completedOn() != null) {
        String key = Matching.titleKey(section) + "|" + sub.title() + "|" + sub.completedOn();
        if (seen.add(key)) {
          out.add(
              new Timeline.Stamp(
                  sub.completedOn(),
                  section.label(),
                  (sub.number() == null ? "" : sub.number() + " ") + sub.title(),
                  review));
        }
      }
      collectStamps(section, sub.children(), review, seen, out);
    }
  }

  private static String frontMatterText(List<Snapshot> snapshots, String key) {
    for (int i = snapshots.size() - 1; i >= 0; i--) {
      if (snapshots.get(i).frontMatter().get(key) instanceof String s && !s.isBlank()) {
        return s.strip();
      }
    }
    return null;
  }

  private static String shown(String shownAs, Snapshot s) {
    if (s.provenance() != null) {
      return s.source(); // FILE@shortid, not under the input folder
    }
    return shownAs.isEmpty() ? s.source() : shownAs.replaceAll("/+$", "") + "/" + s.source();
  }

  /** Blocker ages across a project's reviews. */
  static final class BlockerAges {
    private BlockerAges() {}

    /** For each review, its open blockers with first-seen dates and ages. */
    static List<List<BlockerStatus>> of(List<Snapshot> snapshots) {
      List<List<BlockerStatus>> out = new ArrayList<>();
      Map<String, LocalDate> runStart = new HashMap<>();
      Map<String, Integer> runs = new HashMap<>();
      Set<String> previous = Set.of();
      for (Snapshot s : snapshots) {
        Set<String> current = new LinkedHashSet<>();
        List<BlockerStatus> statuses = new ArrayList<>();
        for (Blocker b : BlockerKey.distinct(s.blockers())) {
          String key = BlockerKey.of(b);
          if (!current.add(key)) {
            continue;
          }
          if (!previous.contains(key)) {
            if (runStart.containsKey(key)) {
              runs.merge(key, 1, Integer::sum);
            }
            runStart.put(key, s.date());
          }
          LocalDate first = runStart.get(key);
          long age =
              s.date() == null || first == null ? 0 : ChronoUnit.DAYS.between(first, s.date());
          statuses.add(new BlockerStatus(b, first, age, runs.getOrDefault(key, 0)));
        }
        out.add(statuses);
        previous = current;
      }
      return out;
    }
  }
}
