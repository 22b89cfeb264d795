package dev.readiness.render.text;

import dev.readiness.analyze.BlockerStatus;
import dev.readiness.analyze.Format;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Signature;
import dev.readiness.render.json.JsonWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The release gate's verdicts as {@code readiness check} prints them: each project's latest review
 * with the reasons it fails. The verdicts and figures come from the analysis; nothing is computed
 * here.
 */
public final class GateReport {
  private GateReport() {}

  /** Whether every project's latest review passes. */
  public static boolean pass(List<ProjectReport> projects) {
    return projects.stream().allMatch(p -> p.latest().verdict().pass());
  }

  /** One verdict per project, then the gate and a one-line tally. */
  public static String text(List<ProjectReport> projects, Settings.Gate gate, Style style) {
    int width = projects.stream().mapToInt(p -> p.slug().length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    int failing = 0;
    for (ProjectReport project : projects) {
      Review review = project.latest();
      boolean pass = review.verdict().pass();
      failing += pass ? 0 : 1;
      out.append(pass ? style.good("PASS") : style.bad("FAIL"))
          .append("  ")
          .append(style.strong(project.slug()))
          .append(" ".repeat(width - project.slug().length()))
          .append("  ")
          .append(review.date())
          .append(" (")
          .append(age(review.ageDays()))
          .append(")")
          .append("  ")
          .append(figures(review))
          .append('\n');
      for (String reason : review.verdict().reasons()) {
        out.append("      - ").append(TerminalText.visible(reason)).append('\n');
      }
      for (Problem p : review.warnings()) {
        if (p.code().equals("FUTURE_DATE")) {
          out.append("      ! ").append(TerminalText.visible(p.toString())).append('\n');
        }
      }
    }
    out.append('\n').append("gate: ").append(describe(gate)).append('\n');
    out.append(tally(projects.size(), failing)).append('\n');
    return out.toString();
  }

  /** The verdicts as JSON: the gate, an overall pass, and per project the figures of data.json. */
  public static String json(ReportData data, List<ProjectReport> projects) {
    Settings.Gate gate = data.settings().gate();
    JsonWriter json = new JsonWriter(true);
    json.beginObject()
        .field("generator", data.generator())
        .field("generatedAt", DateTimeFormatter.ISO_INSTANT.format(data.generatedAt()))
        .name("gate")
        .beginObject()
        .name("minPercent")
        .figure(gate.minPercent())
        .field("maxOpenBlockers", gate.maxOpenBlockers())
        .name("maxDrift")
        .figure(gate.maxDrift())
        .field("requireSignoff", gate.requireSignoff())
        .name("maxReviewAgeDays")
        .figure(gate.maxReviewAgeDays() == null ? null : gate.maxReviewAgeDays().doubleValue())
        .endObject()
        .field("pass", pass(projects))
        .name("projects")
        .beginArray();
    for (ProjectReport project : projects) {
      Review review = project.latest();
      json.beginObject()
          .field("slug", project.slug())
          .field("name", project.name())
          .field("date", String.valueOf(review.date()))
          .name("ageDays")
          .figure(review.ageDays() == null ? null : review.ageDays().doubleValue())
          .field("futureDate", review.futureDated())
          .field("source", review.snapshot().source())
          .field("done", review.done())
          .field("total", review.total())
          .name("percent")
          .percent(review.percent())
          .name("statedScore")
          .figure(review.statedScore())
          .name("scoreDrift")
          .figure(review.scoreDrift())
          .field("openBlockers", review.blockers().size())
          .name("blockers")
          .beginArray();
      for (BlockerStatus b : review.blockers()) {
        json.beginObject()
            .field("title", b.blocker().title())
            .field("detail", b.blocker().detail())
            .field("firstSeen", b.firstSeen() == null ? null : b.firstSeen().toString())
            .field("ageDays", b.ageDays())
            .endObject();
      }
      json.endArray()
          .name("signOff")
          .beginObject()
          .field("signed", review.signed())
          .field("roles", review.snapshot().signOff().size())
          .endObject()
          .name("verdict")
          .beginObject()
          .field("pass", review.verdict().pass())
          .name("reasons")
          .beginArray();
      review.verdict().reasons().forEach(json::value);
      json.endArray().endObject().endObject();
    }
    return json.endArray().endObject().toString();
  }

  /** The gate in words, e.g. "at least 80% complete, at most 0 open blockers, ...". */
  public static String describe(Settings.Gate gate) {
    List<String> rules = new ArrayList<>();
    rules.add("at least " + Format.percent(gate.minPercent()) + " complete");
    rules.add(
        "at most "
            + gate.maxOpenBlockers()
            + " open blocker"
            + (gate.maxOpenBlockers() == 1 ? "" : "s"));
    rules.add(
        gate.maxDrift() == null
            ? "no limit on stated-score drift"
            : "stated score within "
                + Format.number(gate.maxDrift())
                + " points of the computed percent");
    rules.add(gate.requireSignoff() ? "every sign-off role signed" : "sign-off not required");
    if (gate.maxReviewAgeDays() != null) {
      rules.add(
          "latest review at most "
              + gate.maxReviewAgeDays()
              + " day"
              + (gate.maxReviewAgeDays() == 1 ? "" : "s")
              + " old");
    }
    return String.join(", ", rules);
  }

  private static String figures(Review review) {
    List<String> parts = new ArrayList<>();
    parts.add(Format.percent(review.percent()) + " (" + review.done() + "/" + review.total() + ")");
    int blockers = review.blockers().size();
    parts.add(blockers + " open blocker" + (blockers == 1 ? "" : "s"));
    if (review.statedScore() != null) {
      parts.add("stated " + Format.number(review.statedScore()) + "/100");
    }
    List<Signature> signOff = review.snapshot().signOff();
    if (!signOff.isEmpty()) {
      parts.add(review.signed() + " of " + signOff.size() + " signed");
    }
    return String.join(", ", parts);
  }

  /** How long ago a review was held: {@code today}, {@code 1 day ago}, {@code in 358 days}. */
  private static String age(Long days) {
    if (days == null) {
      return "no date";
    }
    if (days == 0) {
      return "today";
    }
    long n = Math.abs(days);
    String count = n + " day" + (n == 1 ? "" : "s");
    return days > 0 ? count + " ago" : "in " + count;
  }

  private static String tally(int projects, int failing) {
    if (projects == 0) {
      return "no projects to check";
    }
    if (failing == 0) {
      return projects == 1
          ? "the project passes the gate"
          : "all " + projects + " projects pass the gate";
    }
    return failing
        + " of "
        + projects
        + " project"
        + (projects == 1 ? "" : "s")
        + " fail"
        + (failing == 1 ? "s" : "")
        + " the gate";
  }
}
