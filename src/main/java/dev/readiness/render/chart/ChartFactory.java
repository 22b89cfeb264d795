package dev.readiness.render.chart;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.SectionFigures;
import dev.readiness.analyze.Trend;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Builds the charts the site and the PDFs share: done/open per section, computed percent beside
 * stated score over time, and per-section percent over time. Emoji are left out of labels (chart
 * fonts cannot draw them).
 */
public final class ChartFactory {
  /** Colours of the house palette, used by the stylesheet too. */
  public static final Color DONE = new Color(0x1F7A4D);

  public static final Color OPEN = new Color(0xD9DEE5);
  public static final Color COMPUTED = new Color(0x1F5FAD);
  public static final Color STATED = new Color(0xC2571A);
  public static final Color INK = new Color(0x1D232B);
  public static final Color GRID = new Color(0xE3E7EC);
  private static final Color[] SERIES = {
    new Color(0x1F5FAD), new Color(0xC2571A), new Color(0x1F7A4D), new Color(0x8E44AD),
        new Color(0xB7950B),
    new Color(0x17808C), new Color(0xA93226), new Color(0x566573), new Color(0x2E86C1),
        new Color(0x7D6608)
  };
  private static final String FONT = "DejaVu Sans";

  static {
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartFactory() {}

  /** Said in place of the bars when a review has no items. */
  public static final String NO_ITEMS = "No items: this review has no task items to chart";

  /** The most dates a line chart labels; beyond that it labels weeks, months, quarters or years. */
  static final int MAX_DATE_LABELS = 9;

  /**
   * Line charts mark each review with a shape up to this many reviews, and draw only the line
   * beyond.
   */
  static final int MAX_SHAPES = 60;

  /**
   * Done and open items per section, as horizontal stacked bars; no bars, and {@link #NO_ITEMS}
   * instead, when the review has no items.
   */
  public static JFreeChart sectionBars(Review review) {
    DefaultCategoryDataset data = sectionData(review);
    CategoryAxis categories = new CategoryAxis(null);
    NumberAxis values = new NumberAxis("Items");
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    StackedBarRenderer renderer = new StackedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, DONE);
    renderer.setSeriesPaint(1, OPEN);
    renderer.setMaximumBarWidth(0.08);
    renderer.setDefaultItemLabelsVisible(false);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setNoDataMessage(NO_ITEMS);
    plot.setNoDataMessageFont(new Font(FONT, Font.PLAIN, 13));
    plot.setNoDataMessagePaint(INK);
    return finish(plot, data.getColumnCount() > 0);
  }

  /**
   * What {@link #sectionBars} draws: per section (by its label) its done and open items, as the
   * analysis counted them; empty when the review has no items.
   */
  static DefaultCategoryDataset sectionData(Review review) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    if (review.total() == 0) {
      return data;
    }
    for (SectionFigures f : review.sections()) {
      String label = label(f.section().label(), 34);
      data.addValue(f.done(), "Done", label);
      data.addValue(f.open(), "Open", label);
    }
    return data;
  }

  /** Computed percent and stated score per review date. */
  public static JFreeChart progress(ProjectReport project) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Trend.Point p : project.trend().points()) {
      String date = p.date().toString();
      data.addValue(p.percent(), "Computed %", date);
      data.addValue(p.statedScore(), "Stated score", date);
    }
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, COMPUTED);
    renderer.setSeriesPaint(1, STATED);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesStroke(
        1,
        new BasicStroke(
            2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
    return finish(linePlot(data, renderer, project), true);
  }

  /** Computed percent per section lineage per review date. */
  public static JFreeChart sectionTrends(ProjectReport project) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    var points = project.trend().points();
    for (Trend.SectionSeries series : project.trend().sections()) {
      String name = label(series.label(), 28);
      for (int i = 0; i < points.size(); i++) {
        data.addValue(series.percents().get(i), name, points.get(i).date().toString());
      }
    }
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    for (int i = 0; i < project.trend().sections().size(); i++) {
      renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
      renderer.setSeriesStroke(i, new BasicStroke(1.8f));
    }
    return finish(linePlot(data, renderer, project), true);
  }

  private static CategoryPlot linePlot(
      DefaultCategoryDataset data, LineAndShapeRenderer renderer, ProjectReport project) {
    List<LocalDate> reviewDates = project.trend().points().stream().map(Trend.Point::date).toList();
    renderer.setDefaultShapesVisible(reviewDates.size() <= MAX_SHAPES);
    CategoryAxis dates = new DateCategoryAxis(reviewDates);
    dates.setCategoryMargin(0);
    dates.setLowerMargin(0.02);
    dates.setUpperMargin(0.02);
    NumberAxis percent = new NumberAxis("%");
    percent.setRange(0, 100);
    percent.setNumberFormatOverride(
        new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    return new CategoryPlot(data, dates, percent, renderer);
  }

  private static JFreeChart finish(CategoryPlot plot, boolean legend) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    Font tick = new Font(FONT, Font.PLAIN, 11);
    Font axisLabel = new Font(FONT, Font.PLAIN, 11);
    plot.getDomainAxis().setTickLabelFont(tick);
    plot.getDomainAxis().setTickLabelPaint(INK);
    plot.getDomainAxis().setAxisLinePaint(GRID);
    plot.getDomainAxis().setTickMarksVisible(false);
    plot.getRangeAxis().setTickLabelFont(tick);
    plot.getRangeAxis().setTickLabelPaint(INK);
    plot.getRangeAxis().setLabelFont(axisLabel);
    plot.getRangeAxis().setLabelPaint(INK);
    plot.getRangeAxis().setAxisLineVisible(false);
    JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 13), plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    LegendTitle legendTitle = chart.getLegend();
    if (legendTitle != null) {
      legendTitle.setItemFont(new Font(FONT, Font.PLAIN, 11));
      legendTitle.setItemPaint(INK);
      legendTitle.setFrame(BlockBorder.NONE);
      legendTitle.setPosition(RectangleEdge.TOP);
      legendTitle.setBackgroundPaint(Color.WHITE);
    }
    return chart;
  }

  /**
   * A category axis of review dates (ISO dates as category keys, oldest first) that labels them as
   * {@link DateTicks#categoryLabels} says: every date while they fit, else the first review of each
   * period. A label is drawn at its own width, not cut to a category's, which is narrow when there
   * are many reviews.
   */
  static final class DateCategoryAxis extends CategoryAxis {
    private final Map<String, String> labels = new HashMap<>();

    DateCategoryAxis(List<LocalDate> dates) {
      super(null);
      List<String> text = DateTicks.categoryLabels(dates, MAX_DATE_LABELS);
      for (int i = 0; i < dates.size(); i++) {
        labels.put(dates.get(i).toString(), text.get(i));
      }
    }

    @Override
    protected TextBlock createLabel(
        Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
      String key = category.toString();
      if (!labels.containsKey(key)) {
        return super.createLabel(category, width, edge, g2);
      }
      String label = labels.get(key);
      if (label == null) {
        return new TextBlock();
      }
      if (label.equals(key)) {
        return super.createLabel(category, width, edge, g2);
      }
      return TextUtils.createTextBlock(
          label, getTickLabelFont(category), getTickLabelPaint(category));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof DateCategoryAxis axis
          && axis.labels.equals(labels)
          && super.equals(other);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }

  /** A label without emoji or other symbols chart fonts lack, cut to {@code max} characters. */
  public static String label(String text, int max) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (cp < 0x2190
                  || (type != Character.OTHER_SYMBOL
                      && type != Character.SURROGATE
                      && type != Character.NON_SPACING_MARK
                      && cp != 0xFE0F
                      && cp != 0x200D)) {
                out.appendCodePoint(cp);
              }
            });
    String s = out.toString().replaceAll("\\s+", " ").strip();
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
