package dev.readiness.render.json;

import dev.readiness.analyze.BlockerStatus;
import dev.readiness.analyze.Forecast;
import dev.readiness.analyze.GateVerdict;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.analyze.SectionFigures;
import dev.readiness.analyze.Timeline;
import dev.readiness.analyze.Trend;
import dev.readiness.model.Item;
import dev.readiness.model.PlannedWeek.PlannedTask;
import dev.readiness.model.Problem;
import dev.readiness.model.Provenance;
import dev.readiness.model.Signature;
import dev.readiness.model.Subsection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes the JSON shapes of SPEC "data.json"; the key reference is docs/data-json.md. */
public final class ReportJson {
  private ReportJson() {}

  /** The whole {@code data.json}. */
  public static String data(ReportData data) {
    JsonWriter json = new JsonWriter(true);
    data(json, data);
    return json.toString();
  }

  /**
   * Writes the whole {@code data.json} to {@code out} as it is produced; byte for byte {@link
   * #data(ReportData)}.
   */
  public static void data(ReportData data, Writer out) throws IOException {
    JsonWriter json = new JsonWriter(true, out);
    try {
      data(json, data);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    json.finish();
  }

  private static void data(JsonWriter json, ReportData data) {
    json.beginObject()
        .field("generator", data.generator())
        .field("generatedAt", DateTimeFormatter.ISO_INSTANT.format(data.generatedAt()))
        .field("today", data.today().toString())
        .name("site")
        .beginObject()
        .field("title", data.settings().site().title())
        .field("baseUrl", data.settings().site().baseUrl())
        .endObject()
        .name("gate");
    gateSettings(json, data);
    json.name("projects").beginArray();
    for (ProjectReport project : data.projects()) {
      project(json, project);
    }
    json.endArray();
    json.name("problems").beginArray();
    for (Problem p : data.problems()) {
      problem(json, p, true);
    }
    json.endArray();
    json.endObject();
  }

  /** One review object as {@code readiness inspect --json} prints it, items included. */
  public static String review(Review review) {
    JsonWriter json = new JsonWriter(true);
    review(json, review, true);
    return json.toString();
  }

  /** One diff object as {@code readiness diff --format json} prints it. */
  public static String diff(ReviewDiff diff) {
    JsonWriter json = new JsonWriter(true);
    diff(json, diff);
    return json.toString();
  }

  private static void gateSettings(JsonWriter json, ReportData data) {
    var gate = data.settings().gate();
    json.beginObject()
        .name("minPercent")
        .figure(gate.minPercent())
        .field("maxOpenBlockers", gate.maxOpenBlockers())
        .name("maxDrift")
        .figure(gate.maxDrift())
        .field("requireSignoff", gate.requireSignoff())
        .name("maxReviewAgeDays")
        .figure(gate.maxReviewAgeDays() == null ? null : gate.maxReviewAgeDays().doubleValue())
        .endObject();
  }

  private static void project(JsonWriter json, ProjectReport project) {
    json.beginObject()
        .field("slug", project.slug())
        .field("name", project.name())
        .field("owner", project.owner())
        .field("ticket", project.ticket())
        .name("reviews")
        .beginArray();
    for (Review review : project.reviews()) {
      review(json, review, false);
    }
    json.endArray().name("diffs").beginArray();
    for (ReviewDiff diff : project.diffs()) {
      diff(json, diff);
    }
    json.endArray();
    json.name("forecast");
    forecast(json, project.forecast());
    json.name("trend");
    trend(json, project.trend());
    json.name("timeline");
    timeline(json, project.timeline());
    json.endObject();
  }

  private static void review(JsonWriter json, Review review, boolean items) {
    var s = review.snapshot();
    json.beginObject().field("date", date(review.date())).field("source", s.source());
    provenance(json, s.provenance());
    json.field("title", s.title())
        .field("project", s.project())
        .field("version", s.version())
        .field("done", review.done())
        .field("total", review.total())
        .field("partial", review.partial())
        .name("percent")
        .percent(review.percent())
        .name("statedScore")
        .figure(review.statedScore())
        .name("scoreDrift")
        .figure(review.scoreDrift())
        .field("scoreDrifting", review.scoreDrifting())
        .field("lastUpdated", date(s.lastUpdated()))
        .field("nextReview", date(s.nextReview()))
        .name("sections")
        .beginArray();
    for (SectionFigures f : review.sections()) {
      section(json, f, items);
    }
    json.endArray().name("blockers").beginArray();
    for (BlockerStatus b : review.blockers()) {
      json.beginObject()
          .field("title", b.blocker().title())
          .field("detail", b.blocker().detail())
          .field("firstSeen", date(b.firstSeen()))
          .field("ageDays", b.ageDays())
          .field("earlierRuns", b.earlierRuns())
          .field("line", b.blocker().line())
          .endObject();
    }
    json.endArray().name("signOff").beginArray();
    for (Signature sig : s.signOff()) {
      json.beginObject()
          .field("role", sig.role())
          .field("name", sig.name())
          .field("date", sig.date())
          .field("signed", sig.signed())
          .field("line", sig.line())
          .endObject();
    }
    json.endArray().name("verdict");
    verdict(json, review.verdict());
    json.name("warnings").beginArray();
    for (Problem p : review.warnings()) {
      problem(json, p, false);
    }
    json.endArray().endObject();
  }

  /** Where a review read from git comes from (docs/data-json.md); nothing for a file. */
  private static void provenance(JsonWriter json, Provenance origin) {
    if (origin == null) {
      return;
    }
    json.field("commit", origin.commit())
        .field("author", origin.author())
        .field(
            "committedAt",
            origin.committed() == null
                ? null
                : DateTimeFormatter.ISO_INSTANT.format(origin.committed()))
        .field("path", origin.path())
        .field("commitUrl", origin.url())
        .field("draft", origin.draft());
  }

  private static void section(JsonWriter json, SectionFigures f, boolean items) {
    var section = f.section();
    json.beginObject()
        .field("number", section.number())
        .field("title", section.title())
        .field("done", f.done())
        .field("total", f.total())
        .field("partial", f.partial())
        .name("percent")
        .percent(f.percent())
        .name("statedPercent")
        .figure(f.statedPercent())
        .name("drift")
        .figure(f.drift())
        .field("drifting", f.drifting())
        .field("declaredStatus", section.declared() == null ? null : section.declared().key())
        .field("line", section.line());
    if (items) {
      json.name("subsections").beginArray();
      for (Subsection sub : section.subsections()) {
        subsection(json, sub);
      }
      json.endArray();
      itemArray(json, section.items());
    }
    json.endObject();
  }

  private static void subsection(JsonWriter json, Subsection sub) {
    json.beginObject()
        .field("number", sub.number())
        .field("title", sub.title())
        .field("done", sub.done())
        .field("total", sub.total())
        .field("declaredStatus", sub.declared() == null ? null : sub.declared().key())
        .name("statedPercent")
        .figure(sub.statedPercent())
        .field("completedOn", date(sub.completedOn()))
        .field("line", sub.line())
        .name("subsections")
        .beginArray();
    for (Subsection child : sub.children()) {
      subsection(json, child);
    }
    json.endArray().endObject();
  }

  private static void itemArray(JsonWriter json, List<Item> items) {
    json.name("items").beginArray();
    for (Item item : items) {
      json.beginObject()
          .field("text", item.text())
          .field("done", item.done())
          .field("partial", item.partial())
          .field("kind", item.kind().key())
          .field("line", item.line())
          .field("depth", item.depth())
          .field("subsection", item.subsection())
          .endObject();
    }
    json.endArray();
  }

  private static void verdict(JsonWriter json, GateVerdict verdict) {
    json.beginObject().field("pass", verdict.pass()).name("reasons").beginArray();
    verdict.reasons().forEach(json::value);
    json.endArray().endObject();
  }

  private static void problem(JsonWriter json, Problem p, boolean withFile) {
    json.beginObject()
        .field("code", p.code())
        .field("severity", p.severity().name().toLowerCase(Locale.ROOT));
    if (withFile) {
      json.field("file", p.file());
    }
    json.field("line", p.line()).field("message", p.message()).endObject();
  }

  private static void diff(JsonWriter json, ReviewDiff d) {
    json.beginObject().field("from", date(d.from())).field("to", date(d.to()));
    changes(json, "done", d.done());
    changes(json, "reopened", d.reopened());
    changes(json, "added", d.added());
    changes(json, "removed", d.removed());
    json.name("reworded").beginArray();
    for (ReviewDiff.Rewording r : d.reworded()) {
      json.beginObject()
          .field("section", r.section())
          .field("from", r.from())
          .field("to", r.to())
          .field("done", r.checked())
          .endObject();
    }
    json.endArray();
    strings(json, "sectionsAdded", d.sectionsAdded());
    strings(json, "sectionsRemoved", d.sectionsRemoved());
    json.name("sectionsRenamed").beginArray();
    for (ReviewDiff.SectionRename r : d.sectionsRenamed()) {
      json.beginObject().field("from", r.from()).field("to", r.to()).endObject();
    }
    json.endArray();
    strings(json, "blockersOpened", d.blockersOpened());
    strings(json, "blockersResolved", d.blockersResolved());
    json.field("doneBefore", d.doneBefore())
        .field("doneAfter", d.doneAfter())
        .name("percentBefore")
        .percent(d.percentBefore())
        .name("percentAfter")
        .percent(d.percentAfter())
        .name("percentChange")
        .figure(d.percentChange())
        .name("scoreBefore")
        .figure(d.scoreBefore())
        .name("scoreAfter")
        .figure(d.scoreAfter())
        .name("scoreChange")
        .figure(d.scoreChange())
        .endObject();
  }

  private static void changes(JsonWriter json, String key, List<ReviewDiff.ItemChange> changes) {
    json.name(key).beginArray();
    for (ReviewDiff.ItemChange c : changes) {
      json.beginObject()
          .field("section", c.section())
          .field("text", c.text())
          .field("done", c.checked())
          .field("partial", c.partial())
          .field("line", c.line())
          .endObject();
    }
    json.endArray();
  }

  private static void strings(JsonWriter json, String key, List<String> values) {
    json.name(key).beginArray();
    values.forEach(json::value);
    json.endArray();
  }

  private static void forecast(JsonWriter json, Forecast f) {
    json.beginObject()
        .field("method", f.method())
        .field("p50", date(f.p50()))
        .field("p85", date(f.p85()))
        .name("gatePercent")
        .figure(f.gatePercent())
        .field("gateP50", date(f.gateP50()))
        .field("gateP85", date(f.gateP85()))
        .field("reason", f.reason())
        .name("samples")
        .beginArray();
    f.samples().forEach(json::rate);
    json.endArray().endObject();
  }

  private static void trend(JsonWriter json, Trend t) {
    json.beginObject().name("points").beginArray();
    for (Trend.Point p : t.points()) {
      json.beginObject()
          .field("date", date(p.date()))
          .field("done", p.done())
          .field("total", p.total())
          .name("percent")
          .percent(p.percent())
          .name("statedScore")
          .figure(p.statedScore())
          .field("openBlockers", p.openBlockers())
          .endObject();
    }
    json.endArray().name("sections").beginArray();
    for (Trend.SectionSeries s : t.sections()) {
      json.beginObject()
          .field("key", s.key())
          .field("label", s.label())
          .name("percents")
          .beginArray();
      s.percents().forEach(json::percent);
      json.endArray().name("stated").beginArray();
      s.stated().forEach(json::figure);
      json.endArray().endObject();
    }
    json.endArray().name("velocity").beginArray();
    for (Trend.Velocity v : t.velocity()) {
      json.beginObject()
          .field("from", date(v.from()))
          .field("to", date(v.to()))
          .field("days", v.days())
          .field("gross", v.gross())
          .field("reopened", v.reopened())
          .field("net", v.net())
          .name("netPerWeek")
          .rate(v.netPerWeek())
          .endObject();
    }
    json.endArray().endObject();
  }

  private static void timeline(JsonWriter json, Timeline t) {
    json.beginObject().name("reviews").beginArray();
    for (Timeline.ReviewEvent e : t.reviews()) {
      json.beginObject()
          .field("date", date(e.date()))
          .field("due", date(e.due()))
          .field("followedOn", date(e.followedOn()))
          .field("overdue", e.overdue())
          .field("daysLate", e.daysLate())
          .endObject();
    }
    json.endArray().name("planned").beginArray();
    for (Timeline.PlannedWindow w : t.planned()) {
      json.beginObject()
          .field("anchor", date(w.anchor()))
          .field("week", w.week())
          .field("lastWeek", w.lastWeek())
          .field("label", w.label())
          .field("start", date(w.start()))
          .field("end", date(w.end()))
          .name("plannedDays")
          .figure(w.plannedDays())
          .field("actualDone", w.actualDone())
          .name("percentAtEnd")
          .percent(w.percentAtEnd())
          .name("tasks")
          .beginArray();
      for (PlannedTask task : w.tasks()) {
        json.beginObject().field("text", task.text()).name("days").figure(task.days()).endObject();
      }
      json.endArray().endObject();
    }
    json.endArray().name("stamps").beginArray();
    for (Timeline.Stamp s : t.stamps()) {
      json.beginObject()
          .field("date", date(s.date()))
          .field("section", s.section())
          .field("subsection", s.subsection())
          .field("review", date(s.review()))
          .endObject();
    }
    json.endArray().endObject();
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
