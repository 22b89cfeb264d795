package dev.readiness.render.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.readiness.Version;
import dev.readiness.analyze.BlockerHistory;
import dev.readiness.analyze.BlockerStatus;
import dev.readiness.analyze.Forecast;
import dev.readiness.analyze.Format;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.analyze.Timeline;
import dev.readiness.analyze.Trend;
import dev.readiness.render.chart.ChartFactory;
import dev.readiness.render.pdf.Composer.Entry;
import dev.readiness.render.pdf.Composer.Figure;
import java.awt.Font;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;

/**
 * The PDF of a project's history: trend charts (computed beside stated, per section), the reviews
 * with their deltas, the changes and throughput between reviews, blockers over time with their
 * ages, the forecast with its method, and the timeline.
 */
final class HistoryDocument {
  /** Tables with a column per review show at most this many, the latest. */
  private static final int COLUMNS = 8;

  private final ReportData data;
  private final ProjectReport project;
  private final Review latest;
  private Composer out;

  HistoryDocument(ReportData data, ProjectReport project) {
    this.data = data;
    this.project = project;
    this.latest = project.latest();
  }

  /** Writes the PDF; characters no font has are reported to {@code missing}. */
  byte[] render(PageSetup setup, MissingGlyphs missing) throws IOException {
    List<Entry> entries = plan();
    String span = span();
    Composer.Metadata metadata =
        new Composer.Metadata(
            project.name() + " — readiness history",
            "Production readiness history of "
                + project.name()
                + ": "
                + span
                + "; latest "
                + Format.percent(latest.percent())
                + " computed",
            project.owner() == null ? Version.generator() : project.owner(),
            "production readiness, history, trend, forecast, " + project.slug(),
            Version.generator());
    // Dated and identified by its reviews, never by the build: the same reviews give the same
    // bytes.
    Instant created =
        latest.date() == null
            ? Instant.EPOCH
            : latest.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    String identity =
        String.join(
            ",",
            project.reviews().stream().map(r -> r.file() + "=" + r.snapshot().sha256()).toList());
    out =
        new Composer(
            setup,
            "history/" + project.slug(),
            created,
            identity,
            metadata,
            new Composer.Heads(
                project.name() + " · history to " + date(latest.date()),
                "Production readiness history",
                "Made from " + span + " by " + Version.generator()));
    out.outline(entries);
    cover(entries, span);
    trend();
    reviews();
    changes();
    sections();
    blockers();
    forecast();
    timeline();
    missing.report(out, latest.file(), "history PDF");
    return out.finish();
  }

  private String span() {
    int n = project.reviews().size();
    return n == 1
        ? "one review, " + date(latest.date())
        : n
            + " reviews from "
            + date(project.reviews().get(0).date())
            + " to "
            + date(latest.date());
  }

  private static String date(LocalDate date) {
    return date == null ? "undated" : date.toString();
  }

  private List<Entry> plan() {
    return List.of(
        new Entry("overview", "Overview", 0),
        new Entry("trend", "Trend", 0),
        new Entry("reviews", "Reviews", 0),
        new Entry("changes", "Changes between reviews", 0),
        new Entry("sections", "Sections over time", 0),
        new Entry("blockers", "Blockers over time", 0),
        new Entry("forecast", "Forecast", 0),
        new Entry("timeline", "Timeline", 0),
        new Entry("timeline-reviews", "Reviews and due dates", 1),
        new Entry("timeline-planned", "Recommended weeks", 1),
        new Entry("timeline-stamps", "Completion stamps", 1));
  }

  private void cover(List<Entry> entries, String span) {
    out.heading(new Entry("overview", "READINESS HISTORY", 0), Styles.KICKER, 0, 6);
    out.paragraph(project.name(), Styles.TITLE, 0, 4);
    out.paragraph(
        span
            + (project.owner() == null ? "" : "  ·  " + project.owner())
            + (project.ticket() == null ? "" : "  ·  " + project.ticket()),
        Styles.BODY.color(Styles.MUTED),
        2,
        0);
    boolean drifting = latest.scoreDrifting();
    out.figures(
        List.of(
            new Figure(
                "LATEST COMPUTED",
                Format.percent(latest.percent()),
                latest.done() + " of " + latest.total() + " items on " + date(latest.date()),
                Styles.ACCENT),
            new Figure(
                "LATEST STATED",
                ReviewDocument.score(latest.statedScore()),
                "drift " + Format.signed(latest.scoreDrift()),
                drifting
                    ? Styles.BAD
                    : latest.statedScore() == null ? Styles.MUTED : Styles.STATED),
            new Figure(
                "OPEN BLOCKERS",
                Integer.toString(latest.blockers().size()),
                latest.verdict().pass() ? "release gate passed" : "release gate not passed",
                latest.blockers().isEmpty() ? Styles.GOOD : Styles.BAD)));
    Forecast f = project.forecast();
    String forecast =
        f == null
            ? "No forecast."
            : f.p50() == null
                ? "Forecast: " + (f.reason() == null ? "no dates" : f.reason())
                : "Forecast for 100%: P50 "
                    + f.p50()
                    + ", P85 "
                    + f.p85()
                    + (f.gateP50() == null
                        ? ""
                        : "  ·  for the gate's "
                            + Format.percent(f.gatePercent())
                            + ": P50 "
                            + f.gateP50()
                            + ", P85 "
                            + f.gateP85());
    out.verdict("Latest review", latest.verdict(), data.settings().gate());
    out.paragraph(forecast, Styles.BODY.bold(), 0, 4);
    out.subheading("Contents", Styles.H3, 10, 0, 0);
    out.contents(entries.subList(1, entries.size()));
  }

  private void trend() {
    out.newPage();
    out.heading(new Entry("trend", "Trend", 0), Styles.H1, 0, 4);
    out.subheading("Computed percent beside the stated score", Styles.H3, 4, 2, 0);
    out.add(out.chart(dates(ChartFactory.progress(project)), out.width(), 230));
    out.subheading("Computed percent per section", Styles.H3, 10, 2, 0);
    int sections = project.trend().sections().size();
    out.add(
        out.chart(
            dates(ChartFactory.sectionTrends(project)),
            out.width(),
            Math.min(260 + 12f * (sections / 3), 380)));
  }

  /** Fits the date axis of a chart to the page when there are many reviews. */
  private JFreeChart dates(JFreeChart chart) {
    int points = project.trend().points().size();
    CategoryAxis axis = ((CategoryPlot) chart.getPlot()).getDomainAxis();
    if (points > 26) {
      axis.setTickLabelsVisible(false);
      axis.setLabel(
          "review dates " + date(project.reviews().get(0).date()) + " to " + date(latest.date()));
      axis.setLabelFont(new Font(PdfFonts.FAMILY, Font.PLAIN, 9));
    } else if (points > 7) {
      axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      axis.setTickLabelFont(new Font(PdfFonts.FAMILY, Font.PLAIN, 8));
    }
    return chart;
  }

  private void reviews() {
    out.newPage();
    out.heading(new Entry("reviews", "Reviews", 0), Styles.H1, 0, 4);
    out.paragraph(
        "Δ is the change since the review before. Drift is the computed percent minus the stated score.",
        Styles.SMALL,
        0,
        4);
    PdfPTable table = out.table(1.3f, 0.9f, 0.9f, 0.8f, 0.8f, 0.8f, 0.8f, 0.9f, 0.9f);
    out.head(table, "Review", "Done", "Computed", "Δ", "Stated", "Δ", "Drift", "Blockers", "Gate");
    for (int i = 0; i < project.reviews().size(); i++) {
      Review r = project.reviews().get(i);
      ReviewDiff diff = project.diffInto(i);
      table.addCell(out.cell(date(r.date()), Styles.TABLE.bold(), Element.ALIGN_LEFT));
      table.addCell(out.cell(r.done() + "/" + r.total(), Styles.TABLE, Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(
              Format.percent(r.percent()),
              Styles.TABLE.bold().color(Styles.ACCENT),
              Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(
              diff == null ? "–" : Format.signed(diff.percentChange()),
              Styles.TABLE,
              Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(
              Format.number(r.statedScore()),
              Styles.TABLE.color(r.statedScore() == null ? Styles.MUTED : Styles.STATED),
              Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(
              diff == null ? "–" : Format.signed(diff.scoreChange()),
              Styles.TABLE.color(
                  diff != null && diff.scoreChange() == null ? Styles.MUTED : Styles.INK),
              Element.ALIGN_RIGHT));
      boolean drifting = r.scoreDrifting();
      table.addCell(
          out.cell(
              Format.signed(r.scoreDrift()),
              drifting
                  ? Styles.TABLE.color(Styles.BAD)
                  : Styles.TABLE.color(r.scoreDrift() == null ? Styles.MUTED : Styles.INK),
              Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(Integer.toString(r.blockers().size()), Styles.TABLE, Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(
              r.verdict().pass() ? "pass" : "fail",
              Styles.TABLE.bold().color(r.verdict().pass() ? Styles.GOOD : Styles.BAD),
              Element.ALIGN_LEFT));
    }
    out.add(table);
  }

  private void changes() {
    out.keepSpace(180);
    out.heading(new Entry("changes", "Changes between reviews", 0), Styles.H1, 16, 4);
    if (project.diffs().isEmpty()) {
      out.paragraph("One review only: nothing to compare yet.", Styles.BODY, 0, 6);
      return;
    }
    out.paragraph(
        "Items checked, reopened, added, removed and reworded, and blockers opened and resolved.",
        Styles.SMALL,
        0,
        2);
    PdfPTable table = out.table(2.4f, 1f, 1.1f, 0.9f, 1.05f, 1.1f, 1f, 1.05f);
    out.head(
        table,
        "Between",
        "Checked",
        "Reopened",
        "Added",
        "Removed",
        "Reworded",
        "Opened",
        "Resolved");
    for (ReviewDiff d : project.diffs()) {
      table.addCell(
          out.cell(date(d.from()) + " → " + date(d.to()), Styles.TABLE, Element.ALIGN_LEFT));
      for (List<?> list :
          List.of(
              d.done(),
              d.reopened(),
              d.added(),
              d.removed(),
              d.reworded(),
              d.blockersOpened(),
              d.blockersResolved())) {
        table.addCell(out.cell(Integer.toString(list.size()), Styles.TABLE, Element.ALIGN_RIGHT));
      }
    }
    out.add(table);
    out.subheading("Throughput", Styles.H3, 6, 2, 0);
    out.paragraph(
        "Net counts every change in checked items, added and removed items included; the forecast draws on"
            + " net items per week.",
        Styles.SMALL,
        0,
        2);
    PdfPTable velocity = out.table(2.4f, 0.8f, 1f, 1.1f, 0.8f, 1.2f);
    out.head(velocity, "Between", "Days", "Checked", "Reopened", "Net", "Net per week");
    for (Trend.Velocity v : project.trend().velocity()) {
      velocity.addCell(out.cell(v.from() + " → " + v.to(), Styles.TABLE, Element.ALIGN_LEFT));
      velocity.addCell(out.cell(Long.toString(v.days()), Styles.TABLE, Element.ALIGN_RIGHT));
      velocity.addCell(out.cell(Integer.toString(v.gross()), Styles.TABLE, Element.ALIGN_RIGHT));
      velocity.addCell(out.cell(Integer.toString(v.reopened()), Styles.TABLE, Element.ALIGN_RIGHT));
      velocity.addCell(
          out.cell(Format.signed((double) v.net()), Styles.TABLE, Element.ALIGN_RIGHT));
      velocity.addCell(
          out.cell(Format.signedRate(v.netPerWeek()), Styles.TABLE.bold(), Element.ALIGN_RIGHT));
    }
    out.add(velocity);
  }

  private void sections() {
    out.keepSpace(200);
    out.heading(new Entry("sections", "Sections over time", 0), Styles.H1, 16, 4);
    List<Trend.Point> points = project.trend().points();
    int from = Math.max(0, points.size() - COLUMNS);
    if (from > 0) {
      out.paragraph(
          "Computed percent in the latest "
              + COLUMNS
              + " reviews; the chart and data.json have them all.",
          Styles.SMALL,
          0,
          2);
    } else {
      out.paragraph(
          "Computed percent per review; – where the section is absent or has no items.",
          Styles.SMALL,
          0,
          2);
    }
    PdfPTable table = perReview("Section", points, from);
    for (Trend.SectionSeries s : project.trend().sections()) {
      table.addCell(out.cell(s.label(), Styles.TABLE, Element.ALIGN_LEFT));
      for (int i = from; i < points.size(); i++) {
        Double p = s.percents().get(i);
        table.addCell(
            out.cell(p == null ? "–" : Format.percent(p), Styles.TABLE, Element.ALIGN_RIGHT));
      }
    }
    out.add(table);
  }

  /**
   * A table with a wide first column and one column per review from {@code from}, headed by month
   * and day, and by the year above them when the reviews shown cross a year.
   */
  private PdfPTable perReview(String first, List<Trend.Point> points, int from) {
    float[] widths = new float[1 + points.size() - from];
    widths[0] = 3.2f;
    for (int i = 1; i < widths.length; i++) {
      widths[i] = 1f;
    }
    List<String> labels =
        Format.dateLabels(
            points.subList(from, points.size()).stream().map(Trend.Point::date).toList());
    PdfPTable table = out.table(widths);
    out.head(table, first);
    for (String label : labels) {
      Phrase phrase = out.type.phrase(Styles.TABLE_HEAD.size() * 1.3f);
      if (label.length() == 10) {
        // 2024-05-18 is wider than the column: the year goes on a line of its own.
        phrase.addAll(out.type.chunks(label.substring(0, 4), Styles.TABLE_HEAD));
        phrase.add(out.type.newline());
        phrase.addAll(out.type.chunks(label.substring(5), Styles.TABLE_HEAD));
      } else {
        phrase.addAll(out.type.chunks(label, Styles.TABLE_HEAD));
      }
      PdfPCell cell = out.cell(phrase, label, Element.ALIGN_RIGHT);
      cell.setBackgroundColor(Styles.SHADE);
      table.addCell(cell);
    }
    return table;
  }

  private void blockers() {
    out.keepSpace(200);
    out.heading(new Entry("blockers", "Blockers over time", 0), Styles.H1, 16, 4);
    List<BlockerHistory> all = project.blockerHistory();
    if (all.isEmpty()) {
      out.paragraph("No review lists a blocker.", Styles.BODY, 0, 6);
      return;
    }
    PdfPTable table = out.table(2.8f, 1.1f, 1.1f, 0.9f, 2.1f);
    out.head(table, "Blocker", "First seen", "Last listed", "Age then", "Now");
    for (BlockerHistory b : all) {
      table.addCell(out.cell(b.title(), Styles.TABLE.bold(), Element.ALIGN_LEFT));
      table.addCell(out.cell(date(b.firstSeen()), Styles.TABLE, Element.ALIGN_LEFT));
      table.addCell(out.cell(date(b.lastListed()), Styles.TABLE, Element.ALIGN_LEFT));
      table.addCell(out.cell(b.ageDays() + " days", Styles.TABLE, Element.ALIGN_RIGHT));
      String now =
          b.open() ? "open, " + b.ageDays() + " days" : "resolved by " + date(b.resolved());
      table.addCell(
          out.cell(
              now,
              Styles.TABLE.bold().color(b.open() ? Styles.BAD : Styles.GOOD),
              Element.ALIGN_LEFT));
    }
    out.add(table);

    List<Trend.Point> points = project.trend().points();
    int from = Math.max(0, points.size() - COLUMNS);
    out.subheading(
        "Age in days at each review" + (from > 0 ? " (latest " + COLUMNS + ")" : ""),
        Styles.H3,
        6,
        2,
        0);
    PdfPTable ages = perReview("Blocker", points, from);
    for (BlockerHistory b : all) {
      ages.addCell(out.cell(b.title(), Styles.TABLE, Element.ALIGN_LEFT));
      for (int i = from; i < points.size(); i++) {
        BlockerStatus status = b.at(i);
        ages.addCell(
            out.cell(
                status == null ? "" : Long.toString(status.ageDays()),
                Styles.TABLE,
                Element.ALIGN_RIGHT));
      }
    }
    out.add(ages);
  }

  private void forecast() {
    out.keepSpace(160);
    out.heading(new Entry("forecast", "Forecast", 0), Styles.H1, 16, 4);
    Forecast f = project.forecast();
    if (f == null) {
      out.paragraph("No forecast for this project.", Styles.BODY, 0, 6);
      return;
    }
    out.paragraph("Method: " + f.method() + ".", Styles.BODY, 0, 6);
    if (f.p50() == null && f.gateP50() == null) {
      out.paragraph(
          f.reason() == null ? "No dates." : "No dates: " + f.reason() + ".",
          Styles.BODY.bold(),
          0,
          6);
    } else {
      PdfPTable table = out.table(2f, 1.2f, 1.2f);
      out.head(table, "Target", "P50", "P85");
      table.addCell(out.cell("100% of the items", Styles.TABLE, Element.ALIGN_LEFT));
      table.addCell(
          out.cell(
              f.p50() == null ? "–" : f.p50().toString(), Styles.TABLE.bold(), Element.ALIGN_LEFT));
      table.addCell(
          out.cell(
              f.p85() == null ? "–" : f.p85().toString(), Styles.TABLE.bold(), Element.ALIGN_LEFT));
      table.addCell(
          out.cell(
              "the gate's " + Format.percent(f.gatePercent()), Styles.TABLE, Element.ALIGN_LEFT));
      table.addCell(
          out.cell(
              f.gateP50() == null ? "–" : f.gateP50().toString(),
              Styles.TABLE.bold(),
              Element.ALIGN_LEFT));
      table.addCell(
          out.cell(
              f.gateP85() == null ? "–" : f.gateP85().toString(),
              Styles.TABLE.bold(),
              Element.ALIGN_LEFT));
      out.add(table);
    }
    if (!f.samples().isEmpty()) {
      out.paragraph(
          "Weekly net throughput drawn from: "
              + String.join(", ", f.samples().stream().map(Format::signedRate).toList())
              + " items per week.",
          Styles.SMALL,
          0,
          6);
    }
  }

  private void timeline() {
    out.keepSpace(200);
    out.heading(new Entry("timeline", "Timeline", 0), Styles.H1, 16, 4);
    Timeline t = project.timeline();
    out.heading(new Entry("timeline-reviews", "Reviews and due dates", 1), Styles.H3, 6, 2);
    PdfPTable reviews = out.table(1.2f, 1.2f, 1.2f, 2f);
    out.head(reviews, "Review", "Next review due", "Next held", "Status");
    for (Timeline.ReviewEvent e : t.reviews()) {
      reviews.addCell(out.cell(e.date().toString(), Styles.TABLE.bold(), Element.ALIGN_LEFT));
      reviews.addCell(
          out.cell(
              e.due() == null ? "not stated" : e.due().toString(),
              Styles.TABLE,
              Element.ALIGN_LEFT));
      reviews.addCell(
          out.cell(
              e.followedOn() == null ? "–" : e.followedOn().toString(),
              Styles.TABLE,
              Element.ALIGN_LEFT));
      // The latest review's next one is not held yet: whether it is late depends on the day the PDF
      // is made, which the PDF leaves out (the site says it).
      boolean late = e.overdue() && e.followedOn() != null;
      String status =
          late
              ? "overdue by " + e.daysLate() + " days"
              : e.due() == null ? "–" : e.followedOn() == null ? "not held yet" : "on time";
      reviews.addCell(
          out.cell(
              status,
              late ? Styles.TABLE.bold().color(Styles.BAD) : Styles.TABLE,
              Element.ALIGN_LEFT));
    }
    out.add(reviews);

    out.heading(new Entry("timeline-planned", "Recommended weeks", 1), Styles.H3, 8, 2);
    if (t.planned().isEmpty()) {
      out.paragraph("No review recommends a timeline.", Styles.BODY, 0, 6);
    } else {
      out.paragraph(
          "Each recommended week placed in time from the review that first lists it, with what was"
              + " actually checked in reviews within it.",
          Styles.SMALL,
          0,
          2);
      PdfPTable planned = out.table(1.1f, 2.6f, 2f, 0.9f, 0.8f, 0.9f);
      out.head(planned, "Listed in", "Week", "Window", "Planned days", "Done", "% at end");
      for (Timeline.PlannedWindow w : t.planned()) {
        String weeks =
            w.week() == w.lastWeek()
                ? "Week " + w.week()
                : "Weeks " + w.week() + "–" + w.lastWeek();
        planned.addCell(out.cell(w.anchor().toString(), Styles.TABLE, Element.ALIGN_LEFT));
        planned.addCell(out.cell(weeks + ": " + w.label(), Styles.TABLE, Element.ALIGN_LEFT));
        planned.addCell(out.cell(w.start() + " – " + w.end(), Styles.TABLE, Element.ALIGN_LEFT));
        planned.addCell(
            out.cell(Format.number(w.plannedDays()), Styles.TABLE, Element.ALIGN_RIGHT));
        planned.addCell(
            out.cell(Integer.toString(w.actualDone()), Styles.TABLE, Element.ALIGN_RIGHT));
        planned.addCell(
            out.cell(
                w.percentAtEnd() == null ? "–" : Format.percent(w.percentAtEnd()),
                Styles.TABLE,
                Element.ALIGN_RIGHT));
      }
      out.add(planned);
    }

    out.heading(new Entry("timeline-stamps", "Completion stamps", 1), Styles.H3, 8, 2);
    if (t.stamps().isEmpty()) {
      out.paragraph("No subsection carries a completion stamp.", Styles.BODY, 0, 6);
      return;
    }
    PdfPTable stamps = out.table(1f, 2.6f, 2.6f, 1.1f);
    out.head(stamps, "Stamped", "Section", "Subsection", "First in review");
    for (Timeline.Stamp s : t.stamps()) {
      stamps.addCell(out.cell(s.date().toString(), Styles.TABLE.bold(), Element.ALIGN_LEFT));
      stamps.addCell(out.cell(s.section(), Styles.TABLE, Element.ALIGN_LEFT));
      stamps.addCell(out.cell(s.subsection(), Styles.TABLE, Element.ALIGN_LEFT));
      stamps.addCell(out.cell(s.review().toString(), Styles.TABLE, Element.ALIGN_LEFT));
    }
    out.add(stamps);
  }
}
