package dev.readiness.render.chart;

import dev.readiness.analyze.Timeline;
import dev.readiness.model.PlausibleDates;
import dev.readiness.render.TextDirection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A project's timeline as an inline Gantt-style SVG: reviews and their due dates on the top row,
 * one bar per recommended week. Styled by the page's CSS classes (no inline styles), so a strict
 * Content-Security-Policy holds and the dark scheme applies. Layout only; figures come formatted.
 */
public final class Gantt {
  private static final int LABEL = 210;
  private static final int ROW = 22;
  private static final int TOP = 24;
  private static final int MIN_WIDTH = 640;
  private static final int MAX_WIDTH = 1100;

  private Gantt() {}

  /**
   * The chart, or an empty string when the timeline has no date {@link PlausibleDates} contains. A
   * review dated 0001-01-01 or a next review in 9999 is a typo: drawn, it would stretch the chart
   * over thousands of years and squeeze the real dates into one pixel. Such dates stay in the
   * tables, and the reader has warned about them ({@code IMPLAUSIBLE_DATE}).
   *
   * @param timeline the project's timeline
   * @param today drawn as a line when it falls within the chart
   * @param label the accessible name
   */
  public static String svg(Timeline timeline, LocalDate today, String label) {
    Predicate<LocalDate> drawn = PlausibleDates::contains;
    List<LocalDate> dates = new ArrayList<>();
    for (Timeline.ReviewEvent e : timeline.reviews()) {
      add(dates, e.date(), drawn);
      add(dates, e.due(), drawn);
    }
    List<Timeline.PlannedWindow> planned =
        timeline.planned().stream()
            .filter(w -> drawn.test(w.start()) && drawn.test(w.end()))
            .toList();
    for (Timeline.PlannedWindow w : planned) {
      dates.add(w.start());
      dates.add(w.end().plusDays(1));
    }
    if (dates.isEmpty()) {
      return "";
    }
    LocalDate from = dates.stream().min(LocalDate::compareTo).orElseThrow().minusDays(2);
    LocalDate to = dates.stream().max(LocalDate::compareTo).orElseThrow().plusDays(2);
    long days = Math.max(7, ChronoUnit.DAYS.between(from, to));
    int width = (int) Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, LABEL + days * 14));
    double scale = (width - LABEL - 10.0) / days;
    int rows = 1 + planned.size();
    int height = TOP + rows * ROW + 6;

    SvgWriter svg =
        new SvgWriter(4096, false)
            .svg("gantt")
            .attr("viewBox", "0 0 " + width + " " + height)
            .attr("width", width)
            .attr("height", height)
            .attr("role", "img")
            .attr("aria-label", label);
    // The grid: weeks from the first date, or months, quarters or years when weeks would not fit.
    for (DateTicks.Tick tick : DateTicks.between(from, to, width - LABEL - 10.0)) {
      double x = LABEL + ChronoUnit.DAYS.between(from, tick.date()) * scale;
      svg.empty("line")
          .attr("class", "g-grid")
          .attr("x1", x)
          .attr("y1", TOP - 6)
          .attr("x2", x)
          .attr("y2", height - 4);
      svg.start("text").attr("class", "g-tick").attr("x", x).attr("y", 12).text(tick.label()).end();
    }
    double y0 = TOP;
    svg.start("text")
        .attr("class", "g-label")
        .attr("x", 4)
        .attr("y", y0 + 15)
        .text("Reviews")
        .end();
    for (Timeline.ReviewEvent e : timeline.reviews()) {
      if (drawn.test(e.due())) {
        double dx = LABEL + ChronoUnit.DAYS.between(from, e.due()) * scale;
        svg.start("rect")
            .attr("class", e.overdue() ? "g-due g-overdue" : "g-due")
            .attr("x", dx - 3)
            .attr("y", y0 + 6)
            .attr("width", 6)
            .attr("height", 10)
            .element(
                "title",
                "next review due "
                    + e.due()
                    + (e.overdue() ? ", overdue by " + e.daysLate() + " days" : ""))
            .end();
      }
    }
    for (Timeline.ReviewEvent e : timeline.reviews()) {
      if (!drawn.test(e.date())) {
        continue;
      }
      double cx = LABEL + ChronoUnit.DAYS.between(from, e.date()) * scale;
      double cy = y0 + 11;
      svg.start("path")
          .attr("class", "g-review")
          .attr("d", "M" + SvgWriter.num(cx) + " " + SvgWriter.num(cy - 6) + " l6 6 l-6 6 l-6 -6 z")
          .element("title", "review " + e.date())
          .end();
    }
    int row = 1;
    for (Timeline.PlannedWindow w : planned) {
      double y = TOP + row * ROW;
      double x = LABEL + ChronoUnit.DAYS.between(from, w.start()) * scale;
      double span = (ChronoUnit.DAYS.between(w.start(), w.end()) + 1) * scale;
      String name = weeks(w) + ": " + w.label();
      svg.start("text")
          .attr("class", "g-label")
          .attr("x", 4)
          .attr("y", y + 15)
          .text(readingOrder(clip(ChartFactory.label(name, 200), 30)))
          .end();
      svg.start("rect")
          .attr("class", w.percentAtEnd() != null ? "g-bar g-past" : "g-bar")
          .attr("x", x)
          .attr("y", y + 4)
          .attr("width", span)
          .attr("height", 14)
          .attr("rx", 3)
          .element(
              "title",
              name + " (planned at the " + w.anchor() + " review), " + w.start() + " to " + w.end())
          .end();
      row++;
    }
    if (!today.isBefore(from) && !today.isAfter(to)) {
      double x = LABEL + ChronoUnit.DAYS.between(from, today) * scale;
      svg.start("line")
          .attr("class", "g-today")
          .attr("x1", x)
          .attr("y1", TOP - 6)
          .attr("x2", x)
          .attr("y2", height - 4)
          .element("title", "today, " + today)
          .end();
    }
    return svg.finish();
  }

  /**
   * A label that starts with a right-to-left letter, embedded right to left: the label is laid out
   * from its left end, and within it an Arabic or Hebrew name reads in its own order.
   */
  private static String readingOrder(String text) {
    return TextDirection.firstStrong(text) == TextDirection.RTL
        ? TextDirection.RTL_EMBEDDING + text + TextDirection.POP_DIRECTIONAL
        : text;
  }

  /** {@code Week 2} or {@code Weeks 2–3}. */
  public static String weeks(Timeline.PlannedWindow w) {
    return w.week() == w.lastWeek() ? "Week " + w.week() : "Weeks " + w.week() + "–" + w.lastWeek();
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static void add(List<LocalDate> dates, LocalDate d, Predicate<LocalDate> drawn) {
    if (drawn.test(d)) {
      dates.add(d);
    }
  }
}
