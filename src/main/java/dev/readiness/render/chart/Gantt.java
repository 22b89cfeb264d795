package dev.readiness.render.chart;

import dev.readiness.analyze.Timeline;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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
   * The chart, or an empty string when the timeline has no dated review.
   *
   * @param timeline the project's timeline
   * @param today drawn as a line when it falls within the chart
   * @param label the accessible name
   */
  public static String svg(Timeline timeline, LocalDate today, String label) {
    List<LocalDate> dates = new ArrayList<>();
    for (Timeline.ReviewEvent e : timeline.reviews()) {
      add(dates, e.date());
      add(dates, e.due());
    }
    for (Timeline.PlannedWindow w : timeline.planned()) {
      add(dates, w.start());
      add(dates, w.end().plusDays(1));
    }
    if (dates.isEmpty()) {
      return "";
    }
    LocalDate from = dates.stream().min(LocalDate::compareTo).orElseThrow().minusDays(2);
    LocalDate to = dates.stream().max(LocalDate::compareTo).orElseThrow().plusDays(2);
    long days = Math.max(7, ChronoUnit.DAYS.between(from, to));
    int width = (int) Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, LABEL + days * 14));
    double scale = (width - LABEL - 10.0) / days;
    int rows = 1 + timeline.planned().size();
    int height = TOP + rows * ROW + 6;

    StringBuilder out = new StringBuilder(4096);
    out.append("<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"").append(Xml.escape(label)).append("\">");
    // Week grid, labelled with the Monday-or-whatever day it starts, every week from the first date.
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(7)) {
      String x = Xml.num(LABEL + ChronoUnit.DAYS.between(from, d) * scale);
      out.append("<line class=\"g-grid\" x1=\"").append(x).append("\" y1=\"").append(TOP - 6).append("\" x2=\"")
          .append(x).append("\" y2=\"").append(height - 4).append("\"/>");
      out.append("<text class=\"g-tick\" x=\"").append(x).append("\" y=\"12\">").append(d.toString().substring(5))
          .append("</text>");
    }
    double y0 = TOP;
    out.append("<text class=\"g-label\" x=\"4\" y=\"").append(Xml.num(y0 + 15)).append("\">Reviews</text>");
    for (Timeline.ReviewEvent e : timeline.reviews()) {
      if (e.due() != null) {
        double dx = LABEL + ChronoUnit.DAYS.between(from, e.due()) * scale;
        out.append("<rect class=\"g-due").append(e.overdue() ? " g-overdue" : "").append("\" x=\"")
            .append(Xml.num(dx - 3)).append("\" y=\"").append(Xml.num(y0 + 6)).append("\" width=\"6\" height=\"10\">")
            .append("<title>").append(Xml.escape("next review due " + e.due()
                + (e.overdue() ? ", overdue by " + e.daysLate() + " days" : ""))).append("</title></rect>");
      }
    }
    for (Timeline.ReviewEvent e : timeline.reviews()) {
      if (e.date() == null) {
        continue;
      }
      double cx = LABEL + ChronoUnit.DAYS.between(from, e.date()) * scale;
      double cy = y0 + 11;
      out.append("<path class=\"g-review\" d=\"M").append(Xml.num(cx)).append(' ').append(Xml.num(cy - 6))
          .append(" l6 6 l-6 6 l-6 -6 z\"><title>review ").append(e.date()).append("</title></path>");
    }
    int row = 1;
    for (Timeline.PlannedWindow w : timeline.planned()) {
      double y = TOP + row * ROW;
      double x = LABEL + ChronoUnit.DAYS.between(from, w.start()) * scale;
      double span = (ChronoUnit.DAYS.between(w.start(), w.end()) + 1) * scale;
      String name = weeks(w) + ": " + w.label();
      out.append("<text class=\"g-label\" x=\"4\" y=\"").append(Xml.num(y + 15)).append("\">")
          .append(Xml.escape(clip(ChartFactory.label(name, 200), 30))).append("</text>");
      out.append("<rect class=\"g-bar").append(w.percentAtEnd() != null ? " g-past" : "").append("\" x=\"")
          .append(Xml.num(x)).append("\" y=\"").append(Xml.num(y + 4)).append("\" width=\"").append(Xml.num(span))
          .append("\" height=\"14\" rx=\"3\"><title>").append(Xml.escape(name + " (planned at the " + w.anchor()
              + " review), " + w.start() + " to " + w.end())).append("</title></rect>");
      row++;
    }
    if (!today.isBefore(from) && !today.isAfter(to)) {
      String x = Xml.num(LABEL + ChronoUnit.DAYS.between(from, today) * scale);
      out.append("<line class=\"g-today\" x1=\"").append(x).append("\" y1=\"").append(TOP - 6).append("\" x2=\"")
          .append(x).append("\" y2=\"").append(height - 4).append("\"><title>today, ").append(today)
          .append("</title></line>");
    }
    return out.append("</svg>").toString();
  }

  /** {@code Week 2} or {@code Weeks 2–3}. */
  public static String weeks(Timeline.PlannedWindow w) {
    return w.week() == w.lastWeek() ? "Week " + w.week() : "Weeks " + w.week() + "–" + w.lastWeek();
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static void add(List<LocalDate> dates, LocalDate d) {
    if (d != null) {
      dates.add(d);
    }
  }
}
